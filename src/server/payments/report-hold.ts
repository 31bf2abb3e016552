// No payment goes out on an agreement with an overdue follow-up report: a draft whose due date (in
// Stockholm) has passed. What holds an agreement is read here, for finance's list of what is due, for
// preparing and approving a run, and for the agreement as both parties see it.
import { sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { CalendarDate } from '../../domain/deadlines.ts';
import type { ReportKind } from '../../domain/follow-up/reports.ts';
import { overdueOn } from '../follow-up/list.ts';

export interface OverdueReport {
  id: string;
  kind: ReportKind;
  dueOn: CalendarDate;
}

/**
 * Shares the follow-up reports of these agreements, in id order, so that none is submitted or has its due
 * date moved while a run is made or approved from what they say. Taken after the applications and
 * agreements and before any instalment (src/server/budget/guard.ts).
 */
export async function lockReports(tx: Tx, agreementIds: readonly string[]): Promise<void> {
  if (!agreementIds.length) return;
  await sql`select id from follow_up_reports where agreement_id = any(${[...new Set(agreementIds)]}::uuid[]) order by id for share`.execute(tx);
}

/** The overdue report of each agreement that has one (the one due first, if two are), as of `today`. */
export async function overdueReports(tx: Tx, agreementIds: readonly string[], today: CalendarDate): Promise<Map<string, OverdueReport>> {
  const held = new Map<string, OverdueReport>();
  if (!agreementIds.length) return held;
  const { rows } = await sql<{ id: string; agreement_id: string; kind: ReportKind; due_on: string }>`
    select r.id, r.agreement_id, r.kind, r.due_on from follow_up_reports r
     where r.agreement_id = any(${[...new Set(agreementIds)]}::uuid[]) and ${overdueOn(today)}
     order by r.due_on, r.id`.execute(tx);
  for (const r of rows) if (!held.has(r.agreement_id)) held.set(r.agreement_id, { id: r.id, kind: r.kind, dueOn: r.due_on });
  return held;
}
