// Asking the applicant to complete a submitted application (komplettering): the one place that checks
// who may, validates the message and the reply-by date, locks the application, keeps the round, mails
// the organisation's members and appends the audit entry (which the applicant sees in the history).
// A follow-up report's completion round is the same round, pointing at the report
// (src/server/follow-up/request-report-completion.ts): it shares the checks and the keeping here.
import { audit } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { mailsToMembers } from '../mail/outbox.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { inScope, locate } from './access.ts';

export interface CompletionInput {
  message: string;
  replyBy: string;
}

/** What a round is about: an application, or one of its follow-up reports. */
export interface CompletionSubject {
  funderId: string;
  applicationId: string;
  reportId: string | null;
}

/** Refuses an empty message and a reply-by date that is not a date after today. */
export function checkCompletionInput({ message, replyBy }: CompletionInput, now: Date) {
  if (!message.trim()) throw fieldProblem(400, 'message', 'required');
  if (!isCalendarDate(replyBy)) throw fieldProblem(400, 'replyBy', 'invalid_date');
  if (replyBy <= dateInStockholm(now)) throw fieldProblem(422, 'replyBy', 'reply_by_past');
}

/** The round an earlier request with the same key made about the same subject, if any. */
export function earlierRound(tx: Tx, subject: CompletionSubject, key: string | null) {
  if (!key) return Promise.resolve(undefined);
  const q = tx.selectFrom('completion_requests').selectAll().where('application_id', '=', subject.applicationId).where('request_key', '=', key);
  return (subject.reportId ? q.where('report_id', '=', subject.reportId) : q.where('report_id', 'is', null)).executeTakeFirst();
}

/**
 * Keeps a new round and mails the organisation's members, each in their language; the caller has
 * locked the subject and checked that it may be asked about.
 */
export async function keepCompletionRound(
  ctx: AppContext,
  tx: Tx,
  options: CommandOptions,
  user: SignedInUser,
  subject: CompletionSubject,
  input: CompletionInput,
  key: string | null,
  members: readonly { email: string; locale: string }[],
  letter: (lang: 'sv' | 'en', message: string) => { subject: string; text: string },
) {
  const now = clockOf(options);
  const message = input.message.trim();
  const row = await tx
    .insertInto('completion_requests')
    .values({
      funder_id: subject.funderId,
      application_id: subject.applicationId,
      report_id: subject.reportId,
      message,
      reply_by: input.replyBy,
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
    mailsToMembers(members, subject.funderId, (lang) => letter(lang, message)),
  );
  return row;
}

/**
 * Asks for completion by a date. With the same `key` again, answers the round the first request made
 * (`repeated`) and mails nobody twice.
 */
export async function requestCompletion(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  input: CompletionInput,
  key: string | null,
  options: CommandOptions = {},
) {
  const located = await locate(ctx, user, id);
  if (located.access !== 'staff' || !policy.reviewEligibility(user, located.funderId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  checkCompletionInput(input, now);
  const { replyBy } = input;
  const members = await organisationMembers(ctx, located.organisationId);
  const subject = { funderId: located.funderId, applicationId: id, reportId: null };
  return inScope(ctx, located, async (tx) => {
    const app = await tx
      .selectFrom('applications')
      .select(['status', 'case_number', 'title', 'organisation_name'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // A retried request (same key) gets the round the first one made, and nobody is mailed twice.
    const earlier = await earlierRound(tx, subject, key);
    if (earlier) return { round: earlier, repeated: true };
    if (app.status !== 'submitted') throw new Problem(409, app.status === 'withdrawn' ? 'application_withdrawn' : 'application_not_submitted');
    const row = await keepCompletionRound(ctx, tx, options, user, subject, input, key, members, (lang, message) =>
      lang === 'en'
        ? {
            subject: `Please complete application ${app.case_number}`,
            text: `The caseworker asks ${app.organisation_name} to complete the application "${app.title}" (${app.case_number}) by ${replyBy}:\n\n${message}\n\nAnswer in Samverka: ${ctx.config.publicUrl}/applications/${id}`,
          }
        : {
            subject: `Komplettering behövs: ansökan ${app.case_number}`,
            text: `Handläggaren ber ${app.organisation_name} att komplettera ansökan ”${app.title}” (${app.case_number}) senast ${replyBy}:\n\n${message}\n\nSvara i Samverka: ${ctx.config.publicUrl}/applications/${id}`,
          },
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
