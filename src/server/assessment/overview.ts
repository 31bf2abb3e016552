import { scoped } from '../../db/scope.ts';
import { remaining } from '../../domain/assessment/budget.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { sumOre, ZERO_ORE } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import { budgetState, isCurrent } from '../budget/guard.ts';
import type { AppContext } from '../context.ts';
import { type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { reviewsOf, scoreSummary } from './store.ts';

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
        amountRequested: content?.amountRequested ?? ZERO_ORE,
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
    const proposed = sumOre(rows.map((r) => (r.decision || r.status !== 'submitted' ? ZERO_ORE : (r.proposal?.amount ?? ZERO_ORE))));
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
