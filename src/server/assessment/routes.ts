import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { settleScreening } from '../../domain/assessment/screening.ts';
import { SCREENING_RULES } from '../../domain/assessment/types.ts';
import { policy } from '../../domain/roles.ts';
import { inScope } from '../applications/access.ts';
import type { AppContext } from '../context.ts';
import { actorOf, requireUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem, rulesProblem } from '../problem.ts';
import { errorResponses, Literals, Nullable, OreSchema, Uuid } from '../schemas.ts';
import { locateAsStaff } from './access.ts';
import { callAssessment } from './overview.ts';
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
      const located = await locateAsStaff(ctx, user, request.params.id, policy.assess);
      const { rules } = request.body;
      const result = await inScope(ctx, located, async (tx) => {
        const a = await assessedApplication(tx, located.id);
        if (a.status !== 'submitted') throw new Problem(409, 'application_withdrawn');
        const settled = settleScreening(a.automatic, rules);
        if (settled.problems.length) throw rulesProblem(settled.problems);
        await tx
          .insertInto('screenings')
          .values({ funder_id: a.funder_id, application_id: a.id, outcome: settled.outcome, rules: JSON.stringify(settled.rules), screened_by: user.userId })
          .execute();
        await audit(tx, actorOf(user), {
          action: 'application.screened',
          objectType: 'application',
          objectId: a.id,
          funderId: a.funder_id,
          organisationId: a.organisation_id,
          data: {
            outcome: settled.outcome,
            overridden: settled.rules.filter((r) => r.ok !== r.automatic).map((r) => ({ rule: r.rule, ok: r.ok, reason: r.reason })),
          },
        });
        return { automatic: a.automatic, latest: presentScreening(await latestScreening(tx, a.id)) };
      });
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
      const located = await locateAsStaff(ctx, user, request.params.id, policy.assess);
      const { reviewerIds } = request.body;
      return inScope(ctx, located, async (tx) => {
        const staff = await tx
          .selectFrom('funder_memberships')
          .select(['user_id', 'role'])
          .where('funder_id', '=', located.funderId)
          .where('user_id', 'in', reviewerIds.length ? reviewerIds : ['00000000-0000-0000-0000-000000000000'])
          .execute();
        const fields = reviewerIds.flatMap((rid, i) =>
          staff.some((s) => s.user_id === rid && ['reviewer', 'caseworker', 'decision_maker'].includes(s.role))
            ? []
            : [{ field: `reviewerIds.${i}`, code: 'reviewer_unknown' }],
        );
        if (fields.length) throw rulesProblem(fields);
        const current = await tx.selectFrom('review_assignments').selectAll().where('application_id', '=', located.id).forUpdate().execute();
        const removed = current.filter((c) => !reviewerIds.includes(c.reviewer_id));
        const started = removed.find((c) => c.declared_at);
        if (started) throw new Problem(409, 'reviewer_started');
        if (removed.length) {
          await tx
            .deleteFrom('review_assignments')
            .where('application_id', '=', located.id)
            .where(
              'reviewer_id',
              'in',
              removed.map((r) => r.reviewer_id),
            )
            .execute();
        }
        const added = reviewerIds.filter((rid) => !current.some((c) => c.reviewer_id === rid));
        if (added.length) {
          await tx
            .insertInto('review_assignments')
            .values(added.map((rid) => ({ funder_id: located.funderId, application_id: located.id, reviewer_id: rid, assigned_by: user.userId })))
            .execute();
        }
        if (added.length || removed.length) {
          await audit(tx, actorOf(user), {
            action: 'application.reviewers_set',
            objectType: 'application',
            objectId: located.id,
            funderId: located.funderId,
            data: { added, removed: removed.map((r) => r.reviewer_id) },
          });
        }
        const reviewers = await tx
          .selectFrom('review_assignments')
          .innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
          .select(['users.id as userId', 'users.name'])
          .where('application_id', '=', located.id)
          .orderBy('assigned_at')
          .execute();
        return { reviewers };
      });
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
      const located = await locateAsStaff(ctx, user, request.params.id, policy.assess);
      const { amount, reasons } = request.body;
      const proposal = await inScope(ctx, located, async (tx) => {
        const a = await assessedApplication(tx, located.id);
        if (a.status !== 'submitted') throw new Problem(409, 'application_withdrawn');
        const requested = a.content.amountRequested;
        if (amount > requested) throw fieldProblem(422, 'amount', 'amount_above_requested', { requested });
        if (!reasons.trim()) throw fieldProblem(422, 'reasons', 'required');
        const screening = await latestScreening(tx, a.id);
        if (amount > 0 && screening?.outcome !== 'eligible') throw fieldProblem(422, 'amount', screening ? 'grant_for_ineligible' : 'application_not_screened');
        const row = await tx
          .insertInto('decision_proposals')
          .values({ funder_id: a.funder_id, call_id: a.call_id, application_id: a.id, amount, reasons: reasons.trim(), proposed_by: user.userId })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(tx, actorOf(user), {
          action: 'application.proposed',
          objectType: 'application',
          objectId: a.id,
          funderId: a.funder_id,
          organisationId: a.organisation_id,
          data: { amount, requested },
        });
        return row;
      });
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
