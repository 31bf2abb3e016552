// From a granted decision to money paid and reclaimed, through the API as the people who do it would:
// the caseworker drafts the agreement, the association's signatory and the funder's delegate sign it,
// finance prepares a run and a second person approves it, the files are fetched and read back, the
// bank's answer is imported, and part of the money is reclaimed. Runs on PGlite and PostgreSQL.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBankDay, nextBankDay } from '../../src/domain/bank-days.ts';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { PAYMENT_SETTINGS } from '../support/agreements.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { allOk, asking, decision, demoTemplate, publishedCall, receivedApplication } from '../support/fixtures.ts';
import { readSie } from '../support/sie-reader.ts';

const XSD = fileURLToPath(new URL('../fixtures/iso20022/pain.001.001.03.xsd', import.meta.url));

let t: TestApp;
let sn: string;
let caseworker: Client;
let delegate: Client;
let finance: Client;
let attest: Client;
let fatima: Client;
let applicationId: string;
let agreementId: string;

const today = () => dateInStockholm(new Date());
const nextDay = () => nextBankDay(today());

async function client(email: string) {
  const c = new Client(t.app);
  await c.login(email);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  [caseworker, delegate, finance, attest, fatima] = await Promise.all(
    [
      'handlaggare@norrkoping.example',
      'namnd@norrkoping.example',
      'ekonomi@norrkoping.example',
      'attest@norrkoping.example',
      'forening@nattvandrarna.example',
    ].map(client),
  );
  // A granted application of Nattvandrarna's of its own (the demo's 2022 grants already have agreements):
  // Fatima, the association's demo login, is its signatory.
  const template = await demoTemplate(t.db);
  const nattvandrarna = await t.db.kysely.selectFrom('organisations').select(['id', 'name']).where('name', 'like', 'Nattvandrarna%').executeTakeFirstOrThrow();
  const call = await publishedCall(t.db, template, { title: 'Överenskommelser och utbetalningar – Ørestad 🌙' });
  const received = await receivedApplication(t.db, template, call.id, {
    organisation: nattvandrarna,
    caseNumber: `SN 2099/${crypto.randomUUID().slice(0, 8)}`,
    content: asking(ore(20_000_000), 'Nattvandring i Hageby – Çağla och Åsa'),
  });
  applicationId = received.id;
  expect((await caseworker.post(`/api/applications/${applicationId}/screening`, allOk())).status).toBe(201);
  expect((await caseworker.post(`/api/applications/${applicationId}/decisions`, decision(ore(20_000_000)))).status).toBe(201);
  const settings = await finance.put(`/api/funders/${sn}/payment-settings`, PAYMENT_SETTINGS);
  expect(settings.status).toBe(200);
});
afterAll(() => t.close());

describe('the agreement', () => {
  it('is drafted from the decision with the application prefilled, and only once', async () => {
    const res = await caseworker.post(`/api/applications/${applicationId}/agreement`);
    expect(res.status).toBe(201);
    agreementId = res.body.id;
    expect(res.body).toMatchObject({ status: 'draft', kind: 'assignment', number: expect.stringMatching(/^SN A\d{4}\/\d{5}$/) });
    expect(res.body.content.description.length).toBeGreaterThan(10);
    expect(res.body.content.parties.map((p: { key: string }) => p.key)).toEqual(expect.arrayContaining(['organisation', 'social_office', 'school', 'police']));
    expect(res.body.ledger.granted).toBe(res.body.amount);
    const again = await caseworker.post(`/api/applications/${applicationId}/agreement`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('agreement_exists');
  });

  it('refuses a matrix task without exactly one responsible party, naming the task', async () => {
    const a = (await caseworker.get(`/api/agreements/${agreementId}`)).body;
    const responsibilities = [{ task: 'Nattvandring i Hageby', roles: { organisation: 'takes_part', police: 'informed' } }];
    const res = await caseworker.put(`/api/agreements/${agreementId}`, {
      version: a.version,
      kind: a.kind,
      content: { ...a.content, responsibilities },
      schedule: a.schedule,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'responsibilities.0.roles').message).toContain('Nattvandring i Hageby');
  });

  it('saves instalments: half on signing, half after an approved interim report', async () => {
    const a = (await caseworker.get(`/api/agreements/${agreementId}`)).body;
    const res = await caseworker.put(`/api/agreements/${agreementId}`, {
      version: a.version,
      kind: 'assignment',
      content: {
        ...a.content,
        responsibilities: [
          ...a.content.responsibilities,
          { task: 'Trygghetsvandring med Çağla och Åsa', roles: { organisation: 'responsible', police: 'takes_part', school: 'informed' } },
        ],
      },
      schedule: {
        kind: 'instalments',
        parts: [
          { percent: 50, condition: 'on_signing', date: null },
          { percent: 50, condition: 'after_interim_report', date: null },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(a.version + 1);
    expect(res.body.plannedInstalments.map((i: { amount: number }) => i.amount).reduce((x: number, y: number) => x + y, 0)).toBe(a.amount);
  });

  it('lets the association comment and the caseworker read it', async () => {
    const res = await fatima.post(`/api/agreements/${agreementId}/comments`, { body: 'Vi vill gärna lägga till skolan i Hageby 🙂' });
    expect(res.status).toBe(201);
    const seen = await caseworker.get(`/api/agreements/${agreementId}`);
    expect(seen.body.comments.at(-1)).toMatchObject({ party: 'organisation', body: 'Vi vill gärna lägga till skolan i Hageby 🙂' });
  });

  it('refuses a signature from someone without the right role', async () => {
    const a = (await caseworker.get(`/api/agreements/${agreementId}`)).body;
    const asCaseworker = await caseworker.post(`/api/agreements/${agreementId}/sign`, { contentSha256: a.contentSha256 });
    expect(asCaseworker.status).toBe(403);
    expect(asCaseworker.body.code).toBe('not_a_funder_signatory');
    const stranger = await client('ledare@vivalla.example');
    expect((await stranger.post(`/api/agreements/${agreementId}/sign`, { contentSha256: a.contentSha256 })).status).toBe(404);
    const stale = await delegate.post(`/api/agreements/${agreementId}/sign`, { contentSha256: '0'.repeat(64) });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('agreement_changed');
  });

  it('is signed when both parties accept the same content: the PDF is kept with its hash in the audit trail', async () => {
    const a = (await fatima.get(`/api/agreements/${agreementId}`)).body;
    expect(a.may.sign).toBe(true);
    const first = await fatima.post(`/api/agreements/${agreementId}/sign`, { contentSha256: a.contentSha256 });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('draft');
    const second = await delegate.post(`/api/agreements/${agreementId}/sign`, { contentSha256: a.contentSha256 });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'signed', documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(second.body.instalments).toHaveLength(2);
    expect(second.body.instalments[0]).toMatchObject({ status: 'due', condition: 'on_signing' });
    expect(isBankDay(second.body.instalments[0].dueOn)).toBe(true);
    expect(second.body.instalments[1]).toMatchObject({ status: 'planned', dueOn: null });
    expect(second.body.ledger).toMatchObject({ committed: a.amount, paid: 0, remaining: a.amount });

    const pdf = await fatima.request('GET', `/api/agreements/${agreementId}/document.pdf`);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(pdf.body as unknown as string, 'binary');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'agreement.signed')
      .where('object_id', '=', agreementId)
      .executeTakeFirstOrThrow();
    expect((entry.data as { documentSha256: string }).documentSha256).toBe(second.body.documentSha256);
    const stored = await t.db.kysely.selectFrom('files').select('data').where('sha256', '=', second.body.documentSha256).executeTakeFirstOrThrow();
    expect(createHash('sha256').update(stored.data).digest('hex')).toBe(second.body.documentSha256);
  });

  it('is never edited after signing, only amended with a reason', async () => {
    const a = (await caseworker.get(`/api/agreements/${agreementId}`)).body;
    const edit = await caseworker.put(`/api/agreements/${agreementId}`, { version: a.version, kind: a.kind, content: a.content, schedule: a.schedule });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('agreement_signed');
    const amended = await caseworker.post(`/api/agreements/${agreementId}/amendments`, {
      version: a.version,
      reason: 'Skolan i Hageby deltar',
      content: { ...a.content, parties: [...a.content.parties, { key: 'partner_hageby', label: 'Hagebyskolan' }] },
    });
    expect(amended.status).toBe(201);
    expect(amended.body.amendments.at(-1)).toMatchObject({ reason: 'Skolan i Hageby deltar', changed: ['parties'] });
    expect(amended.body.content.parties.at(-1).label).toBe('Hagebyskolan');
  });
});

describe('payments', () => {
  let runId: string;

  it('shows what is due; a run is prepared by one person and approved by another', async () => {
    const due = await finance.get(`/api/funders/${sn}/payments/due?by=${nextDay()}`);
    expect(due.status).toBe(200);
    const mine = due.body.due.filter((d: { agreementId: string }) => d.agreementId === agreementId);
    expect(mine).toHaveLength(1);
    expect(mine[0].hold).toBeNull();

    const bad = await finance.post(`/api/funders/${sn}/payment-runs`, { executionDate: '2099-12-25' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'executionDate', code: 'not_a_bank_day' });

    const prepared = await finance.post(`/api/funders/${sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [mine[0].id] });
    expect(prepared.status).toBe(201);
    runId = prepared.body.id;
    expect(prepared.body).toMatchObject({ status: 'prepared', count: 1, total: mine[0].amount, mayApprove: false });

    const self = await finance.post(`/api/payment-runs/${runId}/approve`);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('second_attest_required');
    const approved = await attest.post(`/api/payment-runs/${runId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const twice = await attest.post(`/api/payment-runs/${runId}/approve`);
    expect(twice.status).toBe(409);
    const a = (await fatima.get(`/api/agreements/${agreementId}`)).body;
    expect(a.instalments[0].status).toBe('sent');
    expect(a.ledger.paid).toBe(mine[0].amount);
  });

  it('writes a pain.001 file valid against ISO 20022’s schema, byte-identical when written again', async () => {
    const run = (await finance.get(`/api/payment-runs/${runId}`)).body.run;
    const first = await finance.get(`/api/payment-runs/${runId}/files/pain001`);
    expect(first.status).toBe(200);
    const xml = String(first.body);
    execFileSync('xmllint', ['--noout', '--schema', XSD, '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
    expect(xml).toContain('<Nm>Nattvandrarna');
    expect(xml).toContain('<Prtry>BGNR</Prtry>');
    expect(createHash('sha256').update(xml).digest('hex')).toBe(run.files.pain001);
    const again = await finance.get(`/api/payment-runs/${runId}/files/pain001`);
    expect(again.body).toBe(first.body);
  });

  it('writes the bookings as SIE 4I that a separate reader reads back balanced', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/payment-runs/${runId}/files/sie`,
      headers: { cookie: [...finance.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(200);
    const sie = readSie(res.rawPayload);
    expect(sie.vouchers).toHaveLength(1);
    const v = sie.vouchers[0];
    expect(v.transactions.reduce((s, x) => s + BigInt(x.amount), 0n)).toBe(0n);
    expect(v.transactions[0].account).toBe('4590');
    expect(v.text).toContain('Nattvandrarna');
    const run = (await finance.get(`/api/payment-runs/${runId}`)).body.run;
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(run.files.sie);
  });

  it('takes the bank’s rejection: the instalment is due again with the reason', async () => {
    const payments = (await finance.get(`/api/payment-runs/${runId}`)).body.payments;
    const e2e = payments[0].endToEndId;
    const report = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt><GrpHdr><MsgId>S1</MsgId><CreDtTm>2026-01-01T10:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>X</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts><OrgnlPmtInfId>X</OrgnlPmtInfId><TxInfAndSts><OrgnlEndToEndId>${e2e}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC01</Cd></Rsn><AddtlInf>Felaktigt kontonummer</AddtlInf></StsRsnInf></TxInfAndSts></OrgnlPmtInfAndSts>
</CstmrPmtStsRpt></Document>`;
    const res = await finance.post(`/api/funders/${sn}/bank-files`, { content: report });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'pain.002', rejected: 1 });
    const again = await finance.post(`/api/funders/${sn}/bank-files`, { content: report });
    expect(again.body).toMatchObject({ rejected: 0, unchanged: 1 });
    const a = (await fatima.get(`/api/agreements/${agreementId}`)).body;
    expect(a.instalments[0]).toMatchObject({ status: 'due', lastReason: expect.stringContaining('AC01') });
    expect(a.ledger.paid).toBe(0);
    const garbage = await finance.post(`/api/funders/${sn}/bank-files`, { content: 'not a bank file' });
    expect(garbage.status).toBe(422);
    expect(garbage.body.errors[0]).toMatchObject({ field: 'content', code: 'bank_file_unreadable' });
  });

  it('pays it in a new run and marks it paid when finance confirms', async () => {
    const due = (await finance.get(`/api/funders/${sn}/payments/due?by=${nextDay()}`)).body.due.filter(
      (d: { agreementId: string }) => d.agreementId === agreementId,
    );
    const run = await finance.post(`/api/funders/${sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [due[0].id] });
    expect(run.status).toBe(201);
    expect((await attest.post(`/api/payment-runs/${run.body.id}/approve`)).status).toBe(200);
    const confirmed = await finance.post(`/api/payment-runs/${run.body.id}/confirm`, { paidOn: today() });
    expect(confirmed.body).toMatchObject({ paid: 1 });
    const a = (await fatima.get(`/api/agreements/${agreementId}`)).body;
    expect(a.instalments[0]).toMatchObject({ status: 'paid', paidOn: today() });
  });
});

describe('recovery', () => {
  it('refuses more than was paid, naming what was; a partial recovery is decided with a letter and repaid', async () => {
    const a = (await caseworker.get(`/api/agreements/${agreementId}`)).body;
    const paid = a.ledger.paid;
    const tooMuch = await caseworker.post(`/api/agreements/${agreementId}/recoveries`, {
      amount: paid + 1,
      grounds: 'unused',
      reasons: 'Medel har inte använts.',
      decidedOn: today(),
      payBy: '2099-01-31',
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors[0]).toMatchObject({ field: 'amount', code: 'ledger_exceeds_paid' });
    expect(tooMuch.body.errors[0].message.replace(/\s/g, ' ')).toContain('kr');
    const ok = await caseworker.post(`/api/agreements/${agreementId}/recoveries`, {
      amount: 1_000_000,
      grounds: 'unused',
      reasons: 'Nattvandringen i november ställdes in; 10 000 kr har inte använts.',
      decidedOn: today(),
      payBy: '2099-01-31',
    });
    expect(ok.status).toBe(201);
    const letter = await fatima.request('GET', ok.body.letterUrl);
    expect(letter.status).toBe(200);
    const over = await finance.post(`/api/recoveries/${ok.body.id}/repayments`, { amount: 1_000_001, receivedOn: today() });
    expect(over.status).toBe(422);
    const repaid = await finance.post(`/api/recoveries/${ok.body.id}/repayments`, { amount: 1_000_000, receivedOn: today() });
    expect(repaid.status).toBe(201);
    const after = (await caseworker.get(`/api/agreements/${agreementId}`)).body;
    expect(after.ledger).toMatchObject({ recovered: 1_000_000, owed: 0, paid });
    expect(after.recoveries[0]).toMatchObject({ amount: 1_000_000, repaid: 1_000_000 });
  });

  it('keeps every ledger row balanced', async () => {
    const rows = (await finance.get(`/api/funders/${sn}/ledger?by=agreement`)).body.rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: { balanced: boolean }) => r.balanced)).toBe(true);
  });
});
