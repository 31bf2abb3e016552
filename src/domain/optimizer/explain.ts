import { type Ore, subtractOre, sumOre, ZERO_ORE } from '../money.ts';
import { activity, allRows, capOf, fundable, type Row } from './rows.ts';
import type { Allocation, OptimizerInput, Reason } from './types.ts';

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Why each application is in or out of a proposal, read off the whole-öre amounts and the rows:
 * every reason states a fact about this proposal (a lock, a row with no room left, the budget left
 * over), so it stays true whichever solver found it. The first reason is the headline.
 */
export function explain(input: OptimizerInput, amounts: readonly Ore[]): Allocation[] {
  const apps = input.applications;
  const rows = allRows(input);
  const lhs = new Map<Row, number>(rows.map((r) => [r, activity(r, amounts)]));
  const rowsOf = apps.map(() => [] as Row[]);
  for (const row of rows) for (const i of row.members) rowsOf[i].push(row);
  const kindOf = new Map(input.constraints.map((c) => [c.id, c.kind]));
  const leftover = subtractOre(input.budget, sumOre(amounts));
  const value = (i: number) => apps[i].score / apps[i].requested;
  const valuePerMkr = (i: number) => round3(value(i) * 1e8);

  const lockIn = new Map<string, { id: string; amount?: Ore }>();
  const lockOut = new Map<string, string>();
  for (const c of input.constraints) {
    if (c.kind === 'lock_in') lockIn.set(c.applicationId, { id: c.id, amount: c.amount });
    if (c.kind === 'lock_out') lockOut.set(c.applicationId, c.id);
  }

  /** Constraints of the "at least" kind that would fail if application i were not funded. */
  const requiredBy = (i: number): string[] => {
    const ids = new Set<string>();
    for (const row of rowsOf[i]) {
      const kind = kindOf.get(row.constraintId);
      if (row.sense !== '>=' || (kind !== 'min_focus' && kind !== 'cover_area')) continue;
      const without = lhs.get(row)! - (row.measure === 'amount' ? amounts[i] : 1);
      if (without < row.rhs) ids.add(row.constraintId);
    }
    return [...ids];
  };

  /** "At most" rows that leave application i less than `need` more (öre, or one more funded application). */
  const blockedBy = (i: number, need: number, countToo: boolean): string[] => {
    const ids = new Set<string>();
    for (const row of rowsOf[i]) {
      if (row.sense !== '<=') continue;
      const slack = row.rhs - lhs.get(row)!;
      if (row.measure === 'amount' ? slack < need : countToo && slack < 1) ids.add(row.constraintId);
    }
    return [...ids];
  };

  const required = apps.map((_, i) => (amounts[i] > 0 ? requiredBy(i) : []));
  /** Funded by choice: not locked in, not needed by an "at least" constraint. */
  const freelyFunded = apps.map((a, i) => amounts[i] > 0 && !lockIn.has(a.id) && required[i].length === 0);

  return apps.map((a, i): Allocation => {
    const amount = amounts[i];
    const cap = capOf(a);
    const reasons: Reason[] = [];
    const lock = lockIn.get(a.id);
    if (amount > 0) {
      const full = amount === cap;
      if (full) reasons.push({ code: 'funded_full', params: { score: a.score, amount, valuePerMkr: valuePerMkr(i) } });
      else reasons.push({ code: 'funded_partial', params: { score: a.score, amount, cap, share: amount / a.requested } });
      if (full && cap < a.requested) reasons.push({ code: 'capped_at_max', params: { requested: a.requested, max: a.max } });
      if (lock)
        reasons.push({ code: 'locked_in', params: lock.amount === undefined ? { constraintId: lock.id } : { constraintId: lock.id, amount: lock.amount } });
      if (required[i].length > 0) reasons.push({ code: 'required_by_constraint', params: { constraintIds: required[i] } });
      if (!full && lock?.amount === undefined) {
        const more = subtractOre(cap, amount);
        const blockers = blockedBy(i, more, false);
        if (leftover < more) reasons.push({ code: 'partial_budget', params: { leftover } });
        if (blockers.length > 0) reasons.push({ code: 'partial_constraint', params: { constraintIds: blockers } });
        if (leftover >= more && blockers.length === 0) reasons.push({ code: 'within_gap', params: { gain: (a.score * more) / a.requested } });
      }
      return { applicationId: a.id, amount, decision: full ? 'full' : 'partial', share: amount / a.requested, reasons };
    }

    const none = (r: Reason[]): Allocation => ({ applicationId: a.id, amount: ZERO_ORE, decision: 'none', share: 0, reasons: r });
    const out = lockOut.get(a.id);
    if (out !== undefined) return none([{ code: 'locked_out', params: { constraintId: out } }]);
    if (a.min > cap) return none([{ code: 'out_bounds', params: { min: a.min, cap } }]);
    if (!fundable(input, a) && input.minScore !== undefined) return none([{ code: 'out_min_score', params: { score: a.score, minScore: input.minScore } }]);
    // An "at most" constraint with no room for it is the reason, whatever the budget says.
    const blockers = blockedBy(i, a.min, true);
    if (blockers.length > 0) return none([{ code: 'out_constraint', params: { constraintIds: blockers } }]);
    if (leftover < a.min) {
      let cheaperAlternatives = 0;
      let lowerValueFunded = 0;
      apps.forEach((_, j) => {
        if (amounts[j] > 0 && value(j) > value(i)) cheaperAlternatives++;
        if (freelyFunded[j] && value(j) < value(i)) lowerValueFunded++;
      });
      reasons.push({
        code: lowerValueFunded > 0 ? 'out_combination' : 'out_budget',
        params: { score: a.score, valuePerMkr: valuePerMkr(i), minAmount: a.min, leftover, cheaperAlternatives, lowerValueFunded },
      });
    }
    if (reasons.length === 0) reasons.push({ code: 'within_gap', params: { gain: (a.score * a.min) / a.requested } });
    return none(reasons);
  });
}
