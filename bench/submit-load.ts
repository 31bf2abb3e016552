// The applicants of bench/submit-spike, in a process of their own: reads the plan, submits, prints results as JSON.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { run } from './load.ts';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8')) as {
  base: string;
  concurrency: number;
  clients: { cookie: string; csrf: string; applicationId: string }[];
};
const result = await run(plan.clients.length, plan.concurrency, async (i) => {
  const c = plan.clients[i];
  const res = await fetch(`${plan.base}/api/applications/${c.applicationId}/submit`, {
    method: 'POST',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: '{}',
  });
  const body = (await res.json()) as { caseNumber?: string; code?: string };
  return { status: res.status, caseNumber: body.caseNumber ?? body.code };
});
process.stdout.write(JSON.stringify(result));
