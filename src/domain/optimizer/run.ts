import { type Ore, subtractOre, sumOre } from '../money.ts';
import { toWholeOre } from './allocation.ts';
import { displacement } from './displacement.ts';
import { explain } from './explain.ts';
import { buildModel } from './model.ts';
import { checkAllocation, objectiveOf } from './rows.ts';
import type { ConstraintCost, OptimizeOptions, OptimizerInput, OptimizerResult, Proposal } from './types.ts';
import { validateOptimizerInput } from './validate.ts';

/** One solve of an LP-format model, as the orchestration needs it (HiGHS in practice; see highs-solve.ts). */
export interface SolveRequest {
  lp: string;
  timeLimitSeconds: number;
  mipRelGap: number;
  /** A feasible starting point by column name (missing columns start at 0). */
  start?: Readonly<Record<string, number>>;
}

export interface SolveOutcome {
  /** `other`: anything but a proof or a time limit (a model error, an `Empty` model): a bug, never a user error. */
  status: 'optimal' | 'infeasible' | 'time_limit' | 'other';
  /** The solver's own status, for error messages. */
  detail: string;
  /** Objective of the best solution found; null when there is none. */
  objective: number | null;
  bound: number | null;
  gap: number | null;
  /** Column values by name of the best solution found; null when there is none. */
  values: Record<string, number> | null;
  seconds: number;
}

export type Solve = (request: SolveRequest) => SolveOutcome;

/**
 * mipRelGap 1e-5: about 0.02 score points on a 1 000-application call (objective ≈ 1 600), well
 * below one application's worth. On the benchmark, proving the last digits (1e-6) took one
 * constraint-cost solve from 1.1 s to 7.8 s without changing its answer (docs/performance.md).
 */
export const DEFAULTS = { timeLimitSeconds: 10, mipRelGap: 1e-5 } as const;
/** The least time a follow-up solve gets, even when the follow-up budget is spent. */
const MIN_FOLLOW_UP_SECONDS = 0.1;

function unexpected(what: string, out: SolveOutcome): Error {
  return new Error(`optimizer: ${what} ended with HiGHS status "${out.detail}"`);
}

/** How far the solver's bound is above its objective; null when it has no solution or no bound. */
const slack = (o: SolveOutcome): number | null => (o.objective === null || o.bound === null ? null : Math.max(0, o.bound - o.objective));

function proposalOf(input: OptimizerInput, amounts: Ore[]): Proposal {
  const total = sumOre(amounts);
  return { score: objectiveOf(input, amounts), total, leftover: subtractOre(input.budget, total), allocations: explain(input, amounts) };
}

/**
 * The relaxed solution's whole-öre amounts, checked against the input without the constraint. The
 * relaxed model still exempts a dropped lock in from the quality floor (it omits rows, not
 * exemptions), so such a solution may fund an application the check refuses; it then tells nothing
 * about what the lock displaces, and null says so.
 */
function displacedBy(
  input: OptimizerInput,
  constraintId: string,
  values: Record<string, number>,
  wholeOre: (of: OptimizerInput, vals: Record<string, number>) => Ore[],
): Ore[] | null {
  try {
    return wholeOre({ ...input, constraints: input.constraints.filter((k) => k.id !== constraintId) }, values);
  } catch {
    return null;
  }
}

/** Shares a time budget among a known number of solves: each gets what is left divided by those still to run. */
class TimeBudget {
  private left: number;
  private solves: number;
  constructor(seconds: number, solves: number) {
    this.left = seconds;
    this.solves = solves;
  }
  next(): number {
    const share = this.left / Math.max(1, this.solves);
    this.solves--;
    return Math.max(MIN_FOLLOW_UP_SECONDS, share);
  }
  spend(seconds: number) {
    this.left -= seconds;
  }
}

/**
 * A deletion filter over the caseworker's constraints: drop each in turn and keep it dropped when
 * the rest is still infeasible. What remains cannot hold together, and (when every check was
 * proved) dropping any one of it makes the rest feasible. Budget and bounds are never dropped: with
 * no constraints at all, funding nothing is always feasible.
 */
function findConflicts(input: OptimizerInput, solve: Solve, seconds: number, mipRelGap: number) {
  const all = input.constraints.map((c) => c.id);
  let keep = all;
  let minimal = true;
  const time = new TimeBudget(seconds, all.length);
  for (const id of all) {
    const trial = keep.filter((k) => k !== id);
    const kept = new Set(trial);
    const omit = new Set(all.filter((k) => !kept.has(k)));
    const out = solve({ lp: buildModel(input, { omit, feasibilityOnly: true }).lp, timeLimitSeconds: time.next(), mipRelGap });
    time.spend(out.seconds);
    if (out.status === 'infeasible') keep = trial;
    else if (out.status === 'time_limit' && out.values === null) minimal = false;
    else if (out.status === 'other') throw unexpected('a conflict check', out);
  }
  return { conflicts: keep, minimal };
}

/**
 * The whole optimization, synchronous, around an injected solver: the main solve, then either
 * each constraint's cost or the conflicting constraints. Runs inside the worker (src/server/assessment/solver-worker.ts); tests
 * may call it directly with an in-process HiGHS.
 */
export function runOptimizer(input: OptimizerInput, solve: Solve, options: OptimizeOptions = {}): OptimizerResult {
  const problems = validateOptimizerInput(input);
  if (problems.length > 0) return { status: 'invalid', problems };
  const timeLimitSeconds = options.timeLimitSeconds ?? DEFAULTS.timeLimitSeconds;
  const followUp = options.followUpTimeLimitSeconds ?? timeLimitSeconds;
  const mipRelGap = options.mipRelGap ?? DEFAULTS.mipRelGap;

  if (input.applications.length === 0) {
    // Nothing to choose: funding nothing either keeps every constraint or breaks one on its own.
    const broken = checkAllocation(input, []);
    const first = broken.find((v) => v.kind === 'constraint');
    if (first?.kind === 'constraint') return { status: 'infeasible', conflicts: [first.constraintId], minimal: true, solveSeconds: 0 };
    const costs =
      options.constraintCosts === false
        ? []
        : input.constraints.map((c) => ({ constraintId: c.id, cost: 0, maxError: 0, exact: true, ...displacement(input, [], null, 0) }));
    return { status: 'optimal', proposal: proposalOf(input, []), bound: 0, gap: 0, constraintCosts: costs, solveSeconds: 0 };
  }

  const model = buildModel(input);
  const main = solve({ lp: model.lp, timeLimitSeconds, mipRelGap });
  if (main.status === 'other') throw unexpected('the main solve', main);
  if (main.status === 'infeasible') {
    const { conflicts, minimal } = findConflicts(input, solve, followUp, mipRelGap);
    return { status: 'infeasible', conflicts, minimal, solveSeconds: main.seconds };
  }
  if (main.values === null || main.objective === null) {
    return { status: 'time_limit', proposal: null, bound: main.bound, gap: null, constraintCosts: [], solveSeconds: main.seconds };
  }

  const values = main.values;
  /** A solution's whole-öre amounts under the input it was solved for. */
  const wholeOre = (of: OptimizerInput, vals: Record<string, number>) =>
    toWholeOre(
      of,
      model.x.map((n) => vals[n] ?? 0),
      model.f.map((n) => vals[n] ?? 0),
    );
  const amounts = wholeOre(input, values);
  const proposal = proposalOf(input, amounts);

  const constraintCosts: ConstraintCost[] = [];
  if (options.constraintCosts !== false) {
    const time = new TimeBudget(followUp, input.constraints.length);
    for (const c of input.constraints) {
      // Without c, the proposal just found is still feasible: it starts the relaxed solve.
      const omit = new Set([c.id]);
      const relaxed = solve({ lp: buildModel(input, { omit }).lp, timeLimitSeconds: time.next(), mipRelGap, start: values });
      time.spend(relaxed.seconds);
      if (relaxed.status === 'other' || relaxed.status === 'infeasible') throw unexpected(`the cost of constraint ${c.id}`, relaxed);
      const cost = relaxed.objective === null ? 0 : Math.max(0, relaxed.objective - main.objective);
      const mainSlack = slack(main);
      const relaxedSlack = slack(relaxed);
      const maxError = mainSlack === null || relaxedSlack === null ? null : mainSlack + relaxedSlack;
      const displaced = relaxed.values === null || cost === 0 ? null : displacedBy(input, c.id, relaxed.values, wholeOre);
      constraintCosts.push({
        constraintId: c.id,
        cost,
        maxError,
        exact: main.status === 'optimal' && relaxed.status === 'optimal',
        ...displacement(input, amounts, displaced, cost),
      });
    }
  }

  if (main.status === 'optimal') {
    return { status: 'optimal', proposal, bound: main.bound ?? main.objective, gap: main.gap ?? 0, constraintCosts, solveSeconds: main.seconds };
  }
  return { status: 'time_limit', proposal, bound: main.bound, gap: main.gap, constraintCosts, solveSeconds: main.seconds };
}
