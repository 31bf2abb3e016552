import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { draftProblems, publishProblems } from '../../../domain/calls/rules.ts';
import { ATTACHMENT_KINDS, EXCLUSIONS, TARGET_GROUPS } from '../../../domain/calls/types.ts';
import { dateInStockholm } from '../../../domain/deadlines.ts';
import { LEGAL_FORMS } from '../../../domain/organisation.ts';
import { AuditTrail, formatDateTime } from '../../audit/AuditTrail.tsx';
import type { ActivityType } from '../../catalogue/api.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Checkbox, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { useFunder } from '../../components/funder.ts';
import { LoadError, Loading, Page, RestoredNotice, Success } from '../../components/page.tsx';
import { RemoveRowButton } from '../../components/rows.tsx';
import { useAppForm } from '../../components/useAppForm.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { collect, required, ruleErrors } from '../../components/validation.ts';
import type { Programme } from '../../programmes/api.ts';
import { listProgrammes } from '../../programmes/api.ts';
import { keys } from '../../queryKeys.ts';
import type { CallDetail } from '../api.ts';
import { amendCall, createCall, getCall, publishCall, updateCall } from '../api.ts';
import { AmendmentList, useActivityLabels } from '../CallRulesView.tsx';
import { PhaseBadge } from '../CallStatus.tsx';
import { kr, parseAmount } from '../format.ts';
import { QuestionsBuilder } from './QuestionsBuilder.tsx';
import { type DesignerValues, fieldNames, mapServerField, NEW_CALL, newCriterion, toRules, toValues } from './values.ts';

type Form = ReturnType<typeof useAppForm<DesignerValues>>;

const GROUPS = ['basics', 'money', 'who', 'focus', 'dates', 'attachments', 'criteria', 'followUp', 'questions'] as const;

function Group({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="group" id={`group-${id}`}>
      <legend className="legend-heading">
        <h2>{title}</h2>
      </legend>
      {intro ? <p className="hint">{intro}</p> : null}
      {children}
    </fieldset>
  );
}

/** Rows of single texts (focus areas, target areas), each with its own remove button. */
function TextRows({
  f,
  name,
  legend,
  hint,
  rowLabel,
  addLabel,
  removeLabel,
}: {
  f: Form;
  name: 'focusAreas' | 'targetAreas';
  legend: string;
  hint: string;
  rowLabel: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
}) {
  const rows = useFieldArray({ control: f.form.control, name });
  const groupId = f.fieldId(name);
  return (
    <CheckboxGroup id={groupId} legend={legend} hint={hint} error={f.errors.fields[name]} layout="stack">
      {rows.fields.map((row, i) => (
        <div key={row.id} className="row-with-action">
          <TextField label={rowLabel(i + 1)} {...f.field(`${name}.${i}.value`)} />
          <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
            {removeLabel(i + 1)}
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
          {addLabel}
        </button>
      </div>
    </CheckboxGroup>
  );
}

function Criteria({ f }: { f: Form }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: f.form.control, name: 'criteria', keyName: 'key' });
  const values = f.form.watch('criteria');
  const sum = values.reduce((s, c) => s + (/^\d+$/.test(c.weight.trim()) ? Number(c.weight.trim()) : 0), 0);
  const sumText = values.length ? (sum === 100 ? t('designer.criteria.sumOk') : t('designer.criteria.sum', { sum })) : '';
  const announced = useDebounced(sumText);
  const groupId = f.fieldId('criteria');
  return (
    <CheckboxGroup id={groupId} legend={t('designer.criteria.legend')} hint={t('designer.criteria.hint')} error={f.errors.fields.criteria} layout="plain">
      {rows.fields.map((row, i) => (
        <fieldset key={row.key} className="row-fieldset">
          <legend className="legend-small">{t('designer.criteria.n', { n: i + 1 })}</legend>
          <div className="field-row">
            <TextField label={t('designer.criteria.label')} {...f.field(`criteria.${i}.label`)} />
            <TextField label={t('designer.criteria.weight')} inputMode="numeric" className="input-short" {...f.field(`criteria.${i}.weight`)} />
          </div>
          <TextField label={t('designer.criteria.description')} optional {...f.field(`criteria.${i}.description`)} />
          <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
            {t('designer.criteria.remove', { n: i + 1 })}
          </RemoveRowButton>
        </fieldset>
      ))}
      {sumText ? (
        <p className={`running-sum${sum === 100 ? ' running-sum-ok' : ''}`} aria-hidden="true">
          {sumText}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
      <button
        id={`${groupId}-add`}
        type="button"
        className="button button-secondary"
        onClick={() => rows.append(newCriterion(), { focusName: `criteria.${rows.fields.length}.label` })}
      >
        {t('designer.criteria.add')}
      </button>
    </CheckboxGroup>
  );
}

function Designer({
  funderId,
  call,
  programmes,
  activityTypes,
}: {
  funderId: string;
  call: CallDetail | null;
  programmes: Programme[];
  activityTypes: ActivityType[];
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const funder = useFunder(funderId);
  const [saved, setSaved] = useState<string | null>(null);
  const published = call?.status === 'published';

  /** What is left on a line for this call: its own amount already set aside counts as available to it. */
  const available = (lineId: string | null) => {
    const line = programmes.flatMap((p) => p.lines).find((l) => l.id === lineId);
    if (!line) return null;
    return line.available + (call && call.rules.budgetLineId === lineId ? call.amount : 0);
  };

  const f = useAppForm<DesignerValues>({
    id: 'call',
    defaultValues: call ? toValues(call.rules) : NEW_CALL,
    fields: fieldNames,
    mapField: mapServerField,
    draftKey: `call-${call ? `${call.id}-${call.version}` : `new-${funderId}`}`,
    validate: (v) => {
      const { rules, problems } = toRules(v);
      const check = published ? publishProblems : draftProblems;
      return collect(
        required(v, 'title'),
        published ? required(v, 'reason') : [],
        problems,
        ruleErrors(
          check(rules, {
            lineAvailable: available(rules.budgetLineId),
            today: dateInStockholm(new Date()),
            previousDeadline: call?.rules.deadline ?? null,
          }),
        ),
      );
    },
  });

  const refresh = async (detail: CallDetail) => {
    client.setQueryData(keys.call(detail.id), detail);
    await Promise.all([
      client.invalidateQueries({ queryKey: keys.funderCalls(funderId) }),
      client.invalidateQueries({ queryKey: keys.programmes(funderId) }),
      client.invalidateQueries({ queryKey: keys.publicCalls() }),
      client.invalidateQueries({ queryKey: keys.publicCall(detail.id) }),
      client.invalidateQueries({ queryKey: keys.audit('call', detail.id) }),
    ]);
  };

  /** After publishing or amending, the page is the published call's: start from its top. */
  const startOver = (flash: string) => {
    navigate(location.pathname, { replace: true, state: { flash } });
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  };

  const saveDraft = f.onSubmit(async (v) => {
    setSaved(null);
    const { rules } = toRules(v);
    if (!call) {
      const created = await createCall(funderId, rules);
      await refresh(created);
      navigate(`/funders/${funderId}/calls/${created.id}/edit`, { replace: true, state: { flash: 'callDraftCreated' } });
      return;
    }
    const updated = await updateCall(call.id, rules);
    await refresh(updated);
    setSaved(t('designer.savedAt', { time: formatDateTime(new Date().toISOString()) }));
  });

  const publish = f.onSubmit(async (v) => {
    if (!call) return;
    setSaved(null);
    // What is on the screen is what gets published.
    await updateCall(call.id, toRules(v).rules);
    const done = await publishCall(call.id);
    await refresh(done);
    startOver('callPublished');
  });

  const amend = f.onSubmit(async (v) => {
    if (!call) return;
    const done = await amendCall(call.id, { rules: toRules(v).rules, reason: v.reason.trim() });
    await refresh(done);
    startOver('callAmended');
  });

  const lineId = f.form.watch('budgetLineId');
  const left = available(lineId || null);
  const en = i18n.language === 'en';
  const pageTitle = !call
    ? t('designer.newTitle')
    : published
      ? t('designer.amendTitle', { title: call.title })
      : t('designer.draftTitle', { title: call.title || t('calls.untitled') });
  const amountHint = (key: string) => t(key, { example: kr(parseAmount('250000') ?? 0) });

  return (
    <Page title={pageTitle}>
      <p className="lead">{funder.name ?? call?.funderName}</p>
      {call ? (
        <div className="designer-status">
          <p>
            <PhaseBadge phase={call.phase} /> {published ? t('designer.publishedNote') : t('designer.draftNote')}
          </p>
          {published ? (
            <p>
              <Link to={`/calls/${call.id}`}>{t('calls.viewPublic')}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <p>{t('designer.newIntro')}</p>
      )}
      <RestoredNotice restored={f.restored} />
      <nav aria-label={t('designer.partsLabel')} className="designer-parts">
        <ul className="inline-links">
          {GROUPS.map((g) => (
            <li key={g}>
              <a href={`#group-${g}`}>{t(`designer.groups.${g}`)}</a>
            </li>
          ))}
          {published ? (
            <li>
              <a href="#group-reason">{t('designer.groups.reason')}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      {saved ? <Success>{saved}</Success> : null}
      <form onSubmit={published ? amend : saveDraft} noValidate className="form designer">
        <Group id="basics" title={t('designer.groups.basics')}>
          <TextField label={t('callFields.title')} {...f.field('title')} />
          <TextAreaField label={t('callFields.summary')} hint={t('designer.summaryHint')} rows={3} {...f.field('summary')} />
          <TextAreaField label={t('callFields.description')} hint={t('designer.descriptionHint')} optional rows={8} {...f.field('description')} />
        </Group>

        <Group id="money" title={t('designer.groups.money')}>
          <SelectField
            label={t('callFields.budgetLineId')}
            hint={left === null ? t('designer.budgetLineHint') : t('designer.lineLeft', { amount: kr(left) })}
            placeholder={t('designer.chooseLine')}
            options={[]}
            groups={programmes.map((p) => ({
              label: `${p.name} (${p.startYear === p.endYear ? p.startYear : `${p.startYear}–${p.endYear}`})`,
              options: p.lines.map((l) => ({ value: l.id, label: t('designer.lineOption', { name: l.name, amount: kr(available(l.id) ?? l.available) }) })),
            }))}
            {...f.field('budgetLineId')}
          />
          <TextField
            label={t('callFields.amount')}
            hint={amountHint('designer.amountHint')}
            inputMode="decimal"
            className="input-medium"
            {...f.field('amount')}
          />
          <div className="field-row">
            <TextField label={t('callFields.minAmount')} inputMode="decimal" className="input-medium" optional {...f.field('minAmount')} />
            <TextField label={t('callFields.maxAmount')} inputMode="decimal" className="input-medium" {...f.field('maxAmount')} />
          </div>
          <p className="hint">{t('form.kronorHint')}</p>
        </Group>

        <Group id="who" title={t('designer.groups.who')}>
          <CheckboxGroup
            id={f.fieldId('eligibleForms')}
            legend={t('callFields.eligibleForms')}
            hint={t('designer.eligibleFormsHint')}
            error={f.errors.fields.eligibleForms}
          >
            {LEGAL_FORMS.map((form) => (
              <Checkbox key={form} id={`call-eligibleForms-${form}`} value={form} label={t(`legalForms.${form}`)} {...f.form.register('eligibleForms')} />
            ))}
          </CheckboxGroup>
          <CheckboxGroup
            id={f.fieldId('exclusions')}
            legend={t('callFields.exclusions')}
            hint={t('designer.exclusionsHint')}
            error={f.errors.fields.exclusions}
            layout="stack"
            optional
          >
            {EXCLUSIONS.map((x) => (
              <Checkbox key={x} id={`call-exclusions-${x}`} value={x} label={t(`exclusions.${x}.long`)} {...f.form.register('exclusions')} />
            ))}
          </CheckboxGroup>
          <div className="field">
            <Checkbox
              id={f.fieldId('requiresEligibilityApproval')}
              label={t('designer.requiresApproval')}
              {...f.form.register('requiresEligibilityApproval')}
            />
          </div>
        </Group>

        <Group id="focus" title={t('designer.groups.focus')}>
          <TextRows
            f={f}
            name="focusAreas"
            legend={t('callFields.focusAreas')}
            hint={t('designer.focusAreasHint')}
            rowLabel={(n) => t('designer.focusAreaN', { n })}
            addLabel={t('designer.addFocusArea')}
            removeLabel={(n) => t('designer.removeFocusArea', { n })}
          />
          <CheckboxGroup id={f.fieldId('targetGroups')} legend={t('callFields.targetGroups')} error={f.errors.fields.targetGroups} optional>
            {TARGET_GROUPS.map((g) => (
              <Checkbox key={g} id={`call-targetGroups-${g}`} value={g} label={t(`targetGroups.${g}`)} {...f.form.register('targetGroups')} />
            ))}
          </CheckboxGroup>
          <TextRows
            f={f}
            name="targetAreas"
            legend={t('callFields.targetAreas')}
            hint={t('designer.targetAreasHint')}
            rowLabel={(n) => t('designer.targetAreaN', { n })}
            addLabel={t('designer.addTargetArea')}
            removeLabel={(n) => t('designer.removeTargetArea', { n })}
          />
          <CheckboxGroup
            id={f.fieldId('activityTypes')}
            legend={t('callFields.activityTypes')}
            hint={t('designer.activityTypesHint')}
            error={f.errors.fields.activityTypes}
            optional
          >
            {activityTypes.map((a) => (
              <Checkbox key={a.key} id={`call-activityTypes-${a.key}`} value={a.key} label={en ? a.labelEn : a.labelSv} {...f.form.register('activityTypes')} />
            ))}
          </CheckboxGroup>
        </Group>

        <Group id="dates" title={t('designer.groups.dates')}>
          <div className="field-row">
            <TextField label={t('callFields.opensOn')} type="date" className="input-medium" {...f.field('opensOn')} />
            <TextField label={t('callFields.deadline')} hint={t('designer.deadlineHint')} type="date" className="input-medium" {...f.field('deadline')} />
          </div>
          <TextField
            label={t('callFields.grantPeriodMonths')}
            hint={t('designer.grantPeriodHint')}
            inputMode="numeric"
            className="input-short"
            {...f.field('grantPeriodMonths')}
          />
        </Group>

        <Group id="attachments" title={t('designer.groups.attachments')}>
          <CheckboxGroup
            id={f.fieldId('requiredAttachments')}
            legend={t('callFields.requiredAttachments')}
            error={f.errors.fields.requiredAttachments}
            optional
          >
            {ATTACHMENT_KINDS.map((a) => (
              <Checkbox key={a} id={`call-requiredAttachments-${a}`} value={a} label={t(`attachments.${a}`)} {...f.form.register('requiredAttachments')} />
            ))}
          </CheckboxGroup>
        </Group>

        <Group id="criteria" title={t('designer.groups.criteria')}>
          <Criteria f={f} />
        </Group>

        <Group id="followUp" title={t('designer.groups.followUp')} intro={t('designer.followUpIntro')}>
          <TextField
            label={t('callFields.reportDueMonths')}
            hint={t('designer.reportDueHint')}
            inputMode="numeric"
            className="input-short"
            {...f.field('followUp.reportDueMonths')}
          />
          <div className="field stack">
            <Checkbox
              id={f.fieldId('followUp.requireFinancialReport')}
              label={t('designer.requireFinancialReport')}
              {...f.form.register('followUp.requireFinancialReport')}
            />
            <Checkbox
              id={f.fieldId('followUp.requireParticipantSurvey')}
              label={t('designer.requireParticipantSurvey')}
              {...f.form.register('followUp.requireParticipantSurvey')}
            />
          </div>
          <TextAreaField label={t('designer.followUpNotes')} optional rows={3} {...f.field('followUp.notes')} />
        </Group>

        <Group id="questions" title={t('designer.groups.questions')} intro={t('designer.questionsIntro')}>
          <QuestionsBuilder f={f} />
        </Group>

        {published ? (
          <Group id="reason" title={t('designer.groups.reason')}>
            <TextAreaField label={t('designer.reason')} hint={t('designer.reasonHint')} rows={3} {...f.field('reason')} />
          </Group>
        ) : null}

        <div className="actions">
          {published ? (
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('designer.saveAmendment')}
            </button>
          ) : (
            <>
              <button type="submit" className={call ? 'button button-secondary' : 'button'} disabled={f.form.formState.isSubmitting}>
                {t('designer.saveDraft')}
              </button>
              {call ? (
                <button type="button" className="button" disabled={f.form.formState.isSubmitting} onClick={publish}>
                  {t('designer.publish')}
                </button>
              ) : null}
            </>
          )}
        </div>
        {!published ? <p className="hint">{call ? t('designer.publishHint') : t('designer.saveFirstHint')}</p> : null}
      </form>

      {published && call ? (
        <section className="section" aria-labelledby="amendments-heading">
          <h2 id="amendments-heading">{t('calls.sections.amendments')}</h2>
          <AmendmentList amendments={call.amendments} funderId={funderId} />
        </section>
      ) : null}
      {call ? (
        <section className="section" aria-labelledby="history-heading">
          <h2 id="history-heading">{t('audit.heading')}</h2>
          <p className="hint">{t('designer.historyIntro')}</p>
          <AuditTrail objectType="call" objectId={call.id} funderId={funderId} />
        </section>
      ) : null}
    </Page>
  );
}

/** The call designer: a new call, a draft, or (once published) an amendment with a reason. */
export function CallDesignerPage() {
  const { t } = useTranslation();
  const params = useParams();
  const callId = params.callId;
  const call = useQuery({
    queryKey: keys.call(callId),
    queryFn: () => getCall(callId ?? ''),
    enabled: !!callId,
    retry: false,
  });
  const funderId = params.funderId ?? call.data?.funderId ?? '';
  const programmes = useQuery({
    queryKey: keys.programmes(funderId),
    queryFn: () => listProgrammes(funderId),
    enabled: !!funderId,
    retry: false,
  });
  const catalogue = useActivityLabels(funderId || undefined);
  const error = call.error ?? programmes.error;
  if (error || (callId && call.isPending) || programmes.isPending) {
    return <Page title={callId ? t('designer.loadingTitle') : t('designer.newTitle')}>{error ? <LoadError error={error} /> : <Loading />}</Page>;
  }
  const detail = call.data ?? null;
  return (
    <Designer
      key={detail ? `${detail.id}-${detail.status}-${detail.version}` : `new-${funderId}`}
      funderId={funderId}
      call={detail}
      programmes={programmes.data?.programmes ?? []}
      activityTypes={catalogue.types}
    />
  );
}
