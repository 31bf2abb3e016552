// Submitting a report: the one place that checks the user reports for the organisation, locks the
// report, refuses a submit from an older version, checks every rule (each problem on its field),
// shares its attachments with the funder, marks it submitted, tells the funder's caseworkers (as each
// chose) and appends the audit entry.
import { audit } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { canSubmit, reportProblems } from '../../domain/follow-up/reports.ts';
import { summary } from '../../domain/ledger.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { balancesOfApplication } from '../ledger/store.ts';
import { applicationAbout, notify, recipientsOf } from '../notifications/notify.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { inReportScope, locateReport, lockReport, type ReportRow, requireReporter } from './access.ts';
import { shareAttachments } from './attachments.ts';
import { reportConflict } from './save-report.ts';

/**
 * The one way a locked report reaches the caseworker, by submitting it or by answering a completion round:
 * refused with every problem on its field, else its attachments shared and its status submitted.
 */
export async function markSubmitted(tx: Tx, row: ReportRow, userId: string, now: Date): Promise<ReportRow> {
  const funder = await tx.selectFrom('funders').select('report_deviation_percent').where('id', '=', row.funder_id).executeTakeFirstOrThrow();
  const paid = summary(await balancesOfApplication(tx, row.application_id)).paid;
  const problems = reportProblems(row.content, { deviationPercent: funder.report_deviation_percent, kind: row.kind, paid });
  if (problems.length) throw rulesProblem(problems, 'report_incomplete');
  await shareAttachments(tx, row);
  return tx
    .updateTable('follow_up_reports')
    .set({ status: 'submitted', submitted_by: userId, submitted_at: now })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function submitReport(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { version }: { version: number },
  options: CommandOptions = {},
): Promise<ReportRow> {
  const located = await locateReport(ctx, user, id);
  requireReporter(located);
  const now = clockOf(options);
  // Read before the transaction, as the owner: the association's transaction may not read the funder's staff.
  const caseworkers = await recipientsOf(ctx, located.funderId, 'report_submitted', { actorId: user.userId });
  return inReportScope(ctx, located, async (tx) => {
    const row = await lockReport(tx, id);
    if (!canSubmit(row.status)) throw new Problem(409, 'report_not_editable');
    if (row.version !== version) throw await reportConflict(tx, row, user);
    const saved = await markSubmitted(tx, row, user.userId, now);
    await notify(
      ctx,
      tx,
      options,
      caseworkers,
      { event: 'report_submitted', funderId: row.funder_id, objectId: id, link: `/reports/${id}`, about: await applicationAbout(tx, row.application_id) },
      now,
    );
    await audit(tx, actorOf(user), {
      action: 'report.submitted',
      objectType: 'report',
      objectId: id,
      funderId: row.funder_id,
      organisationId: row.organisation_id,
      reason: auditReason(options),
      data: { kind: row.kind, version: row.version, again: row.status === 'completion_requested' },
    });
    return saved;
  });
}
