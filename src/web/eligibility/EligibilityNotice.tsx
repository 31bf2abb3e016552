// Before anyone writes an application to a call that requires it: the association must first be approved
// as eligible for grants (bidragsberättigad) by the funder, how long that usually takes, where to ask for
// it, and, for a signed-in applicant, where their own organisation stands and whether approval can
// come before the deadline.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { type ApprovalStanding, approvalOutlook, approvalStanding } from '../../domain/eligibility.ts';
import { formatDate } from '../calls/format.ts';
import { keys } from '../queryKeys.ts';
import { signInPath } from '../session.ts';
import { getLeadTime, type LeadTime } from './api.ts';
import { useApprovals } from './EligibilitySection.tsx';

interface CallFacts {
  id: string;
  funderId: string;
  funderName: string;
  deadline: string | null;
  requiresEligibilityApproval: boolean;
}

/** How long approval usually takes, in words: from the funder's own decisions, or the stated fallback. */
function LeadTimeText({ lead, funder }: { lead: LeadTime; funder: string }) {
  const { t } = useTranslation();
  return (
    <p>
      {lead.basis === 'history'
        ? t('eligibilityNotice.leadHistory', { count: lead.days, funder, decided: lead.decided })
        : t('eligibilityNotice.leadFallback', { count: lead.days, funder })}
    </p>
  );
}

function requestLink(organisationId: string, funderId: string) {
  return `/organisations/${organisationId}/eligibility?${new URLSearchParams({ funderId })}`;
}

/** One organisation's standing with the funder, and the risk for this call's deadline. */
function OrganisationStanding({ organisation, call, lead }: { organisation: { id: string; name: string }; call: CallFacts; lead: LeadTime | undefined }) {
  const { t } = useTranslation();
  const approvals = useApprovals(organisation.id);
  if (!approvals.data) return null;
  const today = dateInStockholm(new Date());
  const standing: ApprovalStanding = approvalStanding(
    approvals.data.approvals
      .filter((a) => a.funderId === call.funderId)
      .map((a) => ({ status: a.status, submittedOn: dateInStockholm(new Date(a.submittedAt)), validUntil: a.validUntil })),
    today,
  );
  const outlook = lead ? approvalOutlook(standing, call.deadline, today, lead.days) : null;
  const name = organisation.name;
  const text =
    standing.kind === 'approved'
      ? t('eligibilityNotice.approved', { name, date: formatDate(standing.validUntil) })
      : standing.kind === 'pending'
        ? t('eligibilityNotice.pending', { name, date: formatDate(standing.since) })
        : standing.kind === 'needs_more'
          ? t('eligibilityNotice.needsMore', { name, date: formatDate(standing.since) })
          : standing.kind === 'rejected'
            ? t('eligibilityNotice.rejected', { name })
            : t('eligibilityNotice.notApproved', { name });
  return (
    <li>
      <p>
        <strong>{text}</strong>
      </p>
      {outlook?.atRisk && call.deadline ? (
        <p className="eligibility-risk">
          <strong>{t('eligibilityNotice.riskLabel')}</strong>{' '}
          {t('eligibilityNotice.risk', { deadline: formatDate(call.deadline), expected: formatDate(outlook.expectedBy), funder: call.funderName })}
        </p>
      ) : outlook ? (
        <p>{t('eligibilityNotice.expected', { date: formatDate(outlook.expectedBy) })}</p>
      ) : null}
      {standing.kind === 'none' || standing.kind === 'rejected' || standing.kind === 'needs_more' ? (
        <p>
          <Link to={requestLink(organisation.id, call.funderId)}>
            {standing.kind === 'needs_more' ? t('eligibilityNotice.complete', { name }) : t('eligibilityNotice.request', { name })}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

/**
 * The notice on a call's page and when starting an application, for a call that requires approval. A
 * visitor not signed in reads the rule, the usual lead time and, when the deadline is nearer than that,
 * the risk; a signed-in applicant reads each of their organisations' own standing.
 */
export function EligibilityNotice({
  call,
  organisations,
  signedIn,
}: {
  call: CallFacts;
  organisations: readonly { id: string; name: string }[];
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const lead = useQuery({
    queryKey: keys.eligibilityLeadTime(call.funderId),
    queryFn: () => getLeadTime(call.funderId),
    enabled: call.requiresEligibilityApproval,
    retry: false,
    staleTime: 5 * 60_000,
  });
  if (!call.requiresEligibilityApproval) return null;
  const today = dateInStockholm(new Date());
  const general = lead.data ? approvalOutlook({ kind: 'none' }, call.deadline, today, lead.data.days) : null;
  return (
    <section className="notice notice-warning eligibility-notice" aria-labelledby="eligibility-notice-title">
      <h2 id="eligibility-notice-title" className="notice-title">
        {t('eligibilityNotice.title')}
      </h2>
      <p>{t('eligibilityNotice.rule', { funder: call.funderName })}</p>
      {lead.data ? <LeadTimeText lead={lead.data} funder={call.funderName} /> : null}
      {organisations.length ? (
        <ul className="plain-list eligibility-standing">
          {organisations.map((o) => (
            <OrganisationStanding key={o.id} organisation={o} call={call} lead={lead.data} />
          ))}
        </ul>
      ) : (
        <>
          {general?.atRisk && call.deadline ? (
            <p className="eligibility-risk">
              <strong>{t('eligibilityNotice.riskLabel')}</strong>{' '}
              {t('eligibilityNotice.riskGeneral', { deadline: formatDate(call.deadline), expected: formatDate(general.expectedBy) })}
            </p>
          ) : null}
          <p>
            {signedIn ? (
              <Link to={`/organisations/new?${new URLSearchParams({ next: `/calls/${call.id}` })}`}>{t('eligibilityNotice.registerFirst')}</Link>
            ) : (
              <Link to={signInPath(`/calls/${call.id}`)}>{t('eligibilityNotice.signInFirst')}</Link>
            )}
          </p>
        </>
      )}
    </section>
  );
}

/** What the notice needs of a call as the public call page reads it. */
export function eligibilityFacts(call: {
  id: string;
  funderId: string;
  funderName: string;
  rules: { deadline: string | null; requiresEligibilityApproval: boolean };
}): CallFacts {
  return {
    id: call.id,
    funderId: call.funderId,
    funderName: call.funderName,
    deadline: call.rules.deadline,
    requiresEligibilityApproval: call.rules.requiresEligibilityApproval,
  };
}
