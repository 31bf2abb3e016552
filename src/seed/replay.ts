// The demo's history is replayed through the same commands the API runs, each at the moment it
// happened, as the person who acted: the commands' rules, guards and audit entries hold for it too.
import { system } from '../db/scope.ts';
import type { CommandOptions } from '../server/command.ts';
import type { AppContext } from '../server/context.ts';
import { principalFor, type SignedInUser } from '../server/plugins/session.ts';
import type { SeedIds } from './calls.ts';
import { DEMO_REASON } from './reason.ts';

export interface Demo {
  ctx: AppContext;
  ids: SeedIds;
  /** A demo account as signed in, with its funder roles and organisations as they now stand. */
  user(email: string): Promise<SignedInUser>;
}

export function demoOf(ctx: AppContext, ids: SeedIds): Demo {
  return {
    ctx,
    ids,
    async user(email) {
      const row = await system(ctx.db, (tx) =>
        tx.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('email', '=', email).executeTakeFirstOrThrow(),
      );
      return principalFor(ctx.db.kysely, row, 'demo-seed');
    },
  };
}

/** A command's options for a demo action that happened at `at`. */
export const replayAt = (at: Date): CommandOptions => ({ now: at, replay: { reason: DEMO_REASON } });
