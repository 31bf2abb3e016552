/** Messages the server sends back, in both languages. {{name}} is filled from params. */
export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];

type Catalogue = Record<string, { sv: string; en: string }>;

export const messages = {
  validation_failed: { sv: 'Kontrollera uppgifterna i formuläret.', en: 'Please check the form.' },
  required: { sv: 'Fyll i det här fältet.', en: 'Please fill in this field.' },
  too_short: { sv: 'Skriv minst {{limit}} tecken.', en: 'Use at least {{limit}} characters.' },
  too_long: { sv: 'Skriv högst {{limit}} tecken.', en: 'Use at most {{limit}} characters.' },
  invalid_email: { sv: 'Ange en giltig e-postadress, t.ex. namn@forening.se.', en: 'Enter a valid e-mail address, e.g. name@association.se.' },
  invalid_value: { sv: 'Värdet är inte giltigt här.', en: 'This value is not valid here.' },
  invalid_choice: { sv: 'Välj ett av alternativen.', en: 'Choose one of the options.' },
  invalid_format: { sv: 'Värdet har fel format.', en: 'The value has the wrong format.' },
  unknown_field: { sv: 'Fältet {{name}} hör inte hemma här.', en: 'The field {{name}} does not belong here.' },
  org_number_invalid: {
    sv: 'Organisationsnumret ”{{value}}” är inte giltigt. Det har tio siffror, t.ex. 802000-1234; kontrollera att du skrivit av det rätt.',
    en: 'The organisation number “{{value}}” is not valid. It has ten digits, e.g. 802000-1234; check that it was copied correctly.',
  },
  organisation_exists: {
    sv: 'En organisation med organisationsnummer {{orgNumber}} finns redan i Samverka. Be någon som redan är medlem att bjuda in dig.',
    en: 'An organisation with organisation number {{orgNumber}} is already registered. Ask one of its members to invite you.',
  },
  legal_form_invalid: { sv: 'Välj organisationsform.', en: 'Choose the legal form.' },
  email_taken: {
    sv: 'Det finns redan ett konto med den e-postadressen. Logga in i stället, eller återställ lösenordet.',
    en: 'There is already an account with that e-mail address. Sign in instead, or reset the password.',
  },
  password_too_short: { sv: 'Lösenordet behöver minst {{limit}} tecken.', en: 'The password needs at least {{limit}} characters.' },
  password_too_common: { sv: 'Lösenordet är för lätt att gissa. Välj ett annat.', en: 'That password is too easy to guess. Choose another.' },
  invalid_credentials: { sv: 'Fel e-postadress eller lösenord.', en: 'Wrong e-mail address or password.' },
  account_locked: {
    sv: 'Kontot är låst i {{minutes}} minuter efter för många misslyckade inloggningar. Vänta, eller återställ lösenordet.',
    en: 'The account is locked for {{minutes}} minutes after too many failed sign-ins. Wait, or reset the password.',
  },
  not_authenticated: { sv: 'Du behöver logga in.', en: 'You need to sign in.' },
  session_expired: {
    sv: 'Du har blivit utloggad eftersom sessionen gick ut. Logga in igen; det du skrivit finns kvar.',
    en: 'You were signed out because the session expired. Sign in again; what you typed is kept.',
  },
  csrf_invalid: {
    sv: 'Sidan har varit öppen för länge och behöver hämtas på nytt. Försök igen; det du skrivit finns kvar.',
    en: 'The page has been open too long and needs refreshing. Try again; what you typed is kept.',
  },
  forbidden: { sv: 'Du har inte behörighet att göra det här.', en: 'You are not allowed to do this.' },
  not_found: { sv: 'Det du söker finns inte.', en: 'What you are looking for does not exist.' },
  route_not_found: { sv: 'Adressen {{url}} finns inte i Samverkas API.', en: 'The address {{url}} does not exist in the Samverka API.' },
  invalid_json: { sv: 'Innehållet kunde inte läsas: det är inte giltig JSON.', en: 'The content could not be read: it is not valid JSON.' },
  unsupported_media_type: { sv: 'Innehållstypen {{type}} stöds inte här.', en: 'The content type {{type}} is not supported here.' },
  body_too_large: { sv: 'Det du skickade är för stort (högst {{limit}} kB).', en: 'What you sent is too large (at most {{limit}} kB).' },
  rate_limited: { sv: 'För många försök. Vänta en stund och försök igen.', en: 'Too many attempts. Wait a moment and try again.' },
  token_invalid: {
    sv: 'Länken är ogiltig eller har redan använts. Be om en ny länk.',
    en: 'The link is invalid or has already been used. Ask for a new link.',
  },
  token_expired: { sv: 'Länken har gått ut. Be om en ny länk.', en: 'The link has expired. Ask for a new link.' },
  already_member: { sv: '{{email}} har redan rollen {{role}} här.', en: '{{email}} already has the role {{role}} here.' },
  last_administrator: {
    sv: 'Det måste finnas minst en administratör kvar.',
    en: 'There must be at least one administrator left.',
  },
  oidc_not_configured: { sv: 'Inloggning via organisationens konto är inte uppsatt för {{funder}}.', en: 'Sign-in with the organisation account is not set up for {{funder}}.' },
  oidc_failed: {
    sv: 'Inloggningen via organisationens konto misslyckades. Försök igen eller kontakta din administratör.',
    en: 'Sign-in with the organisation account failed. Try again or contact your administrator.',
  },
  oidc_no_account: {
    sv: 'Det finns inget Samverka-konto för {{email}} hos {{funder}}. Be din administratör om en inbjudan.',
    en: 'There is no Samverka account for {{email}} at {{funder}}. Ask your administrator for an invitation.',
  },
  mailbox_disabled: {
    sv: 'Den lokala brevlådan finns bara när ingen e-postserver är inställd.',
    en: 'The local mailbox exists only when no mail server is configured.',
  },
  unavailable: { sv: 'Databasen svarar inte just nu.', en: 'The database is not answering right now.' },
  internal: {
    sv: 'Något gick fel hos oss. Inget av det du skrev har försvunnit; försök igen om en stund.',
    en: 'Something went wrong on our side. Nothing you typed is lost; try again in a moment.',
  },
} satisfies Catalogue;

export type MessageCode = keyof typeof messages;

export function translate(code: MessageCode, lang: Lang, params: Record<string, unknown> = {}): string {
  const template = messages[code][lang];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function both(code: MessageCode, params?: Record<string, unknown>): { sv: string; en: string } {
  return { sv: translate(code, 'sv', params), en: translate(code, 'en', params) };
}

/** Picks sv or en from a cookie value, then from Accept-Language; Swedish by default. */
export function pickLang(cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (cookie === 'sv' || cookie === 'en') return cookie;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'sv' || tag === 'en') return tag;
  }
  return 'sv';
}
