import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amountInput, kr, parseAmount } from '../calls/format.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/fields.tsx';
import { Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { useFunders } from '../components/useFunders.ts';
import { localFieldError, required } from '../components/validation.ts';
import { keys } from '../queryKeys.ts';
import { saveDecisionRules } from './api.ts';

/** Who decides the funder's grants: the committee's name and the most a delegate may decide alone. */
export function DecisionRulesForm({ funderId }: { funderId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const funder = useFunders().data?.funders.find((f) => f.id === funderId);
  if (!funder) return null;
  return (
    <section className="section" aria-labelledby="decision-rules-heading">
      <h2 id="decision-rules-heading">{t('users.decisionRules.heading')}</h2>
      <p>{t('users.decisionRules.intro')}</p>
      <div className="narrow">
        <RulesForm
          funderId={funderId}
          decisionBody={funder.decisionBody}
          delegationLimit={funder.delegationLimit}
          onSaved={() => client.invalidateQueries({ queryKey: keys.funders() })}
        />
      </div>
    </section>
  );
}

function RulesForm({
  funderId,
  decisionBody,
  delegationLimit,
  onSaved,
}: {
  funderId: string;
  decisionBody: string;
  delegationLimit: number;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<number | null>(null);
  const f = useAppForm<{ decisionBody: string; delegationLimit: string }>({
    id: 'decision-rules',
    defaultValues: { decisionBody, delegationLimit: delegationLimit ? amountInput(delegationLimit) : '0' },
    fields: ['decisionBody', 'delegationLimit'],
    validate: (v) => [
      ...required(v, 'decisionBody'),
      ...(parseAmount(v.delegationLimit) === null ? [localFieldError('delegationLimit', 'form.notAnAmount')] : []),
    ],
  });
  const submit = f.onSubmit(async (v) => {
    setSaved(null);
    const answer = await saveDecisionRules(funderId, {
      decisionBody: v.decisionBody.trim(),
      delegationLimit: parseAmount(v.delegationLimit)!,
    });
    setSaved(answer.delegationLimit);
    await onSaved();
  });
  return (
    <>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      {saved !== null ? <Success>{t('users.decisionRules.saved', { amount: kr(saved) })}</Success> : null}
      <form onSubmit={submit} noValidate className="form">
        <TextField label={t('users.decisionRules.body')} hint={t('users.decisionRules.bodyHint')} {...f.field('decisionBody')} />
        <TextField
          label={t('users.decisionRules.limit')}
          hint={`${t('users.decisionRules.limitHint')} ${t('form.kronorHint')}`}
          inputMode="decimal"
          className="input-medium"
          {...f.field('delegationLimit')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('users.decisionRules.save')}
          </button>
        </div>
      </form>
    </>
  );
}
