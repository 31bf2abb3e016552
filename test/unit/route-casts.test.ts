// Route handlers get the types of their params, query string and body from the route's schema
// through the TypeBox type provider. A hand cast (`request.body as {...}`) can drift from the schema
// that validates the request, so route modules have none.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** A route module registers routes on the app. */
const registersRoutes = (source: string) => /\bapp\.(get|post|put|patch|delete)\(/.test(source);

const CAST = /\brequest\.(params|body|query)\s+as\b/g;

/**
 * Casts still allowed, as "file: line text" → why. None: a shared schema is referenced with RefTo
 * (src/server/schemas.ts), which gives the handler its type.
 */
const ALLOWED = new Map<string, string>();

/** src/server/app.ts assembles the modules and registers only hidden routes without params, query or body. */
const WITHOUT_PROVIDER = new Set(['src/server/app.ts']);

function routeModules(dir = 'src/server', into = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) routeModules(path, into);
    else if (entry.name.endsWith('.ts')) {
      const source = readFileSync(join(ROOT, path), 'utf8');
      if (registersRoutes(source)) into.set(path, source);
    }
  }
  return into;
}

function casts(file: string, source: string): string[] {
  return source
    .split('\n')
    .filter((line) => line.match(CAST))
    .map((line) => `${file}: ${line.trim()}`);
}

describe('route modules', () => {
  const modules = routeModules();

  it('are found', () => {
    expect(modules.size).toBeGreaterThan(15);
  });

  it('cast no request params, query or body by hand', () => {
    const found = [...modules].flatMap(([file, source]) => casts(file, source)).filter((c) => !ALLOWED.has(c));
    expect(found).toEqual([]);
  });

  it('type their routes with the TypeBox provider', () => {
    const without = [...modules.keys()].filter(
      (file) => !WITHOUT_PROVIDER.has(file) && !modules.get(file)?.includes('withTypeProvider<TypeBoxTypeProvider>()'),
    );
    expect(without).toEqual([]);
  });

  it('the check sees a cast', () => {
    expect(casts('x.ts', 'const { id } = request.params as { id: string };\nconst b = (request.body as X).y;')).toHaveLength(2);
  });
});
