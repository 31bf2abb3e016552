import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Success } from './page.tsx';

export interface FlashState {
  /** A key under "flash." in the translations, shown once on the page navigated to. */
  flash?: string;
  flashValues?: Record<string, string>;
}

/** A confirmation carried over a navigation ("you have signed out"). */
export function Flash() {
  const { t } = useTranslation();
  const state = useLocation().state as FlashState | null;
  if (!state?.flash) return null;
  return <Success>{t(`flash.${state.flash}`, state.flashValues ?? {})}</Success>;
}
