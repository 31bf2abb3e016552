// The web app reaches the server through its typed client (src/web/api/) and one data-access module per
// capability (src/web/<capability>/api.ts); a path written out in a component would bypass the types
// generated from the server's schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DATA_ACCESS = /^src\/web\/(api\/.*|[a-z][a-z-]*\/api\.ts)$/;
const API_PATH = /['"`]\/api\//;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );
}

describe('the web app’s API paths', () => {
  it('are written only in src/web/api/ and the capabilities’ data-access modules (src/web/<capability>/api.ts)', () => {
    const found = files('src/web')
      .filter((f) => !DATA_ACCESS.test(f))
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ f, i, line }))
          .filter(({ line }) => API_PATH.test(line))
          .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });

  it('are recognised when written out', () => {
    for (const line of ["get('/api/funders')", 'href={`/api/files/`}', 'fetch("/api/session")']) expect(API_PATH.test(line), line).toBe(true);
    expect(API_PATH.test('listFunders()')).toBe(false);
    expect(DATA_ACCESS.test('src/web/calls/api.ts')).toBe(true);
    expect(DATA_ACCESS.test('src/web/follow-up/api.ts')).toBe(true);
    expect(DATA_ACCESS.test('src/web/calls/designer/CallDesignerPage.tsx')).toBe(false);
  });
});
