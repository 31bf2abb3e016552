import type { Tx } from '../../db/connection.ts';

export type DecisionRow = Awaited<ReturnType<typeof decisionsOf>>[number];

/** An application's decisions, oldest first, each with the one that superseded it (if any) and its funder's kind. */
export function decisionsOf(tx: Tx, applicationId: string) {
  return tx
    .selectFrom('decisions as d')
    .innerJoin('funders', 'funders.id', 'd.funder_id')
    .selectAll('d')
    .select('funders.kind as funder_kind')
    .select((eb) => eb.selectFrom('decisions as s').select('s.id').whereRef('s.supersedes', '=', 'd.id').as('superseded_by'))
    .where('d.application_id', '=', applicationId)
    .orderBy('d.recorded_at')
    .execute();
}
