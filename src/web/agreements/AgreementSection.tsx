import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { policy } from '../../domain/roles.ts';
import { ApiError, type Messages } from '../api/client.ts';
import { usePrincipal } from '../components/funder.ts';
import { LoadError, Loading } from '../components/page.tsx';
import { useLocalized } from '../i18n/index.ts';
import { ReportHoldNotice } from '../payments/ReportHoldNotice.tsx';
import { keys } from '../queryKeys.ts';
import { draftAgreement, getApplicationAgreement, refreshAgreement } from './api.ts';
import { AgreementStatus, LedgerFacts, ScheduleTable, SignatureStates, useAgreementTitle } from './parts.tsx';

interface Props {
  applicationId: string;
  funderId: string;
  /** The application's current decision, if any: an agreement is drafted only from a grant. */
  decision: { outcome: string; amount: number } | null;
}

/**
 * The agreement on the application's page, for the association and the funder's staff: a summary
 * with a link to the agreement, or, for the funder's caseworker once a grant is decided, the button
 * that drafts it.
 */
export function AgreementSection({ applicationId, funderId, decision }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const client = useQueryClient();
  const navigate = useNavigate();
  const title = useAgreementTitle();
  const principal = usePrincipal();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Messages | null>(null);
  const granted = !!decision && decision.outcome !== 'rejected' && decision.amount > 0;
  const query = useQuery({
    queryKey: keys.agreements.ofApplication(applicationId),
    queryFn: () => getApplicationAgreement(applicationId),
    enabled: granted,
    retry: false,
  });
  if (!granted) return null;
  const mayDraft = policy.draftAgreement(principal, funderId);
  const a = query.data?.agreement ?? null;
  if (query.isSuccess && !a && !mayDraft) return null;
  // A co-applicant does not see the agreement: the section is not theirs.
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403)) return null;

  async function draft() {
    setBusy(true);
    setProblem(null);
    try {
      const created = await draftAgreement(applicationId);
      await refreshAgreement(client, created);
      await navigate(`/agreements/${created.id}`);
    } catch (error) {
      // Drafted by a colleague meanwhile: open that one.
      const existing = error instanceof ApiError ? error.problem.details?.agreementId : undefined;
      if (error instanceof ApiError && error.code === 'agreement_exists' && typeof existing === 'string') {
        await navigate(`/agreements/${existing}`);
        return;
      }
      setProblem(error instanceof ApiError ? error.problem.messages : null);
      if (!(error instanceof ApiError)) throw error;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="agreement-section-heading">
      <h2 id="agreement-section-heading">{t('agreement.section.heading')}</h2>
      {query.error ? (
        <LoadError error={query.error} />
      ) : query.isPending ? (
        <Loading />
      ) : a ? (
        <article className="card" aria-labelledby="agreement-section-title">
          <h3 id="agreement-section-title">
            {title(a)} <AgreementStatus a={a} />
          </h3>
          <SignatureStates a={a} />
          <ScheduleTable a={a} caption={a.status === 'signed' ? t('agreement.schedule.caption', { number: a.number }) : t('agreement.schedule.planCaption')} />
          <h4>{t('agreement.ledger.heading')}</h4>
          <LedgerFacts a={a} />
          {a.payoutHold ? <p className="notice notice-warning">{t(`agreement.hold.${a.payoutHold}`, { organisation: a.organisation.name })}</p> : null}
          {a.overdueReport ? <ReportHoldNotice report={a.overdueReport} heading={false} /> : null}
          <p>
            <Link to={`/agreements/${a.id}`}>{t('agreement.section.open')}</Link>
          </p>
        </article>
      ) : (
        <>
          <p>{t('agreement.section.none')}</p>
          {problem ? (
            <div className="notice notice-error" role="alert">
              <p>{localized(problem)}</p>
            </div>
          ) : null}
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void draft()}>
              {t('agreement.section.draft')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
