// Declaring conflict of interest (jäv) or its absence: the one place that checks who may (an assigned
// reviewer, before submitting the review), refuses to take back a declared conflict, drops scores
// written before a conflict came to light, keeps the declaration and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { policy } from '../../domain/roles.ts';
import { inScope } from '../applications/access.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { locateAsStaff } from './access.ts';
import { lockedAssignment } from './store.ts';

/** Declares the signed-in reviewer's conflict (with a note) or its absence; answers where the application is. */
export async function declareConflict(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { conflict, note }: { conflict: boolean; note?: string | null },
  options: CommandOptions = {},
) {
  const located = await locateAsStaff(ctx, user, id, policy.mayReview);
  const now = clockOf(options);
  await inScope(ctx, located, async (tx) => {
    const mine = await lockedAssignment(tx, located.id, user.userId);
    if (located.status === 'withdrawn') throw new Problem(409, 'application_withdrawn');
    if (mine.submitted_at) throw new Problem(409, 'review_submitted');
    if (mine.conflict === 'conflict' && !conflict) throw new Problem(409, 'conflict_declared');
    if (conflict && !note?.trim()) throw rulesProblem([{ field: 'note', code: 'conflict_note_needed' }]);
    await tx
      .updateTable('review_assignments')
      .set({ conflict: conflict ? 'conflict' : 'none', conflict_note: note?.trim() || null, declared_at: now })
      .where('application_id', '=', located.id)
      .where('reviewer_id', '=', user.userId)
      .execute();
    // Scores written before a conflict came to light are not kept.
    if (conflict) await tx.deleteFrom('review_scores').where('application_id', '=', located.id).where('reviewer_id', '=', user.userId).execute();
    await audit(tx, actorOf(user), {
      action: conflict ? 'review.conflict_declared' : 'review.no_conflict_declared',
      objectType: 'application',
      objectId: located.id,
      funderId: located.funderId,
      reason: auditReason(options, conflict ? (note?.trim() ?? null) : null),
    });
  });
  return located;
}
