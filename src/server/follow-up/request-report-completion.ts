// Asking the association to complete a submitted report: the applications' completion round, pointing
// at the report. Locks the report, keeps the round, sets the report to completion_requested (so the
// association can edit it again), mails the organisation's members and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { type CompletionInput, checkCompletionInput, earlierRound, keepCompletionRound } from '../applications/request-completion.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { inReportScope, locateReport, lockReport, requireCaseworker } from './access.ts';

const KIND_WORDS = { interim: { sv: 'delrapporten', en: 'interim report' }, final: { sv: 'slutrapporten', en: 'final report' } } as const;

export async function requestReportCompletion(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  input: CompletionInput,
  key: string | null,
  options: CommandOptions = {},
) {
  const located = await locateReport(ctx, user, id);
  requireCaseworker(user, located);
  const now = clockOf(options);
  checkCompletionInput(input, now);
  const members = await organisationMembers(ctx, located.organisationId);
  const subject = { funderId: located.funderId, applicationId: located.applicationId, reportId: id };
  return inReportScope(ctx, located, async (tx) => {
    const row = await lockReport(tx, id);
    // A retried request (same key) gets the round the first one made, and nobody is mailed twice.
    const earlier = await earlierRound(tx, subject, key);
    if (earlier) return { round: earlier, repeated: true };
    if (row.status === 'approved') throw new Problem(409, 'report_approved');
    if (row.status !== 'submitted') throw new Problem(409, 'report_not_submitted');
    const info = await tx
      .selectFrom('agreements as g')
      .innerJoin('applications as a', 'a.id', 'g.application_id')
      .select(['g.number', 'a.title', 'a.organisation_name'])
      .where('g.id', '=', row.agreement_id)
      .executeTakeFirstOrThrow();
    const url = `${ctx.config.publicUrl}/reports/${id}`;
    const words = KIND_WORDS[row.kind];
    const round = await keepCompletionRound(ctx, tx, options, user, subject, input, key, members, (lang, message) =>
      lang === 'en'
        ? {
            subject: `Please complete the ${words.en} on agreement ${info.number}`,
            text: `The caseworker asks ${info.organisation_name} to complete the ${words.en} on "${info.title}" (agreement ${info.number}) by ${input.replyBy}:\n\n${message}\n\nComplete the report and answer in Samverka: ${url}`,
          }
        : {
            subject: `Komplettering behövs: ${words.sv} för överenskommelsen ${info.number}`,
            text: `Handläggaren ber ${info.organisation_name} att komplettera ${words.sv} för ”${info.title}” (överenskommelsen ${info.number}) senast ${input.replyBy}:\n\n${message}\n\nKomplettera rapporten och svara i Samverka: ${url}`,
          },
    );
    await tx.updateTable('follow_up_reports').set({ status: 'completion_requested' }).where('id', '=', id).execute();
    await audit(tx, actorOf(user), {
      action: 'report.completion_requested',
      objectType: 'report',
      objectId: id,
      funderId: row.funder_id,
      // The association sees in the report's history that completion was asked for.
      organisationId: row.organisation_id,
      reason: auditReason(options),
      data: { kind: row.kind, requestId: round.id, replyBy: input.replyBy },
    });
    return { round, repeated: false };
  });
}
