import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { remaining } from '../../domain/assessment/budget.ts';
import { type ScreeningChoice, settleScreening } from '../../domain/assessment/screening.ts';
import { SCREENING_RULES } from '../../domain/assessment/types.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { policy } from '../../domain/roles.ts';
import { inScope, type Located, locate } from '../applications/access.ts';
import { budgetState, isCurrent } from '../budget/guard.ts';
import type { AppContext } from '../context.ts';
import { requireUser, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem, rulesProblem } from '../problem.ts';
import { errorResponses, Nullable, Uuid } from '../schemas.ts';
import { AssessmentOverview, ProposalView, ScreeningView } from './schema.ts';
import { assessedApplication, latestScreening, reviewsOf, scoreSummary } from './store.ts';

const actor = (u: SignedInUser) => ({ userId: u.userId, label: u.email });
const Params = Type.Object({ id: Uuid });

/** The funder's staff member with this capability on a submitted application, or 403. */
export async function locateAsStaff(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  allowed: (u: SignedInUser, funderId: string) => boolean,
): Promise<Located> {
  const located = await locate(ctx, user, id);
  if (located.access !== 'staff' || !allowed(user, located.funderId)) throw new Problem(403, 'forbidden');
  return located;
}

function presentScreening(s: Awaited<ReturnType<typeof latestScreening>>) {
  return s ? { outcome: s.outcome, rules: s.rules, screenedAt: s.screened_at.toISOString() } : null;
}

/** Screening, reviewer assignment, decision proposals and the call's assessment overview. */
export function assessmentRoutes(app: FastifyInstance, ctx: AppContext) {
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
      const located = await locateAsStaff(ctx, user, (request.params as { id: string }).id, policy.viewAssessment);
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
                  rule: Type.Union(SCREENING_RULES.map((r) => Type.Literal(r))),
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
      const located = await locateAsStaff(ctx, user, (request.params as { id: string }).id, policy.assess);
      const { rules } = request.body as { rules: ScreeningChoice[] };
      const result = await inScope(ctx, located, async (tx) => {
        const a = await assessedApplication(tx, located.id);
        if (a.status !== 'submitted') throw new Problem(409, 'application_withdrawn');
        const settled = settleScreening(a.automatic, rules);
        if (settled.problems.length) throw rulesProblem(settled.problems);
        await tx
          .insertInto('screenings')
          .values({ funder_id: a.funder_id, application_id: a.id, outcome: settled.outcome, rules: JSON.stringify(settled.rules), screened_by: user.userId })
          .execute();
        await audit(tx, actor(user), {
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
      const { funderId } = request.params as { funderId: string };
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
      const located = await locateAsStaff(ctx, user, (request.params as { id: string }).id, policy.assess);
      const { reviewerIds } = request.body as { reviewerIds: string[] };
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
          await audit(tx, actor(user), {
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
        body: Type.Object({ amount: Type.Integer({ minimum: 0 }), reasons: Type.String({ maxLength: 5000 }) }, { additionalProperties: false }),
        response: { 201: ProposalView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const located = await locateAsStaff(ctx, user, (request.params as { id: string }).id, policy.assess);
      const { amount, reasons } = request.body as { amount: number; reasons: string };
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
        await audit(tx, actor(user), {
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
      return callAssessment(ctx, user, (request.params as { id: string }).id);
    },
  );
}

/** The assessment overview of a call, as the caseworker and the committee see it (the decision basis). */
export async function callAssessment(ctx: AppContext, user: SignedInUser, callId: string) {
  const call = await ctx.db.kysely.selectFrom('calls').select(['id', 'funder_id']).where('id', '=', callId).executeTakeFirst();
  if (!call || !policy.viewAssessment(user, call.funder_id)) throw new Problem(404, 'not_found');
  return scoped(ctx.db, scopeOf(user, call.funder_id), async (tx) => {
    const c = await tx
      .selectFrom('calls')
      .innerJoin('funders', 'funders.id', 'calls.funder_id')
      .select(['calls.id', 'calls.title', 'calls.rules', 'funders.name as funder_name', 'funders.decision_body'])
      .where('calls.id', '=', callId)
      .executeTakeFirstOrThrow();
    const rules = c.rules as CallRules;
    const apps = await tx
      .selectFrom('applications')
      .select(['id', 'case_number', 'organisation_id', 'organisation_name', 'status', 'submitted_at', 'submitted_content'])
      .where('call_id', '=', callId)
      .where('status', '!=', 'draft')
      .orderBy('case_number')
      .execute();
    const ids = apps.map((a) => a.id);
    const none = ['00000000-0000-0000-0000-000000000000'];
    const screenings = await tx
      .selectFrom('screenings')
      .selectAll()
      .where('application_id', 'in', ids.length ? ids : none)
      .orderBy('screened_at', 'desc')
      .execute();
    const proposals = await tx
      .selectFrom('decision_proposals')
      .selectAll()
      .where('application_id', 'in', ids.length ? ids : none)
      .orderBy('proposed_at', 'desc')
      .execute();
    const decisions = await tx.selectFrom('decisions as d').selectAll('d').where('d.call_id', '=', callId).where(isCurrent).execute();
    const reviews = await reviewsOf(tx, ids);
    const budget = await budgetState(tx, callId);
    const rows = apps.map((a) => {
      const content = a.submitted_content;
      const screening = screenings.find((s) => s.application_id === a.id);
      const proposal = proposals.find((p) => p.application_id === a.id);
      const decision = decisions.find((d) => d.application_id === a.id);
      const own = reviews.filter((r) => r.application_id === a.id);
      return {
        id: a.id,
        caseNumber: a.case_number ?? '',
        organisationId: a.organisation_id,
        organisationName: a.organisation_name,
        status: a.status,
        title: content?.title ?? '',
        amountRequested: content?.amountRequested ?? 0,
        focusAreas: content?.focusAreas ?? [],
        areas: [...new Set((content?.activities ?? []).flatMap((x) => x.areas))],
        submittedAt: a.submitted_at?.toISOString() ?? null,
        screening: screening ? { outcome: screening.outcome, screenedAt: screening.screened_at.toISOString() } : null,
        reviewers: own.map((r) => ({ userId: r.reviewer_id, name: r.reviewer_name, conflict: r.conflict, submitted: Boolean(r.submitted_at) })),
        scores: scoreSummary(rules, own),
        proposal: proposal ? { amount: proposal.amount, reasons: proposal.reasons, proposedAt: proposal.proposed_at.toISOString() } : null,
        decision: decision
          ? {
              id: decision.id,
              outcome: decision.outcome,
              amount: decision.amount,
              decidedOn: decision.decided_on,
              paragraph: decision.paragraph,
              reasons: decision.reasons,
              madeBy: decision.made_by,
            }
          : null,
      };
    });
    const proposed = rows.reduce((s, r) => s + (r.decision || r.status !== 'submitted' ? 0 : (r.proposal?.amount ?? 0)), 0);
    return {
      call: {
        id: c.id,
        funderId: call.funder_id,
        title: c.title,
        funderName: c.funder_name,
        decisionBody: c.decision_body,
        amount: rules.amount,
        minAmount: rules.minAmount,
        maxAmount: rules.maxAmount,
        criteria: rules.criteria,
        focusAreas: rules.focusAreas,
        targetAreas: rules.targetAreas,
      },
      budget: { amount: budget.callAmount, granted: budget.callGranted, remaining: remaining(budget), proposedUndecided: proposed },
      applications: rows,
    };
  });
}
