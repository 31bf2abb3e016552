// Saving a report as it is typed: the one place that checks the user reports for the organisation,
// locks the report, refuses a save made from an older version (someone else saved since) and content
// that cannot be right (negative, broken or absurd amounts and counts), writes the content and appends
// the audit entry with what changed. Anything else may be incomplete until the report is submitted.
import { isDeepStrictEqual } from 'node:util';
import { auditDraftSave } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { canSubmit, type ReportContent, reportLimitProblems } from '../../domain/follow-up/reports.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { inReportScope, locateReport, lockReport, type ReportRow, requireReporter } from './access.ts';
import { presentReport } from './present.ts';

/** A save or submit made from an older version: 409 edit_conflict, carrying the report as it now stands. */
export async function reportConflict(tx: Tx, row: ReportRow, user: SignedInUser): Promise<Problem> {
  const current = await presentReport(tx, row, user, 'organisation');
  const at = (lang: 'sv' | 'en') =>
    row.updated_at.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });
  const name = current.updatedBy ?? { sv: 'Någon annan', en: 'Someone else' };
  return new Problem(409, 'edit_conflict', { name, at: { sv: at('sv'), en: at('en') } }, [], { current });
}

export async function saveReport(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { content, version }: { content: ReportContent; version: number },
  options: CommandOptions = {},
): Promise<ReportRow> {
  const located = await locateReport(ctx, user, id);
  requireReporter(located);
  const limits = reportLimitProblems(content);
  if (limits.length) throw rulesProblem(limits);
  const now = clockOf(options);
  return inReportScope(ctx, located, async (tx) => {
    const row = await lockReport(tx, id);
    if (!canSubmit(row.status)) throw new Problem(409, 'report_not_editable');
    if (row.version !== version) throw await reportConflict(tx, row, user);
    const saved = await tx
      .updateTable('follow_up_reports')
      .set({ content: JSON.stringify(content), version: row.version + 1, updated_by: user.userId, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const before = row.content as unknown as Record<string, unknown>;
    // Compared as values: the database keeps JSON objects' keys in an order of its own.
    const changed = Object.keys(content).filter((k) => !isDeepStrictEqual(before[k], content[k as keyof ReportContent]));
    // Typing saves often: the saves are gathered into one entry instead of each taking the chain's head.
    await auditDraftSave(
      tx,
      actorOf(user),
      {
        action: 'report.draft_saved',
        objectType: 'report',
        objectId: id,
        funderId: located.funderId,
        organisationId: located.organisationId,
        reason: auditReason(options),
        data: { kind: row.kind, version: saved.version, changed },
      },
      now,
    );
    return saved;
  });
}
