// Builds dist/pglite-template.tar at install time: an embedded database already created and migrated,
// so the first `npm start` loads it instead of creating a cluster from nothing (PGlite's initdb is the
// slowest part of a first start).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase, PGLITE_TEMPLATE } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';

const db = await openDatabase({});
await migrate(db);
const dump = await db.dumpDataDir?.();
await db.close();
if (dump) {
  mkdirSync(dirname(PGLITE_TEMPLATE), { recursive: true });
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
}
