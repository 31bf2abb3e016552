// The association's follow-up report, written on a phone and saved as it types: spending against the
// plan, activities held, participants counted (never named), what worked, the survey's comment and
// attachments; then sent to the caseworker.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { type Path, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, GENDERS } from '../../domain/follow-up/reports.ts';
import type { Messages } from '../api/client.ts';
import { CompletionRounds } from '../applications/CompletionRounds.tsx';
import { NEW_KIND } from '../applications/content.ts';
import { useActivityTypeOptions } from '../applications/form/ActivitiesStep.tsx';
import { FilesField } from '../applications/form/AttachmentsStep.tsx';
import { clearLocal, type DraftStore, type LocalCopy, unsavedLocal, useDraftAutosave } from '../applications/useAutosave.ts';
import { dateTime, formatDate, kr } from '../calls/format.ts';
import { ConfirmStep, useConfirmStep } from '../components/ConfirmedAction.tsx';
import { Content } from '../components/Content.tsx';
import { ConflictNotice, RestoreNotice, SignedOutNotice } from '../components/DraftNotices.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { Info } from '../components/page.tsx';
import { RemoveRowButton } from '../components/rows.tsx';
import { SaveStatus } from '../components/SaveStatus.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { useLeaveGuard } from '../components/useLeaveGuard.tsx';
import { useLocalized } from '../i18n/index.ts';
import { keys } from '../queryKeys.ts';
import { SurveyResults } from '../surveys/SurveyResults.tsx';
import { type Report, refreshReport, saveReport, submitReport } from './api.ts';
import {
  belowPlan,
  deviation,
  emptyActivity,
  emptySpendingRow,
  fieldOrder,
  fromContent,
  isMissing,
  mapField,
  needsExplanation,
  participantTotal,
  problemsOf,
  type ReportValues,
  spendingSums,
  toContent,
} from './content.ts';

/** A report's draft is kept in this browser and saved like an application's. */
const REPORT_DRAFTS: DraftStore<Report['content'], Report> = {
  localPrefix: 'samverka.report.',
  save: (id, body, init) => saveReport(id, body, init),
  queryKey: (id) => keys.reports.one(id),
};

type ReportFormApi = ReturnType<typeof useAppForm<ReportValues>>;
/** A field's props with the error the form shows now (see `useShownErrors`). */
type FieldOf = (name: Path<ReportValues>) => Omit<ReturnType<ReportFormApi['field']>, 'error'> & { error?: Messages };

/** What the report's rules need to know beyond its content. */
const factsOf = (report: Report) => ({ deviationPercent: report.deviationPercent, kind: report.kind, paid: report.paid });

/**
 * The errors shown on the fields while the report is written: what the report's rules find in what is
 * typed (a moment after typing stops), except what is merely missing until a send has been tried; and
 * the server's answer to that send, while nothing has changed since.
 */
function useShownErrors(f: ReportFormApi, report: Report, attempted: { values: string } | null) {
  const values = f.form.watch();
  const text = JSON.stringify(values);
  const settled = useDebounced(text, 400);
  const facts = useMemo(() => factsOf(report), [report]);
  const live = useMemo(() => {
    const byField: Record<string, Messages> = {};
    for (const e of problemsOf(JSON.parse(settled) as ReportValues, facts)) {
      if (!attempted && isMissing(e)) continue;
      byField[mapField(e.field)] ??= e.messages;
    }
    return byField;
  }, [settled, facts, attempted]);
  const sent = attempted && attempted.values === text ? f.errors.fields : {};
  return { error: (name: string): Messages | undefined => live[name] ?? sent[name], values };
}

function SpendingSection({ f, field, error, report, values }: SectionProps) {
  const { t } = useTranslation();
  const list = useFieldArray({ control: f.form.control, name: 'spending' });
  const listId = f.fieldId('spending');
  const sums = spendingSums(values);
  const percent = report.deviationPercent;
  return (
    <section className="section" aria-labelledby="report-spending-heading">
      <h2 id="report-spending-heading">{t('report.spending.heading')}</h2>
      <p>{t(report.kind === 'interim' ? 'report.spending.introInterim' : 'report.spending.intro', { percent })}</p>
      <CheckboxGroup id={listId} legend={t('report.spending.legend')} hint={t('form.kronorHint')} error={error('spending')} layout="plain">
        {list.fields.map((row, i) => {
          const r = values.spending[i] ?? row;
          const planned = r.planned !== null;
          const needed = needsExplanation(r, percent, report.kind);
          const off = deviation(r);
          const belowSoFar = report.kind === 'interim' && off !== null && belowPlan(r);
          return (
            <fieldset key={row.id} className="row-fieldset">
              <legend className="legend-small">
                {planned && r.label ? <Content lang="sv">{r.label}</Content> : t('report.spending.extraRowN', { n: i + 1 })}
              </legend>
              {planned ? (
                <p>{t('report.spending.planned', { amount: kr(r.planned ?? 0) })}</p>
              ) : (
                <>
                  <p className="hint">{t('report.spending.outsidePlan')}</p>
                  <TextField label={t('report.spending.label')} {...field(`spending.${i}.label`)} />
                </>
              )}
              <div className="field-row">
                <TextField label={t('report.spending.spent')} inputMode="decimal" className="input-medium" {...field(`spending.${i}.spent`)} />
                <TextField
                  label={t('report.spending.fromGrant')}
                  hint={t('report.spending.fromGrantHint')}
                  inputMode="decimal"
                  className="input-medium"
                  {...field(`spending.${i}.fromGrant`)}
                />
              </div>
              <TextAreaField
                label={t('report.spending.explanation')}
                optional={!needed}
                hint={
                  needed ? (
                    <>
                      <strong>{planned ? t('report.spending.deviates', { off: off ?? 0, percent }) : t('report.spending.outsideNeedsExplanation')}</strong>{' '}
                      {t('report.spending.explanationHint')}
                    </>
                  ) : belowSoFar ? (
                    t('report.spending.belowSoFar', { off })
                  ) : planned && off !== null ? (
                    t('report.spending.within', { off, percent })
                  ) : (
                    t('report.spending.explainIfYouLike')
                  )
                }
                rows={3}
                {...field(`spending.${i}.explanation`)}
              />
              {planned ? null : (
                <RemoveRowButton groupId={listId} onRemove={() => list.remove(i)}>
                  {t('report.spending.removeRow', { n: i + 1 })}
                </RemoveRowButton>
              )}
            </fieldset>
          );
        })}
        <button
          id={`${listId}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => list.append(emptySpendingRow(), { focusName: `spending.${list.fields.length}.label` })}
        >
          {t('report.spending.addRow')}
        </button>
        <p className="running-sum">{t('report.spending.sums', { spent: kr(sums.spent), fromGrant: kr(sums.fromGrant), paid: kr(report.paid) })}</p>
      </CheckboxGroup>
    </section>
  );
}

interface SectionProps {
  f: ReportFormApi;
  field: FieldOf;
  error: (name: string) => Messages | undefined;
  report: Report;
  values: ReportValues;
}

function ActivitiesSection({ f, field, error, report, values }: SectionProps) {
  const { t } = useTranslation();
  const list = useFieldArray({ control: f.form.control, name: 'activities' });
  const options = useActivityTypeOptions(report.funderId);
  const listId = f.fieldId('activities');
  return (
    <section className="section" aria-labelledby="report-activities-heading">
      <h2 id="report-activities-heading">{t('report.activities.heading')}</h2>
      <CheckboxGroup id={listId} legend={t('report.activities.legend')} hint={t('report.activities.hint')} error={error('activities')} layout="plain">
        {list.fields.map((row, i) => (
          <fieldset key={row.id} className="row-fieldset">
            <legend className="legend-small">{t('report.activities.n', { n: i + 1 })}</legend>
            <SelectField label={t('report.activities.kind')} placeholder={t('application.chooseKind')} options={options} {...field(`activities.${i}.kind`)} />
            {values.activities[i]?.kind === NEW_KIND ? (
              <TextField label={t('application.fields.proposedType')} hint={t('application.hints.proposedType')} {...field(`activities.${i}.proposedType`)} />
            ) : null}
            <TextField label={t('report.activities.area')} hint={t('report.activities.areaHint')} {...field(`activities.${i}.area`)} />
            <div className="field-row">
              <TextField label={t('report.activities.from')} type="date" optional className="input-medium" {...field(`activities.${i}.from`)} />
              <TextField label={t('report.activities.to')} type="date" optional className="input-medium" {...field(`activities.${i}.to`)} />
            </div>
            <TextField label={t('report.activities.frequency')} hint={t('report.activities.frequencyHint')} optional {...field(`activities.${i}.frequency`)} />
            <TextField
              label={t('report.activities.occasions')}
              hint={t('report.activities.occasionsHint')}
              inputMode="numeric"
              className="input-short"
              {...field(`activities.${i}.occasions`)}
            />
            <RemoveRowButton groupId={listId} onRemove={() => list.remove(i)}>
              {t('report.activities.remove', { n: i + 1 })}
            </RemoveRowButton>
          </fieldset>
        ))}
        <button
          id={`${listId}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => list.append(emptyActivity(), { focusName: `activities.${list.fields.length}.kind` })}
        >
          {t('report.activities.add')}
        </button>
      </CheckboxGroup>
    </section>
  );
}

function ParticipantsSection({ f, field, error, values }: SectionProps) {
  const { t } = useTranslation();
  const total = participantTotal(values);
  return (
    <section className="section" aria-labelledby="report-participants-heading">
      <h2 id="report-participants-heading">{t('report.participants.heading')}</h2>
      <p>{t('report.participants.intro')}</p>
      <Info>
        <p>{t('report.participants.why')}</p>
      </Info>
      <CheckboxGroup
        id={f.fieldId('participants')}
        legend={t('report.participants.legend')}
        hint={t('report.participants.hint')}
        error={error('participants')}
        layout="plain"
      >
        {AGE_BANDS.map((band) => (
          <fieldset key={band} className="row-fieldset">
            <legend className="legend-small">{t(`report.ageBands.${band}`)}</legend>
            <div className="field-row count-row">
              {GENDERS.map((g) => (
                <TextField
                  key={g}
                  label={t(`report.genders.${g}`)}
                  inputMode="numeric"
                  autoComplete="off"
                  className="input-short"
                  {...field(`participants.${band}.${g}`)}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <p className="running-sum">{t('report.participants.total', { count: total })}</p>
      </CheckboxGroup>
    </section>
  );
}

function ExperiencesSection({ field }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="report-experiences-heading">
      <h2 id="report-experiences-heading">{t('report.experiences.heading')}</h2>
      <TextAreaField label={t('report.experiences.worked')} rows={4} {...field('worked')} />
      <TextAreaField label={t('report.experiences.didNotWork')} rows={4} {...field('didNotWork')} />
      <TextAreaField label={t('report.experiences.wouldChange')} rows={4} {...field('wouldChange')} />
    </section>
  );
}

function SurveySection({ field, report }: SectionProps) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="report-survey-heading">
      <h2 id="report-survey-heading">{t('report.survey.heading')}</h2>
      <p>{t('report.survey.intro')}</p>
      <SurveyResults agreementId={report.agreementId} level={3} />
      <TextAreaField label={t('report.survey.comment')} hint={t('report.survey.commentHint')} optional rows={4} {...field('surveyComment')} />
    </section>
  );
}

function AttachmentsSection({ f, error, report }: SectionProps) {
  const { t } = useTranslation();
  const list = useFieldArray({ control: f.form.control, name: 'attachments' });
  return (
    <section className="section" aria-labelledby="report-attachments-heading">
      <h2 id="report-attachments-heading">{t('report.attachments.heading')}</h2>
      <p>{t('report.attachments.intro')}</p>
      <FilesField
        id={f.fieldId('attachments')}
        label={t('report.attachments.label')}
        required={false}
        organisationId={report.organisationId}
        files={list.fields.map((a) => ({ key: a.id, fileId: a.fileId, name: a.name }))}
        onAdd={(file) => list.append(file)}
        onRemove={(key) => {
          const at = list.fields.findIndex((a) => a.id === key);
          if (at >= 0) list.remove(at);
        }}
        error={error('attachments')}
      />
    </section>
  );
}

/** The report's draft, for the association: saved as one types, kept in this browser too, and sent when done. */
export function ReportForm({ report }: { report: Report }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const client = useQueryClient();
  const [initial] = useState(() => fromContent(report.content));
  const [offer, setOffer] = useState<LocalCopy<Report['content']> | null>(() => unsavedLocal(report, REPORT_DRAFTS.localPrefix));
  const [attempted, setAttempted] = useState<{ values: string } | null>(null);
  const [sending, setSending] = useState(false);
  // Said in a status line, so that a check that finds nothing wrong is heard too.
  const [checkedOk, setCheckedOk] = useState(false);
  const step = useConfirmStep('report-submit');
  const f = useAppForm<ReportValues>({ id: 'report', defaultValues: initial, fields: fieldOrder, mapField });
  const saver = useDraftAutosave(report, f.form, toContent, REPORT_DRAFTS);
  const leaveDialog = useLeaveGuard({ unsaved: saver.unsaved, save: saver.flush, atRisk: saver.atRisk, allows: (next) => next.pathname === '/sign-in' });
  const shown = useShownErrors(f, report, attempted);
  const field: FieldOf = (name) => ({ ...f.field(name), error: shown.error(name) });
  const props: SectionProps = { f, field, error: shown.error, report, values: shown.values };

  const check = () => {
    const values = f.form.getValues();
    const problems = problemsOf(values, factsOf(report));
    setAttempted({ values: JSON.stringify(values) });
    if (problems.length) f.show(problems);
    else f.clearErrors();
    return problems.length === 0;
  };

  const send = step.guard(async () => {
    setSending(true);
    try {
      if (!(await saver.flush())) return;
      const answer = await submitReport(report.id, saver.version());
      clearLocal(report.id, REPORT_DRAFTS.localPrefix);
      await refreshReport(client, answer);
      setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus());
    } catch (error) {
      setAttempted({ values: JSON.stringify(f.form.getValues()) });
      f.showError(error);
    } finally {
      setSending(false);
    }
  });

  const state = saver.state;
  const here = `/reports/${report.id}`;
  // Asked for more: the association changes what it needs to here and sends it all back with its answer.
  const answering = report.status === 'completion_requested' && report.rounds.some((r) => !r.answeredAt);
  return (
    <div className="report-form">
      {offer ? (
        <RestoreNotice
          at={offer.at}
          savedAt={report.updatedAt}
          onRestore={() => {
            const restored = fromContent(offer.content);
            setOffer(null);
            void saver.saveRestored(restored);
          }}
          onDiscard={() => {
            clearLocal(report.id, REPORT_DRAFTS.localPrefix);
            setOffer(null);
          }}
        />
      ) : null}
      {state.kind === 'conflict' ? (
        <ConflictNotice
          text={t('report.conflictText', { name: state.current.updatedBy ?? t('application.someone'), at: dateTime(state.current.updatedAt) })}
          message={localized(state.message)}
          onKeepMine={() => void saver.keepMine()}
          onTakeTheirs={() => saver.takeTheirs(fromContent(state.current.content))}
        />
      ) : null}
      {state.kind === 'signIn' ? <SignedOutNotice here={here} /> : null}
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (check()) void send(undefined);
        }}
      >
        <SpendingSection {...props} />
        <ActivitiesSection {...props} />
        <ParticipantsSection {...props} />
        <ExperiencesSection {...props} />
        <SurveySection {...props} />
        <AttachmentsSection {...props} />
        <SaveStatus state={state} notSaved={t('application.notSaved')} onRetry={() => void saver.flush()} />
        <Info>
          <p>{t('report.autosaveNote')}</p>
        </Info>
        <div>
          {report.can.submit && !answering ? (
            step.asking ? (
              <ConfirmStep
                step={step}
                heading={t('report.submit.confirmHeading')}
                confirm={t('report.submit.confirm')}
                onConfirm={() => send(undefined)}
                busy={sending}
              >
                <p>{t('report.submit.means', { date: formatDate(report.dueOn) })}</p>
              </ConfirmStep>
            ) : (
              <div className="actions">
                <button ref={step.startRef} type="submit" className="button" disabled={sending}>
                  {report.status === 'completion_requested' ? t('report.submit.again') : t('report.submit.start')}
                </button>
                <button type="button" className="link-button" onClick={() => setCheckedOk(check())}>
                  {t('report.submit.check')}
                </button>
              </div>
            )
          ) : null}
          <p role="status" className="hint">
            {checkedOk ? t('report.submit.checkedOk') : ''}
          </p>
        </div>
      </form>
      <CompletionRounds
        rounds={report.rounds}
        organisationId={report.organisationId}
        canAnswer={answering}
        beforeAnswer={saver.flush}
        onAnswered={async () => {
          clearLocal(report.id, REPORT_DRAFTS.localPrefix);
          await client.invalidateQueries({ queryKey: keys.reports.one(report.id) });
        }}
      />
      {leaveDialog}
    </div>
  );
}
