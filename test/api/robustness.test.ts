// A user's mistake is never a server error: every route of the API description, called by each kind
// of user with ids that do not exist or are not ids, with bodies of the wrong shape, wrong types or
// nulls, and with query values that make no sense, answers below 500.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; $ref?: string; anyOf?: Schema[]; items?: Schema };
interface Operation {
  method: string;
  path: string;
  body: Schema | null;
  query: string[];
}

let t: TestApp;
let operations: Operation[];
let components: Record<string, Schema>;
/** Ids that exist, so that calls get past "not found" into the checks of what was sent. */
let real: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const spec = (await new Client(t.app).get('/api/openapi.json')).body;
  components = spec.components?.schemas ?? {};
  operations = Object.entries(spec.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
      query: (op.parameters ?? []).filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name),
    })),
  );
  const db = t.db.kysely;
  const application = await db
    .selectFrom('applications')
    .select(['id', 'call_id', 'funder_id', 'organisation_id'])
    .where('case_number', '=', 'SN 2022/00001')
    .executeTakeFirstOrThrow();
  const decision = await db.selectFrom('decisions').select('id').where('application_id', '=', application.id).executeTakeFirstOrThrow();
  const completion = await db.selectFrom('completion_requests').select('id').executeTakeFirstOrThrow();
  real = {
    applications: application.id,
    calls: application.call_id,
    funders: application.funder_id,
    organisations: application.organisation_id,
    decisions: decision.id,
    'completion-requests': completion.id,
  };
});
afterAll(() => t.close());

const resolve = (s: Schema): Schema => (s.$ref ? (components[s.$ref.split('/').at(-1) as string] ?? {}) : s);

/** A value of another type than the schema asks for. */
function wrong(s: Schema): unknown {
  const r = resolve(s);
  const type = Array.isArray(r.type) ? r.type[0] : (r.type ?? resolve(r.anyOf?.find((x) => resolve(x).type !== 'null') ?? {}).type);
  switch (type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'tolv';
    case 'boolean':
      return 'ja';
    case 'array':
      return { not: 'a list' };
    default:
      return ['not', 'an', 'object'];
  }
}

function bodies(schema: Schema | null): unknown[] {
  const variants: unknown[] = [undefined, {}, '{"not json', [], 'text'];
  const props = schema ? (resolve(schema).properties ?? {}) : {};
  const keys = Object.keys(props);
  if (keys.length) {
    variants.push(Object.fromEntries(keys.map((k) => [k, wrong(props[k] as Schema)])));
    variants.push(Object.fromEntries(keys.map((k) => [k, null])));
    variants.push(Object.fromEntries(keys.map((k) => [k, 'x'.repeat(100_000)])));
    variants.push(Object.fromEntries(keys.map((k) => [k, -1])));
  }
  return variants;
}

/** The path with each parameter an existing id (when there is one for it), an unknown id, or not an id. */
function paths(path: string): string[] {
  const owner = (i: number) => path.split('/')[i - 1] ?? '';
  const parts = path.split('/');
  const withAll = (value: (owner: string) => string) => parts.map((p, i) => (p.startsWith('{') ? value(owner(i)) : p)).join('/');
  if (!parts.some((p) => p.startsWith('{'))) return [path];
  return [withAll((o) => real[o] ?? randomUUID()), withAll(() => randomUUID()), withAll(() => 'inte-ett-id'), withAll(() => '%00')];
}

const query = (names: string[]) => (names.length ? `?${names.map((n) => `${n}=${encodeURIComponent('<>\'"; drop table')}`).join('&')}` : '');

async function sweep(client: Client, skip: (op: Operation) => boolean) {
  const failures: string[] = [];
  let calls = 0;
  for (const op of operations) {
    if (skip(op)) continue;
    for (const url of paths(op.path)) {
      for (const body of op.method === 'GET' ? [undefined] : bodies(op.body)) {
        for (const q of op.method === 'GET' ? ['', query(op.query)] : ['']) {
          const res = await client.request(op.method, `${url}${q}`, body);
          calls++;
          if (res.status >= 500)
            failures.push(`${op.method} ${url}${q} ${JSON.stringify(body)?.slice(0, 80)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        }
      }
    }
  }
  return { failures, calls };
}

// Signing out would end the session the sweep goes on with; it is tested on its own elsewhere.
const endsSession = (op: Operation) => /logout|sign-?out/.test(op.path);

describe('bad input from each kind of user', () => {
  for (const who of [null, 'forening@nattvandrarna.example', 'handlaggare@norrkoping.example', 'bedomare@norrkoping.example', 'admin@norrkoping.example']) {
    it(`never answers with a server error (${who ?? 'signed out'})`, { timeout: 120_000 }, async () => {
      const client = new Client(t.app);
      if (who) await client.login(who);
      else await client.open();
      const { failures, calls } = await sweep(client, (op) => Boolean(who) && endsSession(op));
      expect(calls).toBeGreaterThan(500);
      expect(failures).toEqual([]);
    });
  }
});
