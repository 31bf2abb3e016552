import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { weightedScore } from '../../domain/assessment/reviews.ts';
import { clock, dateTime } from '../applications/format.ts';
import { ConfirmedAction, ConfirmStep, useConfirmStep } from '../components/ConfirmedAction.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, Radio, TextAreaField } from '../components/fields.tsx';
import { LoadError, Loading, Page, RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { localFieldError } from '../components/validation.ts';
import { currentLanguage } from '../i18n/index.ts';
import { keys } from '../queryKeys.ts';
import { declare, getMyReview, type MyReview, type ScoreSummary, saveReview } from './api.ts';
import { ReviewStatus } from './MyReviewsPage.tsx';

const SCALE = ['1', '2', '3', '4', '5'] as const;

/** A weighted score as people read it: "3,90" / "3.90". */
function points(n: number | null): string {
  if (n === null) return '–';
  return new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

/** The element a step puts first: it takes focus when the reviewer moves on to that step. */
const stepFocus = { tabIndex: -1, 'data-step-focus': true } as const;

/** Step 1: conflict of interest (jäv), declared before anything else is shown. */
function Declaration({ review, onDone }: { review: MyReview; onDone: (r: MyReview) => void }) {
  const { t } = useTranslation();
  const f = useAppForm<{ conflict: '' | 'no' | 'yes'; note: string }>({
    id: 'declaration',
    draftKey: `declaration-${review.applicationId}`,
    defaultValues: { conflict: '', note: '' },
    fields: ['conflict', 'note'],
    validate: (v) => (v.conflict ? [] : [localFieldError('conflict', 'review.declaration.choose')]),
  });
  const conflict = f.form.watch('conflict');
  const choice = f.form.register('conflict');
  const submit = f.onSubmit(async (v) => {
    const body = v.conflict === 'yes' ? { conflict: true, note: v.note.trim() } : { conflict: false };
    onDone(await declare(review.applicationId, body));
  });
  return (
    <section className="section" aria-labelledby="declaration-heading">
      <h2 id="declaration-heading">{t('review.declaration.heading')}</h2>
      <p>{t('review.declaration.intro')}</p>
      <p>{t('review.declaration.when')}</p>
      <div className="narrow-wide">
        <RestoredNotice restored={f.restored} />
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form onSubmit={submit} noValidate className="form">
          <CheckboxGroup id={f.fieldId('conflict')} legend={t('review.declaration.question')} error={f.errors.fields.conflict} layout="stack">
            <Radio id="declaration-conflict-no" label={t('review.declaration.no')} value="no" {...choice} />
            <Radio id="declaration-conflict-yes" label={t('review.declaration.yes')} value="yes" {...choice} />
          </CheckboxGroup>
          {conflict === 'yes' ? (
            <TextAreaField label={t('review.declaration.note')} hint={t('review.declaration.noteHint')} rows={3} {...f.field('note')} />
          ) : null}
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('review.declaration.submit')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

/** A conflict of interest that comes to light after declaring none: the reviewer steps aside, and what was scored so far is not kept. */
function LateConflict({ review, onDone }: { review: MyReview; onDone: (r: MyReview) => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmedAction
      id="late-conflict"
      draftKey={`late-conflict-${review.applicationId}`}
      heading={t('review.late.heading')}
      intro={t('review.late.intro')}
      start={t('review.late.start')}
      name="note"
      label={t('review.declaration.note')}
      hint={t('review.declaration.noteHint')}
      sure={t('review.late.sure')}
      confirm={t('review.late.confirm')}
      onConfirm={async (note) => onDone(await declare(review.applicationId, { conflict: true, note }))}
    />
  );
}

type RubricValues = { scores: Record<string, { score: string; comment: string }> };

/** Step 2: a 1–5 score and a comment per criterion of the call; saved as a draft, or submitted once every criterion is scored. */
function Rubric({ review, onSaved }: { review: MyReview; onSaved: (r: MyReview, submitted: boolean) => void }) {
  const { t } = useTranslation();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const f = useAppForm<RubricValues>({
    id: 'review',
    draftKey: `review-${review.applicationId}`,
    defaultValues: {
      scores: Object.fromEntries(
        review.criteria.map((c) => {
          const s = review.scores[c.id];
          return [c.id, { score: s?.score ? String(s.score) : '', comment: s?.comment ?? '' }];
        }),
      ),
    },
    fields: review.criteria.flatMap((c) => [`scores.${c.id}.score`, `scores.${c.id}.comment`]),
  });
  // Criteria with a score or a comment are sent: the server says which scores are missing when the review is submitted.
  const scores = (v: RubricValues) =>
    Object.fromEntries(
      review.criteria.flatMap((c) => {
        const s = v.scores[c.id];
        return s?.score || s?.comment.trim() ? [[c.id, { score: s.score ? Number(s.score) : null, comment: s.comment.trim() }]] : [];
      }),
    );
  const saveDraft = f.onSubmit(async (v) => {
    setSavedAt(null);
    const saved = await saveReview(review.applicationId, { scores: scores(v) });
    setSavedAt(new Date().toISOString());
    onSaved(saved, false);
  });
  const step = useConfirmStep('review');
  const submit = f.onSubmit(
    step.guard(async (v) => {
      setSavedAt(null);
      onSaved(await saveReview(review.applicationId, { scores: scores(v), submit: true }), true);
    }),
  );
  const busy = f.form.formState.isSubmitting;
  const given = f.form.watch('scores');
  const scored = review.criteria.filter((c) => given?.[c.id]?.score).length;
  return (
    <section className="section" aria-labelledby="rubric-heading">
      <h2 id="rubric-heading" {...stepFocus}>
        {t('review.rubric.heading')}
      </h2>
      <p>{t('review.rubric.intro')}</p>
      <p className="hint">{t('review.rubric.draftHint')}</p>
      <div className="narrow-wide">
        <RestoredNotice restored={f.restored} />
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form onSubmit={submit} noValidate className="form">
          {review.criteria.map((c) => {
            const name = `scores.${c.id}.score` as const;
            const score = f.form.register(name);
            return (
              <div key={c.id} className="criterion">
                <CheckboxGroup
                  id={f.fieldId(name)}
                  legend={t('review.rubric.legend', { label: c.label, weight: c.weight })}
                  hint={c.description || undefined}
                  error={f.errors.fields[name]}
                  layout="plain"
                >
                  <div className="score-scale">
                    {SCALE.map((n) => (
                      <Radio key={n} id={`${f.fieldId(name)}-${n}`} label={t(`review.scale.${n}`)} value={n} {...score} />
                    ))}
                  </div>
                </CheckboxGroup>
                <TextAreaField label={t('review.rubric.comment', { label: c.label })} optional rows={3} {...f.field(`scores.${c.id}.comment` as const)} />
              </div>
            );
          })}
          <p className="hint">{t('review.rubric.submitHint')}</p>
          {step.asking ? (
            <ConfirmStep step={step} heading={t('review.confirm.heading')} confirm={t('review.confirm.submit')} onConfirm={submit} busy={busy}>
              <ul>
                <li>{t('review.confirm.scored', { scored, count: review.criteria.length })}</li>
                <li>{t('review.confirm.final')}</li>
                <li>{t('review.confirm.told')}</li>
              </ul>
            </ConfirmStep>
          ) : (
            <div className="actions">
              <button ref={step.startRef} type="submit" className="button" disabled={busy}>
                {t('review.rubric.submit')}
              </button>
              <button type="button" className="button button-secondary" disabled={busy} onClick={(e) => void saveDraft(e)}>
                {t('review.rubric.saveDraft')}
              </button>
            </div>
          )}
          <div role="status" className="save-status">
            {savedAt ? t('review.rubric.saved', { time: clock(savedAt) }) : null}
          </div>
        </form>
      </div>
    </section>
  );
}

function SummaryFacts({ summary }: { summary: ScoreSummary }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <div>
        <dt>{t('review.summary.count')}</dt>
        <dd>{summary.count}</dd>
      </div>
      <div>
        <dt>{t('review.summary.mean')}</dt>
        <dd>{points(summary.mean)}</dd>
      </div>
      <div>
        <dt>{t('review.summary.spread')}</dt>
        <dd>{points(summary.spread)}</dd>
      </div>
      <div>
        <dt>{t('review.summary.range')}</dt>
        <dd>{t('review.summary.rangeValue', { min: points(summary.min), max: points(summary.max) })}</dd>
      </div>
      <div>
        <dt>{t('review.summary.outliers')}</dt>
        <dd>
          {summary.outliers.length
            ? summary.outliers.map((o) => t('review.summary.outlier', { name: o.name, score: points(o.score) })).join('; ')
            : summary.count >= 3
              ? t('review.summary.noOutliers')
              : t('review.summary.tooFew')}
        </dd>
      </div>
    </dl>
  );
}

/** After submitting: the reviewer's own scores and weighted score, then the others' and the summary. */
function Submitted({ review }: { review: MyReview }) {
  const { t } = useTranslation();
  const own = weightedScore(review.criteria, review.scores);
  const others = review.others ?? [];
  const outliers = new Set(review.summary?.outliers.map((o) => o.reviewerId) ?? []);
  return (
    <>
      <section className="section" aria-labelledby="own-heading">
        <h2 id="own-heading" {...stepFocus}>
          {t('review.own.heading')}
        </h2>
        {review.submittedAt ? <Success>{t('review.own.submitted', { at: dateTime(review.submittedAt) })}</Success> : null}
        <p className="review-own-score">{t('review.own.weighted', { score: points(own) })}</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <section className="table-wrap" aria-label={t('review.own.caption')} tabIndex={0}>
          <table className="table review-table">
            <caption>{t('review.own.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.criterion')}</th>
                <th scope="col" className="num-head">
                  {t('review.weight')}
                </th>
                <th scope="col" className="num-head">
                  {t('review.score')}
                </th>
                <th scope="col">{t('review.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {review.criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.label}</th>
                  <td className="num">{c.weight} %</td>
                  <td className="num">{review.scores[c.id]?.score ?? '–'}</td>
                  <td className="preserve-lines">{review.scores[c.id]?.comment || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
      <section className="section" aria-labelledby="others-heading">
        <h2 id="others-heading">{t('review.others.heading')}</h2>
        {others.length ? (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          <section className="table-wrap" aria-label={t('review.others.caption')} tabIndex={0}>
            <table className="table review-table">
              <caption>{t('review.others.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.others.reviewer')}</th>
                  {review.criteria.map((c) => (
                    <th key={c.id} scope="col" className="num-head">
                      {c.label}
                    </th>
                  ))}
                  <th scope="col" className="num-head">
                    {t('review.others.weighted')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {others.map((o) => (
                  <tr key={o.reviewerId}>
                    <th scope="row">
                      {o.name}
                      {outliers.has(o.reviewerId) ? ` (${t('review.others.outlier')})` : ''}
                    </th>
                    {review.criteria.map((c) => (
                      <td key={c.id} className="num">
                        {o.scores[c.id]?.score ?? '–'}
                      </td>
                    ))}
                    <td className="num">{points(o.weighted)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : (
          <p>{t('review.others.none')}</p>
        )}
        {review.summary ? (
          <>
            <h3>{t('review.summary.heading')}</h3>
            <p className="hint">{t('review.summary.intro')}</p>
            <SummaryFacts summary={review.summary} />
          </>
        ) : null}
      </section>
    </>
  );
}

function Conflicted({ review }: { review: MyReview }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="declaration-heading">
      <h2 id="declaration-heading" {...stepFocus}>
        {t('review.declaration.heading')}
      </h2>
      <div className="notice notice-warning">
        <p className="notice-title">{t('review.conflict.title')}</p>
        <p>{t('review.conflict.text')}</p>
        {review.conflictNote ? (
          <p>
            {t('review.conflict.yourNote')} <span className="preserve-lines">{review.conflictNote}</span>
          </p>
        ) : null}
      </div>
    </section>
  );
}

/** /applications/:id/review — the reviewer's review: conflict of interest first, then the rubric, then the others' scores. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const review = useQuery({
    queryKey: keys.review(id),
    queryFn: () => getMyReview(id),
    retry: false,
  });
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (step) document.querySelector<HTMLElement>('[data-step-focus]')?.focus();
  }, [step]);
  const update = (next: MyReview, moved: boolean) => {
    client.setQueryData(keys.review(id), next);
    void client.invalidateQueries({ queryKey: keys.reviews() });
    if (moved) setStep((n) => n + 1);
  };
  const data = review.data;
  const title = data ? t('review.pageTitle', { title: data.title }) : t('review.title');
  return (
    <Page title={title}>
      {review.error ? (
        <LoadError error={review.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('review.organisation')}</dt>
              <dd>{data.organisationName}</dd>
            </div>
            <div>
              <dt>{t('review.caseNumber')}</dt>
              <dd>{data.caseNumber}</dd>
            </div>
            <div>
              <dt>{t('review.statusLabel')}</dt>
              <dd>
                <ReviewStatus a={data} />
              </dd>
            </div>
          </dl>
          <ul className="inline-links">
            <li>
              <Link to={`/applications/${data.applicationId}`}>{t('review.openApplication', { caseNumber: data.caseNumber })}</Link>
            </li>
            <li>
              <Link to="/reviews">{t('review.back')}</Link>
            </li>
          </ul>
          {data.conflict === null ? (
            <Declaration review={data} onDone={(r) => update(r, true)} />
          ) : data.conflict === 'conflict' ? (
            <Conflicted review={data} />
          ) : data.submittedAt ? (
            <Submitted review={data} />
          ) : (
            <>
              <p className="notice notice-info">{t('review.declaration.declaredNone', { at: data.declaredAt ? dateTime(data.declaredAt) : '' })}</p>
              <Rubric review={data} onSaved={update} />
              <LateConflict review={data} onDone={(r) => update(r, true)} />
            </>
          )}
        </>
      )}
    </Page>
  );
}
