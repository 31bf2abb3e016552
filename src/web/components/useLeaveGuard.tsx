import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Location, useBlocker } from 'react-router';

export interface LeaveGuardOptions {
  /** Something typed is not on the server yet. */
  unsaved: () => boolean;
  /** Tries to save it before an in-app move; true when nothing is left unsaved. Without it, the person is asked at once. */
  save?: () => Promise<boolean>;
  /** Closing or reloading the tab would lose it: the page's own save as it goes away cannot be counted on. */
  atRisk: () => boolean;
  /** A move that keeps the work (the form's own address after its first save, signing in again to restore it). */
  allows?: (next: Location) => boolean;
}

/**
 * Warns before leaving a form with unsaved work: an in-app link or the browser's back button first
 * saves what can be saved, and if that does not do it, asks in a dialog (staying is the default);
 * closing or reloading the tab asks through the browser's own prompt. Moving within the same page
 * (another step, the same address) is never held up. Answers the dialog, to be rendered by the form.
 */
export function useLeaveGuard({ unsaved, save, atRisk, allows }: LeaveGuardOptions): ReactNode {
  const { t } = useTranslation();
  const latest = useRef({ unsaved, save, atRisk, allows });
  latest.current = { unsaved, save, atRisk, allows };
  const shouldBlock = useCallback(
    ({ currentLocation, nextLocation }: { currentLocation: Location; nextLocation: Location }) =>
      currentLocation.pathname !== nextLocation.pathname && latest.current.unsaved() && !latest.current.allows?.(nextLocation),
    [],
  );
  const blocker = useBlocker(shouldBlock);
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (blocker.state !== 'blocked') {
      setAsking(false);
      return;
    }
    const trySave = latest.current.save;
    if (!trySave) {
      setAsking(true);
      return;
    }
    let current = true;
    setSaving(true);
    void trySave().then((saved) => {
      if (!current) return;
      setSaving(false);
      if (saved) blocker.proceed();
      else setAsking(true);
    });
    return () => {
      current = false;
    };
  }, [blocker]);

  useEffect(() => {
    const box = dialog.current;
    if (!box) return;
    if (asking && !box.open) box.showModal();
    if (!asking && box.open) box.close();
  }, [asking]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!latest.current.atRisk()) return;
      event.preventDefault();
      // Older browsers show the prompt only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const stay = () => {
    setAsking(false);
    if (blocker.state === 'blocked') blocker.reset();
  };

  return (
    <>
      {saving ? (
        <p className="visually-hidden" role="status">
          {t('leave.checking')}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        className="leave-dialog"
        aria-labelledby="leave-title"
        aria-describedby="leave-text"
        onCancel={(event) => {
          event.preventDefault();
          stay();
        }}
      >
        <h2 id="leave-title">{t('leave.title')}</h2>
        <p id="leave-text">{t('leave.text')}</p>
        <div className="actions actions-small">
          {/* biome-ignore lint/a11y/noAutofocus: staying is the safe choice, and a modal dialog takes focus */}
          <button type="button" className="button" autoFocus onClick={stay}>
            {t('leave.stay')}
          </button>
          <button
            type="button"
            className="button button-secondary button-danger"
            onClick={() => {
              setAsking(false);
              if (blocker.state === 'blocked') blocker.proceed();
            }}
          >
            {t('leave.go')}
          </button>
        </div>
      </dialog>
    </>
  );
}
