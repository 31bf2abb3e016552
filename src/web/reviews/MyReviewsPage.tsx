import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateTime } from '../applications/format.ts';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { listMyReviews, type ReviewAssignment } from './api.ts';

/** Where a review stands, in words (and colour, never colour alone). */
export function ReviewStatus({ a }: { a: Pick<ReviewAssignment, 'conflict' | 'submittedAt'> }) {
  const { t } = useTranslation();
  if (a.conflict === 'conflict') return <span className="badge badge-closed">{t('review.status.conflict')}</span>;
  if (a.submittedAt) return <span className="badge badge-approved">{t('review.status.submitted')}</span>;
  if (a.conflict === 'none') return <span className="badge badge-submitted">{t('review.status.started')}</span>;
  return <span className="badge badge-needs">{t('review.status.declare')}</span>;
}

function AssignmentCard({ a }: { a: ReviewAssignment }) {
  const { t } = useTranslation();
  return (
    <li className="card review-card">
      <h3>
        <Link to={`/applications/${a.applicationId}/review`}>{a.title || a.caseNumber}</Link>
      </h3>
      <p>
        <ReviewStatus a={a} />
      </p>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('review.organisation')}</dt>
          <dd>{a.organisationName}</dd>
        </div>
        <div>
          <dt>{t('review.caseNumber')}</dt>
          <dd>{a.caseNumber}</dd>
        </div>
        <div>
          <dt>{t('review.call')}</dt>
          <dd>
            {a.callTitle} ({a.funderName})
          </dd>
        </div>
        {a.submittedAt ? (
          <div>
            <dt>{t('review.submittedAt')}</dt>
            <dd>{dateTime(a.submittedAt)}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

/** /reviews — the signed-in person's review assignments: those still to do first, then those done. */
export function MyReviewsPage() {
  const { t } = useTranslation();
  const reviews = useQuery({ queryKey: keys.reviews(), queryFn: () => listMyReviews() });
  const all = reviews.data?.assignments ?? [];
  const todo = all.filter((a) => !a.submittedAt && a.conflict !== 'conflict');
  const done = all.filter((a) => a.submittedAt || a.conflict === 'conflict');
  return (
    <Page title={t('review.listTitle')}>
      <p className="lead">{t('review.listIntro')}</p>
      {reviews.error ? (
        <LoadError error={reviews.error} />
      ) : reviews.isPending ? (
        <Loading />
      ) : (
        <>
          <section className="section" aria-labelledby="reviews-todo">
            <h2 id="reviews-todo">{t('review.todoHeading')}</h2>
            {todo.length ? (
              <ul className="card-list">
                {todo.map((a) => (
                  <AssignmentCard key={a.applicationId} a={a} />
                ))}
              </ul>
            ) : (
              <p>{t('review.todoNone')}</p>
            )}
          </section>
          <section className="section" aria-labelledby="reviews-done">
            <h2 id="reviews-done">{t('review.doneHeading')}</h2>
            {done.length ? (
              <ul className="card-list">
                {done.map((a) => (
                  <AssignmentCard key={a.applicationId} a={a} />
                ))}
              </ul>
            ) : (
              <p>{t('review.doneNone')}</p>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
