// The caseworker edits a draft. Each save is a new version; what either party accepted before is
// then no longer what the agreement says, so it must be accepted again. A signed agreement is not
// edited: it is amended (amend-agreement.ts).
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { type AgreementContent, type AgreementKind, agreementProblems, canonicalJson } from '../../domain/agreements.ts';
import { type ScheduleSpec, scheduleProblems } from '../../domain/payments/schedule.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { type AgreementRow, contentHash, locateAgreement } from './store.ts';

export interface AgreementDraftInput {
  version: number;
  kind: AgreementKind;
  content: AgreementContent;
  schedule: ScheduleSpec;
}

/** Field problems of a whole draft: its content and its payment schedule. */
export function draftProblems(kind: AgreementKind, content: AgreementContent, schedule: ScheduleSpec, amount: AgreementRow['amount']) {
  return [...agreementProblems(kind, content), ...scheduleProblems(schedule, amount, { from: content.periodFrom, to: content.periodTo })];
}

/** Which top-level fields a change touches, for the audit trail. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]));
}

export async function updateAgreement(
  ctx: AppContext,
  user: SignedInUser,
  agreementId: string,
  input: AgreementDraftInput,
  options: CommandOptions = {},
): Promise<AgreementRow> {
  const located = await locateAgreement(ctx, user, agreementId);
  if (located.access !== 'staff' || !policy.draftAgreement(user, located.funderId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  return scoped(ctx.db, located.scope, async (tx) => {
    const a = await tx.selectFrom('agreements').selectAll().where('id', '=', agreementId).forUpdate().executeTakeFirstOrThrow();
    if (a.status === 'signed') throw new Problem(409, 'agreement_signed');
    if (a.version !== input.version) throw new Problem(409, 'edit_conflict', {}, [], { version: a.version });
    const problems = draftProblems(input.kind, input.content, input.schedule, a.amount);
    if (problems.length) throw rulesProblem(problems);
    const row = await tx
      .updateTable('agreements')
      .set({
        kind: input.kind,
        content: JSON.stringify(input.content),
        schedule: JSON.stringify(input.schedule),
        content_sha256: contentHash({ kind: input.kind, amount: a.amount, content: input.content, schedule: input.schedule }),
        version: a.version + 1,
        updated_at: now,
      })
      .where('id', '=', agreementId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'agreement.updated',
      objectType: 'agreement',
      objectId: a.id,
      funderId: a.funder_id,
      organisationId: a.organisation_id,
      reason: auditReason(options),
      data: {
        number: a.number,
        version: row.version,
        changed: [
          ...(a.kind !== input.kind ? ['kind'] : []),
          ...changedFields(a.content as unknown as Record<string, unknown>, input.content as unknown as Record<string, unknown>),
          ...(canonicalJson(a.schedule) !== canonicalJson(input.schedule) ? ['schedule'] : []),
        ],
      },
    });
    return row;
  });
}
