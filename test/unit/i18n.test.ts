// The web app's two catalogues say the same things: the same keys, the same placeholders, nothing empty.
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/messages.ts';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import sv from '../../src/web/i18n/sv.json' with { type: 'json' };

type Catalogue = { [key: string]: string | Catalogue };

function flatten(c: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('the Swedish and English catalogues', () => {
  const s = flatten(sv as Catalogue);
  const e = flatten(en as Catalogue);
  it('have the same keys', () => {
    expect([...s.keys()].filter((k) => !e.has(k))).toEqual([]);
    expect([...e.keys()].filter((k) => !s.has(k))).toEqual([]);
  });
  it('fill in the same placeholders', () => {
    const differing = [...s].filter(([k, text]) => e.has(k) && placeholders(text).join() !== placeholders(e.get(k) as string).join()).map(([k]) => k);
    expect(differing).toEqual([]);
  });
  it('leave nothing empty', () => {
    expect([...s, ...e].filter(([, text]) => !text.trim()).map(([k]) => k)).toEqual([]);
  });
});

describe('the server’s messages', () => {
  it('fill in the same placeholders in Swedish and English, and leave nothing empty', () => {
    const entries = Object.entries(messages as Record<string, { sv: string; en: string }>);
    expect(entries.length).toBeGreaterThan(100);
    expect(entries.filter(([, m]) => placeholders(m.sv).join() !== placeholders(m.en).join()).map(([k]) => k)).toEqual([]);
    expect(entries.filter(([, m]) => !m.sv.trim() || !m.en.trim()).map(([k]) => k)).toEqual([]);
  });
});

describe('the text keys the web app uses', () => {
  // A key missing from the catalogues is shown to people as the key itself (eligibility.boardRoleHint was).
  it('are all in the catalogues, written out or as the plural forms of a count', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const root = resolve(import.meta.dirname, '../../src/web');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const known = flatten(sv as Catalogue);
    const present = (key: string) => known.has(key) || known.has(`${key}_one`) || known.has(`${key}_other`);
    const used: string[] = [];
    const missing: string[] = [];
    for (const file of files(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g)) {
        used.push(m[1]);
        if (!present(m[1])) missing.push(`${file.slice(root.length + 1)}: ${m[1]}`);
      }
    }
    expect(used.length).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });
});
