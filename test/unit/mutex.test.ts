import { describe, expect, it } from 'vitest';
import { Mutex } from '../../src/db/pglite-dialect.ts';

describe('the PGlite transaction lock', () => {
  it('runs holders one at a time, in arrival order, even when one throws', async () => {
    const mutex = new Mutex();
    const events: string[] = [];
    let inside = 0;
    const work = (name: string, fail = false) =>
      mutex.run(async () => {
        inside += 1;
        expect(inside).toBe(1);
        events.push(`${name}+`);
        await new Promise((r) => setTimeout(r, 5));
        events.push(`${name}-`);
        inside -= 1;
        if (fail) throw new Error(name);
      });
    const results = await Promise.allSettled([work('a'), work('b', true), work('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(events).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });
});
