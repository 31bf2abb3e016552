import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/index.ts';
import { clock } from '../format.ts';
import type { SaveState } from '../useAutosave.ts';

export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const text =
    state.kind === 'saving'
      ? t('application.saving')
      : state.kind === 'saved'
        ? t('application.savedAt', { time: clock(state.at) })
        : state.kind === 'failed'
          ? `${t('application.notSaved')} ${localized(state.message)}`
          : '';
  return (
    <p className={`save-status${state.kind === 'failed' ? ' save-status-failed' : ''}`} role="status">
      {text}
    </p>
  );
}
