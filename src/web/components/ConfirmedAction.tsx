import { type ReactNode, type SyntheticEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextAreaField } from './fields.tsx';
import { RestoredNotice } from './page.tsx';
import { useAppForm } from './useAppForm.ts';

/** The confirming button and the cancel beside it; the confirming one says what it does. */
function ConfirmButtons({
  confirm,
  busy,
  danger,
  onConfirm,
  onCancel,
}: {
  confirm: string;
  busy: boolean;
  danger?: boolean;
  /** Without it the confirming button submits its form. */
  onConfirm?: (e: SyntheticEvent) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button
        type={onConfirm ? 'button' : 'submit'}
        className={danger ? 'button button-secondary button-danger' : 'button'}
        disabled={busy}
        onClick={onConfirm}
      >
        {confirm}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

/**
 * A confirmation step before a form's irreversible action (publishing a call, recording a decision,
 * submitting a review): the form's own button asks first, saying what will happen and who will be
 * told; only the confirming button sends. Cancelling sends nothing and returns focus to the button.
 *
 * Use: wrap the action's handler in `step.guard(...)` inside the form's onSubmit; render
 * `<ConfirmStep>` in place of the form's button while `step.asking`, and give the button `step.startRef`.
 */
export function useConfirmStep(id: string) {
  const [asking, setAsking] = useState(false);
  const confirmed = useRef(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (asking) headingRef.current?.focus();
  }, [asking]);
  return {
    id,
    asking,
    startRef,
    headingRef,
    /** The first run asks; the run the confirming button starts sends. */
    guard<V>(send: (v: V) => Promise<void>) {
      return async (v: V) => {
        if (!confirmed.current) {
          setAsking(true);
          return;
        }
        confirmed.current = false;
        await send(v);
      };
    },
    /** The confirming button's handler: runs the form's handler (its checks, then the guarded send), confirmed. */
    confirmWith(handler: (e: SyntheticEvent) => unknown) {
      return async (e: SyntheticEvent) => {
        confirmed.current = true;
        try {
          await handler(e);
        } finally {
          // Sent, refused or stopped by the form's own checks: the step closes and the errors (if any) show.
          confirmed.current = false;
          setAsking(false);
        }
      };
    },
    cancel() {
      setAsking(false);
      setTimeout(() => startRef.current?.focus());
    },
  };
}

export type ConfirmStepState = ReturnType<typeof useConfirmStep>;

export function ConfirmStep({
  step,
  heading,
  children,
  confirm,
  onConfirm,
  busy,
}: {
  step: ConfirmStepState;
  heading: string;
  /** What will happen, and who will be told. */
  children: ReactNode;
  confirm: string;
  /** The form's handler (as given to onSubmit or onClick), run once confirmed. */
  onConfirm: (e: SyntheticEvent) => unknown;
  busy: boolean;
}) {
  return (
    <section className="confirm-step" aria-labelledby={`${step.id}-confirm-heading`}>
      <h3 id={`${step.id}-confirm-heading`} tabIndex={-1} ref={step.headingRef}>
        {heading}
      </h3>
      {children}
      <ConfirmButtons confirm={confirm} busy={busy} onConfirm={step.confirmWith(onConfirm)} onCancel={step.cancel} />
    </section>
  );
}

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
            <ConfirmButtons
              confirm={confirm}
              danger
              busy={f.form.formState.isSubmitting}
              onCancel={() => {
                setOpen(false);
                f.clearRestored();
                setTimeout(() => openRef.current?.focus());
              }}
            />
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
