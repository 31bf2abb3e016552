// The web app's API types are generated from the server's OpenAPI document and committed; a route
// schema changed without regenerating them would let the web compile against shapes the server no
// longer sends.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTypes, SCHEMA_FILE } from '../../scripts/api-types.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

describe('src/web/api/schema.d.ts', () => {
  it('is what the server’s OpenAPI document generates (run npm run api:types when it is not)', async () => {
    const document = (await new Client(t.app).get('/api/openapi.json')).body;
    const generated = await apiTypes(document);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === generated, 'src/web/api/schema.d.ts is out of date: run npm run api:types').toBe(true);
  });

  it('would be caught out of date', async () => {
    const document = (await new Client(t.app).get('/api/openapi.json')).body;
    const paths = { ...document.paths };
    delete paths['/api/session'];
    expect(await apiTypes({ ...document, paths })).not.toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
