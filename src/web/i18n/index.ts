import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Messages } from '../api.ts';
import { languageCookie, put } from '../api.ts';

export type Lang = 'sv' | 'en';
const STORAGE_KEY = 'samverka.lang';

function storedLanguage(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'sv' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** The language chosen in this browser, else the one the server last set, else Swedish. */
function initialLanguage(): Lang {
  const cookie = languageCookie();
  return storedLanguage() ?? (cookie === 'en' || cookie === 'sv' ? cookie : 'sv');
}

/** Each language's texts, fetched when that language is first shown: a page loads one, not both. */
const CATALOGUES: Record<Lang, () => Promise<{ default: Record<string, unknown> }>> = {
  sv: () => import('./sv.json'),
  en: () => import('./en.json'),
};

async function catalogue(lang: Lang) {
  if (!i18n.hasResourceBundle(lang, 'translation')) i18n.addResourceBundle(lang, 'translation', (await CATALOGUES[lang]()).default);
}

/** Sets up the interface's language, with its texts loaded, before the first render. */
export async function initI18n() {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  // The two catalogues have the same keys (a test checks), so no language falls back on another.
  await i18n.use(initReactI18next).init({
    resources: { [lng]: { translation: (await CATALOGUES[lng]()).default } },
    partialBundledLanguages: true,
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // The server answers in the language of its cookie: keep it in step with this browser's choice.
  const chosen = storedLanguage();
  if (chosen && languageCookie() !== chosen) void put('/api/me/locale', { locale: chosen }).catch(() => {});
  return i18n;
}

export function currentLanguage(): Lang {
  return i18n.language === 'en' ? 'en' : 'sv';
}

/** Switches the interface, remembers the choice here and tells the server (which then answers in it too). */
export async function setLanguage(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  await catalogue(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
  await put('/api/me/locale', { locale: lang }).catch(() => {});
}

/**
 * After sign-in the server sets its language cookie to the account's saved language.
 * A choice made in this browser wins and is saved to the account; otherwise the account's is used.
 */
export async function adoptLanguageAfterSignIn(accountLocale: Lang) {
  const chosen = storedLanguage();
  if (chosen && chosen !== accountLocale) {
    await put('/api/me/locale', { locale: chosen }).catch(() => {});
  } else if (!chosen && accountLocale !== currentLanguage()) {
    await catalogue(accountLocale);
    document.documentElement.lang = accountLocale;
    await i18n.changeLanguage(accountLocale);
  }
}

/** Picks the current language's text of a server message. */
export function useLocalized() {
  const { i18n: instance } = useTranslation();
  const lang: Lang = instance.language === 'en' ? 'en' : 'sv';
  return (m: Messages) => m[lang];
}

export default i18n;
