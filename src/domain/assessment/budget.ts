/**
 * The budget guard's arithmetic. Granted amounts count the current decisions only (a superseded
 * decision's amount is freed by the one that supersedes it), against both the call's amount and,
 * when the call draws on a budget line, everything granted from that line.
 */
export interface BudgetState {
  /** The call's amount to distribute, öre. */
  callAmount: number;
  /** Granted by the call's current decisions, öre. */
  callGranted: number;
  /** The budget line's amount and what all its calls have granted, when the call has a line. */
  line: { amount: number; granted: number } | null;
}

/** What can still be granted, öre: the smaller of what is left of the call and of its line. */
export function remaining(state: BudgetState, freed = 0): number {
  const call = state.callAmount - state.callGranted + freed;
  const line = state.line ? state.line.amount - state.line.granted + freed : Number.POSITIVE_INFINITY;
  return Math.max(0, Math.min(call, line));
}

/** Whether a grant of this amount fits, when it replaces a decision that granted `freed`. */
export function fits(state: BudgetState, amount: number, freed = 0): boolean {
  return Number.isSafeInteger(amount) && amount >= 0 && amount <= remaining(state, freed);
}

/** The state after a grant that fitted. */
export function afterGrant(state: BudgetState, amount: number, freed = 0): BudgetState {
  const delta = amount - freed;
  return {
    callAmount: state.callAmount,
    callGranted: state.callGranted + delta,
    line: state.line ? { amount: state.line.amount, granted: state.line.granted + delta } : null,
  };
}
