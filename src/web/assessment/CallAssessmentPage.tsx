import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { StatusBadge } from '../applications/StatusBadge.tsx';
import { formatDate, kr } from '../calls/format.ts';
import { Facts } from '../components/Facts.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { type AssessmentOverview, decisionBasisUrl, minutesUrl, type OverviewRow } from './api.ts';
import { meanText, OutcomeBadge, ReviewerStateText, ScreeningBadge, score, useCallAssessment } from './shared.tsx';

/** The call's budget at a glance: what there is, what is decided, and what the proposals would leave. */
function Budget({ budget }: { budget: AssessmentOverview['budget'] }) {
  const { t } = useTranslation();
  const after = budget.remaining - budget.proposedUndecided;
  return (
    <section className="section" aria-labelledby="budget-heading">
      <h2 id="budget-heading">{t('assessment.budget.heading')}</h2>
      <Facts
        items={[
          [t('assessment.budget.amount'), kr(budget.amount)],
          [t('assessment.budget.granted'), kr(budget.granted)],
          [t('assessment.budget.remaining'), kr(budget.remaining)],
          [t('assessment.budget.proposed'), kr(budget.proposedUndecided)],
          [
            t('assessment.budget.afterProposals'),
            after >= 0 ? (
              kr(after)
            ) : (
              <strong key="over" className="over-budget">
                {t('assessment.budget.overBy', { amount: kr(-after) })}
              </strong>
            ),
          ],
        ]}
      />
    </section>
  );
}

/** Who reviews, and how far each has come: conflict of interest declared, review submitted. */
function ReviewerStates({ row }: { row: OverviewRow }) {
  const { t } = useTranslation();
  if (!row.reviewers.length) return <>{t('assessment.reviewers.noneAssigned')}</>;
  return (
    <ul className="plain-list compact-list">
      {row.reviewers.map((r) => (
        <li key={r.userId}>
          {r.name}: <ReviewerStateText conflict={r.conflict} submitted={r.submitted} />
        </li>
      ))}
    </ul>
  );
}

function Scores({ row }: { row: OverviewRow }) {
  const { t } = useTranslation();
  const s = row.scores;
  return (
    <>
      {meanText(t, s)}
      {s.count ? <span className="hint-inline"> {t('assessment.scores.count', { count: s.count })}</span> : null}
      {s.outliers.length ? (
        <span className="block">{t('assessment.scores.outliers', { list: s.outliers.map((o) => `${o.name} (${score(o.score)})`).join(', ') })}</span>
      ) : null}
    </>
  );
}

function ApplicationsTable({ rows }: { rows: OverviewRow[] }) {
  const { t } = useTranslation();
  if (!rows.length) return <p>{t('assessment.overview.noApplications')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={t('assessment.overview.caption')} tabIndex={0}>
      <table className="table assessment-table">
        <caption className="visually-hidden">{t('assessment.overview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('application.caseNumber')}</th>
            <th scope="col">{t('assessment.overview.application')}</th>
            <th scope="col" className="numeric">
              {t('assessment.overview.requested')}
            </th>
            <th scope="col">{t('assessment.overview.screening')}</th>
            <th scope="col">{t('assessment.overview.reviewers')}</th>
            <th scope="col">{t('assessment.overview.scores')}</th>
            <th scope="col" className="numeric">
              {t('assessment.overview.proposal')}
            </th>
            <th scope="col">{t('assessment.overview.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/applications/${r.id}/assessment`}>{r.caseNumber}</Link>
                {r.status !== 'submitted' ? (
                  <span className="block">
                    <StatusBadge status={r.status} />
                  </span>
                ) : null}
              </th>
              <td>
                {r.organisationName}
                <span className="block hint-inline">{r.title}</span>
              </td>
              <td className="numeric">{kr(r.amountRequested)}</td>
              <td>{r.screening ? <ScreeningBadge outcome={r.screening.outcome} /> : t('assessment.screening.notScreened')}</td>
              <td>
                <ReviewerStates row={r} />
              </td>
              <td>
                <Scores row={r} />
              </td>
              <td className="numeric">{r.proposal ? kr(r.proposal.amount) : t('assessment.overview.noProposal')}</td>
              <td>
                {r.decision ? (
                  <>
                    <OutcomeBadge outcome={r.decision.outcome} /> <span className="nowrap">{kr(r.decision.amount)}</span>
                    <span className="block hint-inline">
                      {formatDate(r.decision.decidedOn)}
                      {r.decision.paragraph ? `, ${r.decision.paragraph}` : ''}
                    </span>
                  </>
                ) : (
                  t('assessment.overview.undecided')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The decision basis and the minutes of each meeting, as PDFs. */
function Documents({ data }: { data: AssessmentOverview }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const query = (extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(extra);
    if (lang === 'en') q.set('lang', 'en');
    const s = q.toString();
    return s ? `?${s}` : '';
  };
  const dates = [...new Set(data.applications.flatMap((a) => (a.decision ? [a.decision.decidedOn] : [])))].sort();
  return (
    <section className="section" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t('assessment.documents.heading')}</h2>
      <p>{t('assessment.documents.intro')}</p>
      <ul className="link-list">
        <li>
          <a href={`${decisionBasisUrl(data.call.id)}${query()}`}>{t('assessment.documents.basis')}</a>
        </li>
        {dates.map((d) => (
          <li key={d}>
            <a href={`${minutesUrl(data.call.id)}${query({ decidedOn: d })}`}>{t('assessment.documents.minutes', { date: formatDate(d) })}</a>
          </li>
        ))}
      </ul>
      {dates.length ? <p className="hint">{t('assessment.documents.minutesHint')}</p> : null}
    </section>
  );
}

/** /calls/:callId/assessment — every application of a call with its screening, reviews, proposal and decision: the committee's decision basis. */
export function CallAssessmentPage() {
  const { t } = useTranslation();
  const { callId = '' } = useParams();
  const { overview, rights } = useCallAssessment(callId);
  const data = overview.data;
  const funderId = data?.call.funderId;
  const title = data ? t('assessment.overview.title', { call: data.call.title }) : t('assessment.overview.titleShort');
  return (
    <Page title={title}>
      {data ? <p className="lead">{data.call.funderName}</p> : null}
      {funderId ? (
        <ul className="link-list inline-links">
          <li>
            <Link to={`/funders/${funderId}/calls`}>{t('assessment.overview.toCalls')}</Link>
          </li>
          {rights.assess ? (
            <li>
              <Link to={`/calls/${callId}/optimizer`}>{t('assessment.overview.toOptimizer')}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      {overview.error ? (
        <LoadError error={overview.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <Budget budget={data.budget} />
          <Documents data={data} />
          <section className="section" aria-labelledby="applications-heading">
            <h2 id="applications-heading">{t('assessment.overview.applicationsHeading', { count: data.applications.length })}</h2>
            <ApplicationsTable rows={data.applications} />
          </section>
        </>
      )}
    </Page>
  );
}
