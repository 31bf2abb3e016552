import { useTranslation } from 'react-i18next';
import { clock } from '../calls/format.ts';
import { useLocalized } from '../i18n/index.ts';
import type { SaveState } from './useAutosave.ts';

/**
 * Where an autosaved form's saving stands: saving, saved at a time, or not saved with the reason
 * (`notSaved` says what is kept meanwhile) and a button to try again.
 */
export function SaveStatus<C>({ state, notSaved, onRetry }: { state: SaveState<C>; notSaved: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const troubled = state.kind === 'failed' || state.kind === 'invalid';
  const text =
    state.kind === 'saving'
      ? t('autosave.saving')
      : state.kind === 'saved'
        ? t('autosave.savedAt', { time: clock(state.at) })
        : state.kind === 'failed'
          ? `${notSaved} ${localized(state.message)}`
          : state.kind === 'invalid'
            ? `${notSaved} ${t('autosave.invalid')}`
            : '';
  return (
    <div className="save-status-row">
      <p className={`save-status${troubled ? ' save-status-failed' : ''}`} role="status">
        {text}
      </p>
      {troubled && onRetry ? (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('autosave.retry')}
        </button>
      ) : null}
    </div>
  );
}
