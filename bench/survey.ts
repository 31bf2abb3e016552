// One poster in a sports hall: N participants (200 by default) answer the survey at once, against a real
// started server (HTTP on a loopback port), on PGlite by default or on PostgreSQL when DATABASE_URL is set (a
// database of its own, created and dropped). Each participant is a phone of its own: a distinct user agent
// (iPhones and Android phones of different models and versions, as in a real hall), all from one address as
// behind the hall's NAT, so the rate limit sees what it would see there. Each loads the page (GET /s/:token),
// then sends the form (POST, urlencoded) and follows nothing: the answer is the 303 with its cookie.
// The participants run in a process of their own, so the server's event loop is its own.
// Reports answers/s, p50 and p99 of the answer and of the page, and checks that exactly N answers were stored.
// Usage: npm run bench:survey [-- --participants 200]      (DATABASE_URL=postgres://… for PostgreSQL)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedIfEmpty } from '../src/seed/demo.ts';
import { buildApp } from '../src/server/app.ts';
import { percentile, run } from './load.ts';

const { values } = parseArgs({
  options: {
    participants: { type: 'string', default: '200' },
    /** Internal: run as the participants' process, with the plan in this file. */
    phones: { type: 'string' },
  },
});

interface Plan {
  base: string;
  token: string;
  userAgents: string[];
}

interface PhoneResult {
  page: number;
  pageMs: number;
  answer: number;
  answerMs: number;
  cookie: string | null;
}

/** A user agent per phone, each different, as a hall's phones are: models, system and browser versions vary. */
function userAgents(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    if (i % 5 < 2) {
      const ios = `${16 + (i % 3)}_${i % 7}`;
      out.push(
        `Mozilla/5.0 (iPhone; CPU iPhone OS ${ios} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${16 + (i % 3)}.${i % 7} Mobile/15E${148 + i} Safari/604.1`,
      );
    } else {
      const model = ['SM-A146P', 'SM-A256B', 'Redmi Note 12', 'moto g54', 'Pixel 7a', 'CPH2591', 'SM-G991B'][i % 7];
      out.push(
        `Mozilla/5.0 (Linux; Android ${11 + (i % 4)}; ${model} Build/UP1A.${231005 + i}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${120 + (i % 12)}.0.${6099 + i}.${i % 200} Mobile Safari/537.36`,
      );
    }
  }
  return out;
}

/** The participants' side: every phone loads the page and sends its answer, all at once. */
async function phones(plan: Plan) {
  const n = plan.userAgents.length;
  const pages = await Promise.all(
    plan.userAgents.map(async (ua) => {
      const t0 = performance.now();
      const res = await fetch(`${plan.base}/s/${plan.token}?lang=easy`, { headers: { 'user-agent': ua, 'accept-language': 'sv-SE' } });
      const html = await res.text();
      return { status: res.status, ms: performance.now() - t0, version: /name="questionsVersion" value="([^"]*)"/.exec(html)?.[1] ?? '' };
    }),
  );
  const answered = await run(n, n, async (i): Promise<PhoneResult> => {
    const ua = plan.userAgents[i] as string;
    const form = new URLSearchParams({
      questionsVersion: pages[i]?.version ?? '',
      'ratings.safe': String(1 + (i % 5)),
      'ratings.welcome': String(1 + ((i + 1) % 5)),
      'ratings.come_back': String(1 + ((i + 2) % 5)),
      'ratings.learned': String(1 + ((i + 3) % 5)),
      'ratings.listened': String(1 + ((i + 4) % 5)),
      ageBand: ['under_13', '13_15', '16_18', '19_25', 'over_25', 'not_said'][i % 6] as string,
      freeText: i % 3 === 0 ? `Det var kul, svar ${i} 🙂 Åsa & Çağla` : '',
    });
    const t0 = performance.now();
    const res = await fetch(`${plan.base}/s/${plan.token}?lang=easy`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'user-agent': ua, 'accept-language': 'sv-SE', 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    await res.arrayBuffer();
    return {
      page: pages[i]?.status ?? 0,
      pageMs: pages[i]?.ms ?? 0,
      answer: res.status,
      answerMs: performance.now() - t0,
      cookie: res.headers.get('set-cookie'),
    };
  });
  const pageMs = pages.map((p) => p.ms).sort((a, b) => a - b);
  // What the same client and machine allow at the same concurrency without the database: GET /healthz.
  const floor = await run(n, n, async () => {
    const res = await fetch(`${plan.base}/healthz`, { headers: { 'user-agent': 'bench' } });
    await res.arrayBuffer();
    return res.status;
  });
  process.stdout.write(
    JSON.stringify({
      ...answered,
      pageP50: percentile(pageMs, 50),
      pageP99: percentile(pageMs, 99),
      floor: { perSecond: floor.perSecond, p50: floor.p50, p99: floor.p99 },
    }),
  );
}

function runChild(planFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [import.meta.filename, '--phones', planFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`the participants' process exited with ${code}`))));
  });
}

async function main() {
  const N = Number(values.participants);
  const url = process.env.DATABASE_URL;
  const work = mkdtempSync(join(tmpdir(), 'samverka-bench-survey-'));
  let db: Database;
  let drop: (() => Promise<void>) | null = null;
  if (url) {
    const name = `samverka_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    db = await openDatabase({ databaseUrl: target.href, poolSize: 20 });
    drop = async () => {
      // The pool's sockets close after close() resolves; dropping under them would make them fail loudly.
      for (let i = 0; i < 100; i++) {
        const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    // A new data directory starts from the migrated template npm ci made, as a first `npm start` does.
    db = await openDatabase({ dataDir: join(work, 'pglite') });
  }
  try {
    await migrate(db);
    const config = { ...loadConfig({ SESSION_SECRET: randomBytes(32).toString('base64url'), DATA_DIR: work }), logLevel: 'silent' };
    await seedIfEmpty(db, config);
    // A signed agreement of the demo's and its survey (opened here as signing opens one, if it has none).
    const agreement = await db.kysely
      .selectFrom('agreements')
      .select(['id', 'funder_id', 'organisation_id'])
      .where('status', '=', 'signed')
      .orderBy('number')
      .limit(1)
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('surveys')
      .values({
        funder_id: agreement.funder_id,
        agreement_id: agreement.id,
        organisation_id: agreement.organisation_id,
        token: randomBytes(16).toString('base64url'),
      })
      .onConflict((oc) => oc.column('agreement_id').doNothing())
      .execute();
    const survey = await db.kysely.selectFrom('surveys').select(['id', 'token']).where('agreement_id', '=', agreement.id).executeTakeFirstOrThrow();
    const before = Number(
      (
        await db.kysely
          .selectFrom('survey_answers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('survey_id', '=', survey.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

    const app = await buildApp({ db, config }, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    config.publicUrl = base;

    const planFile = join(work, 'plan.json');
    const agents = userAgents(N);
    writeFileSync(planFile, JSON.stringify({ base, token: survey.token, userAgents: agents } satisfies Plan));
    const result = JSON.parse(await runChild(planFile)) as Awaited<ReturnType<typeof run<PhoneResult>>> & {
      pageP50: number;
      pageP99: number;
      floor: { perSecond: number; p50: number; p99: number };
    };
    await app.close();

    const stored =
      Number(
        (
          await db.kysely
            .selectFrom('survey_answers')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('survey_id', '=', survey.id)
            .executeTakeFirstOrThrow()
        ).n,
      ) - before;
    const statuses = new Map<string, number>();
    for (const r of result.results) statuses.set(`page ${r.page}, answer ${r.answer}`, (statuses.get(`page ${r.page}, answer ${r.answer}`) ?? 0) + 1);
    const cookies = new Set(result.results.map((r) => r.cookie?.split(';')[0]).filter(Boolean));
    const version = url ? (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db.kysely)).rows[0]?.v : null;

    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}, ${new Date().toISOString()}`,
    );
    console.log(`database: ${url ? `PostgreSQL ${version} (pool 20)` : 'PGlite (embedded)'}; ${N} phones, distinct user agents, one address (the hall's NAT)`);
    console.log(
      `answers: ${result.perSecond.toFixed(0)}/s over ${result.seconds.toFixed(2)} s, p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms`,
    );
    console.log(`pages (all loaded at once before answering): p50 ${result.pageP50.toFixed(0)} ms, p99 ${result.pageP99.toFixed(0)} ms`);
    console.log(
      `load generator alone (GET /healthz, same client and concurrency, no database): ${result.floor.perSecond.toFixed(0)}/s, p50 ${result.floor.p50.toFixed(0)} ms, p99 ${result.floor.p99.toFixed(0)} ms`,
    );
    console.log(`statuses: ${[...statuses].map(([k, v]) => `${k}: ${v}`).join('; ')}`);
    console.log(`stored: ${stored} answers; ${cookies.size} distinct cookies`);
    if (stored !== N || cookies.size !== N || result.results.some((r) => r.answer !== 303)) {
      console.error('LOST, REFUSED OR DOUBLED ANSWERS');
      process.exitCode = 1;
    }
  } finally {
    await db.close();
    await drop?.();
    rmSync(work, { recursive: true, force: true });
  }
}

if (values.phones) await phones(JSON.parse(readFileSync(values.phones, 'utf8')) as Plan);
else await main();
