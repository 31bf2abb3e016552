import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import { ApiError, type FieldError, type Messages, type SessionReply } from '../api/client.ts';
import { keys } from '../queryKeys.ts';

export interface FormErrors {
  /** Errors tied to one field, by the request body's key. */
  fields: Record<string, Messages>;
  /** Errors about the whole form (wrong password, no permission …). */
  general: Messages[];
  /** The session is gone: what was typed is saved and the user is asked to sign in again. */
  signIn: boolean;
}

const NO_ERRORS: FormErrors = { fields: {}, general: [], signIn: false };
const DRAFT_PREFIX = 'samverka.draft.';

export interface AppFormOptions<T extends FieldValues> {
  /** Prefix of the inputs' ids, unique on the page. */
  id: string;
  defaultValues: DefaultValues<T>;
  /**
   * The fields in the order they appear, for the error summary: the request
   * body's keys, or paths such as `criteria.0.weight` for rows of a list.
   */
  fields: readonly string[] | ((values: T) => readonly string[]);
  /** Moves a server's field name onto the form's own (e.g. an upload's `file` onto the file it was for). */
  mapField?: (field: string) => string;
  /** Checks in the browser before sending; the same rules and messages as the server. */
  validate?: (values: T) => FieldError[];
  /** Keeps what was typed across a sign-in (never the fields in `secret`). */
  draftKey?: string;
  secret?: (keyof T & string)[];
}

function readDraft(key: string): Record<string, unknown> | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_PREFIX + key);
    if (!raw) return null;
    sessionStorage.removeItem(DRAFT_PREFIX + key);
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * react-hook-form plus what every Samverka form needs: field errors from the
 * browser's checks and from the server in one place (in both languages, so a
 * language switch re-renders them), an error summary that takes focus after a
 * failed submit, and a draft kept in sessionStorage when the session ran out.
 */
export function useAppForm<T extends FieldValues>(options: AppFormOptions<T>) {
  const form = useForm<T>({ defaultValues: options.defaultValues });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const [restored, setRestored] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const { id, fields, validate, draftKey, secret, mapField } = options;
  // A form with rows (budget lines, questions) has as many fields as it has rows right now.
  const fieldList = useCallback(() => (typeof fields === 'function' ? fields(form.getValues()) : fields), [fields, form]);

  useEffect(() => {
    if (!draftKey) return;
    const draft = readDraft(draftKey);
    if (draft) {
      form.reset({ ...form.getValues(), ...draft });
      setRestored(true);
    }
  }, [draftKey, form]);

  useEffect(() => {
    if (failedAttempts > 0) summaryRef.current?.focus();
  }, [failedAttempts]);

  const saveDraft = useCallback(() => {
    if (!draftKey) return;
    const values: Record<string, unknown> = { ...form.getValues() };
    for (const name of secret ?? []) delete values[name];
    try {
      sessionStorage.setItem(DRAFT_PREFIX + draftKey, JSON.stringify(values));
    } catch {
      // No storage: the form still holds the values while the page stays open.
    }
  }, [draftKey, secret, form]);

  const show = useCallback(
    (list: FieldError[], general: Messages[] = [], signIn = false) => {
      const byField: Record<string, Messages> = {};
      const rest = [...general];
      for (const e of list) {
        const field = mapField ? mapField(e.field) : e.field;
        if (fieldList().includes(field)) byField[field] ??= e.messages;
        else rest.push(e.messages);
      }
      setErrors({ fields: byField, general: rest, signIn });
      setFailedAttempts((n) => n + 1);
    },
    [fieldList, mapField],
  );

  /** Shows an error from the API on the form; keeps every value as typed. */
  const showError = useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
      const problem = error.problem;
      if (error.needsSignIn) {
        saveDraft();
        // Signed out as far as the server is concerned; the page stays, with what was typed.
        queryClient.setQueryData<SessionReply>(keys.session, (old) => (old ? { ...old, user: null } : old));
      }
      const list = problem.errors ?? [];
      // A field error carries its own message; the general title would only repeat "check the form".
      const general = list.length && problem.code === 'validation_failed' ? [] : list.some((e) => e.code === problem.code) ? [] : [problem.messages];
      show(list, general, error.needsSignIn);
    },
    [saveDraft, show, queryClient],
  );

  const onSubmit = (handler: (values: T) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      const problems = validate?.(values) ?? [];
      if (problems.length) {
        show(problems);
        return;
      }
      setErrors(NO_ERRORS);
      try {
        await handler(values);
      } catch (error) {
        showError(error);
      }
    });

  /** The input's id: the form's prefix and the field's path, dots as dashes (`call-criteria-0-weight`). */
  const fieldId = (name: string) => `${id}-${name.replaceAll('.', '-')}`;

  return {
    form,
    errors,
    restored,
    /** The restored draft has been dealt with (sent, or put away). */
    clearRestored: () => setRestored(false),
    summaryRef,
    onSubmit,
    showError,
    clearErrors: () => setErrors(NO_ERRORS),
    fieldId,
    /** What a field component needs: its id, its error and react-hook-form's binding. */
    field: (name: Path<T>) => ({ id: fieldId(name), error: errors.fields[name], ...form.register(name) }),
    /** Shows errors found outside a submit (an upload, say) the same way. */
    show,
    summaryItems: () =>
      fieldList()
        .filter((f) => errors.fields[f])
        .map((f) => ({ href: `#${fieldId(f)}`, message: errors.fields[f] })),
  };
}
