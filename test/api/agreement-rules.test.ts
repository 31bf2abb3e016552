// The rules of agreements beyond the happy flow: who drafts and who signs, what a signature accepts,
// what an IOP must say, how a lowered grant replans a signed agreement; and that bad input to the
// agreement and payment API is refused with a 4xx, never a 5xx.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankDayOnOrAfter, isBankDay } from '../../src/domain/bank-days.ts';
import { addDays } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { applicationsLock, atOnce, nextDay, type Org, plain, today, type World, world } from '../support/agreements.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { allOk, asking, decision, publishedCall, receivedApplication } from '../support/fixtures.ts';

let t: TestApp;
let w: World;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  w = await world(t);
  org = await w.organisation('Föreningen Çağla & Łódź 🌙');
});
afterAll(() => t.close());

const kr = (n: number) => ore(n * 100);
const NOWHERE = '00000000-0000-4000-8000-000000000000';

/** A screened application of the organisation with no decision yet. */
async function screened() {
  const call = await publishedCall(t.db, w.template, {
    title: `Regler ${crypto.randomUUID()}`,
    amount: kr(1_000_000),
    minAmount: ore(0),
    maxAmount: kr(200_000),
  });
  const a = await receivedApplication(t.db, w.template, call.id, {
    organisation: { id: org.id, name: org.name },
    caseNumber: `SN 2096/${crypto.randomUUID().slice(0, 8)}`,
    content: asking(kr(200_000), 'Läxhjälp i Łódź och Navestad'),
  });
  expect((await w.caseworker.post(`/api/applications/${a.id}/screening`, allOk())).status).toBe(201);
  return a.id;
}

describe(`agreement rules (${engine()})`, () => {
  it('is drafted only from a granted decision', async () => {
    const undecided = await screened();
    const none = await w.caseworker.post(`/api/applications/${undecided}/agreement`);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('no_grant_to_agree');
    const rejected = await screened();
    const d = await w.caseworker.post(`/api/applications/${rejected}/decisions`, decision(0, { reasons: 'Ansökan prioriterades inte.' }));
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const res = await w.caseworker.post(`/api/applications/${rejected}/agreement`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('no_grant_to_agree');
    expect(await t.db.kysely.selectFrom('agreements').select('id').where('application_id', 'in', [undecided, rejected]).execute()).toEqual([]);
  });

  it('is drafted and edited only by the caseworker', async () => {
    const g = await w.granted(org, kr(100_000));
    for (const other of [w.reviewer, w.finance, w.delegate]) {
      const res = await other.post(`/api/applications/${g.applicationId}/agreement`);
      expect(res.status, JSON.stringify(res.body)).toBe(403);
    }
    expect((await org.signatory.post(`/api/applications/${g.applicationId}/agreement`)).status).toBeGreaterThanOrEqual(403);
    const drafted = await w.caseworker.post(`/api/applications/${g.applicationId}/agreement`);
    expect(drafted.status).toBe(201);
    const a = drafted.body;
    const edit = { version: a.version, kind: a.kind, content: { ...a.content, conditions: 'Redovisning senast 31 januari.' }, schedule: a.schedule };
    for (const other of [w.reviewer, w.finance, w.delegate, org.signatory]) {
      const res = await other.put(`/api/agreements/${a.id}`, edit);
      expect(res.status, JSON.stringify(res.body)).toBe(403);
    }
    const after = (await w.caseworker.get(`/api/agreements/${a.id}`)).body;
    expect(after.version).toBe(a.version);
    expect(after.content.conditions).toBe(a.content.conditions);
    expect((await w.caseworker.put(`/api/agreements/${a.id}`, edit)).status).toBe(200);
  });

  it('is signed for the association only by a registered signatory, and for the funder only by a decision-maker; an edit makes earlier signatures no longer current', async () => {
    const g = await w.granted(org, kr(90_000));
    const drafted = (await w.caseworker.post(`/api/applications/${g.applicationId}/agreement`)).body;
    const h1 = drafted.contentSha256;

    const member = await org.member.post(`/api/agreements/${drafted.id}/sign`, { contentSha256: h1 });
    expect(member.status).toBe(403);
    expect(member.body.code).toBe('not_a_signatory');
    expect(member.body.title).toContain(org.signatoryName);
    expect(member.body.title).not.toContain('Łukasz');
    const asCaseworker = await w.caseworker.post(`/api/agreements/${drafted.id}/sign`, { contentSha256: h1 });
    expect(asCaseworker.status).toBe(403);
    expect(asCaseworker.body.code).toBe('not_a_funder_signatory');
    expect(await t.db.kysely.selectFrom('agreement_signatures').select('id').where('agreement_id', '=', drafted.id).execute()).toEqual([]);

    const first = await org.signatory.post(`/api/agreements/${drafted.id}/sign`, { contentSha256: h1 });
    expect(first.status).toBe(200);
    expect(first.body.signatures).toEqual([expect.objectContaining({ party: 'organisation', name: org.signatoryName, current: true })]);

    // The caseworker edits after the association signed: that signature no longer covers what the agreement says.
    const edited = await w.caseworker.put(`/api/agreements/${drafted.id}`, {
      version: first.body.version,
      kind: first.body.kind,
      content: { ...first.body.content, conditions: 'Verksamheten i Łódź redovisas separat.' },
      schedule: first.body.schedule,
    });
    expect(edited.status).toBe(200);
    const h2 = edited.body.contentSha256;
    expect(h2).not.toBe(h1);
    expect(edited.body.signatures).toEqual([expect.objectContaining({ party: 'organisation', current: false })]);
    const stale = await w.delegate.post(`/api/agreements/${drafted.id}/sign`, { contentSha256: h1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('agreement_changed');
    const funder = await w.delegate.post(`/api/agreements/${drafted.id}/sign`, { contentSha256: h2 });
    expect(funder.status).toBe(200);
    // Only the funder has signed this version: still a draft, no instalments, nothing committed.
    expect(funder.body).toMatchObject({ status: 'draft', instalments: [], documentSha256: null });
    expect(funder.body.ledger.committed).toBe(0);
    const again = await w.delegate.post(`/api/agreements/${drafted.id}/sign`, { contentSha256: h2 });
    expect(again.body.code).toBe('already_signed');
    const second = await org.signatory.post(`/api/agreements/${drafted.id}/sign`, { contentSha256: h2 });
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('signed');
    expect(second.body.content.conditions).toBe('Verksamheten i Łódź redovisas separat.');
    expect(second.body.ledger).toMatchObject({ committed: kr(90_000) });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'agreement.signed')
      .where('object_id', '=', drafted.id)
      .executeTakeFirstOrThrow();
    expect((audit.data as { contentSha256: string }).contentSha256).toBe(h2);
  });

  it('is signed once when both parties sign at the same moment: one schedule, one commitment in the ledger', async () => {
    const g = await w.granted(org, kr(70_000));
    const a = (await w.caseworker.post(`/api/applications/${g.applicationId}/agreement`)).body;
    const answers = await atOnce(t, applicationsLock([g.applicationId]), 2, () =>
      Promise.all([
        org.signatory.post(`/api/agreements/${a.id}/sign`, { contentSha256: a.contentSha256 }),
        w.delegate.post(`/api/agreements/${a.id}/sign`, { contentSha256: a.contentSha256 }),
      ]),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const after = (await w.caseworker.get(`/api/agreements/${a.id}`)).body;
    expect(after.status).toBe('signed');
    expect(after.instalments).toHaveLength(1);
    expect(after.ledger).toMatchObject({ granted: kr(70_000), committed: kr(70_000) });
    const journals = await t.db.kysely
      .selectFrom('ledger_entries')
      .select('journal_id')
      .where('source', '=', 'agreement')
      .where('source_id', '=', a.id)
      .execute();
    expect(new Set(journals.map((j) => j.journal_id)).size).toBe(1);
  });

  it('as an IOP needs the association’s own contribution and a joint follow-up', async () => {
    const g = await w.granted(org, kr(60_000));
    const a = (await w.caseworker.post(`/api/applications/${g.applicationId}/agreement`)).body;
    const iop = (over: Record<string, unknown>) =>
      w.caseworker.put(`/api/agreements/${a.id}`, { version: a.version, kind: 'iop', content: { ...a.content, ...over }, schedule: a.schedule });
    const missing = await iop({ ownContribution: null, jointFollowUp: '  ' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual([
      'jointFollowUp:required',
      'ownContribution:required',
    ]);
    const ok = await iop({ ownContribution: kr(15_000), jointFollowUp: 'Dialogmöten med Çağla och socialkontoret två gånger per år.' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ kind: 'iop', content: { ownContribution: kr(15_000) } });
  });

  it('follows a lowered grant: unpaid instalments are replanned to the new amount and an amendment is recorded; never below what is paid', async () => {
    const g = await w.granted(org, kr(100_000));
    const signed = await w.signed(org, g.applicationId, {
      kind: 'instalments',
      parts: [
        { percent: 50, condition: 'on_signing', date: null },
        { percent: 50, condition: 'after_interim_report', date: null },
      ],
    });
    expect(signed.instalments.map((i: { amount: number }) => i.amount)).toEqual([kr(50_000), kr(50_000)]);
    const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [signed.instalments[0].id] });
    expect(run.status).toBe(201);
    // While the first instalment's payment waits for its second attest, the grant cannot change under it.
    const pending = await w.caseworker.post(
      `/api/applications/${g.applicationId}/decisions`,
      decision(kr(80_000), { supersedes: g.decisionId, reasons: 'Omprövat.' }),
    );
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('payment_run_pending');
    expect((await w.attest.post(`/api/payment-runs/${run.body.id}/approve`)).status).toBe(200);

    const lowered = await w.caseworker.post(
      `/api/applications/${g.applicationId}/decisions`,
      decision(kr(80_000), { supersedes: g.decisionId, reasons: 'Omprövat: färre deltagare.' }),
    );
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(201);
    const a = (await w.caseworker.get(`/api/agreements/${signed.id}`)).body;
    expect(a.amount).toBe(kr(80_000));
    const live = a.instalments.filter((i: { status: string }) => i.status !== 'cancelled');
    expect(live.map((i: { amount: number; status: string }) => [i.amount, i.status])).toEqual([
      [kr(50_000), 'sent'],
      [kr(30_000), 'planned'],
    ]);
    expect(live.reduce((s: number, i: { amount: number }) => s + i.amount, 0)).toBe(kr(80_000));
    expect(a.amendments.at(-1)).toMatchObject({ changed: ['amount'] });
    expect(plain(a.amendments.at(-1).reason)).toContain('80 000 kr');
    expect(plain(a.amendments.at(-1).reason)).toContain('100 000 kr');
    expect(a.ledger).toMatchObject({ granted: kr(80_000), paid: kr(50_000), committed: kr(30_000) });
    // The signed text itself is not changed: the content is the same.
    expect(a.content).toEqual(signed.content);

    const below = await w.caseworker.post(
      `/api/applications/${g.applicationId}/decisions`,
      decision(kr(40_000), { supersedes: lowered.body.id, reasons: 'Omprövat igen.' }),
    );
    expect(below.status).toBe(422);
    expect(below.body.errors[0]).toMatchObject({ field: 'amount', code: 'ledger_below_paid' });
    expect(plain(below.body.errors[0].message)).toContain('30 000 kr');
    const still = (await w.caseworker.get(`/api/agreements/${signed.id}`)).body;
    expect(still.amount).toBe(kr(80_000));
    expect(still.amendments).toHaveLength(a.amendments.length);
  });
});

describe('bad input to agreements and payments', () => {
  it('is refused with a 4xx naming the problem, never a 5xx', async () => {
    const bodies: unknown[] = [
      'garbage',
      '{"executionDate":',
      { executionDate: 20270101 },
      { executionDate: nextDay(), instalmentIds: 'all' },
      { executionDate: nextDay(), instalmentIds: ['not-a-uuid'] },
      { executionDate: 'tomorrow' },
      { executionDate: nextDay(), extra: true },
      { executionDate: '2027-02-30' },
      { executionDate: '2020-01-02' },
      [],
      null,
    ];
    for (const body of bodies) {
      const res = await w.finance.request('POST', `/api/funders/${w.sn}/payment-runs`, typeof body === 'string' ? body : JSON.stringify(body), {
        'content-type': 'application/json',
      });
      expect(res.status, `${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
      expect(res.body.code, JSON.stringify(body)).toMatch(/^[a-z_]+$/);
    }
    const bad = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: '2027-02-30' });
    expect(bad.body.errors[0]).toMatchObject({ field: 'executionDate', code: 'invalid_date' });
  });

  it('answers 404 for ids that do not exist', async () => {
    const requests: [string, string, unknown?][] = [
      ['GET', `/api/payment-runs/${NOWHERE}`],
      ['POST', `/api/payment-runs/${NOWHERE}/approve`, {}],
      ['POST', `/api/payment-runs/${NOWHERE}/cancel`, {}],
      ['POST', `/api/payment-runs/${NOWHERE}/confirm`, { paidOn: today() }],
      ['GET', `/api/payment-runs/${NOWHERE}/files/pain001`],
      ['POST', `/api/payments/${NOWHERE}/reject`, { reason: 'AC01' }],
      ['GET', `/api/agreements/${NOWHERE}`],
      ['PUT', `/api/agreements/${NOWHERE}`, { version: 1, kind: 'assignment', content: {}, schedule: { kind: 'on_signing' } }],
      ['POST', `/api/agreements/${NOWHERE}/sign`, { contentSha256: '0'.repeat(64) }],
      ['POST', `/api/agreements/${NOWHERE}/comments`, { body: 'Hej' }],
      ['GET', `/api/agreements/${NOWHERE}/document.pdf`],
      ['POST', `/api/agreements/${NOWHERE}/recoveries`, { amount: 100, grounds: 'unused', reasons: 'x', decidedOn: today(), payBy: today() }],
      ['POST', `/api/recoveries/${NOWHERE}/repayments`, { amount: 100, receivedOn: today() }],
      ['GET', `/api/recoveries/${NOWHERE}/letter.pdf`],
      ['POST', `/api/instalments/${NOWHERE}/release`, { reportApprovedOn: today() }],
      ['POST', `/api/payout-accounts/${NOWHERE}/decision`, { decision: 'approve' }],
      ['POST', `/api/applications/${NOWHERE}/agreement`, {}],
      ['GET', `/api/funders/${NOWHERE}/payments/due`],
      ['POST', `/api/funders/${NOWHERE}/payment-runs`, { executionDate: nextDay() }],
    ];
    const caseworkerOnly = new Set(['PUT', 'recoveries', 'release', 'agreement']);
    for (const [method, url, body] of requests) {
      const who = [...caseworkerOnly].some((k) => method === k || url.includes(`/${k}`)) ? w.caseworker : w.finance;
      const res = await who.request(
        method,
        url,
        body === undefined ? undefined : JSON.stringify(body),
        body === undefined ? {} : { 'content-type': 'application/json' },
      );
      // A PUT with an incomplete body may be refused for its body first; either way not a 5xx.
      if (method === 'PUT') expect([404, 400, 422], `${method} ${url}`).toContain(res.status);
      else expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBe(404);
    }
    const notAnId = await w.finance.get('/api/payment-runs/not-an-id');
    expect(notAnId.status).toBe(400);
  });

  it('refuses an execution date that is not a bank day, naming the next one', async () => {
    let day = addDays(today(), 14);
    while (isBankDay(day)) day = addDays(day, 1);
    const next = bankDayOnOrAfter(day);
    for (const [lang, words] of [
      ['sv', `Nästa bankdag är ${next}`],
      ['en', `The next bank day is ${next}`],
    ] as const) {
      w.finance.cookies.set('samverka_lang', lang);
      const res = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: day });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'executionDate', code: 'not_a_bank_day' });
      expect(res.body.errors[0].message).toContain(words);
      expect(res.body.errors[0].message).toContain(day);
    }
    w.finance.cookies.set('samverka_lang', 'sv');
  });

  it('refuses a bank file of another message type or no XML at all as unreadable', async () => {
    const files = [
      // A statement (camt.053), not a debit notification (camt.054).
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>S</MsgId></GrpHdr></BkToCstmrStmt></Document>',
      // Our own payment file sent back.
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn><GrpHdr><MsgId>M</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>',
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>',
      '{"json": true}',
      '',
    ];
    for (const content of files) {
      const res = await w.finance.post(`/api/funders/${w.sn}/bank-files`, { content });
      expect(res.status, `${content.slice(0, 60)}: ${JSON.stringify(res.body)}`).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'content', code: 'bank_file_unreadable' });
    }
    const stranger = await org.signatory.post(`/api/funders/${w.sn}/bank-files`, { content: files[0] });
    expect([403, 404]).toContain(stranger.status);
  });
});
