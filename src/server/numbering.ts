import { sql } from 'kysely';
import type { Tx } from '../db/connection.ts';
import type { NumberedSeries } from '../domain/numbering.ts';

/**
 * Takes the next number of one of the funder's yearly series ("SN A2026/00001"). The series' row stays
 * locked until the transaction ends, so numbers have no gaps (a rollback gives the number back) and no
 * duplicates. Take it late in a transaction: it queues every other taker of the same series.
 */
export async function nextNumber(tx: Tx, funderId: string, series: NumberedSeries, year: number): Promise<string> {
  const r = await sql<{ label: string }>`
    select series_label(f.case_prefix, ${series}, ${year}, next_number(f.id, ${series}, ${year})) as label
      from funders f where f.id = ${funderId}`.execute(tx);
  const label = r.rows[0]?.label;
  if (!label) throw new Error('funder not found for numbering');
  return label;
}
