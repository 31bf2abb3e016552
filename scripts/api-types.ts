// Writes src/web/api/schema.d.ts, the web app's request and response types, from the OpenAPI document
// the server builds out of its route schemas. `npm run api:types` after changing a route's schema;
// test/api/openapi-types.test.ts fails while the committed file is behind.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import openapiTS, { type OpenAPI3 } from 'openapi-typescript';
import { openDatabase } from '../src/db/connection.ts';
import { buildApp } from '../src/server/app.ts';
import { ORE_NOTE } from '../src/server/schemas.ts';

export const SCHEMA_FILE = resolve(import.meta.dirname, '../src/web/api/schema.d.ts');

const HEADER = `// Generated from the server's OpenAPI document (GET /api/openapi.json) by scripts/api-types.ts.
// Do not edit: change the route's schema in src/server and run \`npm run api:types\`.

`;

/** An amount's type in the web app, as in the server and the domain: whole öre, the branded Ore. */
const ORE_TYPE = 'import("../../domain/money.ts").Ore';

/** The TypeScript the web app's client is typed with, for an OpenAPI document. */
export async function apiTypes(document: unknown): Promise<string> {
  return openapiTS(document as OpenAPI3, {
    commentHeader: HEADER,
    silent: true,
    // Every amount's schema says it is öre (OreSchema's note), so every amount is typed Ore; one whose type
    // list allows null (a nullable amount the validator must not coerce) is Ore or null.
    transform: (schema) => {
      if (!(typeof schema.description === 'string' && schema.description.endsWith(ORE_NOTE))) return undefined;
      const type: unknown = (schema as { type?: unknown }).type;
      return Array.isArray(type) && type.includes('null') ? `${ORE_TYPE} | null` : ORE_TYPE;
    },
  });
}

async function main() {
  // The document depends only on the routes, so an empty in-memory database is enough to build it.
  const db = await openDatabase({});
  const app = await buildApp(
    {
      db,
      config: {
        port: 0,
        host: '127.0.0.1',
        dataDir: mkdtempSync(join(tmpdir(), 'samverka-api-types-')),
        mailFrom: 'Samverka <no-reply@samverka.localhost>',
        publicUrl: 'http://localhost',
        sessionSecret: randomBytes(32).toString('base64url'),
        sessionIdleMinutes: 120,
        production: false,
        logLevel: 'silent',
        webDir: resolve('dist/web'),
        localMailbox: true,
        mailboxFromAnywhere: false,
      },
    },
    { logger: false },
  );
  try {
    await app.ready();
    writeFileSync(SCHEMA_FILE, await apiTypes(app.swagger()));
    console.log(`wrote ${SCHEMA_FILE}`);
  } finally {
    await app.close();
    await db.close();
  }
}

if (import.meta.main) await main();
