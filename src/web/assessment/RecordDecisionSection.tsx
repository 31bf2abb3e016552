import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { ApiError } from '../api/client.ts';
import { refreshApplication } from '../applications/api.ts';
import { dateTime } from '../applications/format.ts';
import { amountInput, formatDate, kr, parseAmount } from '../calls/format.ts';
import { ConfirmStep, useConfirmStep } from '../components/ConfirmedAction.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, Radio, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { LoadError, Loading, RestoredNotice, Success } from '../components/page.tsx';
import { RemoveRowButton } from '../components/rows.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { localFieldError } from '../components/validation.ts';
import { type DecisionView, listDecisions, type Reservation, recordDecision } from '../decisions/api.ts';
import { keys } from '../queryKeys.ts';
import type { ProposalView } from './api.ts';
import { OutcomeBadge } from './shared.tsx';

interface Values {
  amount: string;
  reasons: string;
  conditions: string;
  grantFrom: string;
  grantTo: string;
  madeBy: 'committee' | 'delegate';
  decisionBody: string;
  paragraph: string;
  decidedOn: string;
  announcedOn: string;
  reservations: Reservation[];
}

const FIELDS = ['amount', 'reasons', 'conditions', 'grantFrom', 'grantTo', 'madeBy', 'decisionBody', 'paragraph', 'decidedOn', 'announcedOn'];

interface Context {
  applicationId: string;
  callId: string;
  requested: number;
  /** What is left of the budget to decide on, öre (before this decision frees anything). */
  remaining: number;
  decisionBody: string;
  proposal: ProposalView | null;
  mayDelegate: boolean;
  /** Who is mailed the decision letter at once: the organisation, by its contacts' addresses (and its members in Samverka). */
  organisationName: string;
  contactEmails: string[];
}

/** The outcome an amount decides: nothing is a rejection, less than asked a partial grant. */
const outcomeOf = (amount: number, requested: number) => (amount <= 0 ? 'rejected' : amount < requested ? 'partially_approved' : 'approved');

/** The decision as taken: amount, reasons, conditions, period, who decided where, and any reservations. */
function DecisionForm({
  ctx,
  current,
  onDone,
  onCancel,
  onConflict,
}: {
  ctx: Context;
  current: DecisionView | null;
  onDone: (d: DecisionView) => void;
  onCancel?: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const f = useAppForm<Values>({
    id: 'decision',
    draftKey: `decision-${ctx.applicationId}`,
    defaultValues: {
      amount: ctx.proposal ? (ctx.proposal.amount === 0 ? '0' : amountInput(ctx.proposal.amount)) : '',
      reasons: ctx.proposal?.reasons ?? '',
      conditions: '',
      grantFrom: '',
      grantTo: '',
      madeBy: 'committee',
      decisionBody: ctx.decisionBody,
      paragraph: '',
      decidedOn: dateInStockholm(new Date()),
      announcedOn: '',
      reservations: [],
    },
    fields: (v) => [...FIELDS, ...v.reservations.flatMap((_, i) => [`reservations.${i}.kind`, `reservations.${i}.by`, `reservations.${i}.text`])],
    validate: (v) => (parseAmount(v.amount) === null ? [localFieldError('amount', 'form.notAnAmount')] : []),
  });
  const rows = useFieldArray({ control: f.form.control, name: 'reservations' });
  const groupId = f.fieldId('reservations');
  const madeBy = f.form.watch('madeBy');
  const available = ctx.remaining + (current?.amount ?? 0);
  const step = useConfirmStep('decision');
  const submit = f.onSubmit(
    step.guard(async (v) => {
      const body = {
        amount: parseAmount(v.amount)!,
        reasons: v.reasons,
        conditions: v.conditions,
        // No grant period (a rejection) is null, as the schema says.
        grantFrom: v.grantFrom || null,
        grantTo: v.grantTo || null,
        madeBy: ctx.mayDelegate ? v.madeBy : 'committee',
        decisionBody: v.decisionBody,
        paragraph: v.paragraph,
        decidedOn: v.decidedOn,
        ...(v.announcedOn ? { announcedOn: v.announcedOn } : {}),
        reservations: v.reservations,
        ...(current ? { supersedes: current.id } : {}),
      };
      try {
        const decision = await recordDecision(ctx.applicationId, body);
        onDone(decision);
      } catch (error) {
        // Someone else decided meanwhile: show the history as it now is; what was typed stays.
        if (error instanceof ApiError && error.code === 'already_decided') {
          onConflict();
          await client.invalidateQueries({ queryKey: keys.decisions(ctx.applicationId) });
        }
        throw error;
      }
    }),
  );
  const amountNow = parseAmount(f.form.watch('amount')) ?? 0;
  const useProposal = () => {
    if (!ctx.proposal) return;
    f.form.setValue('amount', ctx.proposal.amount === 0 ? '0' : amountInput(ctx.proposal.amount));
    f.form.setValue('reasons', ctx.proposal.reasons);
    document.getElementById(f.fieldId('amount'))?.focus();
  };
  return (
    <>
      <RestoredNotice restored={f.restored} />
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form decision-record">
        {ctx.proposal ? (
          <p>
            <button type="button" className="button button-secondary button-small" onClick={useProposal}>
              {t('assessment.decision.useProposal', { amount: kr(ctx.proposal.amount) })}
            </button>
          </p>
        ) : null}
        <TextField
          label={t('assessment.decision.amount')}
          hint={`${t('assessment.decision.amountHint', { requested: kr(ctx.requested), remaining: kr(available) })} ${t('form.kronorHint')}`}
          inputMode="decimal"
          className="input-medium"
          {...f.field('amount')}
        />
        <TextAreaField label={t('assessment.decision.reasons')} hint={t('assessment.decision.reasonsHint')} rows={4} {...f.field('reasons')} />
        <TextAreaField label={t('assessment.decision.conditions')} optional rows={3} {...f.field('conditions')} />
        <div className="field-row">
          <TextField
            label={t('assessment.decision.grantFrom')}
            hint={t('assessment.decision.grantHint')}
            type="date"
            className="input-medium"
            {...f.field('grantFrom')}
          />
          <TextField
            label={t('assessment.decision.grantTo')}
            hint={t('assessment.decision.grantHint')}
            type="date"
            className="input-medium"
            {...f.field('grantTo')}
          />
        </div>
        {ctx.mayDelegate ? (
          <CheckboxGroup id={f.fieldId('madeBy')} legend={t('assessment.decision.madeBy')} error={f.errors.fields.madeBy}>
            <Radio id={`${f.fieldId('madeBy')}-committee`} value="committee" label={t('assessment.decision.madeByCommittee')} {...f.form.register('madeBy')} />
            <Radio id={`${f.fieldId('madeBy')}-delegate`} value="delegate" label={t('assessment.decision.madeByDelegate')} {...f.form.register('madeBy')} />
          </CheckboxGroup>
        ) : (
          <p id={f.fieldId('madeBy')} tabIndex={-1}>
            {t('assessment.decision.committeeOnly')}
          </p>
        )}
        <div className="field-row">
          <TextField label={t('assessment.decision.decisionBody')} {...f.field('decisionBody')} />
          <TextField
            label={t('assessment.decision.paragraph')}
            hint={t('assessment.decision.paragraphHint')}
            optional={madeBy === 'delegate'}
            className="input-short"
            {...f.field('paragraph')}
          />
        </div>
        <div className="field-row">
          <TextField label={t('assessment.decision.decidedOn')} type="date" className="input-medium" {...f.field('decidedOn')} />
          <TextField
            label={t('assessment.decision.announcedOn')}
            hint={t('assessment.decision.announcedOnHint')}
            optional
            type="date"
            className="input-medium"
            {...f.field('announcedOn')}
          />
        </div>
        <CheckboxGroup id={groupId} legend={t('assessment.decision.reservations')} hint={t('assessment.decision.reservationsHint')} optional layout="plain">
          {rows.fields.map((row, i) => (
            <fieldset key={row.id} className="row-fieldset">
              <legend className="legend-small">{t('assessment.decision.reservationN', { n: i + 1 })}</legend>
              <SelectField
                label={t('assessment.decision.reservationKind')}
                options={(['reservation', 'dissent'] as const).map((k) => ({ value: k, label: t(`assessment.decision.kind.${k}`) }))}
                {...f.field(`reservations.${i}.kind`)}
              />
              <TextField
                label={t('assessment.decision.reservationBy')}
                hint={t('assessment.decision.reservationByHint')}
                {...f.field(`reservations.${i}.by`)}
              />
              <TextAreaField
                label={t('assessment.decision.reservationText')}
                hint={t('assessment.decision.reservationTextHint')}
                rows={2}
                {...f.field(`reservations.${i}.text`)}
              />
              <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
                {t('assessment.decision.removeReservation', { n: i + 1 })}
              </RemoveRowButton>
            </fieldset>
          ))}
          <button
            id={`${groupId}-add`}
            type="button"
            className="button button-secondary button-small"
            onClick={() => rows.append({ kind: 'reservation', by: '', text: '' }, { focusName: `reservations.${rows.fields.length}.kind` })}
          >
            {t('assessment.decision.addReservation')}
          </button>
        </CheckboxGroup>
        {step.asking ? (
          <ConfirmStep
            step={step}
            heading={t('assessment.decision.confirm.heading')}
            confirm={current ? t('assessment.decision.confirm.replacing') : t('assessment.decision.confirm.record')}
            onConfirm={submit}
            busy={f.form.formState.isSubmitting}
          >
            <ul>
              <li>
                {t('assessment.decision.confirm.what', {
                  outcome: t(`assessment.outcome.${outcomeOf(amountNow, ctx.requested)}`),
                  amount: kr(amountNow),
                })}
              </li>
              {current ? <li>{t('assessment.decision.confirm.supersedes', { date: formatDate(current.decidedOn), paragraph: current.paragraph })}</li> : null}
              <li>
                {ctx.contactEmails.length
                  ? t('assessment.decision.confirm.mailed', { organisation: ctx.organisationName, emails: ctx.contactEmails.join(', ') })
                  : t('assessment.decision.confirm.mailedMembers', { organisation: ctx.organisationName })}
              </li>
            </ul>
          </ConfirmStep>
        ) : (
          <div className="actions">
            <button ref={step.startRef} type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {current ? t('assessment.decision.saveReplacing') : t('assessment.decision.save')}
            </button>
            {onCancel ? (
              <button type="button" className="button button-secondary" onClick={onCancel}>
                {t('common.cancel')}
              </button>
            ) : null}
          </div>
        )}
      </form>
    </>
  );
}

function DecisionFacts({ d }: { d: DecisionView }) {
  const { t } = useTranslation();
  const lettersEn = `${d.letterUrl}?lang=en`;
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('assessment.decision.amount')}</dt>
          <dd>
            {kr(d.amount)} <span className="hint-inline">{t('assessment.decision.ofRequested', { requested: kr(d.amountRequested) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('assessment.decision.decidedBy')}</dt>
          <dd>
            {d.decisionBody}
            {d.paragraph ? ` ${d.paragraph}` : ''} ({t(`assessment.decision.madeByShort.${d.madeBy}`)}), {formatDate(d.decidedOn)}
          </dd>
        </div>
        {d.grantFrom && d.grantTo ? (
          <div>
            <dt>{t('assessment.decision.grantPeriod')}</dt>
            <dd>{t('assessment.decision.period', { from: formatDate(d.grantFrom), to: formatDate(d.grantTo) })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('assessment.decision.appeal')}</dt>
          <dd>{t(`assessment.decision.appealText.${d.appeal.law}`, { deadline: formatDate(d.appeal.deadline) })}</dd>
        </div>
        <div>
          <dt>{t('assessment.decision.recordedAt')}</dt>
          <dd>{dateTime(d.recordedAt)}</dd>
        </div>
      </dl>
      <h4>{t('assessment.decision.reasons')}</h4>
      <p className="preserve-lines">{d.reasons}</p>
      {d.conditions ? (
        <>
          <h4>{t('assessment.decision.conditions')}</h4>
          <p className="preserve-lines">{d.conditions}</p>
        </>
      ) : null}
      {d.reservations.length ? (
        <>
          <h4>{t('assessment.decision.reservations')}</h4>
          <ul className="plain-list">
            {d.reservations.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: reservations are never reordered
              <li key={i}>
                <strong>
                  {t(`assessment.decision.kind.${r.kind}`)}: {r.by}
                </strong>
                {r.text ? <span className="block preserve-lines">{r.text}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ul className="link-list inline-links">
        <li>
          <a href={d.letterUrl}>{t('assessment.decision.letter')}</a>
        </li>
        <li>
          <a href={lettersEn} hrefLang="en">
            {t('assessment.decision.letterEn')}
          </a>
        </li>
      </ul>
    </>
  );
}

/** Every decision on the application, newest first; the current one is the one not superseded. */
function History({ decisions }: { decisions: DecisionView[] }) {
  const { t } = useTranslation();
  if (!decisions.length) return <p>{t('assessment.decision.none')}</p>;
  return (
    <>
      <h3>{t('assessment.decision.historyHeading')}</h3>
      <ol className="card-list decision-history">
        {[...decisions].reverse().map((d) => (
          <li key={d.id} className="card">
            <h4 className="decision-title">
              <OutcomeBadge outcome={d.outcome} /> {t('assessment.decision.ofDate', { date: formatDate(d.decidedOn) })}{' '}
              <span className={`badge ${d.supersededBy ? 'badge-closed' : 'badge-submitted'}`}>
                {d.supersededBy ? t('assessment.decision.superseded') : t('assessment.decision.current')}
              </span>
            </h4>
            <DecisionFacts d={d} />
          </li>
        ))}
      </ol>
    </>
  );
}

/** The committee's or delegate's form to record (or supersede) the decision on an application, with its history. */
export function RecordDecisionSection({ ctx, mayRecord, open }: { ctx: Context; mayRecord: boolean; open: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [replacing, setReplacing] = useState(false);
  const [recorded, setRecorded] = useState<DecisionView | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  // Where focus goes once the next render is on screen: the form's heading, the button that opens it, or the confirmation.
  const focusNext = useRef<'form' | 'start' | 'done' | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    const element = target === 'form' ? document.getElementById('decision-form-heading') : target === 'start' ? startRef.current : doneRef.current;
    if (element) {
      focusNext.current = null;
      element.focus();
    }
  });
  const decisions = useQuery({
    queryKey: keys.decisions(ctx.applicationId),
    queryFn: () => listDecisions(ctx.applicationId),
    retry: false,
  });
  const list = decisions.data?.decisions ?? [];
  const current = list.find((d) => !d.supersededBy) ?? null;
  async function done(d: DecisionView) {
    await Promise.all([
      client.invalidateQueries({ queryKey: keys.decisions(ctx.applicationId) }),
      client.invalidateQueries({ queryKey: keys.assessment(ctx.callId) }),
      refreshApplication(client, ctx.applicationId),
    ]);
    focusNext.current = 'done';
    setReplacing(false);
    setRecorded(d);
  }
  const showForm = mayRecord && open && (!current || replacing);
  return (
    <section className="section" aria-labelledby="decision-heading" id="decision">
      <h2 id="decision-heading">{t('assessment.decision.heading')}</h2>
      <div className="focus-target" tabIndex={-1} ref={doneRef}>
        {recorded ? (
          <Success>{t('assessment.decision.saved', { outcome: t(`assessment.outcome.${recorded.outcome}`), amount: kr(recorded.amount) })}</Success>
        ) : null}
      </div>
      {decisions.error ? (
        <LoadError error={decisions.error} />
      ) : !decisions.data ? (
        <Loading />
      ) : (
        <>
          <History decisions={list} />
          {mayRecord && open && current && !replacing ? (
            <p>
              <button
                ref={startRef}
                type="button"
                className="button button-secondary"
                onClick={() => {
                  focusNext.current = 'form';
                  setRecorded(null);
                  setReplacing(true);
                }}
              >
                {t('assessment.decision.startReplacing')}
              </button>
            </p>
          ) : null}
          {showForm ? (
            <div className="decision-form-wrap">
              <h3 id="decision-form-heading" tabIndex={-1}>
                {current
                  ? t('assessment.decision.replacingHeading', { date: formatDate(current.decidedOn), paragraph: current.paragraph })
                  : t('assessment.decision.formHeading')}
              </h3>
              {current ? <p className="notice notice-warning">{t('assessment.decision.replacingNotice')}</p> : null}
              <DecisionForm
                ctx={ctx}
                current={current}
                onDone={(d) => void done(d)}
                onConflict={() => setReplacing(true)}
                onCancel={
                  current
                    ? () => {
                        focusNext.current = 'start';
                        setReplacing(false);
                      }
                    : undefined
                }
              />
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
