// The budget guard over every change that moves money: decisions and superseding decisions, a call's
// amendments and publication. Concurrency here only proves anything on PostgreSQL (PGlite runs one
// transaction at a time); CI runs this file on both.

import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRules } from '../../src/domain/calls/types.ts';
import { addDays, dateInStockholm } from '../../src/domain/deadlines.ts';
import { type Ore, ore } from '../../src/domain/money.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { allOk, asking, decision, demoTemplate, publishedCall, receivedApplication, type Template } from '../support/fixtures.ts';

let t: TestApp;
let sn: string;
let caseworker: Client;
let template: Template;

beforeAll(async () => {
  t = await createTestApp();
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  caseworker = new Client(t.app);
  await caseworker.login('handlaggare@norrkoping.example');
  template = await demoTemplate(t.db);
});
afterAll(() => t.close());

const today = () => dateInStockholm(new Date());
const kr = (n: number) => ore(n * 100);
/** Amounts are formatted with no-break spaces. */
const plain = (text: string) => text.replace(/\s/gu, ' ');

/** A new programme with one budget line of this amount; the line's id. */
async function newLine(amount: number) {
  const res = await caseworker.post(`/api/funders/${sn}/programmes`, {
    name: `Budgetvakt ${crypto.randomUUID()}`,
    startYear: 2026,
    endYear: 2027,
    amount,
    lines: [{ name: 'Hela', amount }],
  });
  expect(res.status).toBe(201);
  const programmes = (await caseworker.get(`/api/funders/${sn}/programmes`)).body.programmes;
  return programmes.find((p: { id: string }) => p.id === res.body.id).lines[0].id as string;
}

/** A published call on the line with n screened applications asking `requested` öre each. */
async function callOnLine(lineId: string, amount: Ore, n: number, requested: Ore) {
  const call = await publishedCall(t.db, template, {
    title: `Budgetvakt ${crypto.randomUUID()}`,
    amount,
    budgetLineId: lineId,
    minAmount: ore(0),
    maxAmount: requested,
  });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = await receivedApplication(t.db, template, call.id, {
      organisation: { name: `Förening Łódź ${i}` },
      caseNumber: `SN 2098/${crypto.randomUUID().slice(0, 8)}`,
      content: asking(requested, `Uppdrag ${i}`),
    });
    expect((await caseworker.post(`/api/applications/${a.id}/screening`, allOk())).status).toBe(201);
    ids.push(a.id);
  }
  return { callId: call.id, rules: call.rules, ids };
}

async function grantedOnLine(lineId: string) {
  const r = await t.db.kysely
    .selectFrom('decisions as d')
    .innerJoin('calls', 'calls.id', 'd.call_id')
    .where('calls.budget_line_id', '=', lineId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('decisions as s').select('s.id').whereRef('s.supersedes', '=', 'd.id'))))
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('d.amount'), eb.lit(0)).as('s'))
    .executeTakeFirstOrThrow();
  return Number(r.s);
}

/**
 * Runs `work` so that its transactions meet: on PostgreSQL the applications' rows are held locked until
 * every request of `work` waits for a lock, then let go at once, so the guards run side by side rather
 * than one after another as they happen to arrive. (PGlite runs one transaction at a time: nothing to hold.)
 */
async function atOnce<T>(applicationIds: string[], work: () => Promise<T>): Promise<T> {
  if (engine() !== 'postgres') return work();
  // Connections of their own, beside the app's pool, so that holding and watching take none of its.
  const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(t.db.kysely);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${rows[0]?.db}`;
  const holder = new pg.Client({ connectionString: url.href });
  const watcher = new pg.Client({ connectionString: url.href });
  await Promise.all([holder.connect(), watcher.connect()]);
  try {
    await holder.query('begin');
    await holder.query('select id from applications where id = any($1) for update', [applicationIds]);
    const done = work();
    for (let i = 0; i < 400; i++) {
      const waiting = await watcher.query(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
      );
      if (waiting.rows[0].n >= applicationIds.length) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await holder.query('commit');
    return await done;
  } finally {
    await Promise.all([holder.end(), watcher.end()]);
  }
}

const amend = (callId: string, rules: CallRules, reason = 'Ändrad budget.') => caseworker.post(`/api/calls/${callId}/amendments`, { rules, reason });

describe(`the budget guard (${engine()})`, () => {
  it('lets only what the shared budget line holds pass when decisions on several calls are made at once', async () => {
    // Six calls of 500 000 kr each on one line of 500 000 kr (as when the line was cut after its calls were
    // set up), one application of 200 000 kr on each: each call's own guard lets its grant pass, the line
    // holds two of them.
    const line = await newLine(kr(500_000));
    await t.db.kysely
      .updateTable('budget_lines')
      .set({ amount: kr(3_000_000) })
      .where('id', '=', line)
      .execute();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(...(await callOnLine(line, kr(500_000), 1, kr(200_000))).ids);
    await t.db.kysely
      .updateTable('budget_lines')
      .set({ amount: kr(500_000) })
      .where('id', '=', line)
      .execute();
    const results = await atOnce(ids, () => Promise.all(ids.map((id) => caseworker.post(`/api/applications/${id}/decisions`, decision(kr(200_000))))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    for (const r of results.filter((r) => r.status !== 201))
      expect(r.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'budget_exceeded' })]);
    expect(await grantedOnLine(line)).toBe(kr(400_000));
  });

  it('keeps decisions, superseding decisions and amendments of one call and line consistent when they run at once', async () => {
    const line = await newLine(kr(1_000_000));
    const c = await callOnLine(line, kr(500_000), 8, kr(100_000));
    const first = await caseworker.post(`/api/applications/${c.ids[0]}/decisions`, decision(kr(100_000)));
    expect(first.status).toBe(201);
    const work = [
      ...c.ids.slice(1).map((id) => caseworker.post(`/api/applications/${id}/decisions`, decision(kr(100_000)))),
      caseworker.post(`/api/applications/${c.ids[0]}/decisions`, decision(kr(50_000), { supersedes: first.body.id, reasons: 'Omprövat.' })),
      amend(c.callId, { ...c.rules, amount: kr(300_000) }, 'Minskad ram.'),
      amend(c.callId, { ...c.rules, amount: kr(600_000) }, 'Ökad ram.'),
    ];
    const results = await Promise.all(work);
    // No deadlock and no server error: every answer is a success or a refusal that says why.
    for (const r of results) expect([200, 201, 409, 422]).toContain(r.status);
    const call = await t.db.kysely.selectFrom('calls').select('amount').where('id', '=', c.callId).executeTakeFirstOrThrow();
    const granted = await grantedOnLine(line);
    expect(granted).toBeLessThanOrEqual(call.amount);
    expect(granted).toBeLessThanOrEqual(kr(1_000_000));
  });

  it('refuses an amendment that shrinks a call below what it has granted, naming the amount', async () => {
    const line = await newLine(kr(1_000_000));
    const c = await callOnLine(line, kr(500_000), 3, kr(100_000));
    for (const id of c.ids) expect((await caseworker.post(`/api/applications/${id}/decisions`, decision(kr(100_000)))).status).toBe(201);
    const shrunk = await amend(c.callId, { ...c.rules, amount: kr(250_000) });
    expect(shrunk.status).toBe(422);
    expect(shrunk.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'amount_below_granted' })]);
    expect(plain(shrunk.body.errors[0].message)).toBe('Utlysningen har redan beviljat 300 000 kr. Beloppet kan inte bli mindre än så.');
    const call = await t.db.kysely.selectFrom('calls').select(['amount', 'version']).where('id', '=', c.callId).executeTakeFirstOrThrow();
    expect(call).toEqual({ amount: kr(500_000), version: 1 });
    // Down to exactly what is granted is allowed.
    expect((await amend(c.callId, { ...c.rules, amount: kr(300_000) })).status).toBe(200);
  });

  it('refuses moving a call to a line that cannot hold it, and a line keeps what is granted from it after a move', async () => {
    const from = await newLine(kr(1_000_000));
    const small = await newLine(kr(200_000));
    const big = await newLine(kr(1_000_000));
    const c = await callOnLine(from, kr(400_000), 2, kr(100_000));
    for (const id of c.ids) expect((await caseworker.post(`/api/applications/${id}/decisions`, decision(kr(100_000)))).status).toBe(201);
    const tooSmall = await amend(c.callId, { ...c.rules, budgetLineId: small });
    expect(tooSmall.status).toBe(422);
    expect(tooSmall.body.errors[0]).toMatchObject({ field: 'amount', code: 'amount_exceeds_budget_line' });
    expect((await amend(c.callId, { ...c.rules, budgetLineId: big })).status).toBe(200);
    expect(await grantedOnLine(from)).toBe(0);
    expect(await grantedOnLine(big)).toBe(kr(200_000));
    const lines = (await caseworker.get(`/api/funders/${sn}/programmes`)).body.programmes.flatMap((p: { lines: unknown[] }) => p.lines);
    expect(lines.find((l: { id: string }) => l.id === big)).toMatchObject({ committed: kr(400_000), available: kr(600_000) });
  });

  it('refuses to publish a call whose deadline has passed, naming the date, and lets an amendment keep a passed deadline', async () => {
    const line = await newLine(kr(1_000_000));
    const rules: CallRules = { ...template.rules, budgetLineId: line, amount: kr(100_000), maxAmount: kr(50_000), minAmount: ore(0) };
    const passed = addDays(today(), -1);
    const created = await caseworker.post(`/api/funders/${sn}/calls`, { ...rules, opensOn: '2020-01-01', deadline: passed });
    expect(created.status).toBe(201);
    const published = await caseworker.post(`/api/calls/${created.body.id}/publish`);
    expect(published.status).toBe(422);
    expect(published.body.errors).toEqual([expect.objectContaining({ field: 'deadline', code: 'deadline_in_past' })]);
    expect(published.body.errors[0].message).toContain(passed);
    caseworker.cookies.set('samverka_lang', 'en');
    const inEnglish = await caseworker.post(`/api/calls/${created.body.id}/publish`);
    caseworker.cookies.set('samverka_lang', 'sv');
    expect(inEnglish.body.errors[0].message).toBe(`The deadline (${passed}) has already passed. Choose a date from today (${today()}) on.`);
    expect((await t.db.kysely.selectFrom('calls').select('status').where('id', '=', created.body.id).executeTakeFirstOrThrow()).status).toBe('draft');

    // A published call whose deadline has passed can still be amended in other respects, but not moved into the past.
    const c = await publishedCall(t.db, template, {
      title: `Stängd ${crypto.randomUUID()}`,
      amount: kr(100_000),
      minAmount: ore(0),
      maxAmount: kr(50_000),
      budgetLineId: line,
      deadline: passed,
    });
    expect((await amend(c.id, { ...c.rules, summary: 'Rättat stavfel.' })).status).toBe(200);
    const earlier = await amend(c.id, { ...c.rules, summary: 'Rättat stavfel.', deadline: '2021-01-31', opensOn: '2021-01-01' });
    expect(earlier.status).toBe(422);
    expect(earlier.body.errors[0]).toMatchObject({ field: 'deadline', code: 'deadline_in_past' });
  });
});
