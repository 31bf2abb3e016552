import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useLocalized } from '../i18n/index.ts';
import { signInPath } from '../session.ts';

/** Sets the browser tab's title: "<page> – Samverka". */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Samverka`;
  }, [title]);
}

/** The page's one h1; it takes focus when the page changes (see Layout). */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}

export function Page({ title, heading, children }: { title: string; heading?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <PageHeading>{heading ?? title}</PageHeading>
      {children}
    </>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A failed load, in words, with a way to sign in when that is what it takes. */
export function LoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (!(error instanceof ApiError)) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('common.unexpected')}</p>
      </div>
    );
  }
  return (
    <div className="notice notice-error" role="alert">
      <p>{localized(error.problem.messages)}</p>
      {error.needsSignIn ? (
        <p>
          <Link to={signInPath(window.location.pathname + window.location.search)}>{t('form.signInAgain')}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** A polite confirmation ("saved", "sent"); not colour alone: it starts with a check mark and words. */
export function Success({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice-success" role="status">
      <span aria-hidden="true" className="notice-icon">
        ✓{' '}
      </span>
      {children}
    </div>
  );
}

export function Info({ children }: { children: ReactNode }) {
  return <div className="notice notice-info">{children}</div>;
}

/** Said on a form whose text was kept across a sign-in and filled in again. */
export function RestoredNotice({ restored }: { restored: boolean }) {
  const { t } = useTranslation();
  return restored ? <Info>{t('form.restored')}</Info> : null;
}
