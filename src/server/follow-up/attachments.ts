// A report's attachments become the funder's to read when the report reaches the caseworker (submitted,
// or sent back with an answer): the organisation's own documents, and nothing else.
import type { Tx } from '../../db/connection.ts';
import type { ReportContent } from '../../domain/follow-up/reports.ts';
import { grantFiles } from '../files/store.ts';
import { rulesProblem } from '../problem.ts';

export async function shareAttachments(tx: Tx, report: { organisation_id: string; funder_id: string; content: ReportContent }): Promise<void> {
  const fileIds = [...new Set(report.content.attachments.map((a) => a.fileId))];
  if (!fileIds.length) return;
  const owned = await tx.selectFrom('files').select('id').where('id', 'in', fileIds).where('organisation_id', '=', report.organisation_id).execute();
  const unknown = report.content.attachments.flatMap((a, i) =>
    owned.some((o) => o.id === a.fileId) ? [] : [{ field: `attachments.${i}`, code: 'file_unknown' }],
  );
  if (unknown.length) throw rulesProblem(unknown, 'report_incomplete');
  await grantFiles(tx, fileIds, report.funder_id);
}
