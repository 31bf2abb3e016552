// Money, dates, times and time left as people read them: "3 000 000 kr" / "SEK 3,000,000",
// "6 mars 2022" / "6 March 2022", "6 mars 2022 kl. 14.32" / "6 March 2022 at 14:32": the one date
// format of the web app. Calendar dates are Swedish dates, never shifted by the reader's clock.
import type { TFunction } from 'i18next';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { formatKronor, type Ore, ore, parseKronor } from '../../domain/money.ts';
import { currentLanguage } from '../i18n/index.ts';

/** An amount as people read it; amounts from an audit entry's data or a form's sum come as plain numbers of öre. */
export function kr(amount: number): string {
  return formatKronor(ore(amount), currentLanguage());
}

/** An amount for an input: grouped digits without the currency ("3 000 000"), empty for nothing. */
export function amountInput(ore: number | null | undefined): string {
  if (!ore) return '';
  const lang = currentLanguage();
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 2 }).format(ore / 100);
}

/**
 * What someone typed as kronor, in öre: "3 000 000", "3000000 kr", "12 500,50";
 * in English also "3,000,000" and "12,500.50" (commas there only between groups
 * of three digits). Null when it is not an amount.
 */
export function parseAmount(input: string): Ore | null {
  const text = input.trim().replace(/^SEK\s*/i, '');
  if (currentLanguage() === 'en' && /^\d{1,3}(,\d{3})+(\.\d{1,2})?(\s*(kr|SEK))?$/i.test(text)) return parseKronor(text.replaceAll(',', ''));
  return parseKronor(text);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "6 mars 2022" (Swedish) or "6 March 2022" (English) for a YYYY-MM-DD. */
export function formatDate(date: string): string {
  const lang = currentLanguage();
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(`${date}T12:00:00Z`));
}

/** "14.32" in Swedish, "14:32" in English, Swedish time. */
export function clock(iso: string): string {
  const lang = currentLanguage();
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' }).format(
    new Date(iso),
  );
  return lang === 'sv' ? text.replace(':', '.') : text;
}

/** "3 mars 2022 kl. 14.32" / "3 March 2022 at 14:32": the date as formatDate writes it, in Swedish time. */
export function dateTime(iso: string): string {
  const date = formatDate(dateInStockholm(new Date(iso)));
  return currentLanguage() === 'sv' ? `${date} kl. ${clock(iso)}` : `${date} at ${clock(iso)}`;
}

/** "12 dagar och 3 timmar kvar"; under a day, hours and minutes; under an hour, minutes. */
export function timeLeftText(t: TFunction, left: { days: number; hours: number; minutes: number }): string {
  const days = t('time.days', { count: left.days });
  const hours = t('time.hours', { count: left.hours });
  const minutes = t('time.minutes', { count: left.minutes });
  if (left.days > 0) return t('time.left', { first: days, second: hours });
  if (left.hours > 0) return t('time.left', { first: hours, second: minutes });
  return t('time.leftOne', { value: minutes });
}
