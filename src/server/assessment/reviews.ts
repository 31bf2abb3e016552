import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { system } from '../../db/scope.ts';
import { weightedScore } from '../../domain/assessment/reviews.ts';
import { policy } from '../../domain/roles.ts';
import { inScope } from '../applications/access.ts';
import type { AppContext } from '../context.ts';
import { requireUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Nullable, Uuid } from '../schemas.ts';
import { locateAsStaff } from './access.ts';
import { declareConflict } from './declare-conflict.ts';
import { saveReview } from './save-review.ts';
import { Criterion, ScoreSummary } from './schema.ts';
import { assessedApplication, type Review, reviewsOf, scoreSummary } from './store.ts';

const Params = Type.Object({ id: Uuid });
const ScoresSchema = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.Object({ score: Nullable(Type.Integer()), comment: Type.String({ maxLength: 4000 }) }, { additionalProperties: false }),
);
const ReviewOut = Type.Object({
  reviewerId: Uuid,
  name: Type.String(),
  conflict: Nullable(Type.Union([Type.Literal('none'), Type.Literal('conflict')])),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  weighted: Nullable(Type.Number()),
  scores: ScoresSchema,
});
const MyReview = Type.Object({
  applicationId: Uuid,
  caseNumber: Type.String(),
  organisationName: Type.String(),
  title: Type.String(),
  criteria: Type.Array(Criterion),
  conflict: Nullable(Type.Union([Type.Literal('none'), Type.Literal('conflict')])),
  conflictNote: Nullable(Type.String()),
  declaredAt: Nullable(Type.String({ format: 'date-time' })),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  scores: ScoresSchema,
  /** This reviewer's weighted score, once submitted. */
  weighted: Nullable(Type.Number()),
  /** The other reviewers' scores: only once this reviewer has submitted, and never to one with a conflict of interest. */
  others: Nullable(Type.Array(ReviewOut)),
  summary: Nullable(ScoreSummary),
});

function present(r: Review, criteria: Parameters<typeof weightedScore>[0]) {
  return {
    reviewerId: r.reviewer_id,
    name: r.reviewer_name,
    conflict: r.conflict,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    weighted: r.submitted_at ? weightedScore(criteria, r.scores) : null,
    // Scores count, and are shown, once the reviewer submits them.
    scores: r.submitted_at ? r.scores : {},
  };
}

/** Reviews: the reviewer declares conflict of interest (jäv) first, scores the call's criteria, and sees others' scores only after submitting. */
export function reviewRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/reviews',
    {
      schema: {
        tags: ['assessment'],
        summary: 'The signed-in reviewer’s assignments, newest first',
        response: {
          200: Type.Object({
            assignments: Type.Array(
              Type.Object({
                applicationId: Uuid,
                caseNumber: Type.String(),
                organisationName: Type.String(),
                title: Type.String(),
                callTitle: Type.String(),
                funderName: Type.String(),
                conflict: Nullable(Type.Union([Type.Literal('none'), Type.Literal('conflict')])),
                submittedAt: Nullable(Type.String({ format: 'date-time' })),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      // The reviewer's own rows, across the funders they review for.
      const rows = await system(ctx.db, (tx) =>
        tx
          .selectFrom('review_assignments')
          .innerJoin('applications', 'applications.id', 'review_assignments.application_id')
          .innerJoin('calls', 'calls.id', 'applications.call_id')
          .innerJoin('funders', 'funders.id', 'applications.funder_id')
          .select([
            'applications.id',
            'applications.case_number',
            'applications.organisation_name',
            'applications.title',
            'calls.title as call_title',
            'funders.name as funder_name',
            'review_assignments.conflict',
            'review_assignments.submitted_at',
          ])
          .where('review_assignments.reviewer_id', '=', user.userId)
          .orderBy('review_assignments.assigned_at', 'desc')
          .execute(),
      );
      return {
        assignments: rows.map((r) => ({
          applicationId: r.id,
          caseNumber: r.case_number ?? '',
          organisationName: r.organisation_name,
          title: r.title,
          callTitle: r.call_title,
          funderName: r.funder_name,
          conflict: r.conflict,
          submittedAt: r.submitted_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.get(
    '/api/applications/:id/review',
    {
      schema: {
        tags: ['assessment'],
        summary: 'The signed-in reviewer’s review of an application, and the others’ once theirs is submitted',
        params: Params,
        response: { 200: MyReview, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const located = await locateAsStaff(ctx, user, request.params.id, policy.mayReview);
      return inScope(ctx, located, async (tx) => myReview(tx, located.id, user.userId));
    },
  );

  app.post(
    '/api/applications/:id/review/declaration',
    {
      schema: {
        tags: ['assessment'],
        summary:
          'Declare conflict of interest (jäv) or its absence, before seeing others’ scores or scoring. One with a conflict cannot score. A declaration can be changed to a conflict until the review is submitted.',
        params: Params,
        body: Type.Object({ conflict: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: MyReview, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const located = await declareConflict(ctx, user, request.params.id, request.body);
      return inScope(ctx, located, (tx) => myReview(tx, located.id, user.userId));
    },
  );

  app.put(
    '/api/applications/:id/review',
    {
      schema: {
        tags: ['assessment'],
        summary: 'Save scores (1–5 per criterion, with a comment); with submit: true the review is final and every criterion must be scored',
        params: Params,
        body: Type.Object({ scores: ScoresSchema, submit: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: MyReview, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const located = await saveReview(ctx, user, request.params.id, request.body);
      return inScope(ctx, located, (tx) => myReview(tx, located.id, user.userId));
    },
  );

  app.get(
    '/api/applications/:id/reviews',
    {
      schema: {
        tags: ['assessment'],
        summary: 'Every reviewer’s declaration and scores, with the weighted mean, spread and outliers (caseworkers and decision-makers)',
        params: Params,
        response: { 200: Type.Object({ criteria: Type.Array(Criterion), reviews: Type.Array(ReviewOut), summary: ScoreSummary }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const located = await locateAsStaff(ctx, user, request.params.id, policy.viewAssessment);
      return inScope(ctx, located, async (tx) => {
        const a = await assessedApplication(tx, located.id);
        const reviews = await reviewsOf(tx, [located.id]);
        return { criteria: a.rules.criteria, reviews: reviews.map((r) => present(r, a.rules.criteria)), summary: scoreSummary(a.rules, reviews) };
      });
    },
  );
}

async function myReview(tx: Parameters<typeof reviewsOf>[0], applicationId: string, reviewerId: string) {
  const a = await assessedApplication(tx, applicationId);
  const reviews = await reviewsOf(tx, [applicationId]);
  const mine = reviews.find((r) => r.reviewer_id === reviewerId);
  if (!mine) throw new Problem(403, 'not_assigned_reviewer');
  const mayCompare = Boolean(mine.submitted_at) && mine.conflict === 'none';
  return {
    applicationId,
    caseNumber: a.caseNumber,
    organisationName: a.organisation_name,
    title: a.content.title,
    criteria: a.rules.criteria,
    conflict: mine.conflict,
    conflictNote: mine.conflict_note,
    declaredAt: mine.declared_at?.toISOString() ?? null,
    submittedAt: mine.submitted_at?.toISOString() ?? null,
    scores: mine.scores,
    weighted: mine.submitted_at ? weightedScore(a.rules.criteria, mine.scores) : null,
    others: mayCompare ? reviews.filter((r) => r.reviewer_id !== reviewerId && r.submitted_at).map((r) => present(r, a.rules.criteria)) : null,
    summary: mayCompare ? scoreSummary(a.rules, reviews) : null,
  };
}
