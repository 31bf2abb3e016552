// /reports/:id: a follow-up report for both sides. The association writes it (on a phone) and answers
// completion rounds; the caseworker reads it and approves it, asks for more, moves its due date or,
// from a final report that is not approved, starts a recovery. What each may do comes from the report.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { ApiError, type Messages } from '../api/client.ts';
import { CompletionRounds, RequestCompletionForm } from '../applications/CompletionRounds.tsx';
import { dateTime, formatDate, kr } from '../calls/format.ts';
import { ConfirmStep, useConfirmStep } from '../components/ConfirmedAction.tsx';
import { Content } from '../components/Content.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Facts } from '../components/Facts.tsx';
import { TextAreaField, TextField } from '../components/fields.tsx';
import { usePrincipal } from '../components/funder.ts';
import { Info, LoadError, Loading, Page, RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { required } from '../components/validation.ts';
import { useLocalized } from '../i18n/index.ts';
import { keys } from '../queryKeys.ts';
import { approveReport, getReport, moveReportDueDate, type Report, refreshReport, requestReportCompletion } from './api.ts';
import { DueText, ReportStatus, useReportName } from './parts.tsx';
import { ReportForm } from './ReportForm.tsx';
import { ReportView } from './ReportView.tsx';

function ReportFacts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const items: [string, ReactNode][] = [
    [t('report.facts.status'), <ReportStatus key="status" report={report} />],
    [t('report.facts.dueOn'), <DueText key="due" report={report} />],
    [
      t('report.facts.agreement'),
      <Link key="agreement" to={`/agreements/${report.agreementId}`}>
        {report.agreementNumber}
      </Link>,
    ],
    [t('report.facts.caseNumber'), report.caseNumber || t('common.notGiven')],
    [t('report.facts.granted'), kr(report.granted)],
    [t('report.facts.paid'), kr(report.paid)],
  ];
  if (report.submittedAt)
    items.push([
      t('report.facts.submitted'),
      report.submittedBy ? t('report.byAt', { name: report.submittedBy, at: dateTime(report.submittedAt) }) : dateTime(report.submittedAt),
    ]);
  if (report.approvedAt)
    items.push([
      t('report.facts.approved'),
      report.approvedBy ? t('report.byAt', { name: report.approvedBy, at: dateTime(report.approvedAt) }) : dateTime(report.approvedAt),
    ]);
  return <Facts items={items} />;
}

/** Where the report stands, in a sentence for whoever reads it. */
function StatusNotice({ report, staff }: { report: Report; staff: boolean }) {
  const { t } = useTranslation();
  if (report.overdue)
    return (
      <div className="notice notice-warning">
        <p>
          <strong>{t('report.overdueTitle')}</strong> {t(staff ? 'report.overdueStaff' : 'report.overdueText', { date: formatDate(report.dueOn) })}
        </p>
      </div>
    );
  switch (report.status) {
    case 'draft':
      return staff ? <Info>{t('report.notice.draftStaff', { organisation: report.organisationName, date: formatDate(report.dueOn) })}</Info> : null;
    case 'submitted':
      return <Info>{staff ? t(report.can.approve ? 'report.notice.submittedStaff' : 'report.notice.submittedOther') : t('report.notice.submitted')}</Info>;
    case 'completion_requested':
      return <Info>{staff ? t('report.notice.completionStaff') : t('report.notice.completion')}</Info>;
    case 'approved':
      return <Info>{t('report.notice.approved')}</Info>;
  }
}

/** The caseworker approves a submitted report; approving an interim report makes the instalment that waits for it due. */
function Approve({ report }: { report: Report }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const client = useQueryClient();
  const step = useConfirmStep('approve');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Messages | null>(null);
  const what = report.releases
    ? t('report.approve.releases', { n: report.releases.number, amount: kr(report.releases.amount) })
    : report.kind === 'interim'
      ? t('report.approve.releasesNothing')
      : t('report.approve.final');
  const approve = step.guard(async () => {
    setBusy(true);
    setProblem(null);
    try {
      await refreshReport(client, await approveReport(report.id));
      setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setProblem(error.problem.messages);
    } finally {
      setBusy(false);
    }
  });
  return (
    <section className="section" aria-labelledby="approve-heading">
      <h2 id="approve-heading">{t('report.approve.heading')}</h2>
      <p>{what}</p>
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{localized(problem)}</p>
        </div>
      ) : null}
      {step.asking ? (
        <ConfirmStep step={step} heading={t('report.approve.confirmHeading')} confirm={t('report.approve.confirm')} onConfirm={approve} busy={busy}>
          <ul>
            <li>{what}</li>
            <li>{t('report.approve.told', { organisation: report.organisationName })}</li>
          </ul>
        </ConfirmStep>
      ) : (
        <div className="actions">
          <button ref={step.startRef} type="button" className="button" disabled={busy} onClick={() => void approve(undefined)}>
            {t('report.approve.start')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The caseworker moves the due date, with a reason the association sees. */
function MoveDueDate({ report }: { report: Report }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [moved, setMoved] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const f = useAppForm<{ dueOn: string; reason: string }>({
    id: 'due',
    draftKey: `report-due-${report.id}`,
    defaultValues: { dueOn: report.dueOn, reason: '' },
    fields: ['dueOn', 'reason'],
    validate: (v) => required(v, 'dueOn', 'reason'),
  });
  const submit = f.onSubmit(async (v) => {
    const answer = await moveReportDueDate(report.id, { dueOn: v.dueOn, reason: v.reason.trim() });
    await refreshReport(client, answer);
    f.form.reset({ dueOn: answer.dueOn, reason: '' });
    f.clearRestored();
    setOpen(false);
    setMoved(true);
    setTimeout(() => buttonRef.current?.focus());
  });
  return (
    <section className="section" aria-labelledby="due-heading">
      <h2 id="due-heading">{t('report.due.heading')}</h2>
      <p className="hint">{t('report.due.intro')}</p>
      {moved ? <Success>{t('report.due.moved', { date: formatDate(report.dueOn) })}</Success> : null}
      <button
        ref={buttonRef}
        type="button"
        className="button button-secondary"
        aria-expanded={open || f.restored}
        aria-controls={panelId}
        onClick={() => {
          setMoved(false);
          setOpen((v) => !v);
        }}
      >
        {open ? t('report.due.close') : t('report.due.open')}
      </button>
      <div id={panelId} hidden={!(open || f.restored)}>
        {open || f.restored ? (
          <div className="narrow-wide">
            <RestoredNotice restored={f.restored} />
            <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
            <form onSubmit={submit} noValidate className="form">
              <TextField label={t('report.due.dueOn')} type="date" min={dateInStockholm(new Date())} className="input-medium" {...f.field('dueOn')} />
              <TextAreaField label={t('report.due.reason')} hint={t('report.due.reasonHint')} rows={3} {...f.field('reason')} />
              <div className="actions">
                <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
                  {t('report.due.submit')}
                </button>
              </div>
            </form>
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** From a final report that is not approved: the agreement's recovery form, with this report as its grounds. */
function Recovery({ report }: { report: Report }) {
  const { t } = useTranslation();
  if (report.recovery)
    return (
      <section className="section" aria-labelledby="recovery-heading">
        <h2 id="recovery-heading">{t('report.recovery.heading')}</h2>
        <p>
          {t('report.recovery.started', { number: report.recovery.number })}{' '}
          <Link to={`/agreements/${report.agreementId}`}>{t('report.recovery.seeAgreement', { number: report.agreementNumber })}</Link>
        </p>
      </section>
    );
  if (!report.can.startRecovery) return null;
  return (
    <section className="section" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('report.recovery.heading')}</h2>
      <p>{t('report.recovery.intro', { organisation: report.organisationName })}</p>
      <p>
        <Link to={`/agreements/${report.agreementId}?recoveryFromReport=${report.id}`} className="button button-secondary">
          {t('report.recovery.start')}
        </Link>
      </p>
    </section>
  );
}

function Body({ report }: { report: Report }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const principal = usePrincipal();
  // Asking for more closes the form that asked: what was done is said where it stood, and focus goes there.
  const [asked, setAsked] = useState(false);
  const askedRef = useRef<HTMLDivElement>(null);
  // The funder's staff see the report as the funder does, as the server decides (its staff first).
  const staff = policy.readFunder(principal, report.funderId);
  return (
    <>
      <p className="lead">
        {report.organisationName} · <Content lang="sv">{report.title}</Content>
      </p>
      {staff ? null : (
        <p>
          <Link to={`/organisations/${report.organisationId}/payments`}>{t('report.backToOrganisation', { name: report.organisationName })}</Link>
        </p>
      )}
      <StatusNotice report={report} staff={staff} />
      <ReportFacts report={report} />
      {report.can.edit ? (
        <ReportForm report={report} />
      ) : (
        <>
          <CompletionRounds rounds={report.rounds} organisationId={report.organisationId} canAnswer={false} onAnswered={() => Promise.resolve()} />
          {report.can.approve ? <Approve report={report} /> : null}
          {report.can.requestCompletion ? (
            <RequestCompletionForm
              draftKey={`report-completion-${report.id}`}
              organisationName={report.organisationName}
              send={async (body) => {
                await requestReportCompletion(report.id, body);
                setAsked(true);
                await client.invalidateQueries({ queryKey: keys.reports.all });
                setTimeout(() => askedRef.current?.focus());
              }}
            />
          ) : asked ? (
            <div ref={askedRef} tabIndex={-1}>
              <Success>{t('application.completion.asked', { organisation: report.organisationName })}</Success>
            </div>
          ) : null}
          {report.can.moveDueDate ? <MoveDueDate report={report} /> : null}
          <Recovery report={report} />
          <ReportView report={report} />
        </>
      )}
    </>
  );
}

export function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const name = useReportName();
  const query = useQuery({ queryKey: keys.reports.one(id), queryFn: () => getReport(id), retry: false });
  const r = query.data;
  const title = r ? t('report.title', { report: name(r), number: r.agreementNumber }) : t('report.pageTitle');
  return <Page title={title}>{query.error && !r ? <LoadError error={query.error} /> : r ? <Body report={r} /> : <Loading />}</Page>;
}
