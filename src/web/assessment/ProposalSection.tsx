import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../applications/format.ts';
import { amountInput, kr, parseAmount } from '../calls/format.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../components/fields.tsx';
import { Info, RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { localFieldError } from '../components/validation.ts';
import { keys } from '../queryKeys.ts';
import { type ProposalView, propose } from './api.ts';

/**
 * The caseworker's proposal: an amount up to what was applied for (0 proposes rejection), with reasons.
 * An amount carried over from the optimizer is filled in, to be checked and argued for.
 */
function ProposalForm({ applicationId, callId, requested, suggested }: { applicationId: string; callId: string; requested: number; suggested: number | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [saved, setSaved] = useState<ProposalView | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const f = useAppForm<{ amount: string; reasons: string }>({
    id: 'proposal',
    draftKey: `proposal-${applicationId}`,
    defaultValues: { amount: suggested === null ? '' : suggested === 0 ? '0' : amountInput(suggested), reasons: '' },
    fields: ['amount', 'reasons'],
    validate: (v) => (parseAmount(v.amount) === null ? [localFieldError('amount', 'form.notAnAmount')] : []),
  });
  const submit = f.onSubmit(async (v) => {
    setSaved(null);
    const answer = await propose(applicationId, { amount: parseAmount(v.amount)!, reasons: v.reasons });
    await client.invalidateQueries({ queryKey: keys.assessment(callId) });
    setSaved(answer);
  });
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  // Arriving with the optimizer's amount, the caseworker lands on it: after the page's heading has
  // taken focus (Layout does that a frame after navigation), the amount field takes it.
  const amountId = f.fieldId('amount');
  useEffect(() => {
    if (suggested === null) return;
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => {
        const field = document.getElementById(amountId);
        field?.scrollIntoView({ block: 'center' });
        field?.focus();
      });
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [suggested, amountId]);
  return (
    <>
      <div className="focus-target" tabIndex={-1} ref={savedRef}>
        {saved ? <Success>{t('assessment.proposal.saved', { amount: kr(saved.amount) })}</Success> : null}
      </div>
      {suggested !== null ? <Info>{t('assessment.proposal.fromOptimizer', { amount: kr(suggested) })}</Info> : null}
      <RestoredNotice restored={f.restored} />
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label={t('assessment.proposal.amount')}
          hint={`${t('assessment.proposal.amountHint', { requested: kr(requested) })} ${t('form.kronorHint')}`}
          inputMode="decimal"
          className="input-medium"
          {...f.field('amount')}
        />
        <TextAreaField label={t('assessment.proposal.reasons')} hint={t('assessment.proposal.reasonsHint')} rows={4} {...f.field('reasons')} />
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('assessment.proposal.save')}
          </button>
        </div>
      </form>
    </>
  );
}

export function ProposalSection({
  applicationId,
  callId,
  requested,
  proposal,
  mayPropose,
  open,
  suggested,
}: {
  applicationId: string;
  callId: string;
  requested: number;
  proposal: ProposalView | null;
  mayPropose: boolean;
  open: boolean;
  suggested: number | null;
}) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="proposal-heading" id="proposal">
      <h2 id="proposal-heading">{t('assessment.proposal.heading')}</h2>
      {proposal ? (
        <div className="card">
          <h3>{t('assessment.proposal.latestHeading')}</h3>
          <dl className="facts">
            <div>
              <dt>{t('assessment.proposal.amount')}</dt>
              <dd>{proposal.amount === 0 ? t('assessment.proposal.rejection') : kr(proposal.amount)}</dd>
            </div>
            <div>
              <dt>{t('assessment.proposal.proposedAt')}</dt>
              <dd>{dateTime(proposal.proposedAt)}</dd>
            </div>
          </dl>
          <p className="preserve-lines">{proposal.reasons}</p>
        </div>
      ) : (
        <p>{t('assessment.proposal.none')}</p>
      )}
      {mayPropose && open ? (
        <>
          <h3>{proposal ? t('assessment.proposal.newHeading') : t('assessment.proposal.formHeading')}</h3>
          <ProposalForm applicationId={applicationId} callId={callId} requested={requested} suggested={suggested} />
        </>
      ) : null}
    </section>
  );
}
