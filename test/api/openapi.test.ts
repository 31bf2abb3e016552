import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORE_NOTE } from '../../src/server/schemas.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

describe('the HTTP API description', () => {
  it('is served at /api/openapi.json with a schema, summary and error responses on every route', async () => {
    const res = await new Client(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const operations = Object.entries(res.body.paths as Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>>).flatMap(
      ([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(18);
    for (const { route, op } of operations) {
      expect(op.summary, route).toBeTruthy();
      expect(Object.keys(op.responses ?? {}), route).toEqual(expect.arrayContaining([expect.stringMatching(/^(2\d\d|302)$/)]));
      if (route !== 'GET /healthz') expect(Object.keys(op.responses ?? {}), route).toContain('4XX');
    }
  });

  it('puts null first wherever a value may be null, so the type coercion cannot turn a null into 0 or ""', async () => {
    const spec = (await new Client(t.app).get('/api/openapi.json')).body;
    const misplaced: string[] = [];
    let nullable = 0;
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) {
        for (const [i, n] of node.entries()) walk(n, `${path}/${i}`);
      } else if (node && typeof node === 'object') {
        const anyOf = (node as { anyOf?: { type?: string }[] }).anyOf;
        const at = anyOf?.findIndex((s) => s.type === 'null') ?? -1;
        if (at >= 0) nullable++;
        if (at > 0) misplaced.push(path);
        for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
      }
    };
    walk(spec, '#');
    expect(nullable).toBeGreaterThan(50);
    expect(misplaced).toEqual([]);
  });

  it('describes every amount as öre with the Ore schema, never as a plain integer', async () => {
    const spec = (await new Client(t.app).get('/api/openapi.json')).body;
    const { amounts, plain, notInteger } = amountFields(spec);
    expect(amounts.length).toBeGreaterThan(40);
    expect(plain).toEqual([]);
    expect(notInteger).toEqual([]);
    // The walk tells the two apart.
    const sample = { properties: { amount: { type: 'integer' }, granted: { anyOf: [{ type: 'null' }, { type: 'integer', description: ORE_NOTE }] } } };
    expect(amountFields(sample)).toEqual({ amounts: ['#/granted'], plain: ['#/amount'], notInteger: [] });
  });

  it('serves browsable documentation at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

/** Property names that are money in the API's schemas (a `budget` object or array is not itself an amount). */
const AMOUNT_NAMES =
  /^(amount|amountRequested|ownContribution|otherFunding|minAmount|maxAmount|requested|granted|remaining|proposedUndecided|budget|total|leftover|committed|available|delegationLimit)$/;

/**
 * Every numeric property with an amount's name, sorted by whether it carries the Ore schema's note
 * (its description ends with ORE_NOTE); and every schema with the note that is not an integer.
 */
function amountFields(doc: unknown) {
  const amounts: string[] = [];
  const plain: string[] = [];
  const notInteger: string[] = [];
  const marked = (s: { description?: unknown }) => typeof s.description === 'string' && s.description.endsWith(ORE_NOTE);
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      for (const [i, n] of node.entries()) walk(n, `${path}/${i}`);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const schema = node as {
      type?: unknown;
      description?: unknown;
      properties?: Record<string, { type?: unknown; description?: unknown; anyOf?: { type?: unknown; description?: unknown }[] }>;
    };
    // An integer, or an integer or null as one type list (a nullable amount the validator must not coerce).
    const integer =
      schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer') && schema.type.every((x) => x === 'integer' || x === 'null'));
    if (marked(schema) && !integer) notInteger.push(path);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const value = property.anyOf?.find((s) => s.type !== 'null') ?? property;
      if (!AMOUNT_NAMES.test(name) || (value.type !== 'integer' && value.type !== 'number')) continue;
      (marked(value) ? amounts : plain).push(`${path}/${name}`);
    }
    for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
  };
  walk(doc, '#');
  return { amounts, plain, notInteger };
}
