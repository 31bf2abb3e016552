import type { Ore } from '../money.ts';

/**
 * Decision support for assessment: which applications to fund, and how much, to get the most
 * weighted score out of a call's budget under the caseworker's constraints. It proposes; people
 * decide. All money is whole öre.
 */

export interface OptimizerApplication {
  id: string;
  organisationId: string;
  /** The weighted mean of the assessors' scores (1–5). */
  score: number;
  /** What the applicant asked for, öre (> 0). */
  requested: Ore;
  /** The least that may be granted if it is funded at all, öre (≥ 1); usually the call's minimum. */
  min: Ore;
  /** The most that may be granted, öre; usually the call's maximum. The cap is min(max, requested). */
  max: Ore;
  /** The call's focus areas the application addresses. */
  focusAreas: string[];
  /** The areas its activities take place in (union of activities[].areas). */
  areas: string[];
}

interface ConstraintBase {
  /** The caseworker's id for the constraint; conflicts and costs name it. */
  id: string;
}

/**
 * At least (min_focus) or at most (max_focus) this much to the applications that address a focus
 * area: an amount in öre, a number of funded applications, or both. An application that addresses
 * several focus areas counts in full towards each of them.
 */
export interface FocusConstraint extends ConstraintBase {
  kind: 'min_focus' | 'max_focus';
  focusArea: string;
  amount?: Ore;
  count?: number;
}

/** In each of these areas at least `count` (default 1) funded applications whose activities take place there. */
export interface CoverAreaConstraint extends ConstraintBase {
  kind: 'cover_area';
  areas: string[];
  count?: number;
}

/** No organisation gets more than this share (0 < share ≤ 1) of the budget, in total over its applications. */
export interface MaxOrgShareConstraint extends ConstraintBase {
  kind: 'max_org_share';
  share: number;
}

/** Fund this application; with `amount`, at exactly that amount (öre). */
export interface LockInConstraint extends ConstraintBase {
  kind: 'lock_in';
  applicationId: string;
  amount?: Ore;
}

/** Do not fund this application. */
export interface LockOutConstraint extends ConstraintBase {
  kind: 'lock_out';
  applicationId: string;
}

export type OptimizerConstraint = FocusConstraint | CoverAreaConstraint | MaxOrgShareConstraint | LockInConstraint | LockOutConstraint;
export type ConstraintKind = OptimizerConstraint['kind'];

export interface OptimizerInput {
  /** What there is to distribute, öre. */
  budget: Ore;
  applications: OptimizerApplication[];
  constraints: OptimizerConstraint[];
  /** Applications scoring below this are not proposed unless locked in (optional quality floor). */
  minScore?: number;
}

/** A field problem in the input, in the shape of RuleProblem (`field` is a path such as `constraints.2.share`). */
export interface OptimizerProblem {
  field: string;
  code: 'required' | 'not_whole_ore' | 'out_of_range' | 'duplicate_id' | 'unknown_application';
  params?: Record<string, unknown>;
}

/**
 * Why an application is in or out, as a code with parameters for the message catalogue.
 * An allocation's first reason is the headline; later ones add detail. Amounts are öre.
 */
export type Reason =
  // funded
  | { code: 'funded_full'; params: { score: number; amount: Ore; valuePerMkr: number } }
  | { code: 'funded_partial'; params: { score: number; amount: Ore; cap: Ore; share: number } }
  | { code: 'capped_at_max'; params: { requested: Ore; max: Ore } }
  | { code: 'partial_budget'; params: { leftover: Ore } }
  | { code: 'partial_constraint'; params: { constraintIds: string[] } }
  | { code: 'locked_in'; params: { constraintId: string; amount?: Ore } }
  | { code: 'required_by_constraint'; params: { constraintIds: string[] } }
  // not funded
  | { code: 'locked_out'; params: { constraintId: string } }
  | { code: 'out_bounds'; params: { min: Ore; cap: Ore } }
  | { code: 'out_min_score'; params: { score: number; minScore: number } }
  | { code: 'out_constraint'; params: { constraintIds: string[] } }
  | {
      code: 'out_budget' | 'out_combination';
      params: { score: number; valuePerMkr: number; minAmount: Ore; leftover: Ore; cheaperAlternatives: number; lowerValueFunded: number };
    }
  // either: more would fit, but the solver stopped (time limit or its optimality tolerance) before adding it
  | { code: 'within_gap'; params: { gain: number } };

export type ReasonCode = Reason['code'];

export interface Allocation {
  applicationId: string;
  /** Whole öre; 0 when not funded. */
  amount: Ore;
  decision: 'full' | 'partial' | 'none';
  /** amount / requested. */
  share: number;
  reasons: Reason[];
}

export interface Proposal {
  /** The objective reached by the whole-öre amounts: Σ score × amount / requested. */
  score: number;
  /** Σ amount, öre; never more than the budget. */
  total: Ore;
  /** budget − total, öre. */
  leftover: Ore;
  /** One per input application, in input order. */
  allocations: Allocation[];
}

/** One application whose amount a constraint changes: what it gets with the constraint and without it, öre. */
export interface Shift {
  applicationId: string;
  with: Ore;
  without: Ore;
}

/**
 * What a constraint displaces, read off the proposal with it and the best one found without it:
 * the money that would go to other applications without it, and which they are.
 */
export interface Displacement {
  /** Σ (without − with) over the applications that would get more without the constraint, öre. */
  amount: Ore;
  /** Applications that get less (or nothing) because of the constraint, most money first. */
  displaced: Shift[];
  /** Applications that get more because of it (what it pulls in), most money first. */
  favoured: Shift[];
}

/** What a constraint costs: how much more score the proposal would reach without it, and what it displaces. */
export interface ConstraintCost extends Displacement {
  constraintId: string;
  /** Objective without the constraint minus objective with all of them (≥ 0, in score points). */
  cost: number;
  /** The true cost lies within cost ± maxError: the two solves' remaining gaps (bound − objective) added; null when a bound is unknown. */
  maxError: number | null;
  /** True when both solves behind the figure were proved optimal (within mipRelGap); false after a time limit. */
  exact: boolean;
}

interface Timing {
  /** Wall-clock seconds spent solving, main solve only. */
  solveSeconds: number;
}

export type OptimizerResult =
  | (Timing & {
      status: 'optimal';
      proposal: Proposal;
      /** The solver's best bound on the objective. */
      bound: number;
      /** Relative gap between the solver's objective and bound (≤ the mipRelGap option). */
      gap: number;
      constraintCosts: ConstraintCost[];
    })
  | (Timing & {
      status: 'time_limit';
      /** The best proposal found, or null if none was found in time. */
      proposal: Proposal | null;
      bound: number | null;
      /** (bound − objective) / |objective|, null without a proposal. */
      gap: number | null;
      constraintCosts: ConstraintCost[];
    })
  | (Timing & {
      status: 'infeasible';
      /** Constraint ids that cannot all hold together within the budget and the applications' bounds. */
      conflicts: string[];
      /** True when dropping any one of them makes the rest feasible (proved by a solve each). */
      minimal: boolean;
    })
  | { status: 'invalid'; problems: OptimizerProblem[] };

export interface OptimizeOptions {
  /** Limit for the main solve, seconds (default 10). */
  timeLimitSeconds?: number;
  /** Total limit for the follow-up solves (constraint costs or the conflict search), seconds (default: timeLimitSeconds). */
  followUpTimeLimitSeconds?: number;
  /** Compute each constraint's cost, one extra solve per constraint (default true). */
  constraintCosts?: boolean;
  /** Relative gap at which HiGHS may call a solution optimal, for every solve (default 1e-5; HiGHS's own default is 1e-4). */
  mipRelGap?: number;
}
