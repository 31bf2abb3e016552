import type { Selectable } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { CallsTable } from '../../db/schema.ts';
import { callWindow } from '../../domain/calls/rules.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { phaseAt, timeLeft } from '../../domain/deadlines.ts';

export type CallRow = Selectable<CallsTable>;

export function columnsOf(rules: CallRules) {
  return {
    title: rules.title.trim(),
    amount: rules.amount,
    opens_on: rules.opensOn,
    deadline: rules.deadline,
    budget_line_id: rules.budgetLineId,
    rules: JSON.stringify(rules),
  };
}

export function phaseOf(row: Pick<CallRow, 'status' | 'opens_on' | 'deadline'>, now: Date) {
  if (row.status === 'draft') return 'draft' as const;
  return row.opens_on && row.deadline ? phaseAt(row.opens_on, row.deadline, now) : ('closed' as const);
}

export function presentSummary(row: CallRow, funderName: string, now: Date) {
  const window = callWindow(row.rules);
  return {
    id: row.id,
    funderId: row.funder_id,
    funderName,
    status: row.status,
    phase: phaseOf(row, now),
    version: row.version,
    title: row.title,
    summary: row.rules.summary,
    amount: row.amount,
    opensOn: row.opens_on,
    deadline: row.deadline,
    closesAt: window ? window.closesAt.toISOString() : null,
    focusAreas: row.rules.focusAreas,
  };
}

/** The full view of a call: rules, its budget line, its amendments and the time left. */
export async function presentDetail(tx: Tx, row: CallRow, funderName: string, now: Date) {
  const line = row.budget_line_id
    ? await tx
        .selectFrom('budget_lines')
        .innerJoin('programmes', 'programmes.id', 'budget_lines.programme_id')
        .select(['budget_lines.id', 'budget_lines.name', 'programmes.name as programmeName'])
        .where('budget_lines.id', '=', row.budget_line_id)
        .executeTakeFirst()
    : undefined;
  const amendments = await tx.selectFrom('call_amendments').selectAll().where('call_id', '=', row.id).orderBy('version').execute();
  const summary = presentSummary(row, funderName, now);
  const left = summary.phase === 'open' && row.deadline ? timeLeft(row.deadline, now) : null;
  return {
    ...summary,
    rules: row.rules,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    budgetLine: line ?? null,
    amendments: amendments.map((a) => ({
      version: a.version,
      reason: a.reason,
      changed: Object.keys(a.changes),
      changes: a.changes,
      at: a.created_at.toISOString(),
    })),
    timeLeft: left ? { days: left.days, hours: left.hours, minutes: left.minutes } : null,
  };
}
