import { currentLanguage } from '../i18n/index.ts';

/** "14.32" in Swedish, "14:32" in English, Swedish time. */
export function clock(iso: string): string {
  const lang = currentLanguage();
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(
    new Date(iso),
  );
  return lang === 'sv' ? text.replace(':', '.') : text;
}

/** "3 mars 2022 kl. 14.32" / "3 March 2022 at 14:32". */
export function dateTime(iso: string): string {
  const lang = currentLanguage();
  const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(iso));
  return lang === 'sv' ? `${date} kl. ${clock(iso)}` : `${date} at ${clock(iso)}`;
}
