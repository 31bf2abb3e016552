import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { getPublicCall } from '../calls/api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, Radio } from '../components/fields.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { localFieldError } from '../components/validation.ts';
import { EligibilityNotice, eligibilityFacts } from '../eligibility/EligibilityNotice.tsx';
import { keys } from '../queryKeys.ts';
import { useSession } from '../session.ts';
import { startApplication } from './api.ts';

/** "Ansök": which of the user's organisations applies; the draft is started (or continued) and opened. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const call = useQuery({ queryKey: keys.publicCall(id), queryFn: () => getPublicCall(id), retry: false });
  const organisations = user?.organisations ?? [];
  const f = useAppForm<{ organisationId: string }>({
    id: 'apply',
    defaultValues: { organisationId: organisations.length === 1 ? organisations[0].id : '' },
    fields: ['organisationId'],
    validate: (v) => (v.organisationId ? [] : [localFieldError('organisationId', 'apply.chooseError')]),
  });
  const submit = f.onSubmit(async (v) => {
    const app = await startApplication(id, v.organisationId);
    navigate(`/applications/${app.id}`);
  });
  const back = `/calls/${id}/apply`;
  return (
    <Page title={t('apply.title')}>
      {call.error ? (
        <LoadError error={call.error} />
      ) : !call.data ? (
        <Loading />
      ) : (
        <>
          <p className="lead">{call.data.title}</p>
          <p>
            <Link to={`/calls/${id}`}>{t('apply.backToCall')}</Link>
          </p>
          {call.data.phase !== 'open' ? (
            <div className="notice notice-warning">
              <p>{t('apply.notOpen')}</p>
            </div>
          ) : null}
          {call.data.phase === 'open' && organisations.length ? (
            <EligibilityNotice call={eligibilityFacts(call.data)} organisations={organisations} signedIn />
          ) : null}
          {call.data.phase !== 'open' ? null : organisations.length === 0 ? (
            <>
              <p>{t('apply.noOrganisation')}</p>
              <p>
                <Link className="button" to={`/organisations/new?${new URLSearchParams({ next: back })}`}>
                  {t('apply.registerOrganisation')}
                </Link>
              </p>
            </>
          ) : (
            <div className="narrow">
              <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
              <form onSubmit={submit} noValidate className="form">
                <CheckboxGroup
                  id={f.fieldId('organisationId')}
                  legend={t('apply.whichOrganisation')}
                  hint={t('apply.hint')}
                  error={f.errors.fields.organisationId}
                  layout="stack"
                >
                  {organisations.map((o) => (
                    <Radio key={o.id} id={`apply-org-${o.id}`} value={o.id} label={`${o.name} (${o.orgNumber})`} {...f.form.register('organisationId')} />
                  ))}
                </CheckboxGroup>
                <div className="actions">
                  <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
                    {t('apply.start')}
                  </button>
                </div>
              </form>
              <p>
                <Link to={`/organisations/new?${new URLSearchParams({ next: back })}`}>{t('apply.registerAnother')}</Link>
              </p>
            </div>
          )}
        </>
      )}
    </Page>
  );
}
