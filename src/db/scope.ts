import { sql } from 'kysely';
import type { Database, Tx } from './connection.ts';

/** Who a transaction acts for; row-level security reads these settings. */
export interface Scope {
  userId?: string | null;
  funderId?: string | null;
  organisationIds?: readonly string[];
}

/**
 * A transaction under the application role, so PostgreSQL's row-level
 * security holds even if a query forgets its funder filter.
 */
export function scoped<T>(db: Database, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (tx) => {
    // One round trip: the settings row-level security reads, and the role (set_config('role', …, true) is SET LOCAL ROLE).
    await sql`select set_config('app.user_id', ${scope.userId ?? ''}, true),
                     set_config('app.funder_id', ${scope.funderId ?? ''}, true),
                     set_config('app.organisation_ids', ${(scope.organisationIds ?? []).join(',')}, true),
                     set_config('role', 'samverka_app', true)`.execute(tx);
    return fn(tx);
  });
}

/**
 * A transaction as the schema owner, outside any tenant: sign-in look-ups,
 * public listings across funders, background jobs and the demo seed.
 */
export function system<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(fn);
}
