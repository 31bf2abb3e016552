// The funder's list of follow-up reports, as the caseworker's "see all" from the start page's report
// queues opens it: to review, overdue or all, the overdue first; the funder's staff read it, nobody else.
// Runs on PGlite and PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { type Org, today, type World, world } from '../support/agreements.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { reportOf, setReport } from '../support/report-rows.ts';

let t: TestApp;
let w: World;
let hageby: Org;
let vivalla: Org;
let submittedId: string;
let overdueId: string;
let laterOverdueId: string;
let draftId: string;

interface Listed {
  id: string;
  agreementNumber: string;
  organisationName: string;
  caseNumber: string;
  title: string;
  kind: string;
  status: string;
  dueOn: string;
  overdue: boolean;
  submittedAt: string | null;
}

async function list(status?: string): Promise<{ reports: Listed[]; count: number }> {
  const res = await w.caseworker.get(`/api/funders/${w.sn}/reports${status ? `?status=${status}` : ''}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const count = async (where: (r: { status: string; due_on: string }) => boolean) =>
  (await t.db.kysely.selectFrom('follow_up_reports').select(['status', 'due_on']).where('funder_id', '=', w.sn).execute()).filter(where).length;

beforeAll(async () => {
  t = await createTestApp();
  w = await world(t);
  hageby = await w.organisation('Ungdomens hus Łódź–Hageby 🌍');
  vivalla = await w.organisation('نادي شباب هاجبي – Vivalla');
  const first = await w.granted(hageby, ore(8_000_000));
  const firstAgreement = (await w.signed(hageby, first.applicationId)).id;
  const second = await w.granted(vivalla, ore(5_000_000));
  const secondAgreement = (await w.signed(vivalla, second.applicationId)).id;
  // Hageby's interim report came in; its final is long overdue. Vivalla's interim is overdue since yesterday, its final not yet due.
  submittedId = await reportOf(t, firstAgreement, 'interim', addDays(today(), -10));
  await setReport(t, submittedId, { status: 'submitted' });
  overdueId = await reportOf(t, firstAgreement, 'final', addDays(today(), -40));
  laterOverdueId = await reportOf(t, secondAgreement, 'interim', addDays(today(), -1));
  draftId = await reportOf(t, secondAgreement, 'final', addDays(today(), 60));
});
afterAll(() => t.close());

describe('the funder’s follow-up reports', () => {
  it('lists those to review: submitted and waiting for the caseworker, as the start page’s queue counts them', async () => {
    const { reports, count: total } = await list('to_review');
    expect(reports.every((r) => r.status === 'submitted')).toBe(true);
    expect(total).toBe(await count((r) => r.status === 'submitted'));
    const mine = reports.find((r) => r.id === submittedId);
    expect(mine).toMatchObject({ organisationName: hageby.name, kind: 'interim', status: 'submitted', overdue: false, dueOn: addDays(today(), -10) });
    expect(mine?.agreementNumber).toMatch(/\S/);
    expect(mine?.caseNumber).toMatch(/\S/);
    expect(mine?.submittedAt).not.toBeNull();
    expect(reports.map((r) => r.id)).not.toContain(overdueId);

    const work = (await w.caseworker.get('/api/me/work')).body.funders.find((f: { funderId: string }) => f.funderId === w.sn);
    const queue = work.queues.find((q: { queue: string }) => q.queue === 'reports_to_review');
    expect(queue.count).toBe(total);
    expect(queue.all).toBe(`/funders/${w.sn}/reports?status=to_review`);
  });

  it('lists the overdue ones, the longest overdue first, as the start page’s queue counts them', async () => {
    const { reports, count: total } = await list('overdue');
    expect(reports.every((r) => r.overdue && r.status === 'draft' && r.dueOn < today())).toBe(true);
    expect(total).toBe(await count((r) => r.status === 'draft' && r.due_on < today()));
    const ids = reports.map((r) => r.id);
    expect(ids).toContain(overdueId);
    expect(ids).toContain(laterOverdueId);
    expect(ids.indexOf(overdueId)).toBeLessThan(ids.indexOf(laterOverdueId));
    expect(ids).not.toContain(submittedId);
    expect(ids).not.toContain(draftId);
    expect(reports.find((r) => r.id === laterOverdueId)).toMatchObject({ organisationName: vivalla.name, kind: 'interim', submittedAt: null });

    const work = (await w.caseworker.get('/api/me/work')).body.funders.find((f: { funderId: string }) => f.funderId === w.sn);
    const queue = work.queues.find((q: { queue: string }) => q.queue === 'reports_overdue');
    expect(queue.count).toBe(total);
    expect(queue.all).toBe(`/funders/${w.sn}/reports?status=overdue`);
  });

  it('lists all of them, the overdue first and each part by due date; all is what no status means', async () => {
    const { reports, count: total } = await list('all');
    expect(total).toBe(await count(() => true));
    expect(reports.map((r) => r.id)).toEqual(expect.arrayContaining([submittedId, overdueId, laterOverdueId, draftId]));
    const firstOnTime = reports.findIndex((r) => !r.overdue);
    expect(reports.slice(0, firstOnTime).every((r) => r.overdue)).toBe(true);
    expect(reports.slice(firstOnTime).every((r) => !r.overdue)).toBe(true);
    for (const part of [reports.slice(0, firstOnTime), reports.slice(firstOnTime)])
      expect(part.map((r) => r.dueOn)).toEqual([...part.map((r) => r.dueOn)].sort());
    expect((await list()).reports.map((r) => r.id)).toEqual(reports.map((r) => r.id));
  });

  it('refuses a status it does not know', async () => {
    const res = await w.caseworker.get(`/api/funders/${w.sn}/reports?status=submitted`);
    expect(res.status).toBe(400);
  });

  it('is read by the funder’s staff only: another funder’s staff and the associations are refused', async () => {
    expect((await w.reviewer.get(`/api/funders/${w.sn}/reports?status=overdue`)).status).toBe(200);
    const orebro = await w.client('admin@orebro.example');
    for (const stranger of [orebro, hageby.member, hageby.signatory, vivalla.member]) {
      const res = await stranger.get(`/api/funders/${w.sn}/reports?status=all`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(hageby.name);
    }
  });
});
