import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { AGE_CELLS, GROUPINGS } from '../../domain/surveys/anonymity.ts';
import { Content } from '../components/Content.tsx';
import { SelectField } from '../components/fields.tsx';
import { useFunder } from '../components/funder.ts';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { getSurveySummary, type SurveySummary, type SurveySummaryGroup, type SurveySummaryQuery, surveySummaryCsvUrl } from './api.ts';
import { HiddenNotice, QuestionTable } from './SurveyResults.tsx';

const FILTERS = ['by', 'callId', 'activity', 'area', 'ageBand'] as const;

/** A group's name: the call's title or the words of the agreements (in Swedish), an age band, or all. */
function useGroupLabel(by: SurveySummary['by']) {
  const { t } = useTranslation();
  return (g: SurveySummaryGroup) =>
    g.key === 'all' ? t('surveyResults.summary.allSurveys') : by === 'age_band' ? t(`surveyResults.ageBands.${g.key}`) : g.label;
}

function Group({ group, summary, index }: { group: SurveySummaryGroup; summary: SurveySummary; index: number }) {
  const { t } = useTranslation();
  const label = useGroupLabel(summary.by)(group);
  const headingId = `survey-group-${index}`;
  const k = summary.minGroup;
  const words = summary.by === 'age_band' || group.key === 'all' ? label : <Content lang="sv">{label}</Content>;
  return (
    <li className="card survey-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {words}
        {group.shown ? null : (
          <>
            {' '}
            <span className="badge">{t('surveyResults.hidden.badge')}</span>
          </>
        )}
      </h3>
      {group.shown ? (
        <>
          <p>{t('surveyResults.summary.from', { count: group.included, n: group.n })}</p>
          <QuestionTable
            caption={t('surveyResults.table.captionFor', { group: label })}
            rows={group.questions.map((q) => ({ ...q, label: t(`surveyResults.questions.${q.question}`) }))}
          />
        </>
      ) : (
        <HiddenNotice reason={group.reason ?? 'too_few_answers'} minGroup={k} badge={false} />
      )}
      {group.leftOut.surveyOpen ? <p className="hint">{t('surveyResults.summary.leftOutOpen', { count: group.leftOut.surveyOpen })}</p> : null}
      {group.leftOut.tooFewAnswers ? <p className="hint">{t('surveyResults.summary.leftOutFew', { count: group.leftOut.tooFewAnswers, k })}</p> : null}
      {group.leftOut.ageBandTooSmall ? <p className="hint">{t('surveyResults.summary.leftOutAge', { count: group.leftOut.ageBandTooSmall, k })}</p> : null}
    </li>
  );
}

/** /funders/:funderId/survey-results — the participants' answers summarised per call, activity type, area or age band. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const { funderId = '' } = useParams();
  const funder = useFunder(funderId);
  const [params, setParams] = useSearchParams();
  const filters = new URLSearchParams();
  for (const k of FILTERS) {
    const v = params.get(k)?.trim();
    if (v) filters.set(k, v);
  }
  const query = filters.toString();
  const summary = useQuery({
    queryKey: keys.surveyResults.summary(funderId, query),
    // The filters come from the address bar as typed; the server refuses one it does not know.
    queryFn: () => getSurveySummary(funderId, Object.fromEntries(filters) as SurveySummaryQuery),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const data = summary.data;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const k of FILTERS) {
      const v = String(form.get(k) ?? '').trim();
      if (v) next.set(k, v);
    }
    setParams(next);
  }

  const facets = data?.facets ?? { calls: [], activities: [], areas: [] };
  // A value in the address that no survey has any more stays choosable, so the form shows what is applied.
  const keep = (list: string[], k: string) => [...new Set([...list, ...(params.get(k) ? [params.get(k) as string] : [])])];
  const title = t('surveyResults.summary.title');
  return (
    <Page title={funder.name ? `${title} – ${funder.name}` : title} heading={title}>
      {funder.name ? <p className="lead">{funder.name}</p> : null}
      <p>{t('surveyResults.summary.intro', { k: data?.minGroup ?? 5 })}</p>
      <form onSubmit={apply} className="form filter-form" aria-labelledby="survey-filter-heading" key={`${query}|${data ? 'ready' : ''}`}>
        <h2 id="survey-filter-heading" className="visually-hidden">
          {t('surveyResults.summary.filters')}
        </h2>
        <div className="filter-grid">
          <SelectField
            id="survey-by"
            name="by"
            label={t('surveyResults.summary.by')}
            defaultValue={params.get('by') ?? 'call'}
            options={GROUPINGS.map((g) => ({ value: g, label: t(`surveyResults.summary.byOptions.${g}`) }))}
          />
          <SelectField
            id="survey-call"
            name="callId"
            label={t('surveyResults.summary.call')}
            placeholder={t('surveyResults.summary.all')}
            defaultValue={params.get('callId') ?? ''}
            options={facets.calls.map((c) => ({ value: c.id, label: c.title }))}
          />
          <SelectField
            id="survey-activity"
            name="activity"
            label={t('surveyResults.summary.activity')}
            placeholder={t('surveyResults.summary.all')}
            defaultValue={params.get('activity') ?? ''}
            options={keep(facets.activities, 'activity').map((a) => ({ value: a, label: a }))}
          />
          <SelectField
            id="survey-area"
            name="area"
            label={t('surveyResults.summary.area')}
            placeholder={t('surveyResults.summary.all')}
            defaultValue={params.get('area') ?? ''}
            options={keep(facets.areas, 'area').map((a) => ({ value: a, label: a }))}
          />
          <SelectField
            id="survey-age"
            name="ageBand"
            label={t('surveyResults.summary.ageBand')}
            hint={t('surveyResults.summary.ageBandHint')}
            placeholder={t('surveyResults.summary.all')}
            defaultValue={params.get('ageBand') ?? ''}
            options={AGE_CELLS.map((a) => ({ value: a, label: t(`surveyResults.ageBands.${a}`) }))}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('surveyResults.summary.apply')}
          </button>
          {query ? (
            <Link to={`/funders/${funderId}/survey-results`} className="button button-secondary">
              {t('surveyResults.summary.clear')}
            </Link>
          ) : null}
        </div>
      </form>
      <p className="inline-links">
        <a href={surveySummaryCsvUrl(funderId, Object.fromEntries(filters))} download>
          {t('surveyResults.summary.csv')}
        </a>
      </p>
      <section className="section" aria-labelledby="survey-results-heading">
        <h2 id="survey-results-heading">{t('surveyResults.summary.resultsHeading')}</h2>
        {summary.error ? (
          <LoadError error={summary.error} />
        ) : !data ? (
          <Loading />
        ) : (
          <>
            <p className="result-count" role="status">
              {data.groups.length ? t('surveyResults.summary.count', { count: data.groups.length }) : t('surveyResults.summary.none')}
            </p>
            <p className="hint">{t('surveyResults.anonymous', { k: data.minGroup })}</p>
            {data.groups.length ? (
              <ul className="card-list survey-groups">
                {data.groups.map((g, i) => (
                  <Group key={g.key} group={g} summary={data} index={i} />
                ))}
              </ul>
            ) : null}
          </>
        )}
      </section>
    </Page>
  );
}
