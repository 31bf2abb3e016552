import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { languageCookie, type Messages } from '../api/client.ts';
import { saveLocale } from '../auth/api.ts';

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

/**
 * The language chosen in this browser, else the one the page came in: the server writes it in
 * `<html lang>` (its language cookie, else the browser's Accept-Language, else Swedish) together
 * with the page's first view in it, so the app starts in the language already shown.
 */
function initialLanguage(): Lang {
  return storedLanguage() ?? (document.documentElement.lang === 'en' ? 'en' : 'sv');
}

type Part = 'shell' | 'pages';
type Texts = { default: Record<string, unknown> };

/**
 * Each language's texts in two parts, fetched when first needed in that language: the first page
 * loads the shell's part of one language; the pages loaded on demand bring the rest (`pageTexts`).
 */
const TEXTS: Record<Lang, Record<Part, () => Promise<Texts>>> = {
  sv: { shell: () => import('./sv.json?texts=shell'), pages: () => import('./sv.json?texts=pages') },
  en: { shell: () => import('./en.json?texts=shell'), pages: () => import('./en.json?texts=pages') },
};

/** The parts this page has needed so far: a change of language loads them all in the new one first. */
const needed = new Set<Part>(['shell']);
const loaded = new Set<string>();

async function load(lang: Lang, part: Part) {
  const key = `${lang}:${part}`;
  if (loaded.has(key)) return;
  const { default: texts } = await TEXTS[lang][part]();
  i18n.addResourceBundle(lang, 'translation', texts, true, true);
  loaded.add(key);
}

async function texts(lang: Lang) {
  await Promise.all([...needed].map((part) => load(lang, part)));
}

/**
 * Loads every page's texts in the language shown; a page loaded on demand waits for it before its
 * first render, so no key is ever shown untranslated. It loads again if the language changed meanwhile.
 */
export async function pageTexts() {
  needed.add('pages');
  let lang: Lang;
  do {
    lang = currentLanguage();
    await load(lang, 'pages');
  } while (lang !== currentLanguage());
}

/** Sets up the interface's language, with its texts loaded, before the first render. */
export async function initI18n() {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  // The two catalogues have the same keys (a test checks), so no language falls back on another.
  const { default: shell } = await TEXTS[lng].shell();
  loaded.add(`${lng}:shell`);
  await i18n.use(initReactI18next).init({
    resources: { [lng]: { translation: shell } },
    partialBundledLanguages: true,
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // The server answers in the language of its cookie: keep it in step with this browser's choice.
  const chosen = storedLanguage();
  if (chosen && languageCookie() !== chosen) void saveLocale(chosen).catch(() => {});
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
  await texts(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
  await saveLocale(lang).catch(() => {});
}

/**
 * After sign-in the server sets its language cookie to the account's saved language.
 * A choice made in this browser wins and is saved to the account; otherwise the account's is used.
 */
export async function adoptLanguageAfterSignIn(accountLocale: Lang) {
  const chosen = storedLanguage();
  if (chosen && chosen !== accountLocale) {
    await saveLocale(chosen).catch(() => {});
  } else if (!chosen && accountLocale !== currentLanguage()) {
    await texts(accountLocale);
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
