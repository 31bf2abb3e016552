import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Words written in one language shown in an interface that may be in another: a funder writes its
 * call in Swedish, and in the English interface a screen reader must read them as Swedish (WCAG 3.1.2).
 * The element is there in either language, so the page's layout does not change with it; only its
 * `lang` does.
 */
export function Content({
  lang = 'sv',
  as: Tag = 'span',
  className,
  children,
}: {
  lang?: 'sv' | 'en';
  as?: 'span' | 'p' | 'div' | 'li';
  className?: string;
  children: ReactNode;
}) {
  const { i18n } = useTranslation();
  const shown = i18n.language === 'en' ? 'en' : 'sv';
  return (
    <Tag className={className} lang={shown === lang ? undefined : lang}>
      {children}
    </Tag>
  );
}
