import { allRows, capOf, fundable, type Row } from './rows.ts';
import type { OptimizerInput } from './types.ts';

/*
 * The model, in the CPLEX LP text HiGHS reads. For application i (requested R, bounds min m and
 * cap c = min(max, R)):
 *
 *   x_i ∈ {0, 1}   funded or not
 *   f_i ∈ [0, 1]   the share of the request granted; the amount is a_i = R·f_i öre
 *   m·x_i ≤ R·f_i ≤ c·x_i   (a funded application gets between its min and its cap, else nothing)
 *
 * Objective: maximise Σ score_i · f_i = Σ score_i · a_i / R_i.
 *
 * Why this objective: the issue asks for the most total weighted score within the budget, and an
 * application's score is a judgement of the whole assignment it describes. Funded in full, it earns
 * its score once, however large or small it is; funded with a share, it can carry out about that
 * share of the assignment, so it earns that share of its score. A krona therefore buys score_i / R_i
 * on application i, and when the budget binds the optimizer prefers applications that give more
 * score per krona ("cheaper alternatives"), funding the marginal one with a share where its min
 * allows. The alternative, score × kronor, values every krona of an application at its score, so
 * the optimizer would only rank by score and one large application could take the budget at the
 * same value as many equally good small ones. The known lean of ours is the opposite: cheap
 * applications with modest scores can win over expensive excellent ones; minScore (a quality floor),
 * min_focus and lock_in are the caseworker's counterweights, and the explanations name the reason.
 *
 * Money rows are written in öre with integer coefficients, so the model is exact; the solver's
 * continuous answer is then rounded to whole öre (see allocation.ts) and checked.
 */

export interface BuildOptions {
  /** Constraint ids to leave out (for a constraint's cost, and the conflict search). */
  omit?: ReadonlySet<string>;
  /** Leave the objective empty: any feasible solution is optimal (feasibility checks). */
  feasibilityOnly?: boolean;
}

export interface BuiltModel {
  lp: string;
  /** Column names x_i and f_i by application index. */
  x: string[];
  f: string[];
}

const TERMS_PER_LINE = 8;

function expression(terms: [number, string][]): string {
  const parts = terms.map(([coef, name], k) => {
    const sign = coef < 0 ? '-' : k === 0 ? '' : '+';
    return `${sign}${k === 0 && sign === '' ? '' : ' '}${Math.abs(coef)} ${name}`;
  });
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += TERMS_PER_LINE) lines.push(parts.slice(k, k + TERMS_PER_LINE).join(' '));
  return lines.join('\n   ');
}

/** Rows that hold or fail whatever is funded are decided here, so no empty row reaches the LP text. */
function trivially(row: Row, input: OptimizerInput): 'holds' | 'fails' | null {
  if (row.members.length === 0) {
    const ok = row.sense === '>=' ? row.rhs <= 0 : row.sense === '<=' ? row.rhs >= 0 : row.rhs === 0;
    return ok ? 'holds' : 'fails';
  }
  if (row.sense === '>=' && row.rhs <= 0) return 'holds';
  if (row.sense === '<=') {
    let most = 0;
    for (const i of row.members) most += row.measure === 'amount' ? capOf(input.applications[i]) : 1;
    if (most <= row.rhs) return 'holds';
  }
  return null;
}

export function buildModel(input: OptimizerInput, options: BuildOptions = {}): BuiltModel {
  const apps = input.applications;
  const x = apps.map((_, i) => `x${i}`);
  const f = apps.map((_, i) => `f${i}`);
  const out: string[] = ['\\ Samverka allocation proposal', 'Maximize'];

  const objective: [number, string][] = [];
  if (!options.feasibilityOnly) {
    apps.forEach((a, i) => {
      if (a.score !== 0 && fundable(input, a)) objective.push([a.score, f[i]]);
    });
  }
  out.push(` obj: ${expression(objective)}`, 'Subject To');

  if (apps.length > 0) out.push(` budget: ${expression(apps.map((a, i) => [a.requested, f[i]]))} <= ${input.budget}`);
  apps.forEach((a, i) => {
    if (!fundable(input, a)) {
      out.push(` nf${i}: ${x[i]} + ${f[i]} <= 0`);
    } else if (a.min === capOf(a)) {
      out.push(` eq${i}: ${a.requested} ${f[i]} - ${a.min} ${x[i]} = 0`);
    } else {
      out.push(` lo${i}: ${a.requested} ${f[i]} - ${a.min} ${x[i]} >= 0`);
      out.push(` hi${i}: ${a.requested} ${f[i]} - ${capOf(a)} ${x[i]} <= 0`);
    }
  });

  let needsZero = false;
  allRows(input).forEach((row, r) => {
    if (options.omit?.has(row.constraintId)) return;
    const t = trivially(row, input);
    if (t === 'holds') return;
    if (t === 'fails') {
      needsZero = true;
      out.push(` k${r}: z >= 1`);
      return;
    }
    const terms: [number, string][] = row.members.map((i) => (row.measure === 'amount' ? [apps[i].requested, f[i]] : [1, x[i]]));
    out.push(` k${r}: ${expression(terms)} ${row.sense} ${row.rhs}`);
  });

  out.push('Bounds');
  for (const name of f) out.push(` 0 <= ${name} <= 1`);
  if (needsZero) out.push(' z = 0');
  if (x.length > 0) {
    out.push('Binaries');
    for (let k = 0; k < x.length; k += 20) out.push(` ${x.slice(k, k + 20).join(' ')}`);
  }
  out.push('End', '');
  return { lp: out.join('\n'), x, f };
}
