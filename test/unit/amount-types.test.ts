// Money is integer öre typed as Ore (src/domain/money.ts), so a sum of kronor and öre, or a count
// passed as an amount, does not compile. An amount declared as a plain number again would let that
// back in; this scan finds such declarations in the domain, the documents and the server.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DIRS = ['src/domain', 'src/documents', 'src/server'];

/** Names that say a value is money, as the domain and the routes use them. */
const AMOUNT_NAME =
  /\b\w*(amount|Amount|requested|Requested|granted|Granted|remaining|Remaining|budget|Budget|total|Total|leftover|Leftover|committed|Committed|available|Available|contribution|Contribution|funding|Funding|delegationLimit|delegation_limit|proposedUndecided)\??\s*:\s*(readonly\s+)?number\b/;

/** Declarations still allowed, as "file: line text" → why. */
const ALLOWED = new Map<string, string>([
  [
    "src/domain/optimizer/rows.ts: | { kind: 'bounds'; applicationId: string; amount: number }",
    'a violation reports the value that broke the bounds, which need not be whole öre',
  ],
  ["src/domain/optimizer/rows.ts: | { kind: 'budget'; total: number; budget: Ore }", 'the total of a broken allocation, whose values need not be whole öre'],
]);

function sources(dir: string, into: [string, string][] = []): [string, string][] {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) sources(path, into);
    else if (/\.tsx?$/.test(entry.name)) into.push([path, readFileSync(join(ROOT, path), 'utf8')]);
  }
  return into;
}

function plainAmounts(file: string, source: string): string[] {
  return source
    .split('\n')
    .filter((line) => AMOUNT_NAME.test(line))
    .map((line) => `${file}: ${line.trim()}`);
}

describe('amounts in the source', () => {
  const files = DIRS.flatMap((dir) => sources(dir));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(files.flatMap(([, s]) => s.match(/\bOre\b/g) ?? []).length).toBeGreaterThan(100);
  });

  it('are typed Ore, never a plain number', () => {
    const found = files.flatMap(([file, source]) => plainAmounts(file, source)).filter((d) => !ALLOWED.has(d));
    expect(found).toEqual([]);
  });

  it('the scan sees a plain number', () => {
    const sample = 'amount: number;\n  amountRequested?: number;\nfunction f(total: number, n: number) {}\nownContribution: Ore;\ncount: number;';
    expect(plainAmounts('x.ts', sample)).toEqual(['x.ts: amount: number;', 'x.ts: amountRequested?: number;', 'x.ts: function f(total: number, n: number) {}']);
  });

  it('allows only declarations that are still there', () => {
    const all = new Set(files.flatMap(([file, source]) => plainAmounts(file, source)));
    expect([...ALLOWED.keys()].filter((d) => !all.has(d))).toEqual([]);
  });
});
