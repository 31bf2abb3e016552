import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Success } from './page.tsx';

export interface FlashState {
  /** A key under "flash." in the translations, shown once on the page navigated to. */
  flash?: string;
  flashValues?: Record<string, string>;
}

/**
 * A confirmation carried over a navigation ("you have signed out"). It is taken
 * out of the history entry at once, so a reload or going back does not repeat it.
 */
export function Flash() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [shown, setShown] = useState<(FlashState & { path: string }) | null>(null);

  useEffect(() => {
    const state = location.state as FlashState | null;
    if (!state?.flash) return;
    setShown({ path: location.pathname, flash: state.flash, flashValues: state.flashValues });
    navigate({ pathname: location.pathname, search: location.search, hash: location.hash }, { replace: true, state: null });
  }, [location, navigate]);

  // Leaving the page ends the message.
  useEffect(() => {
    setShown((current) => (current && current.path !== location.pathname ? null : current));
  }, [location.pathname]);

  if (!shown || shown.path !== location.pathname) return null;
  return <Success>{t(`flash.${shown.flash}`, shown.flashValues ?? {})}</Success>;
}
