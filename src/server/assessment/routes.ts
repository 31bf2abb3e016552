import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { SCREENING_RULES } from '../../domain/assessment/types.ts';
import { policy } from '../../domain/roles.ts';
import { inScope } from '../applications/access.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Literals, Nullable, OreSchema, Uuid } from '../schemas.ts';
import { locateAsStaff } from './access.ts';
import { assignReviewers } from './assign-reviewers.ts';
import { callAssessment } from './overview.ts';
import { proposeDecision } from './propose-decision.ts';
import { recordScreening } from './record-screening.ts';
import { AssessmentOverview, ProposalView, ScreeningView } from './schema.ts';
import { assessedApplication, latestScreening } from './store.ts';

const Params = Type.Object({ id: Uuid });

function presentScreening(s: Awaited<ReturnType<typeof latestScreening>>) {
  return s ? { outcome: s.outcome, rules: s.rules, screenedAt: s.screened_at.toISOString() } : null;
}

/** Screening, reviewer assignment, decision proposals and the call's assessment overview. */
export function assessmentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/applications/:id/screening',
    {
      schema: {
        tags: ['assessment'],
        summary: 'The call’s rules applied to the submitted version (the applicant’s self-check code), and the caseworker’s latest screening',
        params: Params,
        response: { 200: ScreeningView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const located = await locateAsStaff(ctx, user, request.params.id, policy.viewAssessment);
      return inScope(ctx, located, async (tx) => {
        const a = await assessedApplication(tx, located.id);
        return { automatic: a.automatic, latest: presentScreening(await latestScreening(tx, located.id)) };
      });
    },
  );

  app.post(
    '/api/applications/:id/screening',
    {
      schema: {
        tags: ['assessment'],
        summary: 'Screen an application: each rule confirmed or overridden (an override needs a reason); every screening is kept',
        params: Params,
        body: Type.Object(
          {
            rules: Type.Array(
              Type.Object(
                {
                  rule: Literals(SCREENING_RULES),
                  ok: Type.Boolean(),
                  reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
                },
                { additionalProperties: false },
              ),
              { maxItems: SCREENING_RULES.length },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: ScreeningView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { located, automatic } = await recordScreening(ctx, user, request.params.id, request.body.rules);
      const result = await inScope(ctx, located, async (tx) => ({ automatic, latest: presentScreening(await latestScreening(tx, located.id)) }));
      reply.code(201);
      return result;
    },
  );

  app.get(
    '/api/funders/:funderId/reviewers',
    {
      schema: {
        tags: ['assessment'],
        summary: 'The funder’s staff who can be asked to review (reviewers, caseworkers and decision-makers), for caseworkers assigning reviews',
        params: Type.Object({ funderId: Uuid }),
        response: {
          200: Type.Object({
            reviewers: Type.Array(Type.Object({ userId: Uuid, name: Type.String(), email: Type.String(), roles: Type.Array(Type.String()) })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { funderId } = request.params;
      if (!policy.assess(user, funderId)) throw new Problem(403, 'forbidden');
      const rows = await scoped(ctx.db, scopeOf(user, funderId), (tx) =>
        tx
          .selectFrom('funder_memberships')
          .innerJoin('users', 'users.id', 'funder_memberships.user_id')
          .select(['users.id', 'users.name', 'users.email', 'funder_memberships.role'])
          .where('funder_memberships.funder_id', '=', funderId)
          .where('funder_memberships.role', 'in', ['reviewer', 'caseworker', 'decision_maker'])
          .where('users.disabled_at', 'is', null)
          .orderBy('users.name')
          .execute(),
      );
      const byUser = new Map<string, { userId: string; name: string; email: string; roles: string[] }>();
      for (const r of rows) {
        const entry = byUser.get(r.id) ?? { userId: r.id, name: r.name, email: r.email, roles: [] };
        entry.roles.push(r.role);
        byUser.set(r.id, entry);
      }
      return { reviewers: [...byUser.values()] };
    },
  );

  app.put(
    '/api/applications/:id/reviewers',
    {
      schema: {
        tags: ['assessment'],
        summary: 'Set who reviews an application (caseworkers). A reviewer who has declared or scored cannot be removed.',
        params: Params,
        body: Type.Object({ reviewerIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ reviewers: Type.Array(Type.Object({ userId: Uuid, name: Type.String() })) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const reviewers = await assignReviewers(ctx, user, request.params.id, request.body.reviewerIds);
      return { reviewers };
    },
  );

  app.post(
    '/api/applications/:id/proposal',
    {
      schema: {
        tags: ['assessment'],
        summary: 'Propose a decision: an amount up to what was applied for (0 proposes rejection), with reasons. Every proposal is kept.',
        params: Params,
        body: Type.Object({ amount: OreSchema({ minimum: 0 }), reasons: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }),
        response: { 201: ProposalView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const proposal = await proposeDecision(ctx, user, request.params.id, request.body);
      reply.code(201);
      return { amount: proposal.amount, reasons: proposal.reasons, proposedAt: proposal.proposed_at.toISOString() };
    },
  );

  app.get(
    '/api/calls/:id/assessment',
    {
      schema: {
        tags: ['assessment'],
        summary:
          'The call’s assessment: every submitted application with its screening, reviews (weighted mean, spread, outliers), proposal and current decision, and the budget left. The committee’s decision basis.',
        params: Params,
        response: { 200: AssessmentOverview, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return callAssessment(ctx, user, request.params.id);
    },
  );
}
