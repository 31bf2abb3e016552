// The app's entry (main.tsx) and the language module import the client's errors and the language
// cookie from here; everything else uses src/web/api/client.ts and its capability's data-access module.
import { saveLocale } from './auth/api.ts';

export { ApiError, type FieldError, languageCookie, type Messages, type Problem } from './api/client.ts';

/** Saves the language the server answers this person in (the only change the language module makes). */
export const put = (_path: '/api/me/locale', body: { locale: 'sv' | 'en' }) => saveLocale(body.locale);
