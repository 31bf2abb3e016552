// A spike of applicants submitting at once, against PostgreSQL: N concurrent clients, M submissions,
// each a real POST /api/applications/:id/submit through the Fastify app (session, CSRF, self-check,
// case number, frozen version, receipt mail, audit entry). Beside it, the ceiling measured in the same
// run: the same count of bare one-row INSERT transactions through the same pool.
// With --funders 2 the applicants are split between two funders' open calls (Norrköping's and an open
// copy for Örebro), so each funder's case-number series and audit chain take half the submissions.
// Usage: DATABASE_URL=postgres://… node bench/submit-spike.ts [--clients 200] [--submissions 2000] [--funders 1|2]
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { verifyAuditTrail } from '../src/db/audit.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import type { ApplicationContent } from '../src/domain/applications/types.ts';
import { addMonths, dateInStockholm } from '../src/domain/deadlines.ts';
import { ore } from '../src/domain/money.ts';
import { seedIfEmpty } from '../src/seed/demo.ts';
import { buildApp } from '../src/server/app.ts';
import { csrfTokenFor } from '../src/server/plugins/session.ts';
import { run } from './load.ts';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '200' },
    submissions: { type: 'string', default: '2000' },
    pool: { type: 'string', default: '20' },
    funders: { type: 'string', default: '1' },
  },
});
const CLIENTS = Number(values.clients);
const N = Number(values.submissions);
const POOL = Number(values.pool);
const FUNDERS = Number(values.funders);
if (FUNDERS !== 1 && FUNDERS !== 2) {
  console.error('--funders is 1 or 2');
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to a PostgreSQL server; this benchmark creates and drops its own database there.');
  process.exit(2);
}

const name = `samverka_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${name}`);
const target = new URL(url);
target.pathname = `/${name}`;
const db = await openDatabase({ databaseUrl: target.href, poolSize: POOL });

/** Runs a script in its own process (the server keeps serving meanwhile) and returns what it printed. */
function runChild(script: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited with ${code}`))));
  });
}

try {
  await migrate(db);
  await seedIfEmpty(db);
  const config = { ...loadConfig({ SESSION_SECRET: randomBytes(32).toString('base64url'), DATA_DIR: '/tmp/samverka-bench' }), logLevel: 'silent' };
  const sn = (await db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  const call = await db.kysely.selectFrom('calls').selectAll().where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow();
  // The second funder: Örebro, with an open call like Norrköping's on one of its own budget lines.
  const ks = (await db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'KS').executeTakeFirstOrThrow()).id;
  const ksLine = (await db.kysely.selectFrom('budget_lines').select('id').where('funder_id', '=', ks).limit(1).executeTakeFirstOrThrow()).id;
  const ksCall = await db.kysely
    .insertInto('calls')
    .values({
      funder_id: ks,
      budget_line_id: ksLine,
      status: 'published',
      title: `${call.title} (Örebro)`,
      amount: call.amount,
      opens_on: call.opens_on,
      deadline: call.deadline,
      rules: JSON.stringify(call.rules),
      published_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  /** Applicant i applies to this funder's call. */
  const funderOf = (i: number) => (FUNDERS === 2 && i % 2 === 1 ? { funderId: ks, callId: ksCall.id } : { funderId: sn, callId: call.id });
  const year = Number(dateInStockholm(new Date()).slice(0, 4));
  // N applicants, each a user in its own approved association with a complete draft and a session.
  const today = dateInStockholm(new Date());
  const content = (i: number, fileId: string): ApplicationContent => ({
    title: `Läxhjälp ${i}`,
    description: 'Läxhjälp två kvällar i veckan.',
    complement: 'Når barn som socialkontoret inte möter.',
    focusAreas: [call.rules.focusAreas[0]],
    activities: [
      {
        typeKey: 'homework_help',
        proposedType: null,
        description: 'Läxhjälp',
        targetGroups: ['children'],
        areas: ['Navestad'],
        from: addMonths(today, 2),
        to: addMonths(today, 8),
        expectedParticipants: 20,
      },
    ],
    budget: [{ label: 'Ledare', amount: ore(5_000_000) }],
    ownContribution: ore(0),
    otherFunding: ore(0),
    amountRequested: ore(5_000_000),
    partners: [],
    contacts: [{ name: `Sökande ${i}`, email: `bench${i}@forening.example`, phone: '' }],
    declarations: { religious_or_political: true, for_profit: true, already_completed: true },
    answers: {},
    attachments: call.rules.requiredAttachments.map((kind) => ({ kind, fileId, name: 'x.pdf' })),
  });
  const clients: { cookie: string; csrf: string; applicationId: string }[] = [];
  for (let start = 0; start < N; start += 500) {
    await db.kysely.transaction().execute(async (tx) => {
      for (let i = start; i < Math.min(N, start + 500); i++) {
        const user = await tx
          .insertInto('users')
          .values({ email: `bench${i}@forening.example`, name: `Sökande ${i}`, password_hash: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        const org = await tx
          .insertInto('organisations')
          .values({ org_number: `bench-${i}`, name: `Bänkföreningen ${i}`, legal_form: 'ideell_forening' })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('organisation_memberships').values({ organisation_id: org.id, user_id: user.id }).execute();
        // Only the organisation's own documents can be submitted.
        const file = await tx
          .insertInto('files')
          .values({ organisation_id: org.id, name: 'x.pdf', content_type: 'application/pdf', size: 4, sha256: '', data: Buffer.from('%PDF') })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('eligibility_approvals')
          .values({ funder_id: funderOf(i).funderId, organisation_id: org.id, status: 'approved', year, board: '[]', valid_until: `${year}-12-31` })
          .execute();
        const app = await tx
          .insertInto('applications')
          .values({
            funder_id: funderOf(i).funderId,
            call_id: funderOf(i).callId,
            organisation_id: org.id,
            organisation_name: `Bänkföreningen ${i}`,
            content: JSON.stringify(content(i, file.id)),
            updated_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const token = randomBytes(32).toString('base64url');
        const sid = createHash('sha256').update(token).digest('hex');
        await tx
          .insertInto('sessions')
          .values({ id: sid, user_id: user.id, last_seen_at: new Date(), expires_at: new Date(Date.now() + 3_600_000) })
          .execute();
        const csrf = csrfTokenFor(config.sessionSecret, sid);
        clients.push({ cookie: `samverka_session=${token}; samverka_csrf=${csrf}`, csrf, applicationId: app.id });
      }
    });
  }

  const app = await buildApp({ db, config }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  // The applicants are another process, as real ones would be: the server's event loop is its own.
  const plan = join(mkdtempSync(join(tmpdir(), 'samverka-spike-')), 'clients.json');
  writeFileSync(plan, JSON.stringify({ base, concurrency: CLIENTS, clients }));
  // While they submit, a connection of its own samples how many of the app's transactions wait for a
  // row lock (the series' and the audit chains' heads): what a second funder can take off.
  const watcher = new pg.Client({ connectionString: target.href });
  await watcher.connect();
  const waits: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const r = await watcher.query(
        "select count(*) filter (where wait_event_type = 'Lock')::int as waiting, count(*) filter (where state = 'active')::int as active from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
      waits.push(r.rows[0].waiting);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const submit = JSON.parse(await runChild(join(import.meta.dirname, 'submit-load.ts'), plan)) as Awaited<
    ReturnType<typeof run<{ status: number; caseNumber?: string }>>
  >;
  sampling = false;
  await sampler;
  await watcher.end();
  const meanWaiting = waits.reduce((a, b) => a + b, 0) / Math.max(1, waits.length);
  // What the load generator alone allows: the same client, count and concurrency against a route that does nothing.
  const floor = JSON.parse(await runChild(join(import.meta.dirname, 'floor-load.ts'), base, String(N), String(CLIENTS))) as Awaited<
    ReturnType<typeof run<{ status: number }>>
  >;
  await app.close();

  await sql`create table bench_ceiling (id uuid primary key, payload text not null)`.execute(db.kysely);
  const ceiling = await run(N, CLIENTS, (i) =>
    db.kysely.transaction().execute((tx) =>
      tx
        .insertInto('bench_ceiling' as never)
        .values({ id: randomUUID(), payload: `row ${i}` } as never)
        .execute(),
    ),
  );

  const ok = submit.results.filter((r) => r.status === 200);
  const numbers = new Set(ok.map((r) => r.caseNumber));
  const stored = await db.kysely
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'submitted')
    .where('call_id', 'in', [call.id, ksCall.id])
    .executeTakeFirstOrThrow();
  const series = await db.kysely
    .selectFrom('numbered_series')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('last'), eb.lit(0)).as('last'))
    .where('funder_id', 'in', [sn, ks])
    .where('kind', '=', 'application')
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  const trails = await verifyAuditTrail(db);
  const failures = submit.results.filter((r) => r.status !== 200).slice(0, 5);

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`);
  console.log(
    `PostgreSQL ${(await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db.kysely)).rows[0].v}, pool ${POOL}, ${CLIENTS} concurrent clients, ${N} submissions to ${FUNDERS} funder${FUNDERS === 2 ? 's' : ''}`,
  );
  console.log(
    `submissions: ${submit.perSecond.toFixed(0)}/s, p50 ${submit.p50.toFixed(1)} ms, p99 ${submit.p99.toFixed(1)} ms (${submit.seconds.toFixed(1)} s)`,
  );
  console.log(
    `ceiling (bare INSERT transactions, same pool): ${ceiling.perSecond.toFixed(0)}/s, p50 ${ceiling.p50.toFixed(1)} ms, p99 ${ceiling.p99.toFixed(1)} ms`,
  );
  console.log(`ratio: ${((submit.perSecond / ceiling.perSecond) * 100).toFixed(0)} % of the ceiling`);
  console.log(`waiting for a row lock while submitting: ${meanWaiting.toFixed(1)} transactions on average (of a pool of ${POOL}; ${waits.length} samples)`);
  console.log(
    `load generator alone (GET /healthz, same client and concurrency, no database): ${floor.perSecond.toFixed(0)}/s, p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms`,
  );
  console.log(
    `answers 200: ${ok.length}/${N}; distinct case numbers: ${numbers.size}; submitted rows: ${Number(stored.n)}; series at: ${Number(series.last)}; audit chains intact: ${trails.ok} (${trails.count} entries in ${trails.chains.length} chains)`,
  );
  if (failures.length) console.log('first failures:', failures);
  if (ok.length !== N || numbers.size !== N || Number(stored.n) !== N || Number(series.last) !== N || !trails.ok) {
    console.error('LOST OR DUPLICATED SUBMISSIONS');
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
