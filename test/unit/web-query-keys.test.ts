// The web app's query keys live in one place (src/web/queryKeys.ts), so a change can invalidate
// everything that shows it; a key written out anywhere else could silently miss it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const LITERAL_KEY = /(?:queryKey:\s*\[|setQueryData(?:<[^>]*>)?\(\s*\[|getQueryData(?:<[^>]*>)?\(\s*\[)/;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(`${dir}/${e.name}`) : /\.tsx?$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );
}

describe('the web app’s query keys', () => {
  it('are written only in src/web/queryKeys.ts', () => {
    const found = files('src/web')
      .filter((f) => f !== 'src/web/queryKeys.ts')
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ f, i, line }))
          .filter(({ line }) => LITERAL_KEY.test(line))
          .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });

  it('are recognised when written out', () => {
    for (const line of ["useQuery({ queryKey: ['call', id] })", "client.setQueryData(['call', id], x)", "client.setQueryData<X>(['a'], x)"])
      expect(LITERAL_KEY.test(line), line).toBe(true);
    expect(LITERAL_KEY.test('useQuery({ queryKey: keys.call(id) })')).toBe(false);
  });
});
