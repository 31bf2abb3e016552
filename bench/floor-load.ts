// The load generator's own limit beside bench/submit-spike: the same client process sends the same number of requests at
// the same concurrency to a route that does no work (GET /healthz), and prints the result as JSON.
import { run } from './load.ts';

const [base, count, concurrency] = process.argv.slice(2);
const result = await run(Number(count), Number(concurrency), async () => {
  const res = await fetch(`${base}/healthz`);
  await res.arrayBuffer();
  return { status: res.status };
});
process.stdout.write(JSON.stringify(result));
