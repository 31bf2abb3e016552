import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedIfEmpty } from '../../src/seed/demo.ts';

export const TEMPLATE_DB = 'samverka_template';
export const DEMO_TEMPLATE_DB = 'samverka_template_demo';

/**
 * Migrates once into a template every test file clones (a PostgreSQL template database, or a PGlite
 * dump), and loads the demo once into a second template for the files that start from the demo: the
 * demo replays its history through the commands, which takes seconds, so it is not done per file.
 */
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
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    await again.query(`drop database if exists ${DEMO_TEMPLATE_DB} with (force)`);
    await again.query(`create database ${DEMO_TEMPLATE_DB} template ${TEMPLATE_DB}`);
    await again.end();
    target.pathname = `/${DEMO_TEMPLATE_DB}`;
    const demo = await openDatabase({ databaseUrl: target.href, poolSize: 1 });
    await seedIfEmpty(demo);
    await demo.close();
    project.provide('engine', 'postgres');
    project.provide('template', TEMPLATE_DB);
    project.provide('demoTemplate', DEMO_TEMPLATE_DB);
  } else {
    const db = await openDatabase({});
    await migrate(db);
    const dir = join(process.cwd(), '.test-tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'template.tar');
    writeFileSync(file, Buffer.from(await (await dumpOf(db)).arrayBuffer()));
    await seedIfEmpty(db);
    const demoFile = join(dir, 'template-demo.tar');
    writeFileSync(demoFile, Buffer.from(await (await dumpOf(db)).arrayBuffer()));
    await db.close();
    project.provide('engine', 'pglite');
    project.provide('template', file);
    project.provide('demoTemplate', demoFile);
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
    /** The same, with the demo loaded. */
    demoTemplate: string;
  }
}
