import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Db as IDatabase } from 'pg-boss';
import { Mutex, PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Tx = Transaction<DB>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly engine: Engine;
  readonly kysely: Kysely<DB>;
  /** An adapter for pg-boss that goes through the same lock as our own transactions. */
  readonly boss: IDatabase;
  /** Answers whether the database takes a query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, to clone a migrated database quickly. */
  dumpDataDir?: () => Promise<Blob>;
}

/** A created and migrated embedded database, made at install time; a new data directory starts from it. */
export const PGLITE_TEMPLATE = resolve(import.meta.dirname, '../../dist/pglite-template.tar');

const INT8 = 20;
/** Calendar dates stay YYYY-MM-DD strings: a Date would shift them by the server's time zone. */
const DATE = 1082;
const asText = (value: string) => value;

/** bigint columns hold öre and sequence numbers: always within Number's safe range. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer out of safe range: ${value}`);
  return n;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; undefined means in memory. */
  dataDir?: string;
  /** A PGlite data directory dump to start from (tests clone a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options);
}

/** Named statements one connection keeps at most: texts that vary (an IN list's length) must not grow it without bound. */
export const MAX_PREPARED = 500;

/**
 * The name to prepare a parameterised statement under on a connection that has prepared `prepared`
 * (which it records), or null to run it unnamed because the connection is full.
 */
export function statementName(prepared: Set<string>, text: string, max = MAX_PREPARED): string | null {
  const name = `s${createHash('sha1').update(text).digest('hex').slice(0, 30)}`;
  if (prepared.has(name)) return name;
  if (prepared.size >= max) return null;
  prepared.add(name);
  return name;
}

/**
 * A client that prepares each parameterised statement once per connection (named after a hash of
 * its text) and then only binds and executes it: PostgreSQL parses and plans the application's
 * statements, row-level security included, once per connection instead of on every call.
 */
class PreparingClient extends pg.Client {
  readonly #prepared = new Set<string>();
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementName(this.#prepared, config);
      if (name) return super.query({ name, text: config, values }, callback);
    }
    return super.query(config, values, callback);
  }
}

function openPostgres(url: string, max: number): Database {
  const types = {
    getTypeParser: (oid: number, format?: string) => (oid === INT8 ? parseInt8 : oid === DATE ? asText : pg.types.getTypeParser(oid, format as 'text')),
  };
  const pool = new pg.Pool({ connectionString: url, max, types, Client: PreparingClient });
  // An idle connection the server ends (a restart, a failover) must not take the process down;
  // the pool replaces it on next use.
  pool.on('error', (error) => console.error('database connection lost:', error.message));
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    kysely,
    boss: {
      executeSql: async (text: string, values?: unknown[]) => pool.query(text, values),
    },
    ping: async () => {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => kysely.destroy(),
  };
}

async function openPGlite(options: OpenOptions): Promise<Database> {
  let loadDataDir = options.loadDataDir;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
    if (fresh && !loadDataDir && existsSync(PGLITE_TEMPLATE)) loadDataDir = new Blob([readFileSync(PGLITE_TEMPLATE)]);
  }
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir,
    parsers: { [INT8]: parseInt8, [DATE]: asText },
  });
  const mutex = new Mutex();
  const kysely = new Kysely<DB>({ dialect: new PGliteDialect(client, mutex) });
  return {
    engine: 'pglite',
    kysely,
    boss: {
      executeSql: (text: string, values?: unknown[]) =>
        mutex.run(async () => {
          if (values?.length) return client.query(text, values);
          // exec returns one result per statement; pg-boss reads all of a multi-statement query's.
          const results = await client.exec(text);
          return (results.length === 1 ? results[0] : results) as unknown as { rows: unknown[] };
        }),
    },
    ping: async () => {
      try {
        await kysely.executeQuery(CompiledQuery.raw('select 1'));
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await kysely.destroy();
      await mutex.run(() => client.close());
    },
    dumpDataDir: () => mutex.run(() => client.dumpDataDir('none')),
  };
}
