// Saving a review's scores, and submitting it: the one place that checks who may (an assigned reviewer
// who has declared no conflict and not yet submitted), checks the scores against the call's criteria
// (every criterion scored to submit), keeps them, makes the review final on submit and appends the
// audit entry.
import { audit, auditDraftSave } from '../../db/audit.ts';
import { type Scores, scoreProblems, weightedScore } from '../../domain/assessment/reviews.ts';
import { policy } from '../../domain/roles.ts';
import { inScope } from '../applications/access.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { locateAsStaff } from './access.ts';
import { assessedApplication, lockedAssignment } from './store.ts';

/** Saves the signed-in reviewer's scores; with `submit` the review is final. Answers where the application is. */
export async function saveReview(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { scores, submit }: { scores: Scores; submit?: boolean },
  options: CommandOptions = {},
) {
  const located = await locateAsStaff(ctx, user, id, policy.mayReview);
  const now = clockOf(options);
  await inScope(ctx, located, async (tx) => {
    const mine = await lockedAssignment(tx, located.id, user.userId);
    if (mine.conflict === null) throw new Problem(409, 'conflict_not_declared');
    if (mine.conflict === 'conflict') throw new Problem(403, 'reviewer_has_conflict');
    if (mine.submitted_at) throw new Problem(409, 'review_submitted');
    const a = await assessedApplication(tx, located.id);
    if (a.status === 'withdrawn') throw new Problem(409, 'application_withdrawn');
    const criteria = a.rules.criteria;
    const problems = scoreProblems(criteria, scores).filter((p) => submit || p.code !== 'score_required');
    if (problems.length) throw rulesProblem(problems);
    await tx.deleteFrom('review_scores').where('application_id', '=', located.id).where('reviewer_id', '=', user.userId).execute();
    const rows = Object.entries(scores).map(([criterion_id, s]) => ({
      funder_id: located.funderId,
      application_id: located.id,
      reviewer_id: user.userId,
      criterion_id,
      score: s.score,
      comment: s.comment.trim(),
    }));
    if (rows.length) await tx.insertInto('review_scores').values(rows).execute();
    const given = Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v.score]));
    if (submit) {
      await tx
        .updateTable('review_assignments')
        .set({ submitted_at: now })
        .where('application_id', '=', located.id)
        .where('reviewer_id', '=', user.userId)
        .execute();
    }
    const entry = { objectType: 'application', objectId: located.id, funderId: located.funderId, reason: auditReason(options) };
    if (submit) await audit(tx, actorOf(user), { ...entry, action: 'review.submitted', data: { weighted: weightedScore(criteria, scores), scores: given } });
    else await auditDraftSave(tx, actorOf(user), { ...entry, action: 'review.draft_saved', data: { scores: given } }, now);
  });
  return located;
}
