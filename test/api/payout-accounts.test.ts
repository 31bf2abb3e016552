// A new payout account is a fraud risk (a changed bankgiro diverts the grant): every member of the
// organisation is told, payments to it are held until a second person at the funder approves the account,
// and a run prepared before the change is not sent after it. Through the API on the real database.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnValid } from '../../src/domain/giro.ts';
import { ore } from '../../src/domain/money.ts';
import { atOnce, nextDay, type Org, type World, world } from '../support/agreements.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';

let t: TestApp;
let w: World;
let org: Org;
let other: Org;
let instalment: string;
let otherInstalment: string;

/** A valid bankgiro number (eight digits, right check digit), printed NNNN-NNNN, never the same twice. */
function bankgiro(): string {
  const body = String(1_000_000 + Math.floor(Math.random() * 8_999_999));
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body.slice(0, 4)}-${body.slice(4)}${d}`;
  throw new Error('no check digit');
}

async function signedDue(o: Org, amount: number) {
  const g = await w.granted(o, ore(amount));
  const a = await w.signed(o, g.applicationId);
  return a.instalments[0].id as string;
}

const due = async () => (await w.finance.get(`/api/funders/${w.sn}/payments/due?by=${nextDay()}`)).body.due as { id: string; hold: string | null }[];
const holdOf = async (id: string) => (await due()).find((d) => d.id === id)?.hold;
const mailsTo = (email: string) =>
  t.db.kysely.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', email).orderBy('created_at').execute();
const enter = (o: Org, client = o.member, over: Record<string, unknown> = {}) =>
  client.post(`/api/organisations/${o.id}/payout-accounts`, { funderId: w.sn, kind: 'bankgiro', number: bankgiro(), holderOrgNumber: o.orgNumber, ...over });

beforeAll(async () => {
  t = await createTestApp();
  w = await world(t);
  org = await w.organisation('Föreningen Çağla & Łódź 🌙');
  other = await w.organisation('جمعية الشباب Örebro 🌙');
  instalment = await signedDue(org, 6_000_000);
  otherInstalment = await signedDue(other, 2_000_000);
});
afterAll(() => t.close());

describe(`payout accounts (${engine()})`, () => {
  it('holds payments while a member’s new bankgiro waits, tells every member, and needs a second person at the funder', async () => {
    expect(await holdOf(instalment)).toBeNull();
    const number = bankgiro();
    const entered = await enter(org, org.member, { number: number.replace('-', ' ') });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect(entered.body).toMatchObject({ status: 'pending', source: 'organisation', number, holderOrgNumber: org.orgNumber, requestedBy: 'Łukasz Żółć' });

    // Both members are told, the one who entered it too, naming the account and who entered it.
    for (const email of [org.signatoryEmail, org.memberEmail]) {
      const mails = await mailsTo(email);
      const told = mails.find((m) => m.subject === `${org.name}: ett nytt konto för utbetalningar har angetts`);
      expect(told, `a mail to ${email} among ${mails.map((m) => m.subject).join(' | ')}`).toBeDefined();
      expect(told?.body_text).toContain(`bankgiro ${number}`);
      expect(told?.body_text).toContain('Łukasz Żółć');
    }
    // Nobody outside the organisation is.
    expect((await mailsTo(other.memberEmail)).some((m) => m.subject.includes('konto'))).toBe(false);

    // Held on the due list, and left out of a run of everything due; the other organisation is paid.
    expect(await holdOf(instalment)).toBe('account_change_pending');
    expect(await holdOf(otherInstalment)).toBeNull();
    const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay() });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const inRun = await t.db.kysely.selectFrom('payments').select('instalment_id').where('run_id', '=', run.body.id).execute();
    expect(inRun.map((p) => p.instalment_id)).toContain(otherInstalment);
    expect(inRun.map((p) => p.instalment_id)).not.toContain(instalment);
    const named = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [instalment] });
    expect(named.status).toBe(422);
    expect(named.body.errors[0].code).toBe('nothing_due');
    expect((await w.finance.post(`/api/payment-runs/${run.body.id}/cancel`, { reason: 'Prov' })).status).toBe(200);
    const seen = (await org.signatory.get(`/api/organisations/${org.id}/payout-accounts`)).body;
    expect(seen.holds).toEqual([expect.objectContaining({ funderId: w.sn, hold: 'account_change_pending' })]);

    // Finance enters another on the organisation's behalf: it replaces the member's, and they cannot approve it themselves.
    const byFinance = await enter(org, w.finance);
    expect(byFinance.status, JSON.stringify(byFinance.body)).toBe(201);
    expect(byFinance.body).toMatchObject({ status: 'pending', source: 'funder', mayDecide: false });
    const self = await w.finance.post(`/api/payout-accounts/${byFinance.body.id}/decision`, { decision: 'approve' });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('second_person_required');
    const asCaseworker = await w.caseworker.post(`/api/payout-accounts/${byFinance.body.id}/decision`, { decision: 'approve' });
    expect(asCaseworker.status).toBe(403);
    const asMember = await org.signatory.post(`/api/payout-accounts/${byFinance.body.id}/decision`, { decision: 'approve' });
    expect(asMember.status).toBe(404);
    expect(await holdOf(instalment)).toBe('account_change_pending');
    const pending = (await w.attest.get(`/api/funders/${w.sn}/payout-accounts`)).body.accounts.filter(
      (a: { organisationId: string }) => a.organisationId === org.id,
    );
    expect(pending).toEqual([expect.objectContaining({ id: byFinance.body.id, mayDecide: true, organisationName: org.name })]);

    // Another finance user approves: the old account is replaced, payments flow to the new one.
    const approved = await w.attest.post(`/api/payout-accounts/${byFinance.body.id}/decision`, {
      decision: 'approve',
      note: 'Kontrollerat mot bankgirots register.',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'Frida Attestant' });
    const accounts = (await org.signatory.get(`/api/organisations/${org.id}/payout-accounts`)).body;
    expect(accounts.holds[0].hold).toBeNull();
    const byId = new Map(accounts.accounts.map((a: { id: string; status: string }) => [a.id, a.status]));
    expect(byId.get(entered.body.id)).toBe('replaced');
    expect(byId.get(byFinance.body.id)).toBe('approved');
    expect(accounts.accounts.filter((a: { status: string }) => a.status === 'approved')).toHaveLength(1);
    expect(accounts.accounts.find((a: { number: string }) => a.number === '5050-1055').status).toBe('replaced');
    expect(await holdOf(instalment)).toBeNull();
    for (const email of [org.signatoryEmail, org.memberEmail])
      expect((await mailsTo(email)).map((m) => m.subject)).toContain(`${org.name}: det nya kontot för utbetalningar är godkänt`);
    const twice = await w.attest.post(`/api/payout-accounts/${byFinance.body.id}/decision`, { decision: 'reject', note: 'Fel.' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_decided');
  });

  it('refuses a wrong check digit in Swedish and English, and an account held by someone else', async () => {
    const wrong = await enter(org, org.member, { number: '5050-1056' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'number', code: 'bankgiro_invalid' })]);
    expect(wrong.body.errors[0].message).toBe('Bankgironumret ”5050-1056” stämmer inte (kontrollsiffran är fel). Det har 7 eller 8 siffror, t.ex. 5050-1055.');
    // A signed-in person's language is their choice (the cookie the language switch sets), not the browser's header.
    org.member.lang = 'en';
    org.member.cookies.set('samverka_lang', 'en');
    const english = await enter(org, org.member, { number: '5050-1056' });
    org.member.lang = 'sv';
    org.member.cookies.set('samverka_lang', 'sv');
    expect(english.body.errors[0].message).toBe(
      'The bankgiro number “5050-1056” is not right (the check digit is wrong). It has 7 or 8 digits, e.g. 5050-1055.',
    );

    const elsewhere = await enter(org, org.member, { holderOrgNumber: other.orgNumber });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'holderOrgNumber', code: 'account_holder_mismatch' })]);
    expect(elsewhere.body.errors[0].message).toContain(org.orgNumber);
    // Nothing was stored or held by the refusals.
    expect(await holdOf(instalment)).toBeNull();
    const stranger = await enter(org, other.member);
    expect(stranger.status).toBe(403);
  });

  it('keeps one change waiting when two are entered at the same moment: the later replaces the earlier', async () => {
    const waiting = await enter(other, other.member);
    expect(waiting.status).toBe(201);
    // Both requests wait on the change already waiting, which each replaces.
    const [a, b] = await atOnce(
      t,
      { text: "select id from payout_accounts where organisation_id = $1 and status = 'pending' for update", values: [other.id] },
      2,
      () => Promise.all([enter(other, other.signatory), enter(other, w.finance)]),
    );
    for (const r of [a, b]) expect([201, 409], JSON.stringify(r.body)).toContain(r.status);
    expect([a, b].some((r) => r.status === 201)).toBe(true);
    const rows = await t.db.kysely
      .selectFrom('payout_accounts')
      .select(['id', 'status'])
      .where('organisation_id', '=', other.id)
      .where('status', '=', 'pending')
      .execute();
    expect(rows).toHaveLength(1);
    expect([a, b].filter((r) => r.status === 201).map((r) => r.body.id)).toContain(rows[0].id);
    expect((await w.attest.post(`/api/payout-accounts/${rows[0].id}/decision`, { decision: 'approve' })).status).toBe(200);
  });

  it('does not send a run prepared before an account change, naming the organisation', async () => {
    const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [instalment, otherInstalment] });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body.count).toBe(2);
    const entered = await enter(org, org.signatory);
    expect(entered.status).toBe(201);
    const refused = await w.attest.post(`/api/payment-runs/${run.body.id}/approve`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('run_accounts_changed');
    expect(refused.body.title).toContain(org.name);
    expect(refused.body.title).not.toContain(other.name);
    // Still refused once the change is approved: the run names the old account.
    expect((await w.attest.post(`/api/payout-accounts/${entered.body.id}/decision`, { decision: 'approve' })).status).toBe(200);
    const still = await w.attest.post(`/api/payment-runs/${run.body.id}/approve`);
    expect(still.status).toBe(409);
    expect(still.body.code).toBe('run_accounts_changed');
    const payments = await t.db.kysely.selectFrom('payments').select('status').where('run_id', '=', run.body.id).execute();
    expect(payments.every((p) => p.status === 'in_run')).toBe(true);
    const g = await t.db.kysely.selectFrom('instalments').select('agreement_id').where('id', '=', instalment).executeTakeFirstOrThrow();
    expect((await w.caseworker.get(`/api/agreements/${g.agreement_id}`)).body.ledger.paid).toBe(0);

    // Cancelled and prepared again, it goes to the new account.
    expect((await w.finance.post(`/api/payment-runs/${run.body.id}/cancel`, { reason: 'Nytt konto' })).status).toBe(200);
    const again = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [instalment] });
    expect(again.status).toBe(201);
    expect((await w.attest.post(`/api/payment-runs/${again.body.id}/approve`)).status).toBe(200);
    const paid = (await w.finance.get(`/api/payment-runs/${again.body.id}`)).body.payments;
    expect(paid).toEqual([expect.objectContaining({ accountNumber: entered.body.number.replace('-', ''), organisationName: org.name, status: 'sent' })]);
  });
});
