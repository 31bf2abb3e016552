import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { budgetTotal } from '../../domain/applications/rules.ts';
import { visibleQuestions } from '../../domain/calls/questions.ts';
import type { AttachmentKind, CallRules, Question } from '../../domain/calls/types.ts';
import { both } from '../../i18n/messages.ts';
import { ApiError, type Messages } from '../api/client.ts';
import { kr } from '../calls/format.ts';
import { listActivityTypes } from '../catalogue/api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Checkbox, CheckboxGroup, Radio, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { Info, usePageTitle } from '../components/page.tsx';
import { RemoveRowButton } from '../components/rows.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { currentLanguage, useLocalized } from '../i18n/index.ts';
import { fileUrl, uploadFile } from '../organisations/api.ts';
import { keys } from '../queryKeys.ts';
import { signInPath } from '../session.ts';
import type { ApplicationContent, ApplicationView } from './api.ts';
import { emptyActivity, fieldOrder, fromContent, NEW_KIND, problemsOf, type Step, stepOfField, stepsOf, toContent, type Values } from './content.ts';
import { clock, dateTime } from './format.ts';
import { clearLocal, type LocalCopy, type SaveState, unsavedLocal, useAutosave } from './useAutosave.ts';

type Form = ReturnType<typeof useAppForm<Values>>;

const MAX_FILE_MB = 10;
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const text =
    state.kind === 'saving'
      ? t('application.saving')
      : state.kind === 'saved'
        ? t('application.savedAt', { time: clock(state.at) })
        : state.kind === 'failed'
          ? `${t('application.notSaved')} ${localized(state.message)}`
          : '';
  return (
    <p className={`save-status${state.kind === 'failed' ? ' save-status-failed' : ''}`} role="status">
      {text}
    </p>
  );
}

/** What differs between my version and theirs, field by field, in words. */
function Comparison({ mine, theirs }: { mine: ApplicationContent; theirs: ApplicationContent }) {
  const { t } = useTranslation();
  const show = (c: ApplicationContent, key: keyof ApplicationContent): string => {
    const v = c[key];
    if (key === 'amountRequested' || key === 'ownContribution' || key === 'otherFunding') return kr(v as number);
    if (key === 'budget') return t('application.compare.rows', { count: c.budget.length, total: kr(budgetTotal(c)) });
    if (typeof v === 'string') return v || t('common.notGiven');
    if (Array.isArray(v)) return t('application.compare.items', { count: v.length });
    return t('application.compare.changed');
  };
  const keys = (Object.keys(mine) as (keyof ApplicationContent)[]).filter((k) => JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]));
  if (!keys.length) return <p>{t('application.compare.same')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={t('application.compare.caption')} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{t('application.compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('application.compare.field')}</th>
            <th scope="col">{t('application.compare.mine')}</th>
            <th scope="col">{t('application.compare.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`application.fieldNames.${k}`)}</th>
              <td className="preserve-lines">{show(mine, k)}</td>
              <td className="preserve-lines">{show(theirs, k)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One kind of attachment: files already attached, each removable, and a file input that uploads at once. */
function AttachmentField({ f, kind, organisationId, required }: { f: Form; kind: AttachmentKind; organisationId: string; required: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const id = f.fieldId(`attachments.${kind}`);
  const list = useFieldArray({ control: f.form.control, name: 'attachments' });
  const [state, setState] = useState<{ uploading: boolean; name: string | null; error: Messages | null }>({ uploading: false, name: null, error: null });
  const shown = state.error ?? f.errors.fields[`attachments.${kind}`];
  const mine = list.fields.map((a, i) => ({ a, i })).filter(({ a }) => a.kind === kind);
  const label = t(`attachments.${kind}`);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setState({ uploading: false, name: null, error: both('file_too_large', { limit: MAX_FILE_MB }) });
      return;
    }
    setState({ uploading: true, name: null, error: null });
    try {
      const uploaded = await uploadFile(organisationId, file);
      list.append({ kind, fileId: uploaded.id, name: uploaded.name });
      setState({ uploading: false, name: uploaded.name, error: null });
      event.target.value = '';
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : null;
      setState({ uploading: false, name: null, error: problem?.errors?.[0]?.messages ?? problem?.messages ?? both('internal') });
    }
  }

  return (
    <div className={`field${shown ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="label">
        {label}
        {required ? null : <span className="optional"> ({t('form.optional')})</span>}
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('eligibility.fileHint')}
      </p>
      {shown ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {localized(shown)}
        </p>
      ) : null}
      {mine.length ? (
        <ul className="plain-list attached-list">
          {mine.map(({ a, i }) => (
            <li key={a.id}>
              <a href={fileUrl(a.fileId)} download>
                {a.name}
              </a>{' '}
              <button type="button" className="link-button" onClick={() => list.remove(i)}>
                {t('application.removeFile')}
                <span className="visually-hidden">: {a.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="file"
        className="file-input"
        accept={ACCEPT}
        aria-invalid={shown ? true : undefined}
        aria-describedby={[`${id}-hint`, shown ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(' ')}
        onChange={(e) => void choose(e)}
      />
      <p id={`${id}-status`} className="file-status" role="status">
        {state.uploading ? t('eligibility.uploading') : state.name ? t('eligibility.uploaded', { name: state.name }) : null}
      </p>
    </div>
  );
}

function AssignmentStep({ f, call }: { f: Form; call: CallRules }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('application.fields.title')} hint={t('application.hints.title')} {...f.field('title')} />
      <TextAreaField label={t('application.fields.description')} hint={t('application.hints.description')} rows={6} {...f.field('description')} />
      <TextAreaField label={t('application.fields.complement')} hint={t('application.hints.complement')} rows={5} {...f.field('complement')} />
      {call.focusAreas.length ? (
        <CheckboxGroup
          id={f.fieldId('focusAreas')}
          legend={t('application.fields.focusAreas')}
          hint={t('application.hints.focusAreas')}
          error={f.errors.fields.focusAreas}
        >
          {call.focusAreas.map((area, i) => (
            <Checkbox key={area} id={`${f.fieldId('focusAreas')}-${i}`} value={area} label={area} {...f.form.register('focusAreas')} />
          ))}
        </CheckboxGroup>
      ) : null}
    </>
  );
}

function ActivitiesStep({ f, call, funderId }: { f: Form; call: CallRules; funderId: string }) {
  const { t } = useTranslation();
  const list = useFieldArray({ control: f.form.control, name: 'activities' });
  const types = useQuery({
    queryKey: keys.activityTypes(funderId),
    queryFn: () => listActivityTypes(funderId),
  });
  const lang = currentLanguage();
  const offered = (types.data?.activityTypes ?? []).filter((x) => !call.activityTypes.length || call.activityTypes.includes(x.key));
  const options = [
    ...offered.map((x) => ({ value: x.key, label: lang === 'en' ? x.labelEn : x.labelSv })),
    { value: NEW_KIND, label: t('application.newKind') },
  ];
  const activities = f.form.watch('activities');
  const listId = f.fieldId('activities');
  return (
    <CheckboxGroup
      id={listId}
      legend={t('application.fields.activities')}
      hint={t('application.hints.activities')}
      error={f.errors.fields.activities}
      layout="plain"
    >
      {list.fields.map((row, i) => (
        <fieldset key={row.id} className="row-fieldset">
          <legend className="legend-small">{t('application.activityN', { n: i + 1 })}</legend>
          <SelectField label={t('application.fields.kind')} placeholder={t('application.chooseKind')} options={options} {...f.field(`activities.${i}.kind`)} />
          {activities[i]?.kind === NEW_KIND ? (
            <TextField label={t('application.fields.proposedType')} hint={t('application.hints.proposedType')} {...f.field(`activities.${i}.proposedType`)} />
          ) : null}
          <TextAreaField label={t('application.fields.activityDescription')} optional rows={3} {...f.field(`activities.${i}.description`)} />
          <CheckboxGroup
            id={f.fieldId(`activities.${i}.targetGroups`)}
            legend={t('application.fields.targetGroups')}
            error={f.errors.fields[`activities.${i}.targetGroups`]}
          >
            {call.targetGroups.map((g) => (
              <Checkbox
                key={g}
                id={`${f.fieldId(`activities.${i}.targetGroups`)}-${g}`}
                value={g}
                label={t(`targetGroups.${g}`)}
                {...f.form.register(`activities.${i}.targetGroups`)}
              />
            ))}
          </CheckboxGroup>
          {call.targetAreas.length ? (
            <CheckboxGroup
              id={f.fieldId(`activities.${i}.areas`)}
              legend={t('application.fields.areas')}
              optional
              error={f.errors.fields[`activities.${i}.areas`]}
            >
              {call.targetAreas.map((a, j) => (
                <Checkbox key={a} id={`${f.fieldId(`activities.${i}.areas`)}-${j}`} value={a} label={a} {...f.form.register(`activities.${i}.areas`)} />
              ))}
            </CheckboxGroup>
          ) : (
            <TextField label={t('application.fields.areas')} hint={t('application.hints.areasText')} optional {...f.field(`activities.${i}.areasText`)} />
          )}
          <div className="field-row">
            <TextField label={t('application.fields.from')} type="date" className="input-medium" {...f.field(`activities.${i}.from`)} />
            <TextField label={t('application.fields.to')} type="date" className="input-medium" {...f.field(`activities.${i}.to`)} />
          </div>
          <TextField
            label={t('application.fields.expectedParticipants')}
            hint={t('application.hints.expectedParticipants')}
            inputMode="numeric"
            className="input-short"
            {...f.field(`activities.${i}.expectedParticipants`)}
          />
          <RemoveRowButton groupId={listId} onRemove={() => list.remove(i)}>
            {t('application.removeActivity', { n: i + 1 })}
          </RemoveRowButton>
        </fieldset>
      ))}
      <button
        id={`${listId}-add`}
        type="button"
        className="button button-secondary"
        onClick={() => list.append(emptyActivity(), { focusName: `activities.${list.fields.length}.kind` })}
      >
        {t('application.addActivity')}
      </button>
    </CheckboxGroup>
  );
}

function BudgetStep({ f, call }: { f: Form; call: CallRules }) {
  const { t } = useTranslation();
  const list = useFieldArray({ control: f.form.control, name: 'budget' });
  const values = f.form.watch();
  const content = toContent(values, call);
  const total = budgetTotal(content);
  const financing = content.amountRequested + content.ownContribution + content.otherFunding;
  const listId = f.fieldId('budget');
  const range =
    call.maxAmount > 0 ? t('application.range', { min: kr(call.minAmount), max: kr(call.maxAmount) }) : t('application.rangeMin', { min: kr(call.minAmount) });
  return (
    <>
      <CheckboxGroup id={listId} legend={t('application.fields.budget')} hint={t('application.hints.budget')} error={f.errors.fields.budget} layout="plain">
        {list.fields.map((row, i) => (
          <fieldset key={row.id} className="row-fieldset">
            <legend className="legend-small">{t('application.budgetRowN', { n: i + 1 })}</legend>
            <div className="field-row">
              <TextField label={t('application.fields.budgetLabel')} {...f.field(`budget.${i}.label`)} />
              <TextField label={t('application.fields.budgetAmount')} inputMode="decimal" className="input-medium" {...f.field(`budget.${i}.amount`)} />
            </div>
            <RemoveRowButton groupId={listId} onRemove={() => list.remove(i)}>
              {t('application.removeBudgetRow', { n: i + 1 })}
            </RemoveRowButton>
          </fieldset>
        ))}
        <button
          id={`${listId}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => list.append({ label: '', amount: '' }, { focusName: `budget.${list.fields.length}.label` })}
        >
          {t('application.addBudgetRow')}
        </button>
        <p className="running-sum">{t('application.budgetTotal', { total: kr(total) })}</p>
      </CheckboxGroup>
      <TextField
        label={t('application.fields.amountRequested')}
        hint={`${range} ${t('form.kronorHint')}`}
        inputMode="decimal"
        className="input-medium"
        {...f.field('amountRequested')}
      />
      <TextField
        label={t('application.fields.ownContribution')}
        hint={t('form.kronorHint')}
        inputMode="decimal"
        className="input-medium"
        {...f.field('ownContribution')}
      />
      <TextField
        label={t('application.fields.otherFunding')}
        hint={t('form.kronorHint')}
        inputMode="decimal"
        className="input-medium"
        {...f.field('otherFunding')}
      />
      <p className={`running-sum${content.budget.length && financing === total ? ' running-sum-ok' : ''}`}>
        {t('application.financing', { financing: kr(financing), total: kr(total) })}
      </p>
    </>
  );
}

function PeopleStep({ f }: { f: Form }) {
  const { t } = useTranslation();
  const partners = useFieldArray({ control: f.form.control, name: 'partners' });
  const contacts = useFieldArray({ control: f.form.control, name: 'contacts' });
  const pid = f.fieldId('partners');
  const cid = f.fieldId('contacts');
  return (
    <>
      <CheckboxGroup id={pid} legend={t('application.fields.partners')} hint={t('application.hints.partners')} optional layout="plain">
        {partners.fields.map((row, i) => (
          <fieldset key={row.id} className="row-fieldset">
            <legend className="legend-small">{t('application.partnerN', { n: i + 1 })}</legend>
            <TextField label={t('fields.orgNumber')} autoComplete="off" spellCheck={false} className="input-medium" {...f.field(`partners.${i}.orgNumber`)} />
            <TextField label={t('fields.organisationName')} {...f.field(`partners.${i}.name`)} />
            <TextField label={t('application.fields.partnerRole')} hint={t('application.hints.partnerRole')} {...f.field(`partners.${i}.role`)} />
            <RemoveRowButton groupId={pid} onRemove={() => partners.remove(i)}>
              {t('application.removePartner', { n: i + 1 })}
            </RemoveRowButton>
          </fieldset>
        ))}
        <button
          id={`${pid}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => partners.append({ orgNumber: '', name: '', role: '' }, { focusName: `partners.${partners.fields.length}.orgNumber` })}
        >
          {t('application.addPartner')}
        </button>
      </CheckboxGroup>
      <CheckboxGroup id={cid} legend={t('application.fields.contacts')} hint={t('application.hints.contacts')} error={f.errors.fields.contacts} layout="plain">
        {contacts.fields.map((row, i) => (
          <fieldset key={row.id} className="row-fieldset">
            <legend className="legend-small">{t('application.contactN', { n: i + 1 })}</legend>
            <TextField label={t('fields.name')} autoComplete="name" {...f.field(`contacts.${i}.name`)} />
            <TextField label={t('fields.email')} type="email" autoComplete="email" spellCheck={false} {...f.field(`contacts.${i}.email`)} />
            <TextField
              label={t('application.fields.phone')}
              type="tel"
              autoComplete="tel"
              optional
              className="input-medium"
              {...f.field(`contacts.${i}.phone`)}
            />
            <RemoveRowButton groupId={cid} onRemove={() => contacts.remove(i)}>
              {t('application.removeContact', { n: i + 1 })}
            </RemoveRowButton>
          </fieldset>
        ))}
        <button
          id={`${cid}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => contacts.append({ name: '', email: '', phone: '' }, { focusName: `contacts.${contacts.fields.length}.name` })}
        >
          {t('application.addContact')}
        </button>
      </CheckboxGroup>
    </>
  );
}

function AttachmentsStep({ f, call, organisationId }: { f: Form; call: CallRules; organisationId: string }) {
  const { t } = useTranslation();
  const kinds: AttachmentKind[] = [...call.requiredAttachments, ...(call.requiredAttachments.includes('other') ? [] : (['other'] as const))];
  return (
    <>
      <fieldset className="group">
        <legend className="legend-heading">
          <h3>{t('application.attachmentsHeading')}</h3>
        </legend>
        <p className="hint">{t('application.hints.attachments')}</p>
        {kinds.map((kind) => (
          <AttachmentField key={kind} f={f} kind={kind} organisationId={organisationId} required={call.requiredAttachments.includes(kind)} />
        ))}
      </fieldset>
      {call.exclusions.length ? (
        <fieldset className="group">
          <legend className="legend-heading">
            <h3>{t('application.declarationsHeading')}</h3>
          </legend>
          <p className="hint">{t('application.hints.declarations')}</p>
          {call.exclusions.map((e) => {
            const id = f.fieldId(`declarations.${e}`);
            const error = f.errors.fields[`declarations.${e}`];
            return (
              <div key={e} className={`field${error ? ' field-invalid' : ''}`}>
                {error ? (
                  <p id={`${id}-error`} className="field-error">
                    <span className="visually-hidden">{t('form.errorPrefix')} </span>
                    {error[currentLanguage()]}
                  </p>
                ) : null}
                <Checkbox
                  id={id}
                  label={t(`application.declaration.${e}`)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  {...f.form.register(`declarations.${e}`)}
                />
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </>
  );
}

function FileAnswer({ f, q, label, organisationId }: { f: Form; q: Question; label: string; organisationId: string }) {
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

function QuestionsStep({ f, step, call, organisationId }: { f: Form; step: Step; call: CallRules; organisationId: string }) {
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

/** The draft, step by step: saved as one types, kept in this browser too, and checked on request. */
export function ApplicationForm({ app, call }: { app: ApplicationView; call: CallRules }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const steps = useMemo(() => stepsOf(call), [call]);
  const stepNumber = Math.min(Math.max(Number(params.get('step')) || 1, 1), steps.length);
  const step = steps[stepNumber - 1];
  const [initial] = useState(() => fromContent(app.content, call));
  const [offer, setOffer] = useState<LocalCopy | null>(() => unsavedLocal(app));
  const convert = useCallback((v: Values) => toContent(v, call), [call]);
  const f = useAppForm<Values>({
    id: 'application',
    defaultValues: initial,
    fields: (v) => fieldOrder(v, call),
    mapField: (field) => field.replace(/^activities\.(\d+)\.typeKey$/, 'activities.$1.kind'),
  });
  const saver = useAutosave(app, f.form, convert);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const stepTitle = t(step.key === 'questions' ? 'application.steps.questions' : `application.steps.${step.key}`);
  usePageTitle(`${t('application.stepOf', { n: stepNumber, count: steps.length })}: ${stepTitle} – ${app.callTitle}`);

  const checkStep = useCallback(() => {
    const problems = problemsOf(f.form.getValues(), call).filter((p) => stepOfField(p.field, steps) === stepNumber);
    if (problems.length) f.show(problems);
    else f.clearErrors();
    return problems.length;
  }, [f, call, steps, stepNumber]);

  // A new step: its heading takes focus; coming from the self-check, what is missing on it shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (params.get('check')) {
      const missing = checkStep();
      if (!missing) headingRef.current?.focus();
      return;
    }
    f.clearErrors();
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [stepNumber, location.key]);

  const go = async (n: number) => {
    void saver.flush();
    setParams({ step: String(n) });
    window.scrollTo(0, 0);
  };

  const toCheck = async () => {
    await saver.flush();
    navigate(`/applications/${app.id}/check`);
  };

  const state = saver.state;
  const here = `/applications/${app.id}?step=${stepNumber}`;
  return (
    <div className="application-form">
      <p className="lead">
        {app.organisationName} · {app.callTitle}
      </p>
      {app.deadline ? <p className="hint">{t('application.deadline', { date: app.deadline })}</p> : null}
      {offer ? (
        <section className="notice notice-warning" aria-labelledby="restore-title">
          <p id="restore-title" className="notice-title">
            {t('application.restoreTitle')}
          </p>
          <p>{t('application.restoreText', { at: dateTime(new Date(offer.at).toISOString()), saved: dateTime(app.updatedAt) })}</p>
          <div className="actions actions-small">
            <button
              type="button"
              className="button"
              onClick={() => {
                const restored = fromContent(offer.content, call);
                setOffer(null);
                void saver.saveRestored(restored);
              }}
            >
              {t('application.restore')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                clearLocal(app.id);
                setOffer(null);
              }}
            >
              {t('application.discardLocal')}
            </button>
          </div>
        </section>
      ) : null}
      {state.kind === 'conflict' ? (
        <div className="notice notice-error conflict" role="alert" aria-labelledby="conflict-title">
          <p id="conflict-title" className="notice-title">
            {t('application.conflictTitle')}
          </p>
          <p>{t('application.conflictText', { name: state.current.updatedBy ?? t('application.someone'), at: dateTime(state.current.updatedAt) })}</p>
          <Comparison mine={convert(f.form.getValues())} theirs={state.current.content} />
          <div className="actions actions-small">
            <button type="button" className="button" onClick={() => void saver.keepMine()}>
              {t('application.keepMine')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => saver.takeTheirs(fromContent(state.current.content, call))}>
              {t('application.takeTheirs')}
            </button>
          </div>
          <p className="hint">{localized(state.message)}</p>
        </div>
      ) : null}
      {state.kind === 'signIn' ? (
        <div className="notice notice-error" role="alert">
          <p>{t('application.signedOut')}</p>
          <p>
            <Link to={signInPath(here)}>{t('form.signInAgain')}</Link>
          </p>
        </div>
      ) : null}
      <nav aria-label={t('application.stepsLabel')} className="steps-nav">
        <ol className="steps">
          {steps.map((s) => (
            <li key={s.number} className={s.number === stepNumber ? 'step-current' : undefined}>
              {s.number === stepNumber ? (
                <span aria-current="step">
                  {s.number}. {t(`application.steps.${s.key}`)}
                </span>
              ) : (
                <Link to={`/applications/${app.id}?step=${s.number}`} onClick={() => void saver.flush()}>
                  {s.number}. {t(`application.steps.${s.key}`)}
                </Link>
              )}
            </li>
          ))}
          <li>
            <Link to={`/applications/${app.id}/check`} onClick={() => void saver.flush()}>
              {steps.length + 1}. {t('application.steps.check')}
            </Link>
          </li>
        </ol>
      </nav>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (stepNumber < steps.length) void go(stepNumber + 1);
          else void toCheck();
        }}
      >
        <h2 ref={headingRef} tabIndex={-1} className="step-heading">
          <span className="step-count">{t('application.stepOf', { n: stepNumber, count: steps.length })}</span> {stepTitle}
        </h2>
        {step.key === 'assignment' ? <AssignmentStep f={f} call={call} /> : null}
        {step.key === 'activities' ? <ActivitiesStep f={f} call={call} funderId={app.funderId} /> : null}
        {step.key === 'budget' ? <BudgetStep f={f} call={call} /> : null}
        {step.key === 'people' ? <PeopleStep f={f} /> : null}
        {step.key === 'attachments' ? <AttachmentsStep f={f} call={call} organisationId={app.organisationId} /> : null}
        {step.key === 'questions' ? <QuestionsStep f={f} step={step} call={call} organisationId={app.organisationId} /> : null}
        <SaveStatus state={state} />
        <div className="actions">
          <button type="submit" className="button">
            {stepNumber < steps.length ? t('application.next') : t('application.toCheck')}
          </button>
          {stepNumber > 1 ? (
            <button type="button" className="button button-secondary" onClick={() => void go(stepNumber - 1)}>
              {t('application.previous')}
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => checkStep()}>
            {t('application.checkStep')}
          </button>
        </div>
        <Info>
          <p>{t('application.autosaveNote')}</p>
        </Info>
      </form>
    </div>
  );
}
