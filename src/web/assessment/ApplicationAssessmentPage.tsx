import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type ApplicationView, getApplication } from '../applications/api.ts';
import { StatusBadge } from '../applications/StatusBadge.tsx';
import { kr } from '../calls/format.ts';
import { Info, LoadError, Loading, Page } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { getAssessment, getScreening } from './api.ts';
import { ProposalSection } from './ProposalSection.tsx';
import { RecordDecisionSection } from './RecordDecisionSection.tsx';
import { ReviewersSection } from './ReviewersSection.tsx';
import { ScreeningSection } from './ScreeningSection.tsx';
import { useAssessmentRights } from './shared.tsx';

/** An amount carried over from the optimizer (?amount=öre), or null. */
function suggestedAmount(value: string | null): number | null {
  return value && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

function Assessment({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const rights = useAssessmentRights(app.funderId);
  const overview = useQuery({
    queryKey: keys.assessment(app.callId),
    queryFn: () => getAssessment(app.callId),
    retry: false,
  });
  const screening = useQuery({
    queryKey: keys.screening(app.id),
    queryFn: () => getScreening(app.id),
    retry: false,
  });
  const error = overview.error ?? screening.error;
  if (error) return <LoadError error={error} />;
  if (!overview.data || !screening.data) return <Loading />;
  const row = overview.data.applications.find((a) => a.id === app.id);
  const open = app.status === 'submitted';
  const requested = row?.amountRequested ?? app.content.amountRequested;
  const suggested = suggestedAmount(params.get('amount'));
  return (
    <>
      <p className="lead">
        {app.organisationName} · {app.content.title} · {t('assessment.app.requested', { amount: kr(requested) })}
      </p>
      <ul className="link-list inline-links">
        <li>
          <Link to={`/applications/${app.id}`}>{t('assessment.app.toApplication')}</Link>
        </li>
        <li>
          <Link to={`/calls/${app.callId}/assessment`}>{t('assessment.app.toOverview', { call: app.callTitle })}</Link>
        </li>
      </ul>
      {open ? null : (
        <Info>
          <StatusBadge status={app.status} /> {t('assessment.app.closed')}
        </Info>
      )}
      <nav aria-label={t('assessment.app.contents')}>
        <ul className="link-list inline-links">
          {(['screening', 'reviewers', 'proposal', 'decision'] as const).map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`assessment.app.parts.${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ScreeningSection applicationId={app.id} callId={app.callId} view={screening.data} mayScreen={rights.assess} open={open} />
      <ReviewersSection applicationId={app.id} callId={app.callId} funderId={app.funderId} mayAssign={rights.assess} open={open} />
      <ProposalSection
        applicationId={app.id}
        callId={app.callId}
        requested={requested}
        proposal={row?.proposal ?? null}
        mayPropose={rights.assess}
        open={open}
        suggested={suggested}
      />
      <RecordDecisionSection
        ctx={{
          applicationId: app.id,
          callId: app.callId,
          requested,
          remaining: overview.data.budget.remaining,
          decisionBody: overview.data.call.decisionBody,
          proposal: row?.proposal ?? null,
          mayDelegate: rights.decideAsDelegate,
          organisationName: app.organisationName,
          contactEmails: [...new Set(app.content.contacts.map((c) => c.email.trim()).filter(Boolean))],
        }}
        mayRecord={rights.recordDecision}
        open={open}
      />
    </>
  );
}

/** /applications/:id/assessment — screening, reviewers, proposal and decision on one application, for the funder's staff. */
export function ApplicationAssessmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const app = useQuery({ queryKey: keys.application(id), queryFn: () => getApplication(id), retry: false });
  const data = app.data;
  const heading = data?.caseNumber ? t('assessment.app.heading', { caseNumber: data.caseNumber }) : t('assessment.app.headingShort');
  return (
    <Page title={heading}>
      {app.error ? (
        <LoadError error={app.error} />
      ) : !data ? (
        <Loading />
      ) : data.access !== 'staff' ? (
        <Info>
          <p>{t('assessment.app.staffOnly')}</p>
          <p>
            <Link to={`/applications/${data.id}`}>{t('assessment.app.toApplication')}</Link>
          </p>
        </Info>
      ) : (
        <Assessment app={data} />
      )}
    </Page>
  );
}
