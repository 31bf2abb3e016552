import { describe, expect, it } from 'vitest';
import { MAX_PREPARED, statementName } from '../../src/db/connection.ts';

describe('prepared statements per connection', () => {
  it('names a text the same every time, and different texts differently', () => {
    const prepared = new Set<string>();
    const a = statementName(prepared, 'select * from calls where id = $1');
    expect(statementName(prepared, 'select * from calls where id = $1')).toBe(a);
    expect(statementName(prepared, 'select * from calls where id in ($1, $2)')).not.toBe(a);
    expect(prepared.size).toBe(2);
  });

  it('stops preparing new texts when the connection holds the most it may, but keeps using those it has', () => {
    const prepared = new Set<string>();
    const list = (n: number) => `select * from applications where id in (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')})`;
    const names = Array.from({ length: MAX_PREPARED + 100 }, (_, i) => statementName(prepared, list(i + 1)));
    expect(prepared.size).toBe(MAX_PREPARED);
    expect(names.filter((n) => n === null)).toHaveLength(100);
    expect(statementName(prepared, list(1))).toBe(names[0]);
    expect(statementName(prepared, list(MAX_PREPARED + 1))).toBeNull();
  });
});
