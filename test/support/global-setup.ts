import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';

export const TEMPLATE_DB = 'samverka_template';

/** Migrates once into a template every test file clones: a PostgreSQL template database, or a PGlite dump. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${TEMPLATE_DB}`;
    const db = await openDatabase({ databaseUrl: target.href, poolSize: 1 });
    await migrate(db);
    await db.close();
    project.provide('engine', 'postgres');
    project.provide('template', TEMPLATE_DB);
  } else {
    const db = await openDatabase({});
    await migrate(db);
    const dump = await dumpOf(db);
    await db.close();
    const dir = join(process.cwd(), '.test-tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('engine', 'pglite');
    project.provide('template', file);
  }
}

async function dumpOf(db: Awaited<ReturnType<typeof openDatabase>>): Promise<Blob> {
  if (!db.dumpDataDir) throw new Error('this database cannot be dumped');
  return db.dumpDataDir();
}

declare module 'vitest' {
  export interface ProvidedContext {
    engine: 'pglite' | 'postgres';
    template: string;
  }
}
