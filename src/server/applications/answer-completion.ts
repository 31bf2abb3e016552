// Answering a completion request (komplettering): the one place that checks the user is the
// applicant, locks the round, refuses a second answer, shares the documents sent with the answer with
// the funder, keeps the answer, tells the caseworker who asked (as they chose to hear of it) and appends the audit entry.
// A round about a follow-up report is answered the same way, by the reporting organisation's members: the
// answer sends the report back to the caseworker (submitted again), and the entry is the report's.
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { grantFiles } from '../files/store.ts';
import { lockReport } from '../follow-up/access.ts';
import { shareAttachments } from '../follow-up/attachments.ts';
import { markSubmitted } from '../follow-up/submit-report.ts';
import { applicationAbout, notify, recipientsOf } from '../notifications/notify.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { inScope, locate, requireApplicant } from './access.ts';

/** Answers the round; answers the round as kept. */
export async function answerCompletion(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { answer, files }: { answer: string; files: { fileId: string; name: string }[] },
  options: CommandOptions = {},
) {
  if (!answer.trim()) throw fieldProblem(400, 'answer', 'required');
  const found = await system(ctx.db, (tx) =>
    tx
      .selectFrom('completion_requests')
      .innerJoin('users', 'users.id', 'completion_requests.created_by')
      .select(['completion_requests.application_id', 'completion_requests.funder_id', 'completion_requests.created_by', 'completion_requests.report_id'])
      .where('completion_requests.id', '=', id)
      .executeTakeFirst(),
  );
  if (!found) throw new Problem(404, 'not_found');
  const located = await locate(ctx, user, found.application_id);
  requireApplicant(located);
  const now = clockOf(options);
  // The caseworker who asked is told, as they chose (a mail at once unless they said otherwise).
  const asker = await recipientsOf(ctx, found.funder_id, 'completion_answered', { only: found.created_by ? [found.created_by] : [] });
  return inScope(ctx, located, async (tx) => {
    const current = await tx.selectFrom('completion_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (current.answered_at) throw new Problem(409, 'completion_answered');
    if (files.length) {
      const fileIds = files.map((f) => f.fileId);
      const owned = await tx.selectFrom('files').select('id').where('id', 'in', fileIds).where('organisation_id', '=', located.organisationId).execute();
      if (owned.length !== new Set(fileIds).size) throw fieldProblem(422, 'files', 'file_unknown');
      await grantFiles(tx, fileIds, located.funderId);
    }
    const row = await tx
      .updateTable('completion_requests')
      .set({ answer: answer.trim(), answer_files: JSON.stringify(files), answered_by: user.userId, answered_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const reportId = found.report_id;
    if (reportId) {
      // The report goes back to the caseworker, as submitted, with what was asked for: checked as a submission is.
      const report = await lockReport(tx, reportId);
      if (report.status === 'completion_requested') await markSubmitted(tx, report, user.userId, now);
      else await shareAttachments(tx, report);
    }
    await notify(
      ctx,
      tx,
      options,
      asker,
      {
        event: 'completion_answered',
        funderId: located.funderId,
        objectId: reportId ?? located.id,
        link: reportId ? `/reports/${reportId}` : `/applications/${located.id}/assessment`,
        about: await applicationAbout(tx, located.id),
      },
      now,
    );
    await audit(tx, actorOf(user), {
      action: reportId ? 'report.completion_answered' : 'application.completion_answered',
      objectType: reportId ? 'report' : 'application',
      objectId: reportId ?? located.id,
      funderId: located.funderId,
      organisationId: located.organisationId,
      reason: auditReason(options),
      data: { requestId: id, files: files.length },
    });
    return row;
  });
}
