import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../calls/format.ts';
import { LoadError, Loading } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { type Approval, listOrganisationApprovals } from './api.ts';

export function useApprovals(organisationId: string) {
  return useQuery({
    queryKey: keys.eligibility(organisationId),
    queryFn: () => listOrganisationApprovals(organisationId),
    retry: false,
  });
}

/** The status of an approval in words; an approved one says until when. */
export function StatusText({ approval }: { approval: Approval }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${approval.status}`}>
      {approval.status === 'approved' && approval.validUntil
        ? t('eligibility.status.approvedUntil', { date: formatDate(approval.validUntil) })
        : t(`eligibility.status.${approval.status}`)}
    </span>
  );
}

/** What is still missing, in words. */
export function MissingList({ missing }: { missing: string[] }) {
  const { t } = useTranslation();
  if (missing.length === 0) return null;
  return (
    <div className="missing">
      <p className="missing-title">{t('eligibility.missingTitle')}</p>
      <ul>
        {missing.map((m) => (
          <li key={m}>{t(`evidence.${m}`)}</li>
        ))}
      </ul>
    </div>
  );
}

/** On the organisation's page: its approvals per funder and year, what is missing, and the caseworker's note. */
export function EligibilitySection({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const approvals = useApprovals(organisationId);
  return (
    <section className="section" aria-labelledby="eligibility-heading">
      <h2 id="eligibility-heading">{t('eligibility.heading')}</h2>
      <p>{t('eligibility.intro')}</p>
      {approvals.isPending ? (
        <Loading />
      ) : approvals.error ? (
        <LoadError error={approvals.error} />
      ) : approvals.data.approvals.length === 0 ? (
        <p>{t('eligibility.none')}</p>
      ) : (
        <ul className="card-list">
          {approvals.data.approvals.map((a) => {
            const open = a.status === 'submitted' || a.status === 'needs_more';
            return (
              <li key={a.id} className="card">
                <h3>{t('eligibility.cardTitle', { funder: a.funderName, year: a.year })}</h3>
                <p>
                  <StatusText approval={a} />
                </p>
                {a.requestNote ? (
                  <div className={`notice${a.status === 'needs_more' ? ' notice-warning' : ''}`}>
                    <p className="notice-title">{t('eligibility.noteFrom', { funder: a.funderName })}</p>
                    <p className="preserve-lines">{a.requestNote}</p>
                  </div>
                ) : null}
                {open ? <MissingList missing={a.missing} /> : null}
                {open ? (
                  <p>
                    <Link to={`/organisations/${organisationId}/eligibility?${new URLSearchParams({ funderId: a.funderId, year: String(a.year) })}`}>
                      {a.status === 'needs_more' ? t('eligibility.complete') : t('eligibility.change')}
                      <span className="visually-hidden">: {t('eligibility.cardTitle', { funder: a.funderName, year: a.year })}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link to={`/organisations/${organisationId}/eligibility`} className="button button-secondary">
          {t('eligibility.apply')}
        </Link>
      </p>
    </section>
  );
}
