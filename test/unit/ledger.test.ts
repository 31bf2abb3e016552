import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  type Balances,
  balancesOf,
  EMPTY_BALANCES,
  LEDGER_ACCOUNTS,
  type LedgerEvent,
  type LedgerLine,
  post,
  summary,
} from '../../src/domain/ledger.ts';
import { type Ore, ore } from '../../src/domain/money.ts';

const kr = (n: number): Ore => ore(n * 100);

/** Posts events in turn, failing on a refusal; the journal and balances after. */
function run(events: [LedgerEvent, boolean][]): { journal: LedgerLine[]; balances: Balances } {
  const journal: LedgerLine[] = [];
  let balances = EMPTY_BALANCES;
  for (const [event, signed] of events) {
    const r = post(balances, event, signed);
    if ('refused' in r) throw new Error(`${event.kind} refused: ${r.refused.code}`);
    journal.push(...r.lines);
    balances = apply(balances, r.lines);
  }
  return { journal, balances };
}

describe('posting', () => {
  it('moves a grant from the budget to granted, and to committed once signed', () => {
    expect(post(EMPTY_BALANCES, { kind: 'grant', amount: kr(100_000) }, false)).toEqual({
      lines: [
        { account: 'budget', amount: -10_000_000 },
        { account: 'granted', amount: 10_000_000 },
      ],
    });
    expect(post(EMPTY_BALANCES, { kind: 'grant', amount: kr(100_000) }, true)).toEqual({
      lines: [
        { account: 'budget', amount: -10_000_000 },
        { account: 'committed', amount: 10_000_000 },
      ],
    });
  });

  it('follows a grant from decision to repayment', () => {
    const { journal, balances } = run([
      [{ kind: 'grant', amount: kr(100_000) }, false],
      [{ kind: 'reduce_grant', amount: kr(20_000) }, false],
      [{ kind: 'sign', amount: kr(80_000) }, false],
      [{ kind: 'grant', amount: kr(5_000) }, true],
      [{ kind: 'pay', amount: kr(40_000) }, true],
      [{ kind: 'payment_rejected', amount: kr(10_000) }, true],
      [{ kind: 'pay', amount: kr(10_000) }, true],
      [{ kind: 'claim', amount: kr(5_000) }, true],
      [{ kind: 'repay', amount: kr(2_000) }, true],
    ]);
    expect(balances).toEqual({ budget: -8_500_000, granted: 0, committed: 4_500_000, paid: 3_500_000, receivable: 300_000, recovered: 200_000 });
    expect(balancesOf(journal)).toEqual(balances);
    expect(summary(balances)).toEqual({ granted: 8_500_000, committed: 4_500_000, paid: 4_000_000, recovered: 200_000, owed: 300_000, remaining: 4_500_000 });
  });

  it('shows an empty ledger as zeros, not minus zeros', () => {
    const s = summary(EMPTY_BALANCES);
    for (const v of Object.values(s)) expect(Object.is(v, 0)).toBe(true);
    expect(balancesOf([])).toEqual(EMPTY_BALANCES);
  });
});

describe('refusals say how much is left', () => {
  const signedWith = run([
    [{ kind: 'grant', amount: kr(100_000) }, false],
    [{ kind: 'sign', amount: kr(100_000) }, false],
    [{ kind: 'pay', amount: kr(60_000) }, true],
    [{ kind: 'claim', amount: kr(10_000) }, true],
  ]).balances;
  // committed 40 000 kr, paid 50 000 kr, receivable 10 000 kr.

  it('pays no more than is committed', () => {
    expect(post(signedWith, { kind: 'pay', amount: kr(40_001) }, true)).toEqual({ refused: { code: 'exceeds_granted', left: kr(40_000) } });
    expect(post(signedWith, { kind: 'pay', amount: kr(40_000) }, true)).toHaveProperty('lines');
  });

  it('claims no more than is paid out', () => {
    expect(post(signedWith, { kind: 'claim', amount: ore(kr(50_000) + 1) }, true)).toEqual({ refused: { code: 'exceeds_paid', left: kr(50_000) } });
    expect(post(signedWith, { kind: 'claim', amount: kr(50_000) }, true)).toHaveProperty('lines');
  });

  it('takes back no more rejected payments than is paid out', () => {
    expect(post(signedWith, { kind: 'payment_rejected', amount: kr(50_001) }, true)).toEqual({ refused: { code: 'exceeds_paid', left: kr(50_000) } });
  });

  it('takes repayment of no more than is owed', () => {
    expect(post(signedWith, { kind: 'repay', amount: ore(kr(10_000) + 1) }, true)).toEqual({ refused: { code: 'exceeds_owed', left: kr(10_000) } });
    expect(post(signedWith, { kind: 'repay', amount: kr(10_000) }, true)).toHaveProperty('lines');
  });

  it('grants no less than is paid out', () => {
    expect(post(signedWith, { kind: 'reduce_grant', amount: ore(kr(40_000) + 1) }, true)).toEqual({ refused: { code: 'below_paid', left: kr(40_000) } });
    const unsigned = run([[{ kind: 'grant', amount: kr(30_000) }, false]]).balances;
    expect(post(unsigned, { kind: 'reduce_grant', amount: kr(30_001) }, false)).toEqual({ refused: { code: 'below_paid', left: kr(30_000) } });
    expect(post(unsigned, { kind: 'reduce_grant', amount: kr(30_000) }, false)).toHaveProperty('lines');
  });

  it('signs for no more than is granted', () => {
    const unsigned = run([[{ kind: 'grant', amount: kr(30_000) }, false]]).balances;
    expect(post(unsigned, { kind: 'sign', amount: kr(30_001) }, false)).toEqual({ refused: { code: 'exceeds_granted', left: kr(30_000) } });
    expect(post(unsigned, { kind: 'sign', amount: kr(25_000) }, false)).toEqual({
      lines: [
        { account: 'granted', amount: -kr(25_000) },
        { account: 'committed', amount: kr(25_000) },
      ],
    });
  });

  it('takes only positive whole öre', () => {
    for (const amount of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      for (const kind of ['grant', 'reduce_grant', 'sign', 'pay', 'payment_rejected', 'claim', 'repay'] as const) {
        expect(post(signedWith, { kind, amount: amount as Ore }, true)).toEqual({ refused: { code: 'not_positive', left: 0 } });
      }
    }
  });
});

describe('ledger properties', () => {
  const kinds = ['grant', 'reduce_grant', 'sign', 'pay', 'payment_rejected', 'claim', 'repay'] as const;
  // Mostly small amounts so that sequences get far; some bad ones and some huge ones to be refused.
  const amount = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 1_000 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, -1000, 0.5, Number.NaN) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 10 ** 12 }) },
  );
  const step = fc.record({ kind: fc.constantFrom(...kinds), amount, signed: fc.boolean() });

  it('always balances, keeps buckets from going negative, and a refusal changes nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const journal: LedgerLine[] = [];
        let b: Balances = EMPTY_BALANCES;
        for (const { kind, amount: a, signed } of steps) {
          const before = { ...b };
          const r = post(b, { kind, amount: a as Ore }, signed);
          if ('refused' in r) {
            expect(b).toEqual(before); // post does not touch the balances it is given
            const { code, left } = r.refused;
            expect(Number.isSafeInteger(left) && left >= 0).toBe(true);
            if (code === 'not_positive') expect(Number.isSafeInteger(a) && a > 0).toBe(false);
            else {
              // Refused for exceeding: the amount is above what was left, and what was left would do.
              expect(a).toBeGreaterThan(left);
              if (left > 0) expect(post(b, { kind, amount: left }, signed)).toHaveProperty('lines');
            }
          } else {
            expect(r.lines.reduce((s, l) => s + l.amount, 0)).toBe(0);
            expect(r.lines.every((l) => l.amount !== 0 && Math.abs(l.amount) === a)).toBe(true);
            journal.push(...r.lines);
            b = apply(b, r.lines);
          }
          expect(journal.reduce((s, l) => s + l.amount, 0)).toBe(0);
          expect(LEDGER_ACCOUNTS.reduce((s, k) => s + b[k], 0)).toBe(0);
          expect(balancesOf(journal)).toEqual(b);
          expect(b.budget).toBeLessThanOrEqual(0);
          for (const k of LEDGER_ACCOUNTS) if (k !== 'budget') expect(b[k]).toBeGreaterThanOrEqual(0);
          const s = summary(b);
          expect(s.paid).toBeLessThanOrEqual(s.granted);
          expect(s.recovered + s.owed).toBeLessThanOrEqual(s.paid);
          expect(s.remaining + s.paid).toBe(s.granted);
        }
      }),
      { numRuns: 300 },
    );
  });
});
