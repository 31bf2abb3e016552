/**
 * The worker thread that runs the optimizer: HiGHS's solve blocks its thread until it stops, so it
 * must never run on the server's event loop. It loads HiGHS once, then answers each message
 * ({ input, options }) with one reply ({ ok: true, result } or { ok: false, message }), one job at a
 * time; solver.ts keeps it for the next call while it is idle, so HiGHS is loaded and its
 * WebAssembly compiled and warmed once, not per call.
 * Plain .ts with erasable syntax only, so Node 24 loads it directly, in the server and in vitest.
 */
import { parentPort } from 'node:worker_threads';
import { createHighsSolve } from '../../domain/optimizer/highs-solve.ts';
import { loadHighs } from '../../domain/optimizer/load-highs.ts';
import { runOptimizer } from '../../domain/optimizer/run.ts';
import type { OptimizeOptions, OptimizerInput, OptimizerResult } from '../../domain/optimizer/types.ts';

export interface WorkerJob {
  input: OptimizerInput;
  options: OptimizeOptions;
}
export type WorkerReply = { ok: true; result: OptimizerResult } | { ok: false; message: string };

const solve = loadHighs().then(createHighsSolve);

parentPort?.on('message', async ({ input, options }: WorkerJob) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, result: runOptimizer(input, await solve, options) };
  } catch (e) {
    reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
