import { type MouseEvent, type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Messages } from '../api/client.ts';
import { useLocalized } from '../i18n/index.ts';
import { signInPath } from '../session.ts';
import type { FormErrors } from './useAppForm.ts';

/** Moves focus to the field a summary link names (a plain #anchor only scrolls). */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, href: string) {
  const target = document.getElementById(href.slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

/**
 * The visible label (or legend) of a field, so "Fill in this field" says which one;
 * a field in a row of a list (question 2, board member 1) says which row too.
 */
function labelOf(href: string): string | null {
  const id = href.slice(1);
  const field = document.getElementById(id);
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field?.querySelector('legend');
  const text = label?.firstChild?.textContent?.trim();
  if (!text) return null;
  const row = field?.parentElement?.closest('fieldset.row-fieldset')?.querySelector('legend')?.textContent?.trim();
  return row ? `${row}, ${text}` : text;
}

/**
 * The list of what went wrong, at the top of the form; it takes focus after a
 * failed submit and links each field error to its field.
 */
export function ErrorSummary({ errors, items, ref }: { errors: FormErrors; items: { href: string; message: Messages }[]; ref: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const location = useLocation();
  const titleId = useId();
  const count = errors.general.length + items.length;
  if (count === 0) return <div ref={ref} tabIndex={-1} hidden />;
  return (
    // As GOV.UK's error summary: the box takes focus, and its content is an alert.
    <div className="error-summary" ref={ref} tabIndex={-1}>
      <div role="alert" aria-labelledby={titleId}>
        <h2 id={titleId} className="error-summary-title">
          {t('form.summaryTitle')}
        </h2>
        <ul className="error-summary-list">
          {errors.general.map((m) => (
            <li key={m.en}>{localized(m)}</li>
          ))}
          {items.map((item) => {
            const label = labelOf(item.href);
            return (
              <li key={item.href}>
                <a href={item.href} onClick={(e) => focusTarget(e, item.href)}>
                  {label ? `${label}: ` : ''}
                  {localized(item.message)}
                </a>
              </li>
            );
          })}
        </ul>
        {errors.signIn ? (
          <p>
            <Link to={signInPath(location.pathname + location.search)}>{t('form.signInAgain')}</Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
