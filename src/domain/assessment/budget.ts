import { addOre, maxOre, minOre, type Ore, subtractOre, ZERO_ORE } from '../money.ts';

/**
 * The budget guard's arithmetic. Granted amounts count the current decisions only (a superseded
 * decision's amount is freed by the one that supersedes it), against both the call's amount and,
 * when the call draws on a budget line, everything granted from that line.
 */
export interface BudgetState {
  /** The call's amount to distribute. */
  callAmount: Ore;
  /** Granted by the call's current decisions. */
  callGranted: Ore;
  /** The budget line's amount and what all its calls have granted, when the call has a line. */
  line: { amount: Ore; granted: Ore } | null;
}

/** What can still be granted: the smaller of what is left of the call and of its line. */
export function remaining(state: BudgetState, freed: Ore = ZERO_ORE): Ore {
  const call = addOre(subtractOre(state.callAmount, state.callGranted), freed);
  if (!state.line) return maxOre(ZERO_ORE, call);
  const line = addOre(subtractOre(state.line.amount, state.line.granted), freed);
  return maxOre(ZERO_ORE, minOre(call, line));
}

/** Whether a grant of this amount fits, when it replaces a decision that granted `freed`. */
export function fits(state: BudgetState, amount: Ore, freed: Ore = ZERO_ORE): boolean {
  return Number.isSafeInteger(amount) && amount >= 0 && amount <= remaining(state, freed);
}

/** The state after a grant that fitted. */
export function afterGrant(state: BudgetState, amount: Ore, freed: Ore = ZERO_ORE): BudgetState {
  const delta = subtractOre(amount, freed);
  return {
    callAmount: state.callAmount,
    callGranted: addOre(state.callGranted, delta),
    line: state.line ? { amount: state.line.amount, granted: addOre(state.line.granted, delta) } : null,
  };
}
