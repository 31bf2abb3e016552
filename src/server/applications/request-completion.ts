// Asking the applicant to complete a submitted application (komplettering): the one place that checks
// who may, validates the message and the reply-by date, locks the application, keeps the round, mails
// the organisation's members and appends the audit entry (which the applicant sees in the history).
import { audit } from '../../db/audit.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { inScope, locate } from './access.ts';

/**
 * Asks for completion by a date. With the same `key` again, answers the round the first request made
 * (`repeated`) and mails nobody twice.
 */
export async function requestCompletion(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { message, replyBy }: { message: string; replyBy: string },
  key: string | null,
  options: CommandOptions = {},
) {
  const located = await locate(ctx, user, id);
  if (located.access !== 'staff' || !policy.reviewEligibility(user, located.funderId)) throw new Problem(403, 'forbidden');
  if (!message.trim()) throw fieldProblem(400, 'message', 'required');
  if (!isCalendarDate(replyBy)) throw fieldProblem(400, 'replyBy', 'invalid_date');
  const now = clockOf(options);
  if (replyBy <= dateInStockholm(now)) throw fieldProblem(422, 'replyBy', 'reply_by_past');
  const members = await organisationMembers(ctx, located.organisationId);
  return inScope(ctx, located, async (tx) => {
    const app = await tx
      .selectFrom('applications')
      .select(['status', 'case_number', 'title', 'organisation_name'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // A retried request (same key) gets the round the first one made, and nobody is mailed twice.
    if (key) {
      const earlier = await tx.selectFrom('completion_requests').selectAll().where('application_id', '=', id).where('request_key', '=', key).executeTakeFirst();
      if (earlier) return { round: earlier, repeated: true };
    }
    if (app.status !== 'submitted') throw new Problem(409, app.status === 'withdrawn' ? 'application_withdrawn' : 'application_not_submitted');
    const row = await tx
      .insertInto('completion_requests')
      .values({
        funder_id: located.funderId,
        application_id: id,
        message: message.trim(),
        reply_by: replyBy,
        created_by: user.userId,
        request_key: key,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await mailFor(
      ctx,
      tx,
      options,
      members.map((m) => {
        const en = m.locale === 'en';
        return {
          to: m.email,
          funderId: located.funderId,
          subject: en ? `Please complete application ${app.case_number}` : `Komplettering behövs: ansökan ${app.case_number}`,
          text: en
            ? `The caseworker asks ${app.organisation_name} to complete the application "${app.title}" (${app.case_number}) by ${replyBy}:\n\n${message.trim()}\n\nAnswer in Samverka: ${ctx.config.publicUrl}/applications/${id}`
            : `Handläggaren ber ${app.organisation_name} att komplettera ansökan ”${app.title}” (${app.case_number}) senast ${replyBy}:\n\n${message.trim()}\n\nSvara i Samverka: ${ctx.config.publicUrl}/applications/${id}`,
        };
      }),
    );
    await audit(tx, actorOf(user), {
      action: 'application.completion_requested',
      objectType: 'application',
      objectId: id,
      funderId: located.funderId,
      // The applicant sees in the application's history that completion was asked for.
      organisationId: located.organisationId,
      reason: auditReason(options),
      data: { requestId: row.id, replyBy },
    });
    return { round: row, repeated: false };
  });
}
