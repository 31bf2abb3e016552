import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { EligibilityNotice, eligibilityFacts } from '../eligibility/EligibilityNotice.tsx';
import { keys } from '../queryKeys.ts';
import { useSession } from '../session.ts';
import { getPublicCall } from './api.ts';
import { AmendmentList, CallRulesView } from './CallRulesView.tsx';
import { CallStatus } from './CallStatus.tsx';
import { formatDate } from './format.ts';

/** A published call for anyone: its rules in plain words, where it stands, and how it has been changed. */
export function PublicCallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const call = useQuery({ queryKey: keys.publicCall(id), queryFn: () => getPublicCall(id), retry: false });
  const data = call.data;
  const last = data?.amendments.at(-1);
  const mayEdit = !!data && !!user?.funders.some((f) => f.funderId === data.funderId && (f.role === 'caseworker' || f.role === 'administrator'));

  return (
    <Page title={data?.title ?? t('calls.callTitle')}>
      <p>
        <Link to="/calls">{t('calls.backToList')}</Link>
      </p>
      {call.isPending ? (
        <Loading />
      ) : call.error ? (
        <LoadError error={call.error} />
      ) : data ? (
        <>
          <p className="lead">{data.summary}</p>
          <CallStatus call={data} />
          {data.phase !== 'closed' ? <EligibilityNotice call={eligibilityFacts(data)} organisations={user?.organisations ?? []} signedIn={!!user} /> : null}
          {data.phase === 'open' ? (
            <p>
              <Link to={`/calls/${data.id}/apply`} className="button">
                {t('apply.cta')}
              </Link>
            </p>
          ) : null}
          {last ? (
            <div className="notice">
              <p>
                {t('calls.amendedNotice', { count: data.amendments.length, date: formatDate(dateInStockholm(new Date(last.at))) })}{' '}
                <a href="#amendments-heading">{t('calls.seeAmendments')}</a>
              </p>
            </div>
          ) : null}
          {mayEdit ? (
            <p>
              <Link to={`/funders/${data.funderId}/calls/${data.id}/edit`}>{t('calls.amendThisCall')}</Link>
            </p>
          ) : null}
          <CallRulesView call={data} />
          <section className="section" aria-labelledby="amendments-heading">
            <h2 id="amendments-heading" tabIndex={-1}>
              {t('calls.sections.amendments')}
            </h2>
            <AmendmentList amendments={data.amendments} funderId={data.funderId} />
          </section>
        </>
      ) : null}
    </Page>
  );
}
