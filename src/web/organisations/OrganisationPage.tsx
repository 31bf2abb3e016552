import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OrganisationApplications } from '../applications/OrganisationApplications.tsx';
import { AuditTrail } from '../audit/AuditTrail.tsx';
import { ProposeActivityForm } from '../catalogue/ProposeActivityForm.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { EligibilitySection } from '../eligibility/EligibilitySection.tsx';
import { keys } from '../queryKeys.ts';
import { getOrganisation } from './api.ts';

export function OrganisationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const org = useQuery({ queryKey: keys.organisation(id), queryFn: () => getOrganisation(id), retry: false });
  const data = org.data;
  return (
    <Page title={data?.name ?? t('organisation.title')}>
      {org.isPending ? (
        <Loading />
      ) : org.error ? (
        <LoadError error={org.error} />
      ) : data ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('fields.orgNumber')}</dt>
              <dd>{data.orgNumber}</dd>
            </div>
            <div>
              <dt>{t('fields.legalForm')}</dt>
              <dd>{t(`legalForms.${data.legalForm}`, { defaultValue: data.legalForm })}</dd>
            </div>
            <div>
              <dt>{t('fields.municipality')}</dt>
              <dd>{data.municipality ?? t('common.notGiven')}</dd>
            </div>
          </dl>
          <p>
            <Link to={`/organisations/${data.id}/payments`}>{t('orgPayments.link')}</Link>
            <br />
            <span className="hint-inline">{t('orgPayments.linkHint')}</span>
          </p>
          <OrganisationApplications organisationId={data.id} />
          <EligibilitySection organisationId={data.id} />
          <ProposeActivityForm organisationId={data.id} />
          <section className="section" aria-labelledby="history-heading">
            <h2 id="history-heading">{t('audit.heading')}</h2>
            <p className="hint">{t('audit.organisationIntro')}</p>
            <AuditTrail objectType="organisation" objectId={data.id} />
          </section>
        </>
      ) : null}
    </Page>
  );
}
