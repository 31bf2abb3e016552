// No payment goes out on an agreement with an overdue follow-up report: finance sees the instalment held
// with the reason, a run cannot be prepared or approved with it, the agreement says so to both parties,
// and the hold lifts when the report is submitted. A report moved into overdue while a run is prepared or
// approved is waited for (PostgreSQL: really at the same moment) and nothing is paid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { atOnce, nextDay, type Org, plain, today, type World, world } from '../support/agreements.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { reportOf, setReport } from '../support/report-rows.ts';

let t: TestApp;
let w: World;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  w = await world(t);
  org = await w.organisation('Idrottsföreningen Ça Va 🏃 i Navestad');
});
afterAll(() => t?.close());

const kr = (n: number) => ore(n * 100);
const yesterday = () => addDays(today(), -1);

/** A signed agreement of the association for `amount`, all of it due on signing, with its final report due on `dueOn`. */
async function heldAgreement(amount: number, dueOn: string) {
  const g = await w.granted(org, kr(amount));
  const a = await w.signed(org, g.applicationId);
  expect(a.instalments).toHaveLength(1);
  const reportId = await reportOf(t, a.id, 'final', dueOn);
  return { agreementId: a.id as string, number: a.number as string, instalmentId: a.instalments[0].id as string, reportId, amount: kr(amount) };
}

/** The association fills in its report (nothing spent yet: nothing is paid) and submits it. */
async function submitReport(reportId: string) {
  const r = (await org.member.get(`/api/reports/${reportId}`)).body;
  const content = {
    ...r.content,
    spending: r.content.spending.map((row: object) => ({ ...row, spent: 0, fromGrant: 0, explanation: 'Inget har använts än – Çağla.' })),
    activities: [{ typeKey: null, proposedType: 'Nattfotboll', area: 'Navestad', from: '2027-01-08', to: '2027-06-25', frequency: 'Fredagar', occasions: 12 }],
    participants: { '13_15': { girls: 8, boys: 9 }, '16_18': { other: 1, not_stated: 2 } },
    worked: 'Ungdomarna kom tillbaka vecka efter vecka 🌙',
    didNotWork: 'Hallen var upptagen i mars.',
    wouldChange: 'Fler vuxna på lördagar.',
  };
  const saved = await org.member.put(`/api/reports/${reportId}`, { content, version: r.version });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await org.member.post(`/api/reports/${reportId}/submit`, { version: saved.body.version });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  expect(submitted.body.overdue).toBe(false);
}

const dueItem = async (instalmentId: string) => {
  const res = await w.finance.get(`/api/funders/${w.sn}/payments/due`);
  expect(res.status).toBe(200);
  return res.body.due.find((d: { id: string }) => d.id === instalmentId);
};
const prepare = (instalmentIds: string[]) => w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds });
const approve = (runId: string, by: Client = w.attest) => by.post(`/api/payment-runs/${runId}/approve`, {});
const paymentsOf = (instalmentId: string) =>
  t.db.kysely.selectFrom('payments').select(['status', 'run_id']).where('instalment_id', '=', instalmentId).orderBy('position').execute();
const moveLock = (reportId: string, dueOn: string) => ({
  text: 'update follow_up_reports set due_on = $2, due_moved_reason = $3 where id = $1',
  values: [reportId, dueOn, 'Rapporten behövdes före nämndens möte.'],
});

describe(`the payment hold of an overdue report (${engine()})`, () => {
  it('holds the instalment with its reason for finance and the association, and lets it go when the report is submitted', async () => {
    const x = await heldAgreement(30_000, yesterday());
    const item = await dueItem(x.instalmentId);
    expect(item).toMatchObject({ hold: 'report_overdue', overdueReport: { id: x.reportId, kind: 'final', dueOn: yesterday() }, left: null });
    const refused = await prepare([x.instalmentId]);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'executionDate', code: 'nothing_due' });
    expect(await paymentsOf(x.instalmentId)).toEqual([]);

    // The agreement says so to both parties, and so does the association's list of its agreements.
    const held = { id: x.reportId, kind: 'final', dueOn: yesterday() };
    expect((await w.caseworker.get(`/api/agreements/${x.agreementId}`)).body.overdueReport).toEqual(held);
    expect((await org.member.get(`/api/agreements/${x.agreementId}`)).body.overdueReport).toEqual(held);
    const listed = (await org.member.get(`/api/organisations/${org.id}/agreements`)).body.agreements.find((a: { id: string }) => a.id === x.agreementId);
    expect(listed.overdueReport).toEqual(held);

    // On its due date a report is not yet overdue.
    await setReport(t, x.reportId, { dueOn: today() });
    expect((await dueItem(x.instalmentId)).hold).toBeNull();
    await setReport(t, x.reportId, { dueOn: yesterday() });
    expect((await dueItem(x.instalmentId)).hold).toBe('report_overdue');

    // The association submits the report: it holds nothing, and the instalment is prepared and paid as any other.
    await submitReport(x.reportId);
    expect(await dueItem(x.instalmentId)).toMatchObject({ hold: null, overdueReport: null });
    expect((await org.member.get(`/api/agreements/${x.agreementId}`)).body.overdueReport).toBeNull();
    const run = await prepare([x.instalmentId]);
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    const approved = await approve(run.body.id);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(await paymentsOf(x.instalmentId)).toEqual([{ status: 'sent', run_id: run.body.id }]);
    expect((await w.caseworker.get(`/api/agreements/${x.agreementId}`)).body.ledger).toMatchObject({ paid: x.amount, committed: 0 });
  });

  it('lets the instalment go when the caseworker gives the association more time', async () => {
    const x = await heldAgreement(18_000, yesterday());
    expect((await dueItem(x.instalmentId)).hold).toBe('report_overdue');
    const moved = await w.caseworker.put(`/api/reports/${x.reportId}/due-date`, { dueOn: addDays(today(), 14), reason: 'Kassören är sjuk – Łukasz tar över.' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await dueItem(x.instalmentId)).toMatchObject({ hold: null, overdueReport: null });
    const run = await prepare([x.instalmentId]);
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect((await approve(run.body.id)).status).toBe(200);
    expect(await paymentsOf(x.instalmentId)).toEqual([{ status: 'sent', run_id: run.body.id }]);
  });

  it('refuses to approve a run once a report of one of its agreements is overdue; prepared again, the run leaves it out', async () => {
    const x = await heldAgreement(20_000, today());
    const other = await heldAgreement(10_000, addDays(today(), 30));
    const run = await prepare([x.instalmentId, other.instalmentId]);
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect(run.body.count).toBe(2);

    // The caseworker moves the report's date to yesterday (it was needed before the committee met).
    await setReport(t, x.reportId, { dueOn: yesterday() });
    const refused = await approve(run.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('run_report_overdue');
    expect(plain(refused.body.messages.sv)).toContain(`försenad för överenskommelse ${x.number}`);
    expect(plain(refused.body.messages.en)).toContain(`overdue on agreement ${x.number}`);
    expect(refused.body.messages.en).not.toContain(other.number);
    expect(await paymentsOf(x.instalmentId)).toEqual([{ status: 'in_run', run_id: run.body.id }]);
    expect((await w.caseworker.get(`/api/agreements/${x.agreementId}`)).body.ledger).toMatchObject({ paid: 0 });

    expect((await w.attest.post(`/api/payment-runs/${run.body.id}/cancel`, { reason: 'Försenad slutrapport' })).status).toBe(200);
    expect((await dueItem(x.instalmentId)).hold).toBe('report_overdue');
    const again = await prepare([x.instalmentId, other.instalmentId]);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.count).toBe(1);
    expect((await approve(again.body.id)).status).toBe(200);
    expect((await paymentsOf(other.instalmentId)).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'sent', run_id: again.body.id },
      { status: 'withdrawn', run_id: run.body.id },
    ]);
    expect((await paymentsOf(x.instalmentId)).map((p) => p.status)).toEqual(['withdrawn']);
  });

  it('pays nothing when a report is moved into overdue while its run is prepared or approved', async () => {
    // Approval meets the move: on PostgreSQL the move holds the report, uncommitted, while the approval
    // reaches it; the approval waits and reads the report as the move leaves it.
    const x = await heldAgreement(15_000, addDays(today(), 10));
    const run = await prepare([x.instalmentId]);
    expect(run.status).toBe(201);
    if (engine() !== 'postgres') await setReport(t, x.reportId, { dueOn: yesterday() });
    const approval = await atOnce(t, moveLock(x.reportId, yesterday()), 1, () => approve(run.body.id));
    expect(approval.status).toBe(409);
    expect(approval.body.code).toBe('run_report_overdue');
    expect(await paymentsOf(x.instalmentId)).toEqual([{ status: 'in_run', run_id: run.body.id }]);
    const journals = await t.db.kysely.selectFrom('ledger_entries').select('id').where('source', '=', 'payment').where('source_id', '=', run.body.id).execute();
    expect(journals).toEqual([]);
    expect((await w.caseworker.get(`/api/agreements/${x.agreementId}`)).body.ledger).toMatchObject({ paid: 0, committed: x.amount });
    expect((await w.attest.post(`/api/payment-runs/${run.body.id}/cancel`, {})).status).toBe(200);

    // Preparation meets the move: the instalment is left out, so nothing is due.
    const y = await heldAgreement(12_000, addDays(today(), 10));
    if (engine() !== 'postgres') await setReport(t, y.reportId, { dueOn: yesterday() });
    const prepared = await atOnce(t, moveLock(y.reportId, yesterday()), 1, () => prepare([y.instalmentId]));
    expect(prepared.status).toBe(422);
    expect(prepared.body.errors[0]).toMatchObject({ field: 'executionDate', code: 'nothing_due' });
    expect(await paymentsOf(y.instalmentId)).toEqual([]);
    expect((await dueItem(y.instalmentId)).hold).toBe('report_overdue');
  });
});
