// Setting who reviews an application: the one place that checks who may, checks every reviewer is the
// funder's staff in a role that reviews, locks the assignments, refuses to remove a reviewer who has
// declared or scored, writes the change, tells each reviewer added as they chose and appends the audit
// entry when something changed.
import { audit } from '../../db/audit.ts';
import { policy } from '../../domain/roles.ts';
import { inScope } from '../applications/access.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { applicationAbout, notify, recipientsOf } from '../notifications/notify.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { locateAsStaff } from './access.ts';

const REVIEWING_ROLES = ['reviewer', 'caseworker', 'decision_maker'];

/** Sets the application's reviewers to exactly these; answers them in the order they were assigned. */
export async function assignReviewers(ctx: AppContext, user: SignedInUser, id: string, reviewerIds: string[], options: CommandOptions = {}) {
  const located = await locateAsStaff(ctx, user, id, policy.assess);
  const now = clockOf(options);
  const reviewers = await recipientsOf(ctx, located.funderId, 'review_assigned', { only: reviewerIds, actorId: user.userId });
  return inScope(ctx, located, async (tx) => {
    const staff = await tx
      .selectFrom('funder_memberships')
      .select(['user_id', 'role'])
      .where('funder_id', '=', located.funderId)
      .where('user_id', 'in', reviewerIds.length ? reviewerIds : ['00000000-0000-0000-0000-000000000000'])
      .execute();
    const fields = reviewerIds.flatMap((rid, i) =>
      staff.some((s) => s.user_id === rid && REVIEWING_ROLES.includes(s.role)) ? [] : [{ field: `reviewerIds.${i}`, code: 'reviewer_unknown' }],
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
        .values(added.map((rid) => ({ funder_id: located.funderId, application_id: located.id, reviewer_id: rid, assigned_by: user.userId, assigned_at: now })))
        .execute();
      await notify(
        ctx,
        tx,
        options,
        reviewers.filter((r) => added.includes(r.userId)),
        {
          event: 'review_assigned',
          funderId: located.funderId,
          objectId: located.id,
          link: `/applications/${located.id}/review`,
          about: await applicationAbout(tx, located.id),
        },
        now,
      );
    }
    if (added.length || removed.length) {
      await audit(tx, actorOf(user), {
        action: 'application.reviewers_set',
        objectType: 'application',
        objectId: located.id,
        funderId: located.funderId,
        reason: auditReason(options),
        data: { added, removed: removed.map((r) => r.reviewer_id) },
      });
    }
    return tx
      .selectFrom('review_assignments')
      .innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
      .select(['users.id as userId', 'users.name'])
      .where('application_id', '=', located.id)
      .orderBy('assigned_at')
      .execute();
  });
}
