// Every action the server writes to the audit trail has a name in the history, in Swedish and English.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/web/i18n/en.json' with { type: 'json' };
import sv from '../../src/web/i18n/sv.json' with { type: 'json' };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The literal actions in `action: …` of the server's and the seed's audit calls, ternaries included. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of [...sources('src/server'), ...sources('src/db')]) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const at = line.indexOf('action: ');
      if (at < 0) continue;
      for (const m of line.slice(at).matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1] as string);
    }
  }
  return [...found].sort();
}

const label = (catalogue: unknown, action: string) => {
  const [object, verb] = action.split('.') as [string, string];
  return (catalogue as { audit: { actions: Record<string, Record<string, string>> } }).audit.actions[object]?.[verb];
};

describe('audit action names', () => {
  const actions = writtenActions();
  it('finds the actions the code writes', () => {
    expect(actions).toContain('application.submitted');
    expect(actions).toContain('review.conflict_declared');
    expect(actions.length).toBeGreaterThan(30);
  });
  it('names every one in Swedish and English', () => {
    expect(actions.filter((a) => !label(sv, a))).toEqual([]);
    expect(actions.filter((a) => !label(en, a))).toEqual([]);
  });
});
