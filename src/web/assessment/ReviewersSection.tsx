import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Checkbox, CheckboxGroup } from '../components/fields.tsx';
import { LoadError, Loading, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { keys } from '../queryKeys.ts';
import { assignReviewers, getReviews, listReviewerCandidates, type ReviewsView } from './api.ts';
import { meanText, ReviewerStateText, score } from './shared.tsx';

/** The caseworker picks who reviews; a reviewer who has started cannot be taken off (the server says so). */
function AssignForm({ applicationId, callId, funderId, reviews }: { applicationId: string; callId: string; funderId: string; reviews: ReviewsView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const candidates = useQuery({
    queryKey: keys.candidates(funderId),
    queryFn: () => listReviewerCandidates(funderId),
    retry: false,
  });
  const f = useAppForm<{ reviewerIds: string[] }>({
    id: 'reviewers',
    defaultValues: { reviewerIds: reviews.reviews.map((r) => r.reviewerId) },
    fields: ['reviewerIds'],
    // "reviewerIds.2" (someone who cannot review) belongs to the group.
    mapField: (field) => (field.startsWith('reviewerIds') ? 'reviewerIds' : field),
  });
  const submit = f.onSubmit(async (v) => {
    setSaved(false);
    // One checkbox is a string for react-hook-form; none is false.
    const ids = Array.isArray(v.reviewerIds) ? v.reviewerIds : v.reviewerIds ? [v.reviewerIds] : [];
    await assignReviewers(applicationId, ids);
    await Promise.all([client.invalidateQueries({ queryKey: keys.reviewers(applicationId) }), client.invalidateQueries({ queryKey: keys.assessment(callId) })]);
    setSaved(true);
  });
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  if (candidates.error) return <LoadError error={candidates.error} />;
  if (!candidates.data) return <Loading />;
  const started = new Set(reviews.reviews.filter((r) => r.conflict !== null).map((r) => r.reviewerId));
  return (
    <>
      <div className="focus-target" tabIndex={-1} ref={savedRef}>
        {saved ? <Success>{t('assessment.reviewers.saved')}</Success> : null}
      </div>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        <CheckboxGroup
          id={f.fieldId('reviewerIds')}
          legend={t('assessment.reviewers.legend')}
          hint={t('assessment.reviewers.hint')}
          error={f.errors.fields.reviewerIds}
          layout="stack"
        >
          {candidates.data.reviewers.map((c) => (
            <Checkbox
              key={c.userId}
              id={`reviewers-${c.userId}`}
              value={c.userId}
              label={
                <>
                  {c.name} <span className="hint-inline">({c.roles.map((r) => t(`roles.${r}`)).join(', ')})</span>
                  {started.has(c.userId) ? <span className="hint-inline"> – {t('assessment.reviewers.started')}</span> : null}
                </>
              }
              {...f.form.register('reviewerIds')}
            />
          ))}
        </CheckboxGroup>
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('assessment.reviewers.save')}
          </button>
        </div>
      </form>
    </>
  );
}

/** Every reviewer's declaration and scores, and the weighted mean, spread and outliers. */
function ReviewsSummary({ reviews }: { reviews: ReviewsView }) {
  const { t } = useTranslation();
  const s = reviews.summary;
  return (
    <>
      <h3>{t('assessment.reviews.heading')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('assessment.reviews.mean')}</dt>
          <dd>{meanText(t, s)}</dd>
        </div>
        <div>
          <dt>{t('assessment.reviews.count')}</dt>
          <dd>{s.count}</dd>
        </div>
        {s.min !== null && s.max !== null ? (
          <div>
            <dt>{t('assessment.reviews.range')}</dt>
            <dd>{t('assessment.reviews.rangeValue', { min: score(s.min), max: score(s.max) })}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('assessment.reviews.outliers')}</dt>
          <dd>{s.outliers.length ? s.outliers.map((o) => `${o.name} (${score(o.score)})`).join(', ') : t('assessment.reviews.noOutliers')}</dd>
        </div>
      </dl>
      {reviews.reviews.length ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-wrap" aria-label={t('assessment.reviews.caption')} tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{t('assessment.reviews.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.reviews.reviewer')}</th>
                <th scope="col">{t('assessment.reviews.state')}</th>
                {reviews.criteria.map((c) => (
                  <th scope="col" key={c.id} className="numeric">
                    {c.label} <span className="hint-inline">({t('assessment.reviews.weight', { weight: c.weight })})</span>
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {t('assessment.reviews.weighted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {reviews.reviews.map((r) => (
                <tr key={r.reviewerId}>
                  <th scope="row">{r.name}</th>
                  <td>
                    <ReviewerStateText conflict={r.conflict} submitted={Boolean(r.submittedAt)} />
                  </td>
                  {reviews.criteria.map((c) => {
                    const given = r.scores[c.id];
                    return (
                      <td key={c.id} className="numeric">
                        {given?.score ?? '–'}
                        {given?.comment ? <span className="block score-comment">{given.comment}</span> : null}
                      </td>
                    );
                  })}
                  <td className="numeric">{r.weighted === null ? '–' : score(r.weighted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <p>{t('assessment.reviewers.noneAssigned')}</p>
      )}
    </>
  );
}

export function ReviewersSection({
  applicationId,
  callId,
  funderId,
  mayAssign,
  open,
}: {
  applicationId: string;
  callId: string;
  funderId: string;
  mayAssign: boolean;
  open: boolean;
}) {
  const { t } = useTranslation();
  const reviews = useQuery({
    queryKey: keys.reviewers(applicationId),
    queryFn: () => getReviews(applicationId),
    retry: false,
  });
  return (
    <section className="section" aria-labelledby="reviewers-heading" id="reviewers">
      <h2 id="reviewers-heading">{t('assessment.reviewers.heading')}</h2>
      {reviews.error ? (
        <LoadError error={reviews.error} />
      ) : !reviews.data ? (
        <Loading />
      ) : (
        <>
          {mayAssign && open ? <AssignForm applicationId={applicationId} callId={callId} funderId={funderId} reviews={reviews.data} /> : null}
          <ReviewsSummary reviews={reviews.data} />
        </>
      )}
    </section>
  );
}
