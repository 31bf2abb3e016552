import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AgreementSection } from '../agreements/AgreementSection.tsx';
import { useAssessmentRights } from '../assessment/shared.tsx';
import { AuditTrail } from '../audit/AuditTrail.tsx';
import type { CallDetail } from '../calls/api.ts';
import { ConfirmedAction } from '../components/ConfirmedAction.tsx';
import { useFunder } from '../components/funder.ts';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { DecisionRecord } from '../decisions/DecisionRecord.tsx';
import { ContentView } from './ApplicationView.tsx';
import { type ApplicationView, receiptUrl, refreshApplication, requestCompletion, withdrawApplication } from './api.ts';
import { CompletionRounds, RequestCompletionForm } from './CompletionRounds.tsx';
import { ApplicationForm } from './form/ApplicationForm.tsx';
import { dateTime } from './format.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useApplication } from './useApplication.ts';

function Rounds({ app }: { app: ApplicationView }) {
  const client = useQueryClient();
  return (
    <CompletionRounds
      rounds={app.completionRequests}
      organisationId={app.organisationId}
      canAnswer={app.access === 'applicant' && app.status === 'submitted'}
      onAnswered={() => refreshApplication(client, app.id)}
    />
  );
}

/** The caseworker asks for completion: what is needed, and by when. */
function RequestCompletion({ app }: { app: ApplicationView }) {
  const client = useQueryClient();
  return (
    <RequestCompletionForm
      draftKey={`completion-${app.id}`}
      organisationName={app.organisationName}
      send={async (body) => {
        await requestCompletion(app.id, body);
        await refreshApplication(client, app.id);
      }}
    />
  );
}

function Withdraw({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <ConfirmedAction
      id="withdraw"
      draftKey={`withdraw-${app.id}`}
      heading={t('application.withdraw.heading')}
      intro={t('application.withdraw.intro')}
      start={t('application.withdraw.start')}
      name="reason"
      label={t('application.withdraw.reason')}
      optional
      sure={t('application.withdraw.sure')}
      confirm={t('application.withdraw.confirm')}
      onConfirm={async (reason) => {
        await withdrawApplication(app.id, reason);
        await refreshApplication(client, app.id);
        document.querySelector<HTMLElement>('main h1')?.focus();
      }}
    />
  );
}

function Submitted({ app, call }: { app: ApplicationView; call: CallDetail }) {
  const { t } = useTranslation();
  const funder = useFunder(app.funderId);
  return (
    <>
      <p className="lead">
        {app.organisationName} · {app.callTitle}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('application.statusLabel')}</dt>
          <dd>
            <StatusBadge status={app.status} awaiting={app.completionRequests.some((r) => !r.answeredAt)} decision={app.decision} />
          </dd>
        </div>
        <div>
          <dt>{t('application.caseNumber')}</dt>
          <dd>{app.caseNumber ?? t('common.notGiven')}</dd>
        </div>
        {app.submittedAt ? (
          <div>
            <dt>{t('application.received')}</dt>
            <dd>{dateTime(app.submittedAt)}</dd>
          </div>
        ) : null}
        {app.withdrawnAt ? (
          <div>
            <dt>{t('application.withdrawnAt')}</dt>
            <dd>{dateTime(app.withdrawnAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('application.funder')}</dt>
          <dd>{app.funderName}</dd>
        </div>
      </dl>
      {app.access === 'partner' ? <p className="notice notice-info">{t('application.partnerNote', { organisation: app.organisationName })}</p> : null}
      {app.caseNumber && app.access !== 'staff' ? (
        <p>
          <a href={receiptUrl(app.id)}>{t('application.receiptPdf')}</a>
        </p>
      ) : null}
      <DecisionRecord applicationId={app.id} status={app.status} />
      <AgreementSection applicationId={app.id} funderId={app.funderId} decision={app.decision} />
      <Rounds app={app} />
      {app.access === 'staff' && app.status === 'submitted' ? <RequestCompletion app={app} /> : null}
      <section className="section" aria-labelledby="content-heading">
        <h2 id="content-heading">
          {app.status === 'draft'
            ? t('application.draftVersion')
            : app.access === 'staff'
              ? t('application.receivedVersion')
              : t('application.submittedVersion')}
        </h2>
        <ContentView content={app.content} call={call.rules} funderId={app.funderId} />
      </section>
      {app.access === 'applicant' && app.status === 'submitted' && !app.decided ? <Withdraw app={app} /> : null}
      {/* A co-applicant reads the application but not its case history; of the funder's staff, those who may read audit trails. */}
      {app.access === 'applicant' || (app.access === 'staff' && funder.viewAudit) ? (
        <section className="section" aria-labelledby="history-heading">
          <h2 id="history-heading">{t('audit.heading')}</h2>
          <AuditTrail objectType="application" objectId={app.id} />
        </section>
      ) : null}
    </>
  );
}

/** /applications/:id — the draft form for the applicant, otherwise the application as it stands. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { app, call, error } = useApplication(id);
  const data = app.data;
  const assessment = useAssessmentRights(data?.funderId);
  const title = data ? data.content.title || data.callTitle : t('application.title');
  const draftForm = data?.status === 'draft' && data.access === 'applicant';
  const body = error ? (
    <LoadError error={error} />
  ) : data && call.data ? (
    draftForm ? (
      <ApplicationForm app={data} call={call.data.rules} />
    ) : (
      <Submitted app={data} call={call.data} />
    )
  ) : (
    <Loading />
  );
  if (draftForm) {
    // The form sets the tab's title itself, with its step.
    return (
      <>
        <h1 tabIndex={-1} className="page-heading">
          {t('application.formHeading')}
        </h1>
        {body}
      </>
    );
  }
  return (
    <Page title={title} heading={data?.caseNumber ? `${title} (${data.caseNumber})` : title}>
      {data && data.access !== 'staff' ? (
        <p>
          <Link to={`/organisations/${data.organisationId}`}>{t('application.backToOrganisation', { name: data.organisationName })}</Link>
        </p>
      ) : data ? (
        <p className="inline-links">
          <Link to={`/funders/${data.funderId}/applications`}>{t('inbox.back')}</Link>
          {assessment.view ? <Link to={`/applications/${data.id}/assessment`}>{t('assessment.link')}</Link> : null}
        </p>
      ) : null}
      {body}
    </Page>
  );
}
