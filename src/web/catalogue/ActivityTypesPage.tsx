import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../components/fields.tsx';
import { useFunder } from '../components/funder.ts';
import { Info, LoadError, Loading, Page, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { collect, localFieldError, required } from '../components/validation.ts';
import { keys } from '../queryKeys.ts';
import { type ActivityType, decideActivityType, listFunderActivityTypes } from './api.ts';

type Proposal = ActivityType & { proposedBy: string };

function ProposalCard({ proposal, mayDecide, onDecided }: { proposal: Proposal; mayDecide: boolean; onDecided: (text: string) => void }) {
  const { t } = useTranslation();
  const adoptId = `adopt-${proposal.id}`;
  const declineId = `decline-${proposal.id}`;
  const adopt = useAppForm<{ labelSv: string; labelEn: string }>({
    id: adoptId,
    defaultValues: { labelSv: proposal.labelSv, labelEn: '' },
    fields: ['labelSv', 'labelEn'],
    validate: (v) => collect(required(v, 'labelSv', 'labelEn')),
  });
  const decline = useAppForm<{ reason: string }>({
    id: declineId,
    defaultValues: { reason: '' },
    fields: ['reason'],
    validate: (v) => (v.reason.trim() ? [] : [localFieldError('reason', 'catalogue.reasonNeeded')]),
  });
  const submitAdopt = adopt.onSubmit(async (v) => {
    const done = await decideActivityType(proposal.id, { adopt: true, labelSv: v.labelSv.trim(), labelEn: v.labelEn.trim() });
    onDecided(t('catalogue.adopted', { label: done.labelSv }));
  });
  const submitDecline = decline.onSubmit(async (v) => {
    await decideActivityType(proposal.id, { adopt: false, reason: v.reason.trim() });
    onDecided(t('catalogue.declined', { label: proposal.labelSv }));
  });
  return (
    <li className="card proposal">
      <h3>{proposal.labelSv}</h3>
      <p className="hint">{t('catalogue.proposedBy', { name: proposal.proposedBy })}</p>
      {proposal.description ? <p className="preserve-lines">{proposal.description}</p> : <p>{t('catalogue.noDescription')}</p>}
      {mayDecide ? (
        <div className="decision-columns">
          <section aria-labelledby={`${adoptId}-heading`}>
            <h4 id={`${adoptId}-heading`}>{t('catalogue.adoptHeading')}</h4>
            <ErrorSummary errors={adopt.errors} items={adopt.summaryItems()} ref={adopt.summaryRef} />
            <form onSubmit={submitAdopt} noValidate className="form">
              <TextField label={t('catalogue.labelSv')} lang="sv" {...adopt.field('labelSv')} />
              <TextField label={t('catalogue.labelEn')} hint={t('catalogue.labelEnHint')} lang="en" {...adopt.field('labelEn')} />
              <button type="submit" className="button" disabled={adopt.form.formState.isSubmitting}>
                {t('catalogue.adopt')}
                <span className="visually-hidden">: {proposal.labelSv}</span>
              </button>
            </form>
          </section>
          <section aria-labelledby={`${declineId}-heading`}>
            <h4 id={`${declineId}-heading`}>{t('catalogue.declineHeading')}</h4>
            <ErrorSummary errors={decline.errors} items={decline.summaryItems()} ref={decline.summaryRef} />
            <form onSubmit={submitDecline} noValidate className="form">
              <TextAreaField label={t('catalogue.reason')} hint={t('catalogue.reasonHint')} rows={3} {...decline.field('reason')} />
              <button type="submit" className="button button-secondary" disabled={decline.form.formState.isSubmitting}>
                {t('catalogue.decline')}
                <span className="visually-hidden">: {proposal.labelSv}</span>
              </button>
            </form>
          </section>
        </div>
      ) : null}
    </li>
  );
}

/** The funder's activity catalogue: the base types, its own, and what associations have proposed. */
export function ActivityTypesPage() {
  const { t, i18n } = useTranslation();
  const { funderId = '' } = useParams();
  const funder = useFunder(funderId);
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const data = useQuery({
    queryKey: keys.funderActivityTypes(funderId),
    queryFn: () => listFunderActivityTypes(funderId),
    retry: false,
  });
  const en = i18n.language === 'en';
  return (
    <Page title={t('catalogue.title')}>
      {funder.name ? <p className="lead">{funder.name}</p> : null}
      <p>{t('catalogue.intro')}</p>
      <div ref={confirmation} tabIndex={-1} className="focus-target">
        {done ? <Success>{done}</Success> : null}
      </div>
      {data.isPending ? (
        <Loading />
      ) : data.error ? (
        <LoadError error={data.error} />
      ) : (
        <>
          <section className="section" aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">{t('catalogue.proposalsHeading', { count: data.data.proposals.length })}</h2>
            {data.data.proposals.length ? (
              <ul className="card-list">
                {data.data.proposals.map((p) => (
                  <ProposalCard
                    key={p.id}
                    proposal={p}
                    mayDecide={funder.manageCatalogue}
                    onDecided={(text) => {
                      setDone(text);
                      void Promise.all([
                        client.invalidateQueries({ queryKey: keys.funderActivityTypes(funderId) }),
                        client.invalidateQueries({ queryKey: keys.activityTypes() }),
                      ]);
                      requestAnimationFrame(() => confirmation.current?.focus());
                    }}
                  />
                ))}
              </ul>
            ) : (
              <Info>{t('catalogue.noProposals')}</Info>
            )}
          </section>
          <section className="section" aria-labelledby="active-heading">
            <h2 id="active-heading">{t('catalogue.activeHeading', { count: data.data.activityTypes.length })}</h2>
            <ul className="catalogue-list">
              {data.data.activityTypes.map((a) => (
                <li key={a.id}>
                  <span className="catalogue-label" lang={en ? 'en' : 'sv'}>
                    {en ? a.labelEn : a.labelSv}
                  </span>
                  <span className="hint-inline">
                    {' ('}
                    {en ? t('catalogue.inSwedish') : t('catalogue.inEnglish')}: <span lang={en ? 'sv' : 'en'}>{en ? a.labelSv : a.labelEn}</span>
                    {') – '}
                    {a.base ? t('catalogue.base') : t('catalogue.own')}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Page>
  );
}
