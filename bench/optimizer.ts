// Allocation optimizer: 1 000 applications and 5 constraints (bench/optimizer-instance.ts), per seed:
// the time to a proven optimum through optimize() (a worker thread, as the server runs it), from a
// new worker (cold) and from the kept one (warm), then with the five constraint costs, what a 2 s and a 0.1 s time limit give (status and gap), and the
// solver time alone in this process, warm, for three gap settings. Run with `node bench/optimizer.ts`
// (BENCH_N, BENCH_SEEDS="1,2,3" to change); copy the figures to docs/performance.md.
import { cpus, loadavg, totalmem } from 'node:os';
import { createHighsSolve } from '../src/domain/optimizer/highs-solve.ts';
import { loadHighs } from '../src/domain/optimizer/load-highs.ts';
import { runOptimizer } from '../src/domain/optimizer/run.ts';
import type { OptimizerResult } from '../src/domain/optimizer/types.ts';
import { closeOptimizer, optimize } from '../src/server/assessment/solver.ts';
import { callInstance } from './optimizer-instance.ts';

const N = Number(process.env.BENCH_N ?? 1000);
const SEEDS = (process.env.BENCH_SEEDS ?? '1,2,3,4,5').split(',').map(Number);

const highs = await loadHighs();
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, HiGHS ${highs.version.string}, ` +
    `${new Date().toISOString()}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);

const summary = (r: OptimizerResult) => {
  if (r.status === 'optimal') return `optimal, score ${r.proposal.score.toFixed(3)}, gap ${r.gap.toExponential(1)}`;
  if (r.status === 'time_limit')
    return `time limit, ${r.proposal ? `score ${r.proposal.score.toFixed(3)}, gap ${r.gap === null ? '–' : `${(r.gap * 100).toFixed(3)} %`}` : 'no proposal yet'}`;
  return r.status;
};
const ms = (t: number) => `${Math.round(t)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const toOptimumCold: number[] = [];
const toOptimum: number[] = [];
const solverMs = (r: OptimizerResult) => (r.status === 'invalid' ? 0 : r.solveSeconds * 1000);
const withCosts: number[] = [];
const solveOnly: Record<string, number[]> = { '1e-4': [], '1e-5': [], '1e-6': [] };
for (const seed of SEEDS) {
  const input = callInstance(N, seed);
  const funded = (r: OptimizerResult) =>
    r.status === 'optimal' || r.status === 'time_limit' ? (r.proposal?.allocations.filter((a) => a.amount > 0).length ?? 0) : 0;
  console.log(`\nseed ${seed}: ${input.applications.length} applications, budget ${input.budget / 100} kr, ${input.constraints.length} constraints`);

  // Cold: a new worker loads HiGHS and runs its WebAssembly before the JIT has warmed it up. Warm: the kept worker.
  await closeOptimizer();
  let t = performance.now();
  const cold = await optimize(input, { timeLimitSeconds: 60, constraintCosts: false });
  const wallCold = performance.now() - t;
  toOptimumCold.push(wallCold);
  console.log(`  optimize(), cold worker: ${ms(wallCold)} wall (solver ${ms(solverMs(cold))}), ${summary(cold)}, ${funded(cold)} funded`);
  t = performance.now();
  const main = await optimize(input, { timeLimitSeconds: 60, constraintCosts: false });
  const wall = performance.now() - t;
  toOptimum.push(wall);
  console.log(`  optimize(), warm worker: ${ms(wall)} wall (solver ${ms(solverMs(main))}), ${summary(main)}`);

  t = performance.now();
  const all = await optimize(input, { timeLimitSeconds: 60 });
  const wallAll = performance.now() - t;
  withCosts.push(wallAll);
  const costs =
    all.status === 'optimal' || all.status === 'time_limit'
      ? all.constraintCosts
          .map((c) => `${c.constraintId} ${c.cost.toFixed(2)} ± ${c.maxError === null ? '?' : c.maxError.toFixed(2)}${c.exact ? '' : ' (time limit)'}`)
          .join(', ')
      : '';
  console.log(`  optimize(), with costs: ${ms(wallAll)} wall, ${summary(all)}; costs: ${costs}`);

  for (const limit of [2, 0.1]) {
    const r = await optimize(input, { timeLimitSeconds: limit, constraintCosts: false });
    console.log(`  time limit ${limit} s:       ${summary(r)}`);
  }

  const solve = createHighsSolve(highs);
  runOptimizer(input, solve, { constraintCosts: false }); // warm the JIT
  for (const [label, gap] of [
    ['1e-4', 1e-4],
    ['1e-5', 1e-5],
    ['1e-6', 1e-6],
  ] as const) {
    const r = runOptimizer(input, solve, { constraintCosts: false, mipRelGap: gap, timeLimitSeconds: 60 });
    const s = r.status === 'invalid' ? 0 : r.solveSeconds * 1000;
    solveOnly[label].push(s);
    console.log(`  in process, warm, mip_rel_gap ${label}: solver ${ms(s)}, ${summary(r)}`);
  }
}

const stat = (xs: number[]) => `median ${ms(median(xs))}, max ${ms(Math.max(...xs))}`;
console.log(`\nover seeds ${SEEDS.join(', ')}: to a proven optimum, cold worker ${stat(toOptimumCold)}; warm worker ${stat(toOptimum)}`);
console.log(`  with the 5 constraint costs (warm worker) ${stat(withCosts)}`);
await closeOptimizer();
console.log(
  `  solver alone, in process, warm: ${Object.entries(solveOnly)
    .map(([k, v]) => `gap ${k} ${ms(median(v))} (max ${ms(Math.max(...v))})`)
    .join(', ')}`,
);
