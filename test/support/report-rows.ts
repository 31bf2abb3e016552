// Follow-up reports of a signed agreement for the reminder and payment-hold tests: the rows signing made
// (src/server/follow-up/open.ts), or, where signing made none, rows written here as the migration writes
// them for agreements signed before it. A report's due date and state are then set as the test needs:
// a caseworker moving the date, an association submitting.
import { emptyReport, type ReportKind, type ReportStatus } from '../../src/domain/follow-up/reports.ts';
import type { TestApp } from './app.ts';

/** The agreement's report of this kind: its id. */
export async function reportOf(t: TestApp, agreementId: string, kind: ReportKind, dueOn: string): Promise<string> {
  const db = t.db.kysely;
  const made = await db.selectFrom('follow_up_reports').select('id').where('agreement_id', '=', agreementId).where('kind', '=', kind).executeTakeFirst();
  if (made) {
    await setReport(t, made.id, { dueOn, status: 'draft' });
    return made.id;
  }
  const a = await db
    .selectFrom('agreements')
    .select(['funder_id', 'application_id', 'organisation_id'])
    .where('id', '=', agreementId)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('follow_up_reports')
    .values({
      funder_id: a.funder_id,
      agreement_id: agreementId,
      application_id: a.application_id,
      organisation_id: a.organisation_id,
      kind,
      due_on: dueOn,
      planned_due_on: dueOn,
      content: JSON.stringify(emptyReport([])),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets a report's due date (as a caseworker moving it, with a reason) or state (as the association submitting it). */
export async function setReport(t: TestApp, id: string, to: { dueOn?: string; status?: ReportStatus }): Promise<void> {
  await t.db.kysely
    .updateTable('follow_up_reports')
    .set({
      ...(to.dueOn ? { due_on: to.dueOn, due_moved_reason: 'Föreningen bad om mer tid.' } : {}),
      ...(to.status ? { status: to.status, submitted_at: to.status === 'draft' ? null : new Date() } : {}),
    })
    .where('id', '=', id)
    .execute();
}
