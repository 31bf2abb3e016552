import { system } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import type { SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';

/** Finds which funder owns a call, then checks the user may act for that funder. */
export async function callFunder(ctx: AppContext, user: SignedInUser, callId: string, may: (u: SignedInUser, funderId: string) => boolean) {
  const row = await system(ctx.db, (tx) =>
    tx
      .selectFrom('calls')
      .innerJoin('funders', 'funders.id', 'calls.funder_id')
      .select(['calls.funder_id', 'funders.name'])
      .where('calls.id', '=', callId)
      .executeTakeFirst(),
  );
  if (!row || !policy.readFunder(user, row.funder_id)) throw new Problem(404, 'not_found');
  if (!may(user, row.funder_id)) throw new Problem(403, 'forbidden');
  return { funderId: row.funder_id, funderName: row.name };
}
