import type { Agreement } from './api.ts';

/** Placeholder: the editor of a draft or an amendment (replaced by the real editor). */
export function AgreementEditor(_props: { agreement: Agreement; mode: 'draft' | 'amend'; onSaved: () => void }) {
  return null;
}
