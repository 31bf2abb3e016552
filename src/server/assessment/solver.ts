import { Worker } from 'node:worker_threads';
import { DEFAULTS } from '../../domain/optimizer/run.ts';
import type { OptimizeOptions, OptimizerInput, OptimizerResult } from '../../domain/optimizer/types.ts';
import type { WorkerJob, WorkerReply } from './solver-worker.ts';

/** Added to the solver's own limits before a worker that has not answered is stopped. */
const GRACE_SECONDS = 30;
/** An idle worker is kept this long for the next call, then stopped. */
const IDLE_MS = 60_000;

let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;

function takeWorker(): Worker {
  if (idle) {
    const { worker, timer } = idle;
    idle = null;
    clearTimeout(timer);
    worker.ref();
    return worker;
  }
  const worker = new Worker(new URL('./solver-worker.ts', import.meta.url));
  // A fault during a job reaches that job's own listeners; these keep a fault of an idle worker from going unhandled.
  worker.on('error', () => {});
  worker.on('exit', () => {
    if (idle?.worker !== worker) return;
    clearTimeout(idle.timer);
    idle = null;
  });
  return worker;
}

/** Keeps one idle worker (without holding the process open); any other is stopped. */
function releaseWorker(worker: Worker) {
  if (idle) {
    void worker.terminate();
    return;
  }
  worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null;
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { worker, timer };
}

/** Stops the idle worker, if any (at shutdown, or to measure a cold start). */
export async function closeOptimizer(): Promise<void> {
  if (!idle) return;
  const { worker, timer } = idle;
  idle = null;
  clearTimeout(timer);
  await worker.terminate();
}

/**
 * Proposes an allocation (see types.ts). Solving runs in a worker thread, so the event loop stays
 * free: one idle worker is kept warm for the next call, and calls that overlap get workers of their
 * own. Resolves with status optimal | time_limit | infeasible | invalid; rejects only on a fault
 * (a solver error, a crashed worker, or no answer within the limits plus a grace period, after
 * which that worker is stopped).
 */
export function optimize(input: OptimizerInput, options: OptimizeOptions = {}): Promise<OptimizerResult> {
  const main = options.timeLimitSeconds ?? DEFAULTS.timeLimitSeconds;
  const followUp = options.followUpTimeLimitSeconds ?? main;
  // Each follow-up solve gets at least 0.1 s (run.ts), one per constraint.
  const watchdogMs = (main + followUp + 0.1 * input.constraints.length + GRACE_SECONDS) * 1000;
  return new Promise((resolve, reject) => {
    const worker = takeWorker();
    const onMessage = (reply: WorkerReply) => finish(true, () => (reply.ok ? resolve(reply.result) : reject(new Error(reply.message))));
    const onError = (err: Error) => finish(false, () => reject(err));
    const onExit = (code: number) => finish(false, () => reject(new Error(`optimizer: the worker stopped (exit code ${code}) without an answer`)));
    const timer = setTimeout(() => finish(false, () => reject(new Error(`optimizer: no answer within ${Math.round(watchdogMs / 1000)} s`))), watchdogMs);
    function finish(reusable: boolean, settle: () => void) {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable) releaseWorker(worker);
      else void worker.terminate();
      settle();
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ input, options } satisfies WorkerJob);
  });
}
