// Moving a report's due date (caseworker): with a reason, which the association sees. The date the
// agreement's period gave is kept beside it, and a report moved into the future is no longer overdue.
import { audit } from '../../db/audit.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { inReportScope, locateReport, lockReport, type ReportRow, requireCaseworker } from './access.ts';

export async function moveReportDueDate(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  input: { dueOn: string; reason: string },
  options: CommandOptions = {},
): Promise<ReportRow> {
  const located = await locateReport(ctx, user, id);
  requireCaseworker(user, located);
  const reason = input.reason.trim();
  if (!isCalendarDate(input.dueOn)) throw fieldProblem(422, 'dueOn', 'invalid_date');
  // Moved into the past, a report would be overdue before the association could act on the new date.
  if (input.dueOn < dateInStockholm(clockOf(options))) throw fieldProblem(422, 'dueOn', 'date_in_past');
  if (!reason) throw fieldProblem(422, 'reason', 'report_due_reason_required');
  return inReportScope(ctx, located, async (tx) => {
    const row = await lockReport(tx, id);
    if (row.status === 'approved') throw new Problem(409, 'report_approved');
    if (input.dueOn === row.due_on) throw fieldProblem(422, 'dueOn', 'report_due_unchanged');
    const saved = await tx
      .updateTable('follow_up_reports')
      .set({ due_on: input.dueOn, due_moved_reason: reason })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'report.due_moved',
      objectType: 'report',
      objectId: id,
      funderId: row.funder_id,
      // The association sees in the report's history that its due date moved, and why.
      organisationId: row.organisation_id,
      reason: auditReason(options, reason),
      data: { kind: row.kind, from: row.due_on, to: input.dueOn, plannedDueOn: row.planned_due_on },
    });
    return saved;
  });
}
