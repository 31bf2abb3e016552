import type { Highs } from 'highs';
import type { Solve, SolveOutcome } from './run.ts';

/**
 * The Solve the orchestration uses, on a loaded HiGHS (`await loadHighs()` from 'highs'; the ESM
 * loader finds highs.wasm beside itself through import.meta.url). Uses the persistent model API so
 * that the MIP gap and bound can be read and a starting solution given, and disposes each model.
 *
 * `model.run()` blocks the thread until HiGHS stops: call this only inside a worker (src/server/assessment/solver-worker.ts).
 * A limit or an infeasible model is a model status, not an exception; anything else (a parse
 * error, an `Empty` model) comes back as status `other` for the caller to raise.
 */
export function createHighsSolve(highs: Highs): Solve {
  const S = highs.constants.modelStatus;
  const FEASIBLE = highs.constants.solutionStatus.feasible;
  return ({ lp, timeLimitSeconds, mipRelGap, start }) => {
    const model = highs.createModel({ format: 'lp', data: lp });
    try {
      model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: mipRelGap });
      const { numCols } = model.getDimensions();
      const names: string[] = [];
      for (let j = 0; j < numCols; j++) names.push(model.getColName(j));
      if (start) model.setSolution({ colValue: names.map((n) => start[n] ?? 0) });

      const { modelStatus } = model.run();
      const seconds = model.getRunTime();
      const hasSolution = Number(model.info.get('primal_solution_status')) === FEASIBLE;
      const values: Record<string, number> | null = hasSolution ? {} : null;
      if (values) {
        const col = model.getSolution().colValue;
        names.forEach((n, j) => {
          values[n] = col[j];
        });
      }
      const num = (name: string): number | null => {
        const v = Number(model.info.get(name));
        return Number.isFinite(v) ? v : null;
      };
      const status: SolveOutcome['status'] =
        modelStatus === S.optimal
          ? 'optimal'
          : modelStatus === S.infeasible || modelStatus === S.unboundedOrInfeasible
            ? 'infeasible'
            : modelStatus === S.timeLimit
              ? 'time_limit'
              : 'other';
      const detail = (Object.keys(S) as (keyof typeof S)[]).find((k) => S[k] === modelStatus) ?? String(modelStatus);
      return {
        status,
        detail,
        objective: hasSolution ? model.getObjectiveValue() : null,
        bound: hasSolution ? num('mip_dual_bound') : null,
        gap: hasSolution ? num('mip_gap') : null,
        values,
        seconds,
      };
    } finally {
      model.dispose();
    }
  };
}
