// Approving a submitted report (caseworker): the one place that locks the report, marks it approved
// and, for an interim report, makes the instalment that waits for it due, with the audit entries, in
// one transaction. The report is locked before the instalment, as payment work shares the reports before
// it locks instalments (src/server/budget/guard.ts), so the two cannot wait on each other.
import { audit } from '../../db/audit.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { makeInstalmentDue } from '../agreements/release-instalment.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { inReportScope, locateReport, lockReport, type ReportRow, requireCaseworker } from './access.ts';
import { waitingInstalments } from './present.ts';

export async function approveReport(ctx: AppContext, user: SignedInUser, id: string, options: CommandOptions = {}): Promise<ReportRow> {
  const located = await locateReport(ctx, user, id);
  requireCaseworker(user, located);
  const now = clockOf(options);
  return inReportScope(ctx, located, async (tx) => {
    const row = await lockReport(tx, id);
    if (row.status === 'approved') throw new Problem(409, 'report_approved');
    if (row.status !== 'submitted') throw new Problem(409, 'report_not_submitted');
    const saved = await tx
      .updateTable('follow_up_reports')
      .set({ status: 'approved', approved_by: user.userId, approved_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'report.approved',
      objectType: 'report',
      objectId: id,
      funderId: row.funder_id,
      organisationId: row.organisation_id,
      reason: auditReason(options),
      data: { kind: row.kind },
    });
    if (row.kind === 'interim') {
      const waiting = await waitingInstalments(tx, row.agreement_id).forUpdate().execute();
      for (const i of waiting) {
        await makeInstalmentDue(tx, actorOf(user), i, { reportApprovedOn: dateInStockholm(now), by: user.userId, at: now, reportId: id }, options);
      }
    }
    return saved;
  });
}
