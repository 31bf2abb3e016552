import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { kr } from '../calls/format.ts';
import { LoadError, Loading } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { listOrganisationApplications } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** On the organisation's page: the applications it has made, and those it takes part in as co-applicant. */
export function OrganisationApplications({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: keys.organisationApplications(organisationId),
    queryFn: () => listOrganisationApplications(organisationId),
  });
  return (
    <section className="section" aria-labelledby="applications-heading">
      <h2 id="applications-heading">{t('orgApplications.heading')}</h2>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} />
      ) : list.data.applications.length === 0 ? (
        <p>
          {t('orgApplications.none')} <Link to="/calls">{t('orgApplications.findCalls')}</Link>
        </p>
      ) : (
        <ul className="card-list">
          {list.data.applications.map((a) => (
            <li key={a.id} className="card">
              <h3>
                <Link to={`/applications/${a.id}`}>{a.title || t('orgApplications.untitled')}</Link>
              </h3>
              <p>
                <StatusBadge status={a.status} decision={a.decision} /> <span className="badge">{t(`orgApplications.role.${a.role}`)}</span>
                {a.role === 'partner' ? ` ${t('orgApplications.partnerOf', { name: a.organisationName })}` : null}
              </p>
              <dl className="facts facts-compact">
                <div>
                  <dt>{t('orgApplications.call')}</dt>
                  <dd>
                    {a.callTitle} ({a.funderName})
                  </dd>
                </div>
                <div>
                  <dt>{t('application.caseNumber')}</dt>
                  <dd>{a.caseNumber ?? t('orgApplications.noCaseNumber')}</dd>
                </div>
                <div>
                  <dt>{t('application.fields.amountRequested')}</dt>
                  <dd>{kr(a.amountRequested)}</dd>
                </div>
                {a.status === 'draft' && a.deadline ? (
                  <div>
                    <dt>{t('orgApplications.deadline')}</dt>
                    <dd>{a.deadline}</dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
