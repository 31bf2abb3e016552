/**
 * The texts the first page can show: the layout (header, menus, flash messages), the start page and
 * the loading and error states they use. They come in a small chunk of their own per language; every
 * other text comes with the first page that is loaded on demand (see `pageTexts` in `index.ts`).
 * A key used by the layout or the start page must be listed here, whole namespace or single key,
 * or the first page shows it untranslated until the rest arrives.
 */
export const SHELL_TEXTS = [
  'common',
  'layout',
  'language',
  'account',
  'flash',
  'roles',
  'start',
  'notFound',
  'fields.orgNumber',
  'form.signInAgain',
  'form.restored',
  'review.nav',
  'grants.nav',
  'payments.nav',
  'orgPayments.link',
] as const;
