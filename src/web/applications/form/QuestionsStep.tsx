import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleQuestions } from '../../../domain/calls/questions.ts';
import type { CallRules, Question } from '../../../domain/calls/types.ts';
import { both } from '../../../i18n/messages.ts';
import { ApiError, type Messages } from '../../api/client.ts';
import { Checkbox, CheckboxGroup, Radio, TextAreaField, TextField } from '../../components/fields.tsx';
import { useLocalized } from '../../i18n/index.ts';
import { uploadFile } from '../../organisations/api.ts';
import type { Step } from '../content.ts';
import { ACCEPT, type ApplicationFormApi } from './shared.ts';

function FileAnswer({ f, q, label, organisationId }: { f: ApplicationFormApi; q: Question; label: string; organisationId: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const id = f.fieldId(`answers.${q.id}`);
  const value = f.form.watch(`answers.${q.id}`);
  const [error, setError] = useState<Messages | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = error ?? f.errors.fields[`answers.${q.id}`];
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const uploaded = await uploadFile(organisationId, file);
      f.form.setValue(`answers.${q.id}`, uploaded.id, { shouldDirty: true });
    } catch (e) {
      setError(e instanceof ApiError ? (e.problem.errors?.[0]?.messages ?? e.problem.messages) : both('internal'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className={`field${shown ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {shown ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {localized(shown)}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        className="file-input"
        accept={ACCEPT}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        onChange={(e) => void choose(e)}
      />
      <p className="file-status" role="status">
        {busy ? t('eligibility.uploading') : typeof value === 'string' && value ? t('application.fileAttached') : null}
      </p>
    </div>
  );
}

export function QuestionsStep({ f, step, call, organisationId }: { f: ApplicationFormApi; step: Step; call: CallRules; organisationId: string }) {
  const { t } = useTranslation();
  const answers = f.form.watch('answers');
  const visible = new Set(visibleQuestions(call.questions, answers).map((q) => q.id));
  return (
    <>
      {step.questions
        .filter((q) => visible.has(q.id))
        .map((q) => {
          const name = `answers.${q.id}` as const;
          const label = q.required ? q.label : q.label;
          const common = { label, hint: q.help, optional: !q.required };
          switch (q.type) {
            case 'long_text':
              return (
                <TextAreaField
                  key={q.id}
                  {...common}
                  hint={q.maxWords ? `${q.help ?? ''} ${t('application.maxWords', { n: q.maxWords })}`.trim() : q.help}
                  {...f.field(name)}
                />
              );
            case 'number':
              return <TextField key={q.id} {...common} inputMode="decimal" className="input-short" {...f.field(name)} />;
            case 'date':
              return <TextField key={q.id} {...common} type="date" className="input-medium" {...f.field(name)} />;
            case 'single_choice':
              return (
                <CheckboxGroup key={q.id} id={f.fieldId(name)} legend={label} hint={q.help} optional={!q.required} error={f.errors.fields[name]} layout="stack">
                  {(q.options ?? []).map((o) => (
                    <Radio key={o.value} id={`${f.fieldId(name)}-${o.value}`} value={o.value} label={o.label} {...f.form.register(name)} />
                  ))}
                </CheckboxGroup>
              );
            case 'multiple_choice':
              return (
                <CheckboxGroup key={q.id} id={f.fieldId(name)} legend={label} hint={q.help} optional={!q.required} error={f.errors.fields[name]}>
                  {(q.options ?? []).map((o) => (
                    <Checkbox key={o.value} id={`${f.fieldId(name)}-${o.value}`} value={o.value} label={o.label} {...f.form.register(name)} />
                  ))}
                </CheckboxGroup>
              );
            case 'file':
              return <FileAnswer key={q.id} f={f} q={q} label={label} organisationId={organisationId} />;
            default:
              return <TextField key={q.id} {...common} {...f.field(name)} />;
          }
        })}
    </>
  );
}
