// What recording a decision and superseding one share: the committee or a delegate decides within the
// budget, which cannot be overspent. Checks who may, takes the budget guard's locks (budget line, call,
// application), checks the decision and the budget, keeps the letter as a document of the case, writes
// the decision, queues the mails with the letter and appends the audit entry, all in one transaction.
// The commands are record-decision.ts and supersede-decision.ts.
import { createHash, randomUUID } from 'node:crypto';
import { audit } from '../../db/audit.ts';
import { decisionLetterPdf } from '../../documents/decision-letter.ts';
import { fits, remaining } from '../../domain/assessment/budget.ts';
import { decisionProblems, outcomeFor } from '../../domain/assessment/decisions.ts';
import type { DecisionInput } from '../../domain/assessment/types.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { formatKronor, type Ore, ore, ZERO_ORE } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import { followDecision } from '../agreements/follow-decision.ts';
import { inScope } from '../applications/access.ts';
import { locateAsStaff } from '../assessment/access.ts';
import { assessedApplication, latestScreening } from '../assessment/store.ts';
import { budgetState, lockApplication } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { ledgerDims, postEvent } from '../ledger/store.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { fieldProblem, Problem, rulesProblem } from '../problem.ts';
import { letterData, letterName } from './letter.ts';
import { type DecisionRow, decisionsOf } from './store.ts';

/**
 * Decides on an application: with `supersedes` null, its first decision; naming the current decision,
 * a new one that replaces it (a decision is never edited). Answers the decision as stored.
 */
export async function decide(
  ctx: AppContext,
  user: SignedInUser,
  applicationId: string,
  input: DecisionInput & { supersedes: string | null },
  options: CommandOptions,
): Promise<DecisionRow> {
  const located = await locateAsStaff(ctx, user, applicationId, policy.recordDecision);
  if (input.madeBy === 'delegate' && !policy.decideAsDelegate(user, located.funderId)) throw fieldProblem(403, 'madeBy', 'not_a_delegate');
  const members = await organisationMembers(ctx, located.organisationId);
  const now = clockOf(options);
  return inScope(ctx, located, async (tx) => {
    // The budget guard's locks (its line, the call, the application), then the sums. The application's
    // lock also orders a decision and a withdrawal of the same application.
    const call = await lockApplication(tx, located.callId, located.id);
    const a = await assessedApplication(tx, located.id);
    if (a.status !== 'submitted') throw new Problem(409, 'application_withdrawn');
    const history = await decisionsOf(tx, a.id);
    const current = history.find((d) => !d.superseded_by);
    if (current && input.supersedes !== current.id) throw new Problem(409, 'already_decided', {}, [], { currentDecisionId: current.id });
    if (!current && input.supersedes) throw fieldProblem(422, 'supersedes', 'invalid_value');
    const problems = decisionProblems(input, {
      requested: a.content.amountRequested,
      delegationLimit: a.delegation_limit,
      today: dateInStockholm(now),
    });
    if (problems.length) throw rulesProblem(problems);
    if (input.amount > 0 && (await latestScreening(tx, a.id))?.outcome !== 'eligible') throw fieldProblem(422, 'amount', 'grant_for_ineligible');
    const state = await budgetState(tx, a.call_id);
    const freed = current?.amount ?? ZERO_ORE;
    if (!fits(state, input.amount, freed)) throw fieldProblem(422, 'amount', 'budget_exceeded', { remaining: remaining(state, freed) });
    const outcome = outcomeFor(input.amount, a.content.amountRequested);
    const decided = {
      decision_body: input.decisionBody,
      made_by: input.madeBy,
      paragraph: input.paragraph,
      decided_on: input.decidedOn,
      announced_on: input.announcedOn ?? input.decidedOn,
      outcome,
      amount: input.amount,
      amount_requested: a.content.amountRequested,
      grant_from: input.amount > 0 ? input.grantFrom : null,
      grant_to: input.amount > 0 ? input.grantTo : null,
      conditions: input.conditions,
      reasons: input.reasons,
      reservations: input.reservations,
    };
    // The letter as sent is kept with the decision (in Swedish; English is made on request).
    const org = await tx.selectFrom('organisations').select('org_number').where('id', '=', a.organisation_id).executeTakeFirst();
    const letter = await decisionLetterPdf(
      'sv',
      letterData(a, decided, { orgNumber: org?.org_number ?? '', callTitle: call.title, letterDate: dateInStockholm(now), previous: current }),
    );
    const letterFileId = randomUUID();
    await tx
      .insertInto('files')
      .values({
        id: letterFileId,
        organisation_id: a.organisation_id,
        funder_id: a.funder_id,
        name: letterName(a.caseNumber),
        content_type: 'application/pdf',
        size: letter.length,
        sha256: createHash('sha256').update(letter).digest('hex'),
        data: letter,
        created_by: user.userId,
        created_at: now,
      })
      .execute();
    const row = await tx
      .insertInto('decisions')
      .values({
        ...decided,
        funder_id: a.funder_id,
        call_id: a.call_id,
        application_id: a.id,
        reservations: JSON.stringify(input.reservations),
        supersedes: current?.id ?? null,
        recorded_by: user.userId,
        recorded_at: now,
        letter_file_id: letterFileId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The ledger follows the grant, and the agreement (if one is drafted or signed) follows the decision.
    const agreement = await tx.selectFrom('agreements').selectAll().where('application_id', '=', a.id).forUpdate().executeTakeFirst();
    const delta = input.amount - (current?.amount ?? 0);
    if (delta !== 0) {
      const event = delta > 0 ? { kind: 'grant' as const, amount: ore(delta) } : { kind: 'reduce_grant' as const, amount: ore(-delta) };
      await postEvent(tx, await ledgerDims(tx, a.id), event, agreement?.status === 'signed', {
        source: 'decision',
        sourceId: row.id,
        at: now,
        by: user.userId,
      });
    }
    const replanned = agreement ? await followDecision(tx, agreement, row.id, input.amount, now, user.userId) : null;
    const recipients = new Map<string, 'sv' | 'en'>();
    for (const m of members) recipients.set(m.email.toLowerCase(), m.locale === 'en' ? 'en' : 'sv');
    for (const c of a.content.contacts) if (c.email.trim() && !recipients.has(c.email.trim().toLowerCase())) recipients.set(c.email.trim().toLowerCase(), 'sv');
    const mail = (lang: 'sv' | 'en') =>
      decisionMail(lang, {
        caseNumber: a.caseNumber,
        title: a.content.title,
        organisation: a.organisation_name,
        funder: a.funder_name,
        outcome,
        amount: input.amount,
        url: `${ctx.config.publicUrl}/applications/${a.id}`,
      });
    await mailFor(
      ctx,
      tx,
      options,
      [...recipients].map(([to, lang]) => ({
        to,
        funderId: a.funder_id,
        ...mail(lang),
        attachments: [{ fileId: letterFileId, name: letterName(a.caseNumber) }],
      })),
    );
    await audit(tx, actorOf(user), {
      action: current ? 'decision.superseded' : 'decision.recorded',
      objectType: 'application',
      objectId: a.id,
      funderId: a.funder_id,
      organisationId: a.organisation_id,
      reason: auditReason(options),
      data: {
        decisionId: row.id,
        callTitle: call.title,
        outcome,
        amount: input.amount,
        madeBy: input.madeBy,
        paragraph: input.paragraph,
        decidedOn: input.decidedOn,
        supersedes: current?.id ?? null,
        reservations: input.reservations.length,
        ...(agreement ? { agreementId: agreement.id, instalmentsReplanned: replanned?.instalments ?? 0 } : {}),
      },
    });
    const stored = (await decisionsOf(tx, a.id)).find((d) => d.id === row.id);
    if (!stored) throw new Error('recorded decision not readable');
    return stored;
  });
}

function decisionMail(
  lang: 'sv' | 'en',
  p: { caseNumber: string; title: string; organisation: string; funder: string; outcome: string; amount: Ore; url: string },
) {
  const amount = formatKronor(p.amount, lang);
  if (lang === 'en') {
    const what = p.outcome === 'rejected' ? 'rejected' : p.outcome === 'approved' ? `approved: ${amount}` : `partly approved: ${amount}`;
    return {
      subject: `Decision on your application ${p.caseNumber}`,
      text: `${p.funder} has decided on the application "${p.title}" from ${p.organisation} (${p.caseNumber}): ${what}.\n\nThe decision letter, with the reasons and how to appeal, is in Samverka: ${p.url}\n\n— Samverka`,
    };
  }
  const what = p.outcome === 'rejected' ? 'avslag' : p.outcome === 'approved' ? `beviljad med ${amount}` : `delvis beviljad med ${amount}`;
  return {
    subject: `Beslut om er ansökan ${p.caseNumber}`,
    text: `${p.funder} har fattat beslut om ansökan ”${p.title}” från ${p.organisation} (${p.caseNumber}): ${what}.\n\nBeslutsbrevet, med skälen och hur man överklagar, finns i Samverka: ${p.url}\n\n— Samverka`,
  };
}
