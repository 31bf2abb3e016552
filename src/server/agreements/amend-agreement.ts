// After signing, an agreement is never edited: a change is an amendment with its reason, kept beside
// the signed text, and the association is told.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { type AgreementContent, agreementProblems } from '../../domain/agreements.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { mailsToMembers } from '../mail/outbox.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { fieldProblem, Problem, rulesProblem } from '../problem.ts';
import { currentContent, locateAgreement } from './store.ts';
import { changedFields } from './update-agreement.ts';

export async function amendAgreement(
  ctx: AppContext,
  user: SignedInUser,
  agreementId: string,
  input: { version: number; reason: string; content: AgreementContent },
  options: CommandOptions = {},
) {
  const located = await locateAgreement(ctx, user, agreementId);
  if (located.access !== 'staff' || !policy.draftAgreement(user, located.funderId)) throw new Problem(403, 'forbidden');
  const reason = input.reason.trim();
  if (!reason) throw fieldProblem(422, 'reason', 'required');
  const now = clockOf(options);
  const members = await organisationMembers(ctx, located.organisationId);
  return scoped(ctx.db, located.scope, async (tx) => {
    const a = await tx.selectFrom('agreements').selectAll().where('id', '=', agreementId).forUpdate().executeTakeFirstOrThrow();
    if (a.status !== 'signed') throw new Problem(409, 'agreement_not_signed');
    if (a.version !== input.version) throw new Problem(409, 'edit_conflict', {}, [], { version: a.version });
    const problems = agreementProblems(a.kind, input.content);
    if (problems.length) throw rulesProblem(problems);
    const before = await currentContent(tx, a);
    const changed = changedFields(before as unknown as Record<string, unknown>, input.content as unknown as Record<string, unknown>);
    if (changed.length === 0) throw fieldProblem(422, 'content', 'amendment_unchanged');
    const changes = Object.fromEntries(
      changed.map((k) => [k, { before: (before as unknown as Record<string, unknown>)[k], after: (input.content as unknown as Record<string, unknown>)[k] }]),
    );
    const version = a.version + 1;
    const row = await tx
      .insertInto('agreement_amendments')
      .values({
        funder_id: a.funder_id,
        agreement_id: a.id,
        version,
        reason,
        content: JSON.stringify(input.content),
        changes: JSON.stringify(changes),
        created_by: user.userId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.updateTable('agreements').set({ version, updated_at: now }).where('id', '=', a.id).execute();
    const url = `${ctx.config.publicUrl}/agreements/${a.id}`;
    await mailFor(
      ctx,
      tx,
      options,
      mailsToMembers(members, a.funder_id, (lang) =>
        lang === 'en'
          ? {
              subject: `The agreement ${a.number} has been amended`,
              text: `The agreement ${a.number} has been amended (amendment ${version - 1}).\n\nReason: ${reason}\n\nSee what changed in Samverka: ${url}\n\n— Samverka`,
            }
          : {
              subject: `Överenskommelsen ${a.number} har ändrats`,
              text: `Överenskommelsen ${a.number} har ändrats (ändring ${version - 1}).\n\nSkäl: ${reason}\n\nSe vad som ändrats i Samverka: ${url}\n\n— Samverka`,
            },
      ),
    );
    await audit(tx, actorOf(user), {
      action: 'agreement.amended',
      objectType: 'agreement',
      objectId: a.id,
      funderId: a.funder_id,
      organisationId: a.organisation_id,
      reason: auditReason(options, reason),
      data: { number: a.number, version, changed },
    });
    return row;
  });
}
