// What a form saved as it is typed says when this browser holds typing the server never got, and when
// someone else saved the same draft meanwhile: the application form and the follow-up report share these.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateTime } from '../calls/format.ts';
import { signInPath } from '../session.ts';

/** Typing kept in this browser (from `at`, epoch ms) that is newer than the saved draft. */
export function RestoreNotice({ at, savedAt, onRestore, onDiscard }: { at: number; savedAt: string; onRestore(): void; onDiscard(): void }) {
  const { t } = useTranslation();
  return (
    <section className="notice notice-warning" aria-labelledby="restore-title">
      <p id="restore-title" className="notice-title">
        {t('application.restoreTitle')}
      </p>
      <p>{t('application.restoreText', { at: dateTime(new Date(at).toISOString()), saved: dateTime(savedAt) })}</p>
      <div className="actions actions-small">
        <button type="button" className="button" onClick={onRestore}>
          {t('application.restore')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDiscard}>
          {t('application.discardLocal')}
        </button>
      </div>
    </section>
  );
}

/** Someone else saved since this form's version: keep mine or take theirs, with what differs (`children`). */
export function ConflictNotice({
  text,
  message,
  onKeepMine,
  onTakeTheirs,
  children,
}: {
  text: string;
  message: string;
  onKeepMine(): void;
  onTakeTheirs(): void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error conflict" role="alert" aria-labelledby="conflict-title">
      <p id="conflict-title" className="notice-title">
        {t('application.conflictTitle')}
      </p>
      <p>{text}</p>
      {children}
      <div className="actions actions-small">
        <button type="button" className="button" onClick={onKeepMine}>
          {t('application.keepMine')}
        </button>
        <button type="button" className="button button-secondary" onClick={onTakeTheirs}>
          {t('application.takeTheirs')}
        </button>
      </div>
      <p className="hint">{message}</p>
    </div>
  );
}

/** The session ended while typing: what was typed is kept here, and signing in again brings the person back to `here`. */
export function SignedOutNotice({ here }: { here: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="alert">
      <p>{t('application.signedOut')}</p>
      <p>
        <Link to={signInPath(here)}>{t('form.signInAgain')}</Link>
      </p>
    </div>
  );
}
