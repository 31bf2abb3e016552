// The published calls anyone may read, for the public API (public.ts) and the public pages' first view.
import { system } from '../../db/scope.ts';
import type { AppContext } from '../context.ts';
import { phaseOf, presentDetail, presentSummary } from './store.ts';

/** Published calls, open and upcoming first, then closed (the latest first); only one phase if given. */
export async function publishedCalls(ctx: AppContext, phase?: 'open' | 'upcoming' | 'closed') {
  const now = new Date();
  const rows = await system(ctx.db, (tx) =>
    tx
      .selectFrom('calls')
      .innerJoin('funders', 'funders.id', 'calls.funder_id')
      .selectAll('calls')
      .select('funders.name as funderName')
      .where('calls.status', '=', 'published')
      .orderBy('calls.deadline', 'asc')
      .limit(500)
      .execute(),
  );
  const order = { open: 0, upcoming: 1, closed: 2, draft: 3 };
  return rows
    .map((r) => presentSummary(r, r.funderName, now))
    .filter((c) => !phase || c.phase === phase)
    .sort((a, b) => order[a.phase] - order[b.phase] || (a.phase === 'closed' ? (b.deadline ?? '').localeCompare(a.deadline ?? '') : 0));
}

/** A published call anyone may read, or null when there is none by that id. */
export function publishedCall(ctx: AppContext, id: string) {
  return system(ctx.db, async (tx) => {
    const row = await tx
      .selectFrom('calls')
      .innerJoin('funders', 'funders.id', 'calls.funder_id')
      .selectAll('calls')
      .select('funders.name as funderName')
      .where('calls.id', '=', id)
      .where('calls.status', '=', 'published')
      .executeTakeFirst();
    if (!row || phaseOf(row, new Date()) === 'draft') return null;
    return presentDetail(tx, row, row.funderName, new Date());
  });
}
