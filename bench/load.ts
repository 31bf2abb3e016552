/** Runs count tasks with at most concurrency at a time; reports throughput and latency percentiles. */
export async function run<T>(count: number, concurrency: number, task: (i: number) => Promise<T>) {
  const latencies: number[] = [];
  const results: T[] = new Array(count);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        results[i] = await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { results, perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds };
}

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
