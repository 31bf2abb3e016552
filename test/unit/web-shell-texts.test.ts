import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELL_TEXTS } from '../../src/web/i18n/shell-texts.ts';

// The first page gets only the shell's texts; the rest come with the first page loaded on demand.
// So every text key the first page's code uses must be among the shell's texts, or it shows the key.
// The first page's code is what src/web/main.tsx imports statically, directly or through others;
// what it imports with import() comes later, with its own texts.

const root = resolve(import.meta.dirname, '../../src/web');

function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*import\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm)) {
    const target = resolve(dirname(file), m[1]);
    const candidates = [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts')];
    const hit = candidates.find((c) => existsSync(c) && /\.tsx?$/.test(c));
    if (hit) found.push(hit);
  }
  return found;
}

function firstPageModules(): string[] {
  const seen = new Set<string>();
  const queue = [join(root, 'main.tsx')];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file) || !file.startsWith(root)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return [...seen];
}

const covered = (key: string) => SHELL_TEXTS.some((entry) => key === entry || key.startsWith(`${entry}.`));

describe('the first page’s texts', () => {
  it('cover every text key the code of the first page uses', () => {
    const modules = firstPageModules();
    expect(modules.some((m) => m.endsWith('App.tsx'))).toBe(true);
    const missing: string[] = [];
    let keys = 0;
    for (const file of modules) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        keys++;
        if (!covered(m[1])) missing.push(`${file.slice(root.length + 1)}: ${m[1]}`);
      }
    }
    expect(keys).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
