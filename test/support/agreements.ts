// Organisations, grants and signed agreements of their own for tests of agreements and payments: the
// organisation and its people are written as they are (as fixtures.ts writes applications), everything
// the funder does (screening, decisions, drafting, signing) goes through the API.

import { sql } from 'kysely';
import pg from 'pg';
import { expect } from 'vitest';
import { nextBankDay } from '../../src/domain/bank-days.ts';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import type { Ore } from '../../src/domain/money.ts';
import type { FunderRole } from '../../src/domain/roles.ts';
import { Client, type TestApp } from './app.ts';
import { engine } from './db.ts';
import { allOk, asking, decision, demoTemplate, publishedCall, receivedApplication, type Template } from './fixtures.ts';

/** Socialnämnden Norrköping's bank and accounting settings for the tests' payment runs. */
export const PAYMENT_SETTINGS = {
  debtorName: 'Norrköpings kommun',
  debtorOrgNumber: '212000-0969',
  debtorAccount: { kind: 'bankgiro', number: '5050-1055' },
  debtorBic: 'HANDSESS',
  initiatingPartyId: 'NKPG-SOC-01',
  initiatingPartyScheme: 'BANK',
  voucherSeries: 'B',
  creditAccount: '2441',
  defaultAccounting: { account: '4590', responsibility: '3100', activity: '760', project: null },
};

export const today = () => dateInStockholm(new Date());
export const nextDay = () => nextBankDay(today());
export const plain = (text: string) => text.replace(/\s/gu, ' ');

/** A Swedish organisation number (NNNNNN-NNNN) with a right Luhn check digit, never the same twice. */
export function orgNumber(): string {
  const body = `80${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${body.slice(0, 6)}-${body.slice(6)}${check}`;
}

export interface Org {
  id: string;
  name: string;
  orgNumber: string;
  /** The registered signatory (firmatecknare), a member. */
  signatory: Client;
  signatoryEmail: string;
  signatoryName: string;
  /** A member who is not a signatory. */
  member: Client;
  memberEmail: string;
}

export interface World {
  t: TestApp;
  sn: string;
  template: Template;
  caseworker: Client;
  delegate: Client;
  finance: Client;
  attest: Client;
  reviewer: Client;
  client(email: string): Promise<Client>;
  /** A new user with the demo's password, a member of the organisation or staff of the funder with the role. */
  user(name: string, to: { organisationId: string } | { role: FunderRole }): Promise<{ email: string; client: Client }>;
  organisation(name: string): Promise<Org>;
  /** A screened application of the organisation on a call of its own, decided by the committee for `amount`. */
  granted(org: Org, amount: Ore, callOver?: Record<string, unknown>): Promise<{ applicationId: string; decisionId: string; callId: string }>;
  /** Drafted, optionally edited to `schedule`, and signed by both parties. */
  signed(org: Org, applicationId: string, schedule?: unknown): Promise<any>;
}

export async function world(t: TestApp): Promise<World> {
  const sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  const template = await demoTemplate(t.db);
  const hash = (await t.db.kysely.selectFrom('users').select('password_hash').where('email', '=', 'forening@nattvandrarna.example').executeTakeFirstOrThrow())
    .password_hash;
  const client = async (email: string) => {
    const c = new Client(t.app);
    await c.login(email);
    return c;
  };
  const [caseworker, delegate, finance, attest, reviewer] = await Promise.all(
    [
      'handlaggare@norrkoping.example',
      'namnd@norrkoping.example',
      'ekonomi@norrkoping.example',
      'attest@norrkoping.example',
      'bedomare@norrkoping.example',
    ].map(client),
  );
  const settings = await finance.put(`/api/funders/${sn}/payment-settings`, PAYMENT_SETTINGS);
  expect(settings.status).toBe(200);

  const user: World['user'] = async (name, to) => {
    const email = `${crypto.randomUUID().slice(0, 8)}@test.example`;
    const u = await t.db.kysely.insertInto('users').values({ email, name, password_hash: hash }).returning('id').executeTakeFirstOrThrow();
    if ('organisationId' in to)
      await t.db.kysely.insertInto('organisation_memberships').values({ organisation_id: to.organisationId, user_id: u.id }).execute();
    else await t.db.kysely.insertInto('funder_memberships').values({ funder_id: sn, user_id: u.id, role: to.role }).execute();
    return { email, client: await client(email) };
  };

  const organisation: World['organisation'] = async (name) => {
    const number = orgNumber();
    const org = await t.db.kysely
      .insertInto('organisations')
      .values({ org_number: number, name, legal_form: 'ideell_forening' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const signatoryName = 'Çağla Øvergård';
    const signatory = await user(signatoryName, { organisationId: org.id });
    const member = await user('Łukasz Żółć', { organisationId: org.id });
    const now = new Date();
    await t.db.kysely
      .insertInto('eligibility_approvals')
      .values({
        funder_id: sn,
        organisation_id: org.id,
        status: 'approved',
        year: Number(today().slice(0, 4)),
        board: JSON.stringify([
          { name: signatoryName, role: 'ordförande', email: signatory.email, signatory: true },
          { name: 'Łukasz Żółć', role: 'kassör', email: member.email, signatory: false },
        ]),
        member_count: 30,
        payout_kind: 'bankgiro',
        payout_number: '5050-1055',
        submitted_at: now,
        decided_at: now,
        valid_until: '2099-12-31',
      })
      .execute();
    await t.db.kysely
      .insertInto('payout_accounts')
      .values({
        funder_id: sn,
        organisation_id: org.id,
        kind: 'bankgiro',
        number: '50501055',
        holder_org_number: number,
        status: 'approved',
        source: 'eligibility',
        requested_at: now,
        decided_at: now,
      })
      .execute();
    return {
      id: org.id,
      name,
      orgNumber: number,
      signatory: signatory.client,
      signatoryEmail: signatory.email,
      signatoryName,
      member: member.client,
      memberEmail: member.email,
    };
  };

  const granted: World['granted'] = async (org, amount, callOver = {}) => {
    const call = await publishedCall(t.db, template, {
      title: `Utlysning ${crypto.randomUUID()}`,
      amount: (amount * 10) as Ore,
      minAmount: 0 as Ore,
      maxAmount: amount,
      ...callOver,
    });
    const a = await receivedApplication(t.db, template, call.id, {
      organisation: { id: org.id, name: org.name },
      caseNumber: `SN 2097/${crypto.randomUUID().slice(0, 8)}`,
      content: asking(amount, `Trygghetsvandring med ${org.name}`),
    });
    expect((await caseworker.post(`/api/applications/${a.id}/screening`, allOk())).status).toBe(201);
    const d = await caseworker.post(`/api/applications/${a.id}/decisions`, decision(amount));
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    return { applicationId: a.id, decisionId: d.body.id, callId: call.id };
  };

  const signed: World['signed'] = async (org, applicationId, schedule) => {
    const drafted = await caseworker.post(`/api/applications/${applicationId}/agreement`);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    let a = drafted.body;
    if (schedule) {
      const saved = await caseworker.put(`/api/agreements/${a.id}`, { version: a.version, kind: a.kind, content: a.content, schedule });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      a = saved.body;
    }
    expect((await org.signatory.post(`/api/agreements/${a.id}/sign`, { contentSha256: a.contentSha256 })).status).toBe(200);
    const done = await delegate.post(`/api/agreements/${a.id}/sign`, { contentSha256: a.contentSha256 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('signed');
    return done.body;
  };

  return { t, sn, template, caseworker, delegate, finance, attest, reviewer, client, user, organisation, granted, signed };
}

/**
 * Runs `work` so that its transactions meet: on PostgreSQL the rows `select … for update` picks are held
 * locked until `waiters` of the app's connections wait for a lock, then let go at once, so the requests
 * run side by side rather than one after another as they happen to arrive. PGlite runs one transaction
 * at a time: there is nothing to hold, and the work runs as it comes.
 */
export async function atOnce<T>(t: TestApp, lock: { text: string; values: unknown[] }, waiters: number, work: () => Promise<T>): Promise<T> {
  if (engine() !== 'postgres') return work();
  const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(t.db.kysely);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${rows[0]?.db}`;
  const holder = new pg.Client({ connectionString: url.href });
  const watcher = new pg.Client({ connectionString: url.href });
  await Promise.all([holder.connect(), watcher.connect()]);
  try {
    await holder.query('begin');
    await holder.query(lock.text, lock.values);
    const done = work();
    let seen = 0;
    for (let i = 0; i < 400; i++) {
      const waiting = await watcher.query(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
      );
      seen = waiting.rows[0].n;
      if (seen >= waiters) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    await holder.query('commit');
    expect(seen, 'requests waiting together on the held lock').toBeGreaterThanOrEqual(waiters);
    return await done;
  } finally {
    await Promise.all([holder.end(), watcher.end()]);
  }
}

/** Holds the funder's payment settings, which every prepare and approval of a run locks first. */
export const settingsLock = (funderId: string) => ({
  text: 'select funder_id from funder_payment_settings where funder_id = $1 for update',
  values: [funderId],
});
/** Holds applications, which decisions and recoveries lock (after their call and budget line). */
export const applicationsLock = (ids: string[]) => ({ text: 'select id from applications where id = any($1) for update', values: [ids] });
