import { type Ore, ore } from '../money.ts';
import { activity, allRows, capOf, checkAllocation, type Row } from './rows.ts';
import type { OptimizerInput } from './types.ts';

/** Below this distance from a whole öre, a solver value is read as that whole öre (HiGHS works to ~1e-7 relative). */
const NEAR_WHOLE = 1e-3;

/**
 * Turns the solver's continuous answer (x_i funded, f_i share of the request) into whole öre that
 * keep every rule: each funded amount is read as the nearest whole öre when it is one within
 * tolerance and rounded down otherwise, then clamped into [min, cap]. Rounding can leave a money
 * row a few öre off (the budget exceeded by what the solver's tolerance allowed, or an "at least
 * this amount" row short by what was rounded down); such rows are mended by moving single öre
 * between funded applications' amounts within their bounds, never changing which are funded.
 * The result is checked; an error here would be a bug, so it throws.
 */
export function toWholeOre(input: OptimizerInput, x: readonly number[], f: readonly number[]): Ore[] {
  const apps = input.applications;
  const fixed = new Map<number, Ore>();
  for (const c of input.constraints) {
    if (c.kind === 'lock_in' && c.amount !== undefined) {
      const i = apps.findIndex((a) => a.id === c.applicationId);
      if (i >= 0) fixed.set(i, c.amount);
    }
  }

  // Worked on as plain numbers: the mending moves single öre; whole öre again at the end.
  const amounts = apps.map((a, i): number => {
    if (x[i] < 0.5) return 0;
    const lock = fixed.get(i);
    if (lock !== undefined) return lock;
    const raw = f[i] * a.requested;
    const near = Math.round(raw);
    const whole = Math.abs(raw - near) <= NEAR_WHOLE ? near : Math.floor(raw);
    return Math.min(capOf(a), Math.max(a.min, whole));
  });

  const budgetRow: Row = { constraintId: '', measure: 'amount', sense: '<=', rhs: input.budget, members: apps.map((_, i) => i), subject: 'budget' };
  const money = [budgetRow, ...allRows(input).filter((r) => r.measure === 'amount' && r.sense !== '=')];
  const rowsOf = apps.map(() => [] as Row[]);
  for (const row of money) for (const i of row.members) rowsOf[i].push(row);
  const value = (i: number) => apps[i].score / apps[i].requested;

  /** How far application i's amount may move by `dir` (+1 up, −1 down) without breaking a row that holds now, and within its bounds. */
  const room = (i: number, dir: 1 | -1, mending: Row): number => {
    if (amounts[i] === 0 || fixed.has(i)) return 0;
    let r = dir > 0 ? capOf(apps[i]) - amounts[i] : amounts[i] - apps[i].min;
    for (const row of rowsOf[i]) {
      if (row === mending) continue;
      const lhs = activity(row, amounts);
      if (dir > 0 && row.sense === '<=') r = Math.min(r, Math.max(0, row.rhs - lhs));
      if (dir < 0 && row.sense === '>=') r = Math.min(r, Math.max(0, lhs - row.rhs));
    }
    return r;
  };

  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const row of money) {
      const lhs = activity(row, amounts);
      const dir: 1 | -1 = row.sense === '<=' ? -1 : 1;
      let need = dir < 0 ? lhs - row.rhs : row.rhs - lhs;
      if (need <= 0) continue;
      // Take from the least score per krona, give to the most.
      const order = [...row.members].sort((a, b) => (dir < 0 ? value(a) - value(b) : value(b) - value(a)));
      for (const i of order) {
        if (need <= 0) break;
        const step = Math.min(need, room(i, dir, row));
        if (step > 0) {
          amounts[i] += dir * step;
          need -= step;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }

  const broken = checkAllocation(input, amounts);
  if (broken.length > 0) throw new Error(`optimizer: the solution could not be kept whole in öre: ${JSON.stringify(broken.slice(0, 5))}`);
  return amounts.map(ore);
}
