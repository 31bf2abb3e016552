// Payment runs when people act at the same moment: two approvals of one run, two runs prepared over the
// same instalments, a retried approval, a decision lowering a grant while its payment is approved, and
// two recoveries that together exceed what was paid. Each instalment is paid once and the ledger never
// shows more paid than granted. Concurrency only proves anything on PostgreSQL (PGlite runs one
// transaction at a time); CI runs this file on both.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ore } from '../../src/domain/money.ts';
import { applicationsLock, atOnce, nextDay, type Org, plain, settingsLock, today, type World, world } from '../support/agreements.ts';
import { type Client, createTestApp, type Reply, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { decision } from '../support/fixtures.ts';

let t: TestApp;
let w: World;
let third: Client;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  w = await world(t);
  third = (await w.user('Ümit Ekonomsson 🌙', { role: 'finance' })).client;
  org = await w.organisation('Föreningen Çağla & Łódź 🌙');
});
afterAll(() => t.close());

const kr = (n: number) => ore(n * 100);

/** A signed agreement of the organisation for `amount`, all of it due on signing; its instalment. */
async function dueAgreement(amount: number) {
  const g = await w.granted(org, kr(amount));
  const a = await w.signed(org, g.applicationId);
  expect(a.instalments).toHaveLength(1);
  return { ...g, agreementId: a.id as string, instalmentId: a.instalments[0].id as string, amount: kr(amount) };
}

/** The payments in runs that are not cancelled, per instalment. */
async function livePayments(instalmentIds: string[]) {
  return t.db.kysely
    .selectFrom('payments')
    .select(['id', 'instalment_id', 'run_id', 'status'])
    .where('instalment_id', 'in', instalmentIds)
    .where('status', 'in', ['in_run', 'sent', 'paid'])
    .execute();
}

/** How many ledger journals each payment was booked with. */
/** How many ledger journals paid each payment's grant in its run (a run books one journal per grant it pays from). */
async function paymentJournals(paymentIds: string[]) {
  const payments = await t.db.kysely
    .selectFrom('payments as p')
    .innerJoin('agreements as g', 'g.id', 'p.agreement_id')
    .select(['p.id', 'p.run_id', 'g.application_id'])
    .where('p.id', 'in', paymentIds)
    .execute();
  if (payments.length === 0) return paymentIds.map(() => 0);
  const rows = await t.db.kysely
    .selectFrom('ledger_entries')
    .select(['source_id', 'application_id', 'journal_id'])
    .where('source', '=', 'payment')
    .where(
      'source_id',
      'in',
      payments.map((p) => p.run_id),
    )
    .execute();
  return paymentIds.map((id) => {
    const p = payments.find((x) => x.id === id);
    return p ? new Set(rows.filter((r) => r.source_id === p.run_id && r.application_id === p.application_id).map((r) => r.journal_id)).size : 0;
  });
}

const approve = (c: Client, runId: string, key?: string) => c.post(`/api/payment-runs/${runId}/approve`, {}, key ? { 'idempotency-key': key } : {});

describe(`payment runs at the same moment (${engine()})`, () => {
  it('lets exactly one of two finance users approve a run; each instalment is paid once', async () => {
    const one = await dueAgreement(120_000);
    const two = await dueAgreement(80_000);
    const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [one.instalmentId, two.instalmentId] });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body).toMatchObject({ count: 2, total: kr(200_000) });

    const answers = await atOnce(t, settingsLock(w.sn), 2, () => Promise.all([approve(w.attest, run.body.id), approve(third, run.body.id)]));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409) as Reply;
    expect(refused.body.code).toBe('run_not_prepared');

    const payments = await livePayments([one.instalmentId, two.instalmentId]);
    expect(payments).toHaveLength(2);
    expect(payments.every((p) => p.status === 'sent' && p.run_id === run.body.id)).toBe(true);
    expect(await paymentJournals(payments.map((p) => p.id))).toEqual([1, 1]);
    for (const x of [one, two]) {
      const a = (await w.caseworker.get(`/api/agreements/${x.agreementId}`)).body;
      expect(a.instalments[0].status).toBe('sent');
      expect(a.ledger).toMatchObject({ granted: x.amount, paid: x.amount, committed: 0 });
    }
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'payment_run.approved')
      .where('object_id', '=', run.body.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('puts each due instalment in exactly one of two runs prepared at once', async () => {
    const one = await dueAgreement(30_000);
    const two = await dueAgreement(40_000);
    const ids = [one.instalmentId, two.instalmentId];
    // Named instalments: one run takes both, the other finds nothing left to pay.
    const named = await atOnce(t, settingsLock(w.sn), 2, () =>
      Promise.all([
        w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: ids }),
        third.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: ids }),
      ]),
    );
    expect(named.map((r) => r.status).sort()).toEqual([201, 422]);
    const made = named.find((r) => r.status === 201) as Reply;
    expect(made.body.count).toBe(2);
    expect((named.find((r) => r.status === 422) as Reply).body.errors[0]).toMatchObject({ field: 'executionDate', code: 'nothing_due' });
    let payments = await livePayments(ids);
    expect(payments.map((p) => p.instalment_id).sort()).toEqual([...ids].sort());
    expect(new Set(payments.map((p) => p.run_id))).toEqual(new Set([made.body.id]));

    // Cancelled, they are due again; two runs of everything due, at once: none of them lands in both.
    const cancelled = await w.attest.post(`/api/payment-runs/${made.body.id}/cancel`, { reason: 'Fel datum' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const all = await atOnce(t, settingsLock(w.sn), 2, () =>
      Promise.all([
        w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay() }),
        third.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay() }),
      ]),
    );
    for (const r of all) expect([201, 422]).toContain(r.status);
    expect(all.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    payments = await livePayments(ids);
    expect(payments.map((p) => p.instalment_id).sort()).toEqual([...ids].sort());
    const runs = all.filter((r) => r.status === 201).map((r) => r.body.id);
    expect(runs).toContain(payments[0].run_id);
    for (const r of all.filter((r) => r.status === 422)) expect(r.body.errors[0].code).toBe('nothing_due');
    for (const id of runs) expect((await w.attest.post(`/api/payment-runs/${id}/cancel`, { reason: 'Prov' })).status).toBe(200);
  });

  it('keeps the unique index payments_once as the last guard: an instalment cannot be in two live payments', async () => {
    const x = await dueAgreement(10_000);
    const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [x.instalmentId] });
    expect(run.status).toBe(201);
    const [p] = await t.db.kysely.selectFrom('payments').selectAll().where('run_id', '=', run.body.id).execute();
    const { id: _id, ...copy } = p;
    await expect(
      t.db.kysely
        .insertInto('payments')
        .values({ ...copy, position: 1, end_to_end_id: `${p.end_to_end_id}-X`, accounting: JSON.stringify(p.accounting) } as never)
        .execute(),
    ).rejects.toThrow(/payments_once|unique|duplicate/i);
    expect((await w.finance.post(`/api/payment-runs/${run.body.id}/cancel`, {})).status).toBe(200);
  });

  it('answers a retried approval with the first answer and pays nothing twice', async () => {
    // Retried one after the other.
    const x = await dueAgreement(25_000);
    const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [x.instalmentId] });
    expect(run.status).toBe(201);
    const key = `approve-${crypto.randomUUID()}`;
    const first = await approve(w.attest, run.body.id, key);
    expect(first.status).toBe(200);
    const again = await approve(w.attest, run.body.id, key);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    // Without the key the retry is refused for what it is: the run is approved.
    expect((await approve(w.attest, run.body.id)).body.code).toBe('run_not_prepared');
    // The same key on another request is refused, naming the key.
    const reused = await w.attest.post(`/api/payment-runs/${run.body.id}/cancel`, {}, { 'idempotency-key': key });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(reused.body.title).toContain(key);
    let payments = await livePayments([x.instalmentId]);
    expect(payments).toHaveLength(1);
    expect(await paymentJournals(payments.map((p) => p.id))).toEqual([1]);

    // Retried while the first is still running.
    const y = await dueAgreement(35_000);
    const run2 = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [y.instalmentId] });
    expect(run2.status).toBe(201);
    const key2 = `approve-${crypto.randomUUID()}`;
    const both = await Promise.all([approve(w.attest, run2.body.id, key2), approve(w.attest, run2.body.id, key2)]);
    for (const r of both) {
      if (r.status === 409) expect(r.body.code).toBe('idempotency_key_in_progress');
      else expect(r.status).toBe(200);
    }
    const ok = both.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const later = await approve(w.attest, run2.body.id, key2);
    expect(later.status).toBe(200);
    for (const r of ok) expect(r.body).toEqual(later.body);
    expect(later.body).toMatchObject({ status: 'approved', count: 1, total: y.amount });
    payments = await livePayments([y.instalmentId]);
    expect(payments).toHaveLength(1);
    expect(payments[0].status).toBe('sent');
    expect(await paymentJournals(payments.map((p) => p.id))).toEqual([1]);
    expect((await w.caseworker.get(`/api/agreements/${y.agreementId}`)).body.ledger.paid).toBe(y.amount);
  });

  it('never shows more paid than granted when a decision lowers the grant while its payment is approved', async () => {
    for (let round = 0; round < 3; round++) {
      const x = await dueAgreement(100_000);
      const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [x.instalmentId] });
      expect(run.status).toBe(201);
      const lower = decision(kr(40_000), { supersedes: x.decisionId, reasons: 'Omprövat: verksamheten har minskat.' });
      // Alternate which request is sent first; on PostgreSQL both wait on the application's lock and meet.
      const work = () =>
        round % 2 === 0
          ? Promise.all([approve(w.attest, run.body.id), w.caseworker.post(`/api/applications/${x.applicationId}/decisions`, lower)])
          : Promise.all([w.caseworker.post(`/api/applications/${x.applicationId}/decisions`, lower), approve(w.attest, run.body.id)]).then(
              ([d, a]) => [a, d] as const,
            );
      const [approved, decided] = await atOnce(t, applicationsLock([x.applicationId]), 2, work);
      // Both finish; the approval goes through, and the decision either waited for it or refused while the run was pending.
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect([201, 409, 422]).toContain(decided.status);
      if (decided.status === 409) expect(decided.body.code).toBe('payment_run_pending');
      if (decided.status === 422) expect(decided.body.errors[0]).toMatchObject({ field: 'amount', code: 'ledger_below_paid' });
      expect(decided.status).not.toBe(201);

      const a = (await w.caseworker.get(`/api/agreements/${x.agreementId}`)).body;
      expect(a.ledger.paid).toBeLessThanOrEqual(a.ledger.granted);
      expect(a.ledger).toMatchObject({ granted: x.amount, paid: x.amount });
      const current = await t.db.kysely
        .selectFrom('decisions as d')
        .select('d.amount')
        .where('d.application_id', '=', x.applicationId)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('decisions as s').select('s.id').whereRef('s.supersedes', '=', 'd.id'))))
        .execute();
      expect(current.map((d) => d.amount)).toEqual([x.amount]);
      const rows = (await w.finance.get(`/api/funders/${w.sn}/ledger?by=agreement`)).body.rows;
      const row = rows.find((r: { id: string }) => r.id === x.agreementId);
      expect(row).toMatchObject({ granted: x.amount, paid: x.amount, balanced: true });
    }
  });

  it('takes the bank’s rejection and a lowering decision at once without a deadlock, keeping the ledger whole', async () => {
    for (let round = 0; round < 4; round++) {
      const x = await dueAgreement(100_000);
      const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [x.instalmentId] });
      expect((await approve(w.attest, run.body.id)).status).toBe(200);
      const e2e = (await w.finance.get(`/api/payment-runs/${run.body.id}`)).body.payments[0].endToEndId;
      const report = `<?xml version="1.0" encoding="UTF-8"?>
  <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt><GrpHdr><MsgId>S-${e2e}-${round}</MsgId><CreDtTm>2026-01-01T10:00:00</CreDtTm></GrpHdr>
  <OrgnlGrpInfAndSts><OrgnlMsgId>X</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts>
  <OrgnlPmtInfAndSts><OrgnlPmtInfId>X</OrgnlPmtInfId><TxInfAndSts><OrgnlEndToEndId>${e2e}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Kontot avslutat</AddtlInf></StsRsnInf></TxInfAndSts></OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt></Document>`;
      const lower = decision(kr(40_000), { supersedes: x.decisionId, reasons: 'Omprövat: Łódź-resan ställdes in.' });
      const [imported, decided] = await atOnce(t, applicationsLock([x.applicationId]), 2, () =>
        Promise.all([
          w.finance.post(`/api/funders/${w.sn}/bank-files`, { content: report }),
          w.caseworker.post(`/api/applications/${x.applicationId}/decisions`, lower),
        ]),
      );
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      expect(imported.body).toMatchObject({ kind: 'pain.002', rejected: 1 });
      // The decision came first (nothing open to take off: 422) or after the rejection (the instalment is open again: 201).
      expect([201, 422], JSON.stringify(decided.body)).toContain(decided.status);
      const a = (await w.caseworker.get(`/api/agreements/${x.agreementId}`)).body;
      expect(a.ledger.paid).toBe(0);
      const granted = decided.status === 201 ? kr(40_000) : x.amount;
      expect(a.ledger).toMatchObject({ granted, committed: granted });
      expect(a.instalments.filter((i: { status: string }) => i.status !== 'cancelled').reduce((s: number, i: { amount: number }) => s + i.amount, 0)).toBe(
        granted,
      );
      const row = (await w.finance.get(`/api/funders/${w.sn}/ledger?by=agreement`)).body.rows.find((r: { id: string }) => r.id === x.agreementId);
      expect(row).toMatchObject({ granted, paid: 0, balanced: true });
    }
  });

  it('prepares a run while a decision lowers the grant without a deadlock: the run takes the instalment as it then stands', async () => {
    for (let round = 0; round < 4; round++) {
      const x = await dueAgreement(100_000);
      const lower = decision(kr(70_000), { supersedes: x.decisionId, reasons: 'Omprövat: färre kvällar i Łódź.' });
      // Both wait on the instalment: the run to take it, the decision to plan it anew.
      const [prepared, decided] = await atOnce(t, { text: 'select id from instalments where id = $1 for update', values: [x.instalmentId] }, 2, () =>
        Promise.all([
          w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [x.instalmentId] }),
          w.caseworker.post(`/api/applications/${x.applicationId}/decisions`, lower),
        ]),
      );
      expect(prepared.status, JSON.stringify(prepared.body)).toBe(201);
      expect([201, 409], JSON.stringify(decided.body)).toContain(decided.status);
      if (decided.status === 409) expect(decided.body.code).toBe('payment_run_pending');
      const granted = decided.status === 201 ? kr(70_000) : x.amount;
      // The run pays what the instalment says when it was taken, which is what is granted.
      expect(prepared.body.total).toBe(granted);
      const approved = await approve(w.attest, prepared.body.id);
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      const a = (await w.caseworker.get(`/api/agreements/${x.agreementId}`)).body;
      expect(a.ledger).toMatchObject({ granted, paid: granted, committed: 0 });
    }
  });

  it('refuses one of two recoveries at once that together exceed what was paid', async () => {
    const x = await dueAgreement(50_000);
    const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [x.instalmentId] });
    expect((await approve(w.attest, run.body.id)).status).toBe(200);
    const recovery = (reasons: string) => ({ amount: kr(30_000), grounds: 'unused', reasons, decidedOn: today(), payBy: '2099-01-31' });
    const answers = await atOnce(t, applicationsLock([x.applicationId]), 2, () =>
      Promise.all([
        w.caseworker.post(`/api/agreements/${x.agreementId}/recoveries`, recovery('Lägret i Łódź ställdes in.')),
        w.delegate.post(`/api/agreements/${x.agreementId}/recoveries`, recovery('Medel för Çağlas grupp har inte använts.')),
      ]),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    const refused = answers.find((a) => a.status === 422) as Reply;
    expect(refused.body.errors[0]).toMatchObject({ field: 'amount', code: 'ledger_exceeds_paid' });
    // What is left to reclaim once the first recovery stands: 50 000 kr paid, 30 000 kr already reclaimed.
    expect(plain(refused.body.errors[0].message)).toContain('20 000 kr');
    const a = (await w.caseworker.get(`/api/agreements/${x.agreementId}`)).body;
    expect(a.recoveries).toHaveLength(1);
    expect(a.ledger).toMatchObject({ paid: kr(50_000), owed: kr(30_000) });
    const recoveries = await t.db.kysely.selectFrom('recoveries').select('id').where('agreement_id', '=', x.agreementId).execute();
    expect(recoveries).toHaveLength(1);
  });
});
