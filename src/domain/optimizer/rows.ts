import { minOre, type Ore } from '../money.ts';
import type { OptimizerApplication, OptimizerConstraint, OptimizerInput } from './types.ts';

/**
 * One linear condition a caseworker's constraint puts on a proposal, over the funded amounts
 * (`amount`: Σ öre) or the number of funded applications (`count`). The model builder, the
 * feasibility check and the explanations all read constraints through these rows, so the three
 * cannot disagree about what a constraint means.
 */
export interface Row {
  constraintId: string;
  measure: 'amount' | 'count';
  sense: '>=' | '<=' | '=';
  rhs: number;
  /** Indices into input.applications. */
  members: number[];
  /** What the row is about: a focus area, an area, an organisation or an application id. */
  subject: string;
}

/** The most an application can get: the smaller of its max and what it asked for. */
export const capOf = (a: OptimizerApplication): Ore => minOre(a.max, a.requested);

/**
 * Whether an application may be funded at all: its bounds leave room, and it reaches the quality
 * floor or the caseworker has locked it in (a lock in overrides the floor, not the bounds).
 */
export function fundable(input: OptimizerInput, a: OptimizerApplication): boolean {
  if (a.min > capOf(a)) return false;
  if (input.minScore === undefined || a.score >= input.minScore) return true;
  return input.constraints.some((c) => c.kind === 'lock_in' && c.applicationId === a.id);
}

function indicesWhere(input: OptimizerInput, test: (a: OptimizerApplication) => boolean): number[] {
  const out: number[] = [];
  input.applications.forEach((a, i) => {
    if (test(a)) out.push(i);
  });
  return out;
}

export function constraintRows(input: OptimizerInput, c: OptimizerConstraint): Row[] {
  const rows: Row[] = [];
  const id = c.id;
  switch (c.kind) {
    case 'min_focus':
    case 'max_focus': {
      const members = indicesWhere(input, (a) => a.focusAreas.includes(c.focusArea));
      const sense = c.kind === 'min_focus' ? '>=' : '<=';
      if (c.amount !== undefined) rows.push({ constraintId: id, measure: 'amount', sense, rhs: c.amount, members, subject: c.focusArea });
      if (c.count !== undefined) rows.push({ constraintId: id, measure: 'count', sense, rhs: c.count, members, subject: c.focusArea });
      break;
    }
    case 'cover_area':
      for (const area of new Set(c.areas)) {
        rows.push({
          constraintId: id,
          measure: 'count',
          sense: '>=',
          rhs: c.count ?? 1,
          members: indicesWhere(input, (a) => a.areas.includes(area)),
          subject: area,
        });
      }
      break;
    case 'max_org_share': {
      const byOrg = new Map<string, number[]>();
      input.applications.forEach((a, i) => {
        const list = byOrg.get(a.organisationId);
        if (list) list.push(i);
        else byOrg.set(a.organisationId, [i]);
      });
      const limit = Math.floor(c.share * input.budget);
      for (const [org, members] of byOrg) rows.push({ constraintId: id, measure: 'amount', sense: '<=', rhs: limit, members, subject: org });
      break;
    }
    case 'lock_in': {
      const members = indicesWhere(input, (a) => a.id === c.applicationId);
      rows.push({ constraintId: id, measure: 'count', sense: '=', rhs: 1, members, subject: c.applicationId });
      if (c.amount !== undefined) rows.push({ constraintId: id, measure: 'amount', sense: '=', rhs: c.amount, members, subject: c.applicationId });
      break;
    }
    case 'lock_out':
      rows.push({
        constraintId: id,
        measure: 'count',
        sense: '<=',
        rhs: 0,
        members: indicesWhere(input, (a) => a.id === c.applicationId),
        subject: c.applicationId,
      });
      break;
  }
  return rows;
}

export function allRows(input: OptimizerInput): Row[] {
  return input.constraints.flatMap((c) => constraintRows(input, c));
}

/** A row's left-hand side for whole-öre amounts. */
export function activity(row: Row, amounts: readonly number[]): number {
  let sum = 0;
  for (const i of row.members) sum += row.measure === 'amount' ? amounts[i] : amounts[i] > 0 ? 1 : 0;
  return sum;
}

export function rowHolds(row: Row, amounts: readonly number[]): boolean {
  const lhs = activity(row, amounts);
  return row.sense === '>=' ? lhs >= row.rhs : row.sense === '<=' ? lhs <= row.rhs : lhs === row.rhs;
}

/** What a broken allocation breaks; its amounts are plain numbers because they need not be whole öre. */
export type Violation =
  | { kind: 'budget'; total: number; budget: Ore }
  | { kind: 'bounds'; applicationId: string; amount: number }
  | { kind: 'constraint'; constraintId: string; subject: string; measure: Row['measure'] };

/** Everything a set of amounts (one per application, öre) breaks; empty when it is a valid proposal. */
export function checkAllocation(input: OptimizerInput, amounts: readonly number[]): Violation[] {
  const out: Violation[] = [];
  let total = 0;
  input.applications.forEach((a, i) => {
    const x = amounts[i];
    total += x;
    const ok = Number.isSafeInteger(x) && (x === 0 || (fundable(input, a) && x >= a.min && x <= capOf(a)));
    if (!ok) out.push({ kind: 'bounds', applicationId: a.id, amount: x });
  });
  if (total > input.budget) out.push({ kind: 'budget', total, budget: input.budget });
  for (const row of allRows(input)) {
    if (!rowHolds(row, amounts)) out.push({ kind: 'constraint', constraintId: row.constraintId, subject: row.subject, measure: row.measure });
  }
  return out;
}

/** The objective for given amounts: each application earns its score in proportion to the share of its request granted. */
export function objectiveOf(input: OptimizerInput, amounts: readonly number[]): number {
  let sum = 0;
  input.applications.forEach((a, i) => {
    sum += (a.score * amounts[i]) / a.requested;
  });
  return sum;
}
