// The money ledger of a grant: double entry over six buckets, so every öre granted can be followed
// from the budget line to the organisation and back. Journals are append-only; each accepted event
// posts lines that sum to zero, so the buckets together always sum to zero too.
import { addOre, type Ore, ore, ZERO_ORE } from './money.ts';

/**
 * - budget: the budget lines' side, minus what is granted (never above zero)
 * - granted: decided, no signed agreement yet
 * - committed: in a signed agreement, not yet paid
 * - paid: paid out, with the organisation
 * - receivable: reclaimed, owed back
 * - recovered: repaid to the funder
 */
export type LedgerAccount = 'budget' | 'granted' | 'committed' | 'paid' | 'receivable' | 'recovered';
export const LEDGER_ACCOUNTS: readonly LedgerAccount[] = ['budget', 'granted', 'committed', 'paid', 'receivable', 'recovered'];

/** A signed amount in öre on one bucket. */
export interface LedgerLine {
  account: LedgerAccount;
  amount: Ore;
}

export type LedgerEvent =
  /** A decision (or a superseding one) grants more: budget −a, granted +a (committed +a once signed). */
  | { kind: 'grant'; amount: Ore }
  /** A superseding decision grants less: the reverse, from granted (from committed once signed). */
  | { kind: 'reduce_grant'; amount: Ore }
  /** The agreement is signed: granted −a, committed +a. */
  | { kind: 'sign'; amount: Ore }
  /** A payment is sent: committed −p, paid +p. */
  | { kind: 'pay'; amount: Ore }
  /** The bank rejected a payment: paid −p, committed +p. */
  | { kind: 'payment_rejected'; amount: Ore }
  /** A recovery decision: paid −r, receivable +r. */
  | { kind: 'claim'; amount: Ore }
  /** Money back: receivable −x, recovered +x. */
  | { kind: 'repay'; amount: Ore };

export interface Balances {
  budget: Ore;
  granted: Ore;
  committed: Ore;
  paid: Ore;
  receivable: Ore;
  recovered: Ore;
}

export const EMPTY_BALANCES: Balances = Object.freeze({
  budget: ZERO_ORE,
  granted: ZERO_ORE,
  committed: ZERO_ORE,
  paid: ZERO_ORE,
  receivable: ZERO_ORE,
  recovered: ZERO_ORE,
});

/** Why an event was not posted, with the most it could have been, so a message can say "X kr left". */
export interface LedgerRefusal {
  code: 'exceeds_granted' | 'exceeds_paid' | 'exceeds_owed' | 'below_paid' | 'not_positive';
  left: Ore;
}

const move = (from: LedgerAccount, to: LedgerAccount, amount: Ore): { lines: LedgerLine[] } => ({
  lines: [
    { account: from, amount: ore(-amount) },
    { account: to, amount },
  ],
});

/**
 * The lines an event posts on the balances so far, or why it is refused. `signed` says whether the
 * agreement is signed, which decides whether a change of the grant lands on granted or committed.
 * Refusals keep every bucket but budget from going below zero.
 */
export function post(balances: Balances, event: LedgerEvent, signed: boolean): { lines: LedgerLine[] } | { refused: LedgerRefusal } {
  const a = event.amount;
  if (!Number.isSafeInteger(a) || a <= 0) return { refused: { code: 'not_positive', left: ZERO_ORE } };
  const open: LedgerAccount = signed ? 'committed' : 'granted';
  switch (event.kind) {
    case 'grant':
      // Refuse rather than throw when the budget side would leave whole öre: no code names it better.
      if (!Number.isSafeInteger(balances.budget - a) || !Number.isSafeInteger(balances[open] + a)) {
        return { refused: { code: 'not_positive', left: ZERO_ORE } };
      }
      return move('budget', open, a);
    case 'reduce_grant':
      // What is already paid out cannot be granted away; only what is still open can.
      if (a > balances[open]) return { refused: { code: 'below_paid', left: balances[open] } };
      return move(open, 'budget', a);
    case 'sign':
      if (a > balances.granted) return { refused: { code: 'exceeds_granted', left: balances.granted } };
      return move('granted', 'committed', a);
    case 'pay':
      if (a > balances.committed) return { refused: { code: 'exceeds_granted', left: balances.committed } };
      return move('committed', 'paid', a);
    case 'payment_rejected':
      if (a > balances.paid) return { refused: { code: 'exceeds_paid', left: balances.paid } };
      return move('paid', 'committed', a);
    case 'claim':
      if (a > balances.paid) return { refused: { code: 'exceeds_paid', left: balances.paid } };
      return move('paid', 'receivable', a);
    case 'repay':
      if (a > balances.receivable) return { refused: { code: 'exceeds_owed', left: balances.receivable } };
      return move('receivable', 'recovered', a);
  }
}

/** The balances after posting lines. */
export function apply(balances: Balances, lines: readonly LedgerLine[]): Balances {
  const next = { ...balances };
  for (const l of lines) next[l.account] = addOre(next[l.account], l.amount);
  return next;
}

/** The balances of a whole journal. */
export function balancesOf(lines: Iterable<LedgerLine>): Balances {
  return apply(EMPTY_BALANCES, [...lines]);
}

/** What people see: granted in all, committed, paid out net, recovered, owed, left to pay. */
export function summary(b: Balances): { granted: Ore; committed: Ore; paid: Ore; recovered: Ore; owed: Ore; remaining: Ore } {
  return {
    granted: ore(0 - b.budget), // 0 − x, not −x: −0 would not equal 0
    committed: b.committed,
    // Paid out net of bank rejections (those went back to committed); what was reclaimed was still paid out.
    paid: addOre(addOre(b.paid, b.receivable), b.recovered),
    recovered: b.recovered,
    owed: b.receivable,
    remaining: addOre(b.granted, b.committed),
  };
}
