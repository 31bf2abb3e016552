import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connection.ts';

export const engine = () => inject('engine');

/**
 * A fresh, migrated database for one test file: a clone of the template
 * database on PostgreSQL, or a PGlite loaded from the template dump; with `demo`, the template
 * with the demo loaded.
 */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<Database> {
  const template = options.demo ? inject('demoTemplate') : inject('template');
  if (inject('engine') === 'pglite') {
    return openDatabase({ loadDataDir: new Blob([readFileSync(template)]) });
  }
  const url = process.env.DATABASE_URL as string;
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(url, `create database ${name} template ${template}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: target.href, poolSize: 20 });
  return {
    ...db,
    close: async () => {
      await db.close();
      // Forcing the drop while the pool's sockets are still closing makes them fail loudly: wait for them.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        for (let i = 0; i < 100; i++) {
          const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
