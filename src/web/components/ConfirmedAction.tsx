import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextAreaField } from './fields.tsx';
import { RestoredNotice } from './page.tsx';
import { useAppForm } from './useAppForm.ts';

interface Props {
  /** Prefix of the ids; also the form's id for its fields' errors. */
  id: string;
  heading: string;
  intro: string;
  /** The button that opens the confirmation. */
  start: string;
  /** The one text the action takes, by the request body's key. */
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  /** What cannot be undone, said beside the confirming button. */
  sure: string;
  confirm: string;
  onConfirm: (text: string) => Promise<void>;
  /** Keeps the text across a sign-in: unique per object (see useAppForm). */
  draftKey?: string;
}

/**
 * An action that cannot be undone (withdrawing an application, declaring a conflict of interest):
 * a button opens a short form with one text and a warning; cancelling returns focus to the button.
 */
export function ConfirmedAction({ id, heading, intro, start, name, label, hint, optional, sure, confirm, onConfirm, draftKey }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const f = useAppForm<Record<string, string>>({ id, draftKey, defaultValues: { [name]: '' }, fields: [name] });
  const submit = f.onSubmit(async (v) => onConfirm((v[name] ?? '').trim()));
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p>{intro}</p>
      {open || f.restored ? (
        <div className="narrow-wide">
          <RestoredNotice restored={f.restored} />
          <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
          <form onSubmit={submit} noValidate className="form">
            <TextAreaField label={label} hint={hint} optional={optional} rows={3} autoFocus {...f.field(name)} />
            <p>
              <strong>{sure}</strong>
            </p>
            <div className="actions">
              <button type="submit" className="button button-secondary button-danger" disabled={f.form.formState.isSubmitting}>
                {confirm}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setOpen(false);
                  f.clearRestored();
                  setTimeout(() => openRef.current?.focus());
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </div>
      ) : (
        <button ref={openRef} type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {start}
        </button>
      )}
    </section>
  );
}
