// A payment run at the scale: 10 000 instalments across 2 000 organisations, prepared by one
// finance officer, approved by another, and its three files written, through the real commands (not
// HTTP, so the figure is the work). Each repetition starts from a fresh database (PGlite in a temp
// dir, or PostgreSQL with DATABASE_URL: a new database per repetition), loads the demo and bulk-inserts
// the organisations, accounts, granted applications, signed agreements, their ledger and the due
// instalments in plain SQL (set-up, not measured). The files are streamed to /dev/null as the file
// route does, with memory sampled meanwhile, for a small and a large run, to show memory stays flat.
//
//   npm run bench:payment-run -- [--payments 1000,10000] [--runs 3]
//   DATABASE_URL=postgres://…/bench npm run bench:payment-run   (BENCH_KEEP=1 keeps the databases)
//
// Prints a table; copy the figures to docs/performance.md.
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { scoped, system } from '../src/db/scope.ts';
import { bankDayOnOrAfter } from '../src/domain/bank-days.ts';
import { dateInStockholm } from '../src/domain/deadlines.ts';
import { type Ore, ore } from '../src/domain/money.ts';
import { seedIfEmpty } from '../src/seed/demo.ts';
import type { AppContext } from '../src/server/context.ts';
import { approveRun } from '../src/server/payments/approve-run.ts';
import { RUN_FILES, type RunFileKind, runFile } from '../src/server/payments/files.ts';
import { prepareRun } from '../src/server/payments/prepare-run.ts';
import { runHeader, runPayments } from '../src/server/payments/store.ts';
import { principalFor, type SignedInUser, scopeOf } from '../src/server/plugins/session.ts';

const { values: args } = parseArgs({
  options: {
    payments: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    'per-organisation': { type: 'string', default: '5' },
  },
});
const SIZES = args.payments.split(',').map(Number);
const RUNS = Number(args.runs);
const PER_ORG = Number(args['per-organisation']);
const DATABASE_URL = process.env.DATABASE_URL || undefined;
const INSTALMENT = ore(25_000_00); // 25 000 kr each, 125 000 kr per agreement

/** The Luhn (mod 10) check digit of a string of digits, as bankgiro and organisation numbers use. */
function luhn(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

// Names with what the files must carry (å ä ö, and letters SIE's code page 437 does not have).
const NAMES = ['Föreningen Trygga Gårdar', 'Nattvandrarna Öst', 'Idrottsalliansen Ålö', 'Kulturföreningen Çağrı', 'Łódź vänförening', 'جمعية الجيران'];

// ---- a fresh database -----------------------------------------------------------------------------

async function freshDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (!DATABASE_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'samverka-bench-run-'));
    const db = await openDatabase({ dataDir: join(dir, 'pglite') });
    return {
      db,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `bench_run_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.href, poolSize: 10 });
  return {
    db,
    drop: async () => {
      await db.close();
      if (!process.env.BENCH_KEEP) await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

// ---- set-up: not measured ---------------------------------------------------------------------------

interface Fixture {
  funderId: string;
  preparer: SignedInUser;
  approver: SignedInUser;
  executionDate: string;
}

async function userByEmail(db: Database, email: string): Promise<SignedInUser> {
  const u = await db.kysely.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('email', '=', email).executeTakeFirstOrThrow();
  return principalFor(db.kysely, { ...u, locale: u.locale as 'sv' | 'en' }, `bench-${u.id}`);
}

async function insertBatched<R>(rows: R[], insert: (batch: R[]) => Promise<unknown>, size = 1000) {
  for (let k = 0; k < rows.length; k += size) await insert(rows.slice(k, k + size));
}

async function seed(db: Database, payments: number): Promise<Fixture> {
  await migrate(db);
  await seedIfEmpty(db, loadConfig({ ...process.env, SESSION_SECRET: 'unused-by-the-bench' }));
  const orgCount = Math.ceil(payments / PER_ORG);
  const today = dateInStockholm(new Date());
  const now = new Date();
  const funderId = await system(db, async (tx) => {
    const funder = await tx.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow();
    const funderId = funder.id;
    const call = await tx
      .selectFrom('calls')
      .select(['id', 'budget_line_id'])
      .where('funder_id', '=', funderId)
      .where('budget_line_id', 'is not', null)
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const orgs = Array.from({ length: orgCount }, (_, i) => {
      const orgBase = `8029${String(i).padStart(5, '0')}`;
      const orgNumber = `${orgBase.slice(0, 6)}-${orgBase.slice(6)}${luhn(orgBase)}`;
      const bgBase = `5${String(i).padStart(6, '0')}`;
      const amount = ore(INSTALMENT * PER_ORG);
      return {
        id: randomUUID(),
        applicationId: randomUUID(),
        decisionId: randomUUID(),
        agreementId: randomUUID(),
        orgNumber,
        name: `${NAMES[i % NAMES.length]} ${i + 1}`,
        bankgiro: `${bgBase}${luhn(bgBase)}`,
        amount,
        agreementNumber: `SN A${today.slice(0, 4)}/${String(50000 + i).padStart(5, '0')}`,
      };
    });
    await insertBatched(orgs, (b) =>
      tx
        .insertInto('organisations')
        .values(b.map((o) => ({ id: o.id, org_number: o.orgNumber, name: o.name, legal_form: 'ideell_forening', municipality: 'Norrköping' })))
        .execute(),
    );
    await insertBatched(orgs, (b) =>
      tx
        .insertInto('payout_accounts')
        .values(
          b.map((o) => ({
            funder_id: funderId,
            organisation_id: o.id,
            kind: 'bankgiro' as const,
            number: o.bankgiro,
            holder_org_number: o.orgNumber,
            status: 'approved' as const,
            source: 'funder' as const,
            decided_at: now,
          })),
        )
        .execute(),
    );
    await insertBatched(orgs, (b) =>
      tx
        .insertInto('applications')
        .values(
          b.map((o, i) => ({
            id: o.applicationId,
            funder_id: funderId,
            call_id: call.id,
            organisation_id: o.id,
            organisation_name: o.name,
            status: 'submitted' as const,
            title: 'Trygghetsvandringar',
            amount_requested: o.amount,
            content: JSON.stringify({}),
            submitted_content: JSON.stringify({}),
            submitted_at: now,
            case_number: `SN ${today.slice(0, 4)}/B${o.agreementNumber.slice(-5)}${i}`,
          })),
        )
        .execute(),
    );
    await insertBatched(orgs, (b) =>
      tx
        .insertInto('decisions')
        .values(
          b.map((o) => ({
            id: o.decisionId,
            funder_id: funderId,
            call_id: call.id,
            application_id: o.applicationId,
            outcome: 'approved' as const,
            amount: o.amount,
            amount_requested: o.amount,
            reasons: 'Väl underbyggd ansökan.',
            made_by: 'delegate' as const,
            decision_body: 'Socialnämnden',
            decided_on: today,
            announced_on: today,
            recorded_at: now,
          })),
        )
        .execute(),
    );
    await insertBatched(orgs, (b) =>
      tx
        .insertInto('agreements')
        .values(
          b.map((o) => ({
            id: o.agreementId,
            funder_id: funderId,
            application_id: o.applicationId,
            decision_id: o.decisionId,
            organisation_id: o.id,
            call_id: call.id,
            number: o.agreementNumber,
            kind: 'assignment' as const,
            status: 'signed' as const,
            amount: o.amount,
            content: JSON.stringify({}),
            schedule: JSON.stringify([]),
            // Set-up only: these agreements are never signed through the command, so no signature checks this hash.
            content_sha256: '0'.repeat(64),
            signed_at: now,
          })),
        )
        .execute(),
    );
    // The ledger as the commands leave it: granted by the decision (budget −a, granted +a), then
    // committed by the signature (granted −a, committed +a). Each journal sums to zero.
    const lines = orgs.flatMap((o) => {
      const dims = {
        funder_id: funderId,
        at: now,
        budget_line_id: call.budget_line_id,
        call_id: call.id,
        application_id: o.applicationId,
        organisation_id: o.id,
      };
      const grant = randomUUID();
      const sign = randomUUID();
      return [
        { ...dims, journal_id: grant, account: 'budget', amount: -o.amount, agreement_id: null, source: 'decision', source_id: o.decisionId },
        { ...dims, journal_id: grant, account: 'granted', amount: o.amount, agreement_id: null, source: 'decision', source_id: o.decisionId },
        { ...dims, journal_id: sign, account: 'granted', amount: -o.amount, agreement_id: o.agreementId, source: 'agreement', source_id: o.agreementId },
        { ...dims, journal_id: sign, account: 'committed', amount: o.amount, agreement_id: o.agreementId, source: 'agreement', source_id: o.agreementId },
      ];
    });
    await insertBatched(lines, (b) =>
      tx
        .insertInto('ledger_entries')
        .values(b as never)
        .execute(),
    );
    const instalments = orgs
      .flatMap((o) =>
        Array.from({ length: PER_ORG }, (_, n) => ({
          funder_id: funderId,
          agreement_id: o.agreementId,
          organisation_id: o.id,
          number: n + 1,
          amount: INSTALMENT as Ore,
          condition: 'on_signing' as const,
          due_on: today,
          status: 'due' as const,
        })),
      )
      .slice(0, payments);
    await insertBatched(instalments, (b) => tx.insertInto('instalments').values(b).execute());
    await tx
      .insertInto('funder_payment_settings')
      .values({
        funder_id: funderId,
        debtor_name: 'Norrköpings kommun',
        debtor_org_number: '212000-0449',
        debtor_account_kind: 'bankgiro',
        debtor_account_number: '5050-1055',
        debtor_bic: 'HANDSESS',
        initiating_party_id: 'NKPG-SOC-01',
        initiating_party_scheme: 'BANK',
        voucher_series: 'B',
        credit_account: '2441',
        default_accounting: JSON.stringify({ account: '4590', responsibility: '3100', activity: '760', project: null }),
      })
      .onConflict((oc) => oc.column('funder_id').doNothing())
      .execute();
    return funderId;
  });
  // Statistics for the planner, as autovacuum would have gathered them on a live system.
  await sql`analyze`.execute(db.kysely);
  return {
    funderId,
    preparer: await userByEmail(db, 'ekonomi@norrkoping.example'),
    approver: await userByEmail(db, 'attest@norrkoping.example'),
    executionDate: bankDayOnOrAfter(today),
  };
}

// ---- measured ------------------------------------------------------------------------------------

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

/** Samples memory every few milliseconds while `work` runs; answers the peaks and the values before. */
async function sampled<T>(work: () => Promise<T>): Promise<{ result: T; before: Memory; peak: Memory }> {
  (globalThis as { gc?: () => void }).gc?.();
  const take = (): Memory => {
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers };
  };
  const before = take();
  const peak = { ...before };
  const sample = () => {
    const m = take();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await work();
    sample();
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}

interface Measurement {
  payments: number;
  organisations: number;
  prepare: number;
  approve: number;
  files: number;
  sizes: Record<RunFileKind, number>;
  before: Memory;
  peak: Memory;
  /** Heap in use after the files and a full collection: what writing them left behind. */
  retained: number;
}

async function measure(payments: number): Promise<Measurement> {
  const { db, drop } = await freshDatabase();
  try {
    const f = await seed(db, payments);
    const ctx: AppContext = { db, config: loadConfig({ ...process.env, SESSION_SECRET: 'unused-by-the-bench' }) };
    let t = performance.now();
    const prepared = await prepareRun(ctx, f.preparer, f.funderId, { executionDate: f.executionDate });
    const prepare = performance.now() - t;
    if (prepared.count !== payments) throw new Error(`the run holds ${prepared.count} payments, not ${payments}`);
    t = performance.now();
    await approveRun(ctx, f.approver, prepared.id);
    const approve = performance.now() - t;
    // The three files as GET /api/payment-runs/:id/files/:kind writes them: read a page at a time,
    // each page in a transaction of its own, streamed out as it is written.
    const sizes = { pain001: 0, sie: 0, csv: 0 };
    t = performance.now();
    const { before, peak } = await sampled(async () => {
      const run = await scoped(db, scopeOf(f.approver, f.funderId), (tx) =>
        tx.selectFrom('payment_runs').selectAll().where('id', '=', prepared.id).executeTakeFirstOrThrow(),
      );
      if (run.status !== 'approved' || !run.settings) throw new Error('the run is not approved');
      const read = <T>(fn: Parameters<typeof scoped<T>>[2]) => scoped(db, scopeOf(f.approver, f.funderId), fn);
      for (const kind of Object.keys(RUN_FILES) as RunFileKind[]) {
        const chunks = runFile(kind, runHeader(run), run.settings, runPayments(read, run.id));
        await pipeline(
          Readable.from(
            (async function* () {
              for await (const c of chunks) {
                const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
                sizes[kind] += b.length;
                yield b;
              }
            })(),
          ),
          createWriteStream('/dev/null'),
        );
      }
    });
    const files = performance.now() - t;
    (globalThis as { gc?: () => void }).gc?.();
    const retained = process.memoryUsage().heapUsed;
    return { payments, organisations: Math.ceil(payments / PER_ORG), prepare, approve, files, sizes, before, peak, retained };
  } finally {
    await drop();
  }
}

// ---- report --------------------------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (xs: number[]) => `${Math.round(median(xs))} ms (${xs.map(Math.round).join(', ')})`;
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const mibs = (xs: number[]) => `${mib(median(xs))} (${xs.map(mib).join(', ')})`;

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
    `${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${new Date().toISOString()}`,
);
if (!(globalThis as { gc?: unknown }).gc) console.log('(run with --expose-gc for comparable memory figures)');
const results: Measurement[][] = [];
for (const size of SIZES) {
  const runs: Measurement[] = [];
  for (let i = 0; i < RUNS; i++) {
    const m = await measure(size);
    runs.push(m);
    console.log(
      `  ${size} payments, run ${i + 1}: prepare ${Math.round(m.prepare)} ms, approve ${Math.round(m.approve)} ms, files ${Math.round(m.files)} ms, ` +
        `total ${Math.round(m.prepare + m.approve + m.files)} ms; heap ${mib(m.before.heapUsed)}→${mib(m.peak.heapUsed)} MiB, rss ${mib(m.before.rss)}→${mib(m.peak.rss)} MiB, heap after gc ${mib(m.retained)} MiB`,
    );
  }
  results.push(runs);
}
console.log(`\nmedian (runs) — load now ${loadavg()[0].toFixed(1)}`);
console.log(
  '| payments / organisations | prepare | approve | write 3 files | total | files (pain.001 / SIE / CSV) | heap during files, before → peak → after gc, MiB | RSS during files, before → peak MiB |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const runs of results) {
  const m = runs[0];
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(
    `| ${m.payments} / ${m.organisations} | ${ms(runs.map((r) => r.prepare))} | ${ms(runs.map((r) => r.approve))} | ${ms(runs.map((r) => r.files))} | ` +
      `${ms(runs.map((r) => r.prepare + r.approve + r.files))} | ${kib(m.sizes.pain001)} / ${kib(m.sizes.sie)} / ${kib(m.sizes.csv)} | ` +
      `${mibs(runs.map((r) => r.before.heapUsed))} → ${mibs(runs.map((r) => r.peak.heapUsed))} → ${mibs(runs.map((r) => r.retained))} | ${mibs(runs.map((r) => r.before.rss))} → ${mibs(runs.map((r) => r.peak.rss))} |`,
  );
}
