// The participants' survey results as staff and the association read them: per question, the number who
// gave each value of the scale, shown as a bar (a picture of the row's numbers, hidden from screen readers)
// beside the numbers themselves in a table, and the mean. Results that the anonymity rule hides say so, and
// why, without any number.
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SCALE } from '../../domain/surveys/questions.ts';
import { Content } from '../components/Content.tsx';
import { LoadError } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { getAgreementSurveyResults, type QuestionResult } from './api.ts';

/** A mean as people read it: one decimal, in the interface's language. */
export function useMean() {
  const { i18n } = useTranslation();
  return (mean: number | null) =>
    mean === null ? '–' : mean.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** The row's distribution as a stacked bar: a picture of the numbers beside it. */
function Bar({ counts }: { counts: readonly number[] }) {
  const total = counts.reduce((s, c) => s + c, 0);
  if (!total) return null;
  return (
    <span className="survey-bar" aria-hidden="true">
      {counts.map((c, i) =>
        c ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: one segment per scale value, always in this order
          <span key={i} className={`survey-bar-part survey-value-${i + 1}`} style={{ width: `${(c / total) * 100}%` }} />
        ) : null,
      )}
    </span>
  );
}

export interface QuestionRow extends QuestionResult {
  /** The question as asked (a standard question's text, or the association's own). */
  label: ReactNode;
}

/** Every question's distribution in one table; the scale's words head its columns. */
export function QuestionTable({ rows, caption }: { rows: QuestionRow[]; caption: string }) {
  const { t } = useTranslation();
  const mean = useMean();
  const captionId = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
      <table className="table survey-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveyResults.table.question')}</th>
            {SCALE.map((v) => (
              <th key={v} scope="col" className="num-head">
                <span className={`survey-swatch survey-value-${v}`} aria-hidden="true" /> {v} {t(`surveyResults.scale.${v}`)}
              </th>
            ))}
            <th scope="col" className="num-head">
              {t('surveyResults.table.answered')}
            </th>
            <th scope="col" className="num-head">
              {t('surveyResults.table.mean')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((q) => (
            <tr key={q.question}>
              <th scope="row">
                {q.label}
                <Bar counts={q.counts} />
              </th>
              {q.counts.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell per scale value, always in this order
                <td key={i} className="num">
                  {c}
                </td>
              ))}
              <td className="num">{q.answered}</td>
              <td className="num">{mean(q.mean)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Why results are not shown, and from how many answers they will be. */
export function HiddenNotice({
  reason,
  minGroup,
  badge = true,
}: {
  reason: 'too_few_answers' | 'age_band_too_small' | 'survey_open';
  minGroup: number;
  /** Off where the heading already says hidden. */
  badge?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-info survey-hidden">
      <p>
        {badge ? <span className="badge">{t('surveyResults.hidden.badge')}</span> : null} {t(`surveyResults.hidden.${reason}`, { k: minGroup })}
      </p>
    </div>
  );
}

/**
 * One agreement's survey results, for the agreement's page and the association's report (read-only): shown
 * once the survey is closed, so they never change after they are seen. Renders nothing for an agreement
 * without a survey. `level` is the heading level the section starts at.
 */
export function SurveyResults({ agreementId, level = 2 }: { agreementId: string; level?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const results = useQuery({ queryKey: keys.surveyResults.ofAgreement(agreementId), queryFn: () => getAgreementSurveyResults(agreementId) });
  const Heading = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  // Nothing while it loads, or for an agreement without a survey: the page does not jump for a section that is not there.
  if (!results.error && !results.data?.survey) return null;
  const r = results.data?.survey;
  return (
    <section className="section survey-results" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('surveyResults.heading')}</Heading>
      {!r ? (
        <LoadError error={results.error} />
      ) : !r.shown ? (
        <HiddenNotice reason={r.reason ?? 'too_few_answers'} minGroup={r.minGroup} />
      ) : (
        <>
          <p>
            {t('surveyResults.answers', { count: r.n ?? 0 })} {t('surveyResults.closed')}
          </p>
          <p className="hint">{t('surveyResults.anonymous', { k: r.minGroup })}</p>
          <QuestionTable
            caption={t('surveyResults.table.caption')}
            rows={r.questions.map((q) => ({ ...q, label: t(`surveyResults.questions.${q.question}`) }))}
          />
          {r.extraQuestions.length ? (
            <>
              <Sub>{t('surveyResults.extraHeading')}</Sub>
              <QuestionTable
                caption={t('surveyResults.table.extraCaption')}
                rows={r.extraQuestions.map((q) => ({
                  ...q,
                  label: i18n.language === 'en' && q.text.en ? <Content lang="en">{q.text.en}</Content> : <Content lang="sv">{q.text.sv}</Content>,
                }))}
              />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
