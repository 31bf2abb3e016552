import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { formatKronor, type Ore } from '../../domain/money.ts';
import { formatDate } from '../calls/format.ts';
import { LoadError, Loading } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { type DecisionView, listDecisions } from './api.ts';

type Decision = DecisionView;

const BADGE = { approved: 'badge-approved', partially_approved: 'badge-approved', rejected: 'badge-rejected' } as const;

function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  return { lang, kr: (amount: Ore) => formatKronor(amount, lang), date: (d: string) => <time dateTime={d}>{formatDate(d)}</time> } as const;
}

/** "Socialnämnden, § 31, 24 mars 2022" or "on delegation by …". */
function DecidedBy({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  return (
    <>
      {d.madeBy === 'committee'
        ? t('decision.byCommittee', { body: d.decisionBody, paragraph: d.paragraph ? `, ${d.paragraph}` : '' })
        : t('decision.byDelegate', { body: d.decisionBody })}
      , {date(d.decidedOn)}
    </>
  );
}

function letterHref(d: Decision, lang: 'sv' | 'en') {
  return lang === 'en' ? `${d.letterUrl}?lang=en` : d.letterUrl;
}

function CurrentDecision({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const { lang, kr, date } = useFormat();
  const granted = d.outcome !== 'rejected';
  return (
    <article className="card decision-current" aria-labelledby={`decision-${d.id}`}>
      <h3 id={`decision-${d.id}`} className="decision-outcome">
        <span className={`badge ${BADGE[d.outcome]}`}>{t(`decision.outcome.${d.outcome}`)}</span>{' '}
        {granted ? <span className="decision-amount">{kr(d.amount)}</span> : null}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('decision.amount')}</dt>
          <dd>
            {granted
              ? t('decision.amountOf', { amount: kr(d.amount), requested: kr(d.amountRequested) })
              : t('decision.noGrant', { requested: kr(d.amountRequested) })}
          </dd>
        </div>
        {d.grantFrom && d.grantTo ? (
          <div>
            <dt>{t('decision.period')}</dt>
            <dd>
              {date(d.grantFrom)} – {date(d.grantTo)}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('decision.decidedBy')}</dt>
          <dd>
            <DecidedBy d={d} />
          </dd>
        </div>
        {d.supersedes ? (
          <div>
            <dt>{t('decision.replacesLabel')}</dt>
            <dd>{t('decision.replaces')}</dd>
          </div>
        ) : null}
      </dl>
      {d.conditions ? (
        <>
          <h4>{t('decision.conditions')}</h4>
          <p className="preserve-lines">{d.conditions}</p>
        </>
      ) : null}
      <h4>{t('decision.reasons')}</h4>
      <p className="preserve-lines">{d.reasons}</p>
      {d.reservations.length ? (
        <>
          <h4>{t('decision.reservations')}</h4>
          <ul className="plain-list">
            {d.reservations.map((r) => (
              <li key={`${r.kind}-${r.by}`}>
                <strong>{r.by}</strong> {t(`decision.${r.kind}`)}
                {r.text ? `: ${r.text}` : '.'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('decision.appealHeading')}</h4>
      <p className="decision-appeal">
        <Trans
          i18nKey={`decision.appeal.${d.appeal.law}`}
          values={{ from: formatDate(d.appeal.from), deadline: formatDate(d.appeal.deadline) }}
          components={{ deadline: <strong />, time: <time dateTime={d.appeal.deadline} /> }}
        />
      </p>
      <p>
        <a href={letterHref(d, lang)} className="decision-letter">
          {t('decision.letter')}
        </a>
      </p>
    </article>
  );
}

/** A decision since replaced: what it said, marked as replaced, with its own letter. */
function Superseded({ d }: { d: Decision }) {
  const { t } = useTranslation();
  const { lang, kr } = useFormat();
  return (
    <li className="card decision-superseded">
      <p>
        <span className="badge badge-closed">{t('decision.superseded')}</span>
      </p>
      <p>
        <strong>{t(`decision.outcome.${d.outcome}`)}</strong>
        {d.outcome !== 'rejected' ? `, ${kr(d.amount)}` : ''}. <DecidedBy d={d} />.
      </p>
      <p>
        <a href={letterHref(d, lang)}>{t('decision.olderLetter', { date: formatDate(d.decidedOn), paragraph: d.paragraph ? `, ${d.paragraph}` : '' })}</a>
      </p>
    </li>
  );
}

/**
 * The decision on an application, for the applicant, co-applicants and the funder's staff:
 * the current one first, with amount, period, conditions, reasons, reservations, how to
 * appeal and the letter; earlier decisions it replaced after it, marked as replaced.
 */
export function DecisionRecord({ applicationId, status }: { applicationId: string; status: string }) {
  const { t } = useTranslation();
  const decisions = useQuery({
    queryKey: keys.decisions(applicationId),
    queryFn: () => listDecisions(applicationId),
    enabled: status !== 'draft',
  });
  if (status === 'draft') return null;
  const list = decisions.data?.decisions ?? [];
  if (decisions.isSuccess && !list.length && status !== 'submitted') return null;
  const current = list.find((d) => !d.supersededBy);
  const earlier = list.filter((d) => d !== current).reverse();
  return (
    <section className="section decision-section" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t('decision.heading')}</h2>
      {decisions.error ? (
        <LoadError error={decisions.error} />
      ) : decisions.isPending ? (
        <Loading />
      ) : !list.length ? (
        <p>{t('decision.none')}</p>
      ) : (
        <>
          {current ? <CurrentDecision d={current} /> : null}
          {earlier.length ? (
            <>
              <h3>{t('decision.earlierHeading')}</h3>
              <p className="hint">{t('decision.earlierIntro')}</p>
              <ul className="card-list">
                {earlier.map((d) => (
                  <Superseded key={d.id} d={d} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
