import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TARGET_GROUPS } from '../../domain/calls/types.ts';
import { isCalendarDate } from '../../domain/deadlines.ts';
import { ore, splitLargestRemainder } from '../../domain/money.ts';
import { INSTALMENT_CONDITIONS, MAX_PARTS, quarterStarts } from '../../domain/payments/schedule.ts';
import { ApiError, type Messages } from '../api/client.ts';
import { formatDate, kr } from '../calls/format.ts';
import { ConfirmStep, useConfirmStep } from '../components/ConfirmedAction.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Checkbox, CheckboxGroup, Radio, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { RestoredNotice, Success } from '../components/page.tsx';
import { RemoveRowButton } from '../components/rows.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { useLocalized } from '../i18n/index.ts';
import { type Agreement, amendAgreement, getAgreement, type Involvement, saveAgreement } from './api.ts';
import { contentOf, type EditorValues, editorProblems, fieldsOf, formField, ORGANISATION, partAmounts, scheduleOf, valuesOf } from './editor-form.ts';

export type { Agreement } from './api.ts';

type EditorForm = ReturnType<typeof useAppForm<EditorValues>>;

const INVOLVEMENTS: readonly Involvement[] = ['responsible', 'takes_part', 'informed'];

/** One section of the editor: a fieldset whose legend is a heading. */
function Group({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="group" id={id}>
      <legend className="legend-heading">
        <h3>{title}</h3>
      </legend>
      {intro ? <p className="hint">{intro}</p> : null}
      {children}
    </fieldset>
  );
}

/** Rows of single texts (activities, areas), each with its own remove button. */
function TextRows({ f, name }: { f: EditorForm; name: 'activities' | 'areas' }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: f.form.control, name });
  const groupId = f.fieldId(name);
  return (
    <CheckboxGroup
      id={groupId}
      legend={t(`agreementEditor.${name}.legend`)}
      hint={t(`agreementEditor.${name}.hint`)}
      error={f.errors.fields[name]}
      optional
      layout="stack"
    >
      {rows.fields.map((row, i) => (
        <div key={row.id} className="row-with-action">
          <TextField label={t(`agreementEditor.${name}.row`, { n: i + 1 })} maxLength={200} {...f.field(`${name}.${i}.value`)} />
          <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
            {t(`agreementEditor.${name}.remove`, { n: i + 1 })}
          </RemoveRowButton>
        </div>
      ))}
      <div>
        <button
          id={`${groupId}-add`}
          type="button"
          className="button button-secondary button-small"
          onClick={() => rows.append({ value: '' }, { focusName: `${name}.${rows.fields.length}.value` })}
        >
          {t(`agreementEditor.${name}.add`)}
        </button>
      </div>
    </CheckboxGroup>
  );
}

/** The contact people of both sides, a fieldset each. */
function Contacts({ f, agreement }: { f: EditorForm; agreement: Agreement }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: f.form.control, name: 'contacts' });
  const groupId = f.fieldId('contacts');
  const sides = [
    { value: 'funder', label: t('agreementEditor.contacts.funder', { name: agreement.funderName }) },
    { value: 'organisation', label: t('agreementEditor.contacts.organisation', { name: agreement.organisation.name }) },
  ];
  return (
    <CheckboxGroup
      id={groupId}
      legend={t('agreementEditor.contacts.legend')}
      hint={t('agreementEditor.contacts.hint')}
      error={f.errors.fields.contacts}
      layout="plain"
    >
      {rows.fields.map((row, i) => (
        <fieldset key={row.id} className="row-fieldset">
          <legend className="legend-small">{t('agreementEditor.contacts.row', { n: i + 1 })}</legend>
          <SelectField label={t('agreementEditor.contacts.party')} options={sides} {...f.field(`contacts.${i}.party`)} />
          <div className="field-row">
            <TextField label={t('agreementEditor.contacts.name')} autoComplete="off" maxLength={200} {...f.field(`contacts.${i}.name`)} />
            <TextField label={t('agreementEditor.contacts.role')} optional maxLength={100} {...f.field(`contacts.${i}.role`)} />
          </div>
          <div className="field-row">
            <TextField
              label={t('agreementEditor.contacts.email')}
              type="email"
              autoComplete="off"
              optional
              maxLength={254}
              {...f.field(`contacts.${i}.email`)}
            />
            <TextField label={t('agreementEditor.contacts.phone')} type="tel" autoComplete="off" optional maxLength={40} {...f.field(`contacts.${i}.phone`)} />
          </div>
          <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
            {t('agreementEditor.contacts.remove', { n: i + 1 })}
          </RemoveRowButton>
        </fieldset>
      ))}
      <button
        id={`${groupId}-add`}
        type="button"
        className="button button-secondary button-small"
        onClick={() => rows.append({ party: 'organisation', name: '', role: '', email: '', phone: '' }, { focusName: `contacts.${rows.fields.length}.party` })}
      >
        {t('agreementEditor.contacts.add')}
      </button>
    </CheckboxGroup>
  );
}

/** The parties of the matrix; the association is always one of them. */
function Parties({ f }: { f: EditorForm }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: f.form.control, name: 'parties', keyName: 'rowId' });
  const groupId = f.fieldId('parties');
  return (
    <CheckboxGroup
      id={groupId}
      legend={t('agreementEditor.parties.legend')}
      hint={t('agreementEditor.parties.hint')}
      error={f.errors.fields.parties}
      layout="stack"
    >
      {rows.fields.map((row, i) => (
        <div key={row.rowId} className="row-with-action">
          <TextField
            label={t('agreementEditor.parties.row', { n: i + 1 })}
            hint={row.key === ORGANISATION ? t('agreementEditor.parties.organisationHint') : undefined}
            maxLength={120}
            {...f.field(`parties.${i}.label`)}
          />
          {row.key === ORGANISATION ? null : (
            <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
              {t('agreementEditor.parties.remove', { n: i + 1 })}
            </RemoveRowButton>
          )}
        </div>
      ))}
      <div>
        <button
          id={`${groupId}-add`}
          type="button"
          className="button button-secondary button-small"
          onClick={() =>
            // The form's own id for the new party; its key is made from the label when saved.
            rows.append({ uid: `n_${crypto.randomUUID().slice(0, 8)}`, key: '', label: '' }, { focusName: `parties.${rows.fields.length}.label` })
          }
        >
          {t('agreementEditor.parties.add')}
        </button>
      </div>
    </CheckboxGroup>
  );
}

/** Who does what: one row per task, one column per party, each cell a choice of involvement. */
function Matrix({ f }: { f: EditorForm }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: f.form.control, name: 'responsibilities' });
  const groupId = f.fieldId('responsibilities');
  const parties = f.form.watch('parties');
  const tasks = f.form.watch('responsibilities');
  const partyName = (i: number) => parties[i]?.label.trim() || t('agreementEditor.parties.row', { n: i + 1 });
  const taskName = (i: number) => tasks[i]?.task.trim() || t('agreementEditor.matrix.taskN', { n: i + 1 });
  const options = [
    { value: '', label: t('agreementEditor.matrix.none') },
    ...INVOLVEMENTS.map((r) => ({ value: r, label: t(`agreementEditor.matrix.involvement.${r}`) })),
  ];
  return (
    <CheckboxGroup
      id={groupId}
      legend={t('agreementEditor.matrix.legend')}
      hint={t('agreementEditor.matrix.hint')}
      error={f.errors.fields.responsibilities}
      layout="plain"
    >
      <div className="table-wrap">
        <table className="table agreement-matrix">
          <caption className="visually-hidden">{t('agreementEditor.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreementEditor.matrix.task')}</th>
              {parties.map((p, j) => (
                <th key={p.uid} scope="col">
                  {partyName(j)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('agreementEditor.matrix.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.fields.map((row, i) => {
              const { error: taskError, ...taskField } = f.field(`responsibilities.${i}.task`);
              const rolesId = f.fieldId(`responsibilities.${i}.roles`);
              const rolesError = f.errors.fields[`responsibilities.${i}.roles`];
              return (
                <tr key={row.id}>
                  <td>
                    <div className={`field${taskError || rolesError ? ' field-invalid' : ''}`}>
                      <label htmlFor={taskField.id} className="visually-hidden">
                        {t('agreementEditor.matrix.taskN', { n: i + 1 })}
                      </label>
                      <TaskErrors id={taskField.id} rolesId={rolesId} taskError={taskError} rolesError={rolesError} />
                      <input
                        className="input"
                        // Room for a task's words in a table that otherwise shrinks its cells to the selects.
                        style={{ minWidth: '14rem' }}
                        maxLength={300}
                        aria-invalid={taskError ? true : undefined}
                        aria-describedby={taskError ? `${taskField.id}-error` : undefined}
                        {...taskField}
                      />
                    </div>
                  </td>
                  {parties.map((p, j) => (
                    <td key={p.uid}>
                      <select
                        // The first cell is where the error summary's link for the row's roles lands.
                        id={j === 0 ? rolesId : `${rolesId}-${p.uid}`}
                        className="input select"
                        aria-label={t('agreementEditor.matrix.cell', { task: taskName(i), party: partyName(j) })}
                        aria-invalid={rolesError ? true : undefined}
                        aria-describedby={rolesError ? `${rolesId}-error` : undefined}
                        {...f.form.register(`responsibilities.${i}.roles.${p.uid}`)}
                      >
                        {options.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  ))}
                  <td>
                    <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
                      {t('agreementEditor.matrix.removeShort')}
                      <span className="visually-hidden"> {t('agreementEditor.matrix.remove', { task: taskName(i) })}</span>
                    </RemoveRowButton>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <button
          id={`${groupId}-add`}
          type="button"
          className="button button-secondary button-small"
          onClick={() => rows.append({ task: '', roles: {} }, { focusName: `responsibilities.${rows.fields.length}.task` })}
        >
          {t('agreementEditor.matrix.add')}
        </button>
      </p>
    </CheckboxGroup>
  );
}

/** A task's own error and its row's roles error, each with the id its controls point to. */
function TaskErrors({ id, rolesId, taskError, rolesError }: { id: string; rolesId: string; taskError?: Messages; rolesError?: Messages }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      {taskError ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {localized(taskError)}
        </p>
      ) : null}
      {rolesError ? (
        <p id={`${rolesId}-error`} className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {localized(rolesError)}
        </p>
      ) : null}
    </>
  );
}

/** How the amount is paid: all on signing, by instalments, or one part per quarter. */
function Schedule({ f, agreement }: { f: EditorForm; agreement: Agreement }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: f.form.control, name: 'parts' });
  const kindId = f.fieldId('scheduleKind');
  const partsId = f.fieldId('parts');
  const kind = f.form.watch('scheduleKind');
  const parts = f.form.watch('parts');
  const from = f.form.watch('periodFrom');
  const to = f.form.watch('periodTo');
  const periodOk = isCalendarDate(from) && isCalendarDate(to) && from < to;
  const percents = parts.map((p) => {
    const text = p.percent.trim();
    return /^\d+$/.test(text) ? Number(text) : 0;
  });
  const sum = percents.reduce((a, b) => a + b, 0);
  const amounts = partAmounts(agreement.amount, percents);
  const quarters = periodOk ? quarterStarts(from, to) : [];
  const quarterAmounts = quarters.length
    ? splitLargestRemainder(
        ore(agreement.amount),
        quarters.map(() => 1),
      )
    : [];
  return (
    <Group
      id={f.fieldId('schedule-group')}
      title={t('agreementEditor.schedule.heading')}
      intro={t('agreementEditor.schedule.intro', { amount: kr(agreement.amount) })}
    >
      <CheckboxGroup id={kindId} legend={t('agreementEditor.schedule.kind')} error={f.errors.fields.scheduleKind} layout="stack">
        {(['on_signing', 'instalments', 'quarterly'] as const).map((k) => (
          <Radio key={k} id={`${kindId}-${k}`} value={k} label={t(`agreementEditor.schedule.kinds.${k}`)} {...f.form.register('scheduleKind')} />
        ))}
      </CheckboxGroup>
      {kind === 'on_signing' ? <p>{t('agreementEditor.schedule.onSigningText', { amount: kr(agreement.amount) })}</p> : null}
      {kind === 'quarterly' ? (
        <p>
          {periodOk
            ? t('agreementEditor.schedule.quarterlyText', {
                count: quarters.length,
                amount: kr(quarterAmounts[0] ?? 0),
                // The first quarter's part is paid on signing; the others on their quarter's first day.
                dates: quarters
                  .slice(1)
                  .map((d) => formatDate(d))
                  .join(', '),
              })
            : t('agreementEditor.schedule.quarterlyNeedsPeriod')}
        </p>
      ) : null}
      {kind === 'instalments' ? (
        <CheckboxGroup
          id={partsId}
          legend={t('agreementEditor.schedule.parts')}
          hint={t('agreementEditor.schedule.partsHint', { max: MAX_PARTS })}
          error={f.errors.fields.parts}
          layout="plain"
        >
          {rows.fields.map((row, i) => {
            const condition = parts[i]?.condition;
            return (
              <fieldset key={row.id} className="row-fieldset">
                <legend className="legend-small">{t('agreementEditor.schedule.partN', { n: i + 1 })}</legend>
                <div className="field-row">
                  <TextField
                    label={t('agreementEditor.schedule.percent')}
                    hint={t('agreementEditor.schedule.gives', { amount: kr(amounts[i] ?? 0) })}
                    inputMode="numeric"
                    className="input-short"
                    {...f.field(`parts.${i}.percent`)}
                  />
                  <SelectField
                    label={t('agreementEditor.schedule.condition')}
                    options={INSTALMENT_CONDITIONS.map((c) => ({ value: c, label: t(`agreementEditor.schedule.conditions.${c}`) }))}
                    {...f.field(`parts.${i}.condition`)}
                  />
                  {condition === 'on_date' ? (
                    <TextField
                      label={t('agreementEditor.schedule.date')}
                      hint={periodOk ? t('agreementEditor.schedule.dateHint', { from: formatDate(from), to: formatDate(to) }) : undefined}
                      type="date"
                      className="input-medium"
                      min={periodOk ? from : undefined}
                      max={periodOk ? to : undefined}
                      {...f.field(`parts.${i}.date`)}
                    />
                  ) : null}
                </div>
                <RemoveRowButton groupId={partsId} onRemove={() => rows.remove(i)}>
                  {t('agreementEditor.schedule.remove', { n: i + 1 })}
                </RemoveRowButton>
              </fieldset>
            );
          })}
          <p aria-live="polite">
            <strong>{t('agreementEditor.schedule.sum', { sum, amount: kr(amounts.reduce((a, b) => a + b, 0)), total: kr(agreement.amount) })}</strong>
            {sum === 100 ? null : ` ${t('agreementEditor.schedule.sumShort', { left: 100 - sum })}`}
          </p>
          <button
            id={`${partsId}-add`}
            type="button"
            className="button button-secondary button-small"
            onClick={() =>
              rows.append(
                { percent: sum < 100 ? String(100 - sum) : '', condition: 'after_interim_report', date: '' },
                { focusName: `parts.${rows.fields.length}.percent` },
              )
            }
          >
            {t('agreementEditor.schedule.add')}
          </button>
        </CheckboxGroup>
      ) : null}
    </Group>
  );
}

/**
 * The caseworker's editor of an agreement: the draft with its kind and payment schedule, or, once
 * signed, an amendment with its reason. Checks the same rules as the server before sending.
 */
export function AgreementEditor({ agreement, mode, onSaved }: { agreement: Agreement; mode: 'draft' | 'amend'; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The version this form edits: the one given, then each one saved or reloaded here.
  const [base, setBase] = useState(agreement);
  const [conflict, setConflict] = useState(false);
  const [reloaded, setReloaded] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const reloadedRef = useRef<HTMLDivElement>(null);
  const id = `agreement-${mode}`;
  const f = useAppForm<EditorValues>({
    id,
    draftKey: `agreement-${agreement.id}-${mode}`,
    defaultValues: valuesOf(agreement),
    fields: fieldsOf(mode),
    mapField: formField,
    validate: (v) => editorProblems(v, mode, base),
  });
  const step = useConfirmStep(id);
  const kind = mode === 'draft' ? f.form.watch('kind') : base.kind;

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  useEffect(() => {
    if (reloaded) reloadedRef.current?.focus();
  }, [reloaded]);

  const send = async (v: EditorValues) => {
    setReloaded(false);
    let saved: Agreement;
    try {
      if (mode === 'draft') {
        saved = await saveAgreement(base.id, {
          version: base.version,
          kind: v.kind,
          content: contentOf(v, v.kind).content,
          schedule: scheduleOf(v).schedule,
        });
      } else {
        saved = await amendAgreement(base.id, { version: base.version, reason: v.reason.trim(), content: contentOf(v, base.kind).content });
      }
    } catch (error) {
      // Someone saved since this form was opened: what was typed stays; the caseworker chooses to reload.
      if (error instanceof ApiError && error.code === 'edit_conflict') {
        setConflict(true);
        conflictRef.current?.focus();
        return;
      }
      throw error;
    }
    setConflict(false);
    setBase(saved);
    f.form.reset(valuesOf(saved));
    onSaved();
  };
  const submit = f.onSubmit(mode === 'amend' ? step.guard(send) : send);

  async function reload() {
    try {
      const fresh = await getAgreement(base.id);
      setBase(fresh);
      f.form.reset(valuesOf(fresh));
      f.clearErrors();
      setConflict(false);
      setReloaded(true);
      // Whatever else shows this agreement (the page around the editor) reads it afresh too.
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes(base.id) });
    } catch (error) {
      f.showError(error);
    }
  }

  const busy = f.form.formState.isSubmitting;
  const saveLabel = mode === 'draft' ? t('agreementEditor.saveDraft') : t('agreementEditor.saveAmendment');
  return (
    <div className="agreement-editor">
      <RestoredNotice restored={f.restored} />
      <div className="focus-target" tabIndex={-1} ref={conflictRef}>
        {conflict ? (
          <div className="notice notice-error" role="alert">
            <p>{t('agreementEditor.conflict.text')}</p>
            <p>
              <button type="button" className="button button-secondary" onClick={() => void reload()}>
                {t('agreementEditor.conflict.reload')}
              </button>
            </p>
          </div>
        ) : null}
      </div>
      <div className="focus-target" tabIndex={-1} ref={reloadedRef}>
        {reloaded ? <Success>{t('agreementEditor.conflict.reloaded', { version: base.version })}</Success> : null}
      </div>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form agreement-editor-form">
        {mode === 'amend' ? <p className="notice notice-info">{t('agreementEditor.amendIntro')}</p> : null}

        {mode === 'draft' ? (
          <CheckboxGroup
            id={f.fieldId('kind')}
            legend={t('agreementEditor.kind.legend')}
            hint={t('agreementEditor.kind.hint')}
            error={f.errors.fields.kind}
            layout="stack"
          >
            {(['assignment', 'iop'] as const).map((k) => (
              <Radio key={k} id={`${f.fieldId('kind')}-${k}`} value={k} label={t(`agreementEditor.kind.${k}`)} {...f.form.register('kind')} />
            ))}
          </CheckboxGroup>
        ) : null}

        <Group id={f.fieldId('what-group')} title={t('agreementEditor.what.heading')}>
          <TextAreaField
            label={t('agreementEditor.what.description')}
            hint={t('agreementEditor.what.descriptionHint')}
            rows={6}
            maxLength={10000}
            {...f.field('description')}
          />
          <TextRows f={f} name="activities" />
          <TextRows f={f} name="areas" />
          <CheckboxGroup id={f.fieldId('targetGroups')} legend={t('agreementEditor.what.targetGroups')} error={f.errors.fields.targetGroups} optional>
            {TARGET_GROUPS.map((g) => (
              <Checkbox key={g} id={`${f.fieldId('targetGroups')}-${g}`} value={g} label={t(`targetGroups.${g}`)} {...f.form.register('targetGroups')} />
            ))}
          </CheckboxGroup>
          <TextField
            label={t('agreementEditor.what.expectedParticipants')}
            optional
            inputMode="numeric"
            className="input-short"
            {...f.field('expectedParticipants')}
          />
        </Group>

        <Group id={f.fieldId('period-group')} title={t('agreementEditor.period.heading')}>
          <div className="field-row">
            <TextField label={t('agreementEditor.period.from')} type="date" className="input-medium" {...f.field('periodFrom')} />
            <TextField label={t('agreementEditor.period.to')} type="date" className="input-medium" {...f.field('periodTo')} />
          </div>
          <TextAreaField label={t('agreementEditor.period.conditions')} optional rows={4} maxLength={10000} {...f.field('conditions')} />
        </Group>

        <Group id={f.fieldId('contacts-group')} title={t('agreementEditor.contacts.heading')}>
          <Contacts f={f} agreement={base} />
        </Group>

        <Group id={f.fieldId('matrix-group')} title={t('agreementEditor.matrix.heading')} intro={t('agreementEditor.matrix.intro')}>
          <Parties f={f} />
          <Matrix f={f} />
        </Group>

        {kind === 'iop' ? (
          <Group id={f.fieldId('iop-group')} title={t('agreementEditor.iop.heading')}>
            <TextField
              label={t('agreementEditor.iop.ownContribution')}
              hint={`${t('agreementEditor.iop.ownContributionHint')} ${t('form.kronorHint')}`}
              inputMode="decimal"
              className="input-medium"
              {...f.field('ownContribution')}
            />
            <TextAreaField
              label={t('agreementEditor.iop.jointFollowUp')}
              hint={t('agreementEditor.iop.jointFollowUpHint')}
              rows={4}
              maxLength={4000}
              {...f.field('jointFollowUp')}
            />
          </Group>
        ) : null}

        {mode === 'draft' ? <Schedule f={f} agreement={base} /> : null}

        {mode === 'amend' ? (
          <TextAreaField label={t('agreementEditor.reason')} hint={t('agreementEditor.reasonHint')} rows={4} maxLength={2000} {...f.field('reason')} />
        ) : null}

        {mode === 'amend' && step.asking ? (
          <ConfirmStep step={step} heading={t('agreementEditor.confirm.heading')} confirm={t('agreementEditor.confirm.confirm')} onConfirm={submit} busy={busy}>
            <ul>
              <li>{t('agreementEditor.confirm.kept', { number: base.number })}</li>
              <li>{t('agreementEditor.confirm.told', { organisation: base.organisation.name })}</li>
              <li>
                <strong>{t('agreementEditor.confirm.final')}</strong>
              </li>
            </ul>
          </ConfirmStep>
        ) : (
          <div className="actions">
            <button ref={step.startRef} type="submit" className="button" disabled={busy}>
              {saveLabel}
            </button>
          </div>
        )}
      </form>
    </div>
  );
}
