// A spike of applicants submitting at once, against PostgreSQL: N concurrent clients, M submissions,
// each a real POST /api/applications/:id/submit through the Fastify app (session, CSRF, self-check,
// case number, frozen version, receipt mail, audit entry). Beside it, the ceiling measured in the same
// run: the same count of bare one-row INSERT transactions through the same pool.
// Usage: DATABASE_URL=postgres://… node bench/submit-spike.ts [--clients 200] [--submissions 2000]
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import type { ApplicationContent } from '../src/domain/applications/types.ts';
import { addMonths, dateInStockholm } from '../src/domain/deadlines.ts';
import { seedIfEmpty } from '../src/seed/demo.ts';
import { buildApp } from '../src/server/app.ts';
import { csrfTokenFor } from '../src/server/plugins/session.ts';
import { run } from './load.ts';

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '200' }, submissions: { type: 'string', default: '2000' }, pool: { type: 'string', default: '20' } },
});
const CLIENTS = Number(values.clients);
const N = Number(values.submissions);
const POOL = Number(values.pool);
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
  const call = await db.kysely.selectFrom('calls').select(['id', 'rules']).where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow();
  const year = Number(dateInStockholm(new Date()).slice(0, 4));
  const file = await db.kysely
    .insertInto('files')
    .values({
      organisation_id: (await db.kysely.selectFrom('organisations').select('id').limit(1).executeTakeFirstOrThrow()).id,
      name: 'x.pdf',
      content_type: 'application/pdf',
      size: 4,
      sha256: '',
      data: Buffer.from('%PDF'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // N applicants, each a user in its own approved association with a complete draft and a session.
  const today = dateInStockholm(new Date());
  const content = (i: number): ApplicationContent => ({
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
    budget: [{ label: 'Ledare', amount: 5_000_000 }],
    ownContribution: 0,
    otherFunding: 0,
    amountRequested: 5_000_000,
    partners: [],
    contacts: [{ name: `Sökande ${i}`, email: `bench${i}@forening.example`, phone: '' }],
    declarations: { religious_or_political: true, for_profit: true, already_completed: true },
    answers: {},
    attachments: call.rules.requiredAttachments.map((kind) => ({ kind, fileId: file.id, name: 'x.pdf' })),
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
        await tx
          .insertInto('eligibility_approvals')
          .values({ funder_id: sn, organisation_id: org.id, status: 'approved', year, board: '[]', valid_until: `${year}-12-31` })
          .execute();
        const app = await tx
          .insertInto('applications')
          .values({
            funder_id: sn,
            call_id: call.id,
            organisation_id: org.id,
            organisation_name: `Bänkföreningen ${i}`,
            content: JSON.stringify(content(i)),
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
  const submit = JSON.parse(await runChild(join(import.meta.dirname, 'submit-load.ts'), plan)) as Awaited<
    ReturnType<typeof run<{ status: number; caseNumber?: string }>>
  >;
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
    .where('call_id', '=', call.id)
    .executeTakeFirstOrThrow();
  const series = await db.kysely
    .selectFrom('numbered_series')
    .select('last')
    .where('funder_id', '=', sn)
    .where('kind', '=', 'application')
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  const failures = submit.results.filter((r) => r.status !== 200).slice(0, 5);

  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`);
  console.log(
    `PostgreSQL ${(await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db.kysely)).rows[0].v}, pool ${POOL}, ${CLIENTS} concurrent clients, ${N} submissions`,
  );
  console.log(
    `submissions: ${submit.perSecond.toFixed(0)}/s, p50 ${submit.p50.toFixed(1)} ms, p99 ${submit.p99.toFixed(1)} ms (${submit.seconds.toFixed(1)} s)`,
  );
  console.log(
    `ceiling (bare INSERT transactions, same pool): ${ceiling.perSecond.toFixed(0)}/s, p50 ${ceiling.p50.toFixed(1)} ms, p99 ${ceiling.p99.toFixed(1)} ms`,
  );
  console.log(`ratio: ${((submit.perSecond / ceiling.perSecond) * 100).toFixed(0)} % of the ceiling`);
  console.log(
    `load generator alone (GET /healthz, same client and concurrency, no database): ${floor.perSecond.toFixed(0)}/s, p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms`,
  );
  console.log(`answers 200: ${ok.length}/${N}; distinct case numbers: ${numbers.size}; submitted rows: ${Number(stored.n)}; series at: ${series.last}`);
  if (failures.length) console.log('first failures:', failures);
  if (ok.length !== N || numbers.size !== N || Number(stored.n) !== N || series.last !== N) {
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
