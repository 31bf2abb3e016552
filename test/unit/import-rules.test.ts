// The layers' import rules (docs/architecture.md), checked on the source as it is: the domain does no
// I/O, the web app imports no server code, the jobs do not import the HTTP layer, the database layer
// imports neither the HTTP layer nor the demo seed above it, and no route module imports another.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** What the pure domain may import from outside itself: computation only, no I/O. */
// saxes parses the bank's XML answers and iconv-lite encodes SIE's code page 437: both compute on bytes in memory.
const DOMAIN_PACKAGES = new Set(['@date-fns/tz', 'date-fns', 'organisationsnummer', 'highs', 'node:crypto', 'saxes', 'iconv-lite']);
/** Where the web app's code may come from: itself, and the pure rules and messages it shares with the server. */
const WEB_MAY_IMPORT = ['src/web/', 'src/domain/', 'src/i18n/'];

/** Who may load the demo seed: it sits above the server, whose commands it replays. */
const SEED_IMPORTERS = ['src/seed/', 'src/cli/', 'src/main.ts'];

type Sources = Map<string, string>;

const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

/** A route module registers routes on the app; src/server/app.ts, which assembles them all, is not one. */
const registersRoutes = (source: string) => /\bapp\.(get|post|put|patch|delete)\(/.test(source);
const APP = 'src/server/app.ts';

/** Every import that breaks a rule, as "file → import: why". Paths are relative to the repository, with '/'. */
function violations(files: Sources): string[] {
  const found: string[] = [];
  for (const [file, source] of files) {
    for (const spec of importsOf(source)) {
      const local = spec.startsWith('.');
      const target = local
        ? relative(ROOT, resolve(ROOT, dirname(file), spec))
            .split('\\')
            .join('/')
        : null;
      const why = (reason: string) => found.push(`${file} → ${spec}: ${reason}`);
      if (file.startsWith('src/domain/')) {
        if (target && !target.startsWith('src/domain/')) why('the domain imports only the domain');
        if (!target && !DOMAIN_PACKAGES.has(spec)) why('the domain does no I/O (allowed packages: computation only)');
      }
      if (file.startsWith('src/web/') && target && !WEB_MAY_IMPORT.some((p) => target.startsWith(p))) {
        why('the web app imports no server, database, job or document code');
      }
      if (file.startsWith('src/jobs/') && target?.startsWith('src/server/')) why('the jobs do not import the HTTP layer');
      if (file.startsWith('src/db/') && (target?.startsWith('src/server/') || target?.startsWith('src/seed/'))) {
        why('the database layer imports neither the HTTP layer nor the seed');
      }
      if (target?.startsWith('src/seed/') && !SEED_IMPORTERS.some((p) => file.startsWith(p))) why('only the entry points load the demo seed');
      if (file.startsWith('src/server/') && file !== APP && target && target !== file && registersRoutes(source)) {
        const other = files.get(target);
        if (other !== undefined && registersRoutes(other)) why('a route module imports no other route module');
      }
    }
    // A route module's only export is its registration, so nothing else can come to depend on it.
    if (file.startsWith('src/server/') && file !== APP && registersRoutes(source)) {
      for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function|const|let|class|type|interface)\s+(\w+)/gm)) {
        if (!(m[1] as string).endsWith('Routes')) found.push(`${file} exports ${m[1]}: a route module exports only its registration`);
      }
    }
  }
  return found;
}

function sources(dir: string, into: Sources = new Map()): Sources {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) sources(path, into);
    else if (/\.tsx?$/.test(entry.name)) into.set(path, readFileSync(join(ROOT, path), 'utf8'));
  }
  return into;
}

describe('the import rules', () => {
  it('hold for the source', () => {
    expect(violations(sources('src'))).toEqual([]);
  });

  it('catch each kind of break', () => {
    const route = (imports: string) => `${imports}\nexport function xRoutes(app) { app.get('/api/x', {}, async () => ({})); }`;
    const broken: Sources = new Map([
      ['src/domain/a.ts', "import { readFileSync } from 'node:fs';\nimport { x } from '../db/connection.ts';"],
      ['src/domain/b.ts', "import pg from 'pg';"],
      ['src/web/page.tsx', "import { audit } from '../db/audit.ts';\nimport { Problem } from '../server/problem.ts';"],
      ['src/jobs/run.ts', "import type { JobQueue } from '../server/context.ts';"],
      ['src/server/a/routes.ts', route("import { helper } from '../b/routes.ts';")],
      ['src/server/b/routes.ts', route("import { store } from './store.ts';\nexport const helper = 1;")],
      ['src/server/b/store.ts', 'export const store = 1;'],
      ['src/db/seed.ts', "import { createCall } from '../server/calls/create-call.ts';"],
      ['src/server/calls/demo.ts', "import { seedIfEmpty } from '../../seed/demo.ts';"],
      ['src/seed/calls.ts', "import { createCall } from '../server/calls/create-call.ts';"],
      ['src/cli/seed.ts', "import { seedIfEmpty } from '../seed/demo.ts';"],
      ['src/web/ok.tsx', "import { kr } from './format.ts';\nimport { LEGAL_FORMS } from '../domain/organisation.ts';"],
    ]);
    expect(violations(broken)).toEqual([
      'src/domain/a.ts → node:fs: the domain does no I/O (allowed packages: computation only)',
      'src/domain/a.ts → ../db/connection.ts: the domain imports only the domain',
      'src/domain/b.ts → pg: the domain does no I/O (allowed packages: computation only)',
      'src/web/page.tsx → ../db/audit.ts: the web app imports no server, database, job or document code',
      'src/web/page.tsx → ../server/problem.ts: the web app imports no server, database, job or document code',
      'src/jobs/run.ts → ../server/context.ts: the jobs do not import the HTTP layer',
      'src/server/a/routes.ts → ../b/routes.ts: a route module imports no other route module',
      'src/server/b/routes.ts exports helper: a route module exports only its registration',
      'src/db/seed.ts → ../server/calls/create-call.ts: the database layer imports neither the HTTP layer nor the seed',
      'src/server/calls/demo.ts → ../../seed/demo.ts: only the entry points load the demo seed',
    ]);
  });
});
