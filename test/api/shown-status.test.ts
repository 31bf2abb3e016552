import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ore } from '../../src/domain/money.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { allOk, asking, decision, demoTemplate, publishedCall, receivedApplication } from '../support/fixtures.ts';

let t: TestApp;
let sn: string;
let caseworker: Client;
beforeAll(async () => {
  t = await createTestApp();
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  caseworker = new Client(t.app);
  await caseworker.login('handlaggare@norrkoping.example');
});
afterAll(() => t.close());

/** The one status as the application, the inbox and the CSV export each answer it. */
async function statusEverywhere(id: string, caseNumber: string, callId: string) {
  const app = (await caseworker.get(`/api/applications/${id}`)).body;
  const item = (await caseworker.get(`/api/funders/${sn}/applications?callId=${callId}`)).body.items.find((i: { id: string }) => i.id === id);
  const csv = await caseworker.get(`/api/funders/${sn}/applications.csv?callId=${callId}`);
  const rows: string[][] = parse(String(csv.body), { bom: true, delimiter: ';' });
  const row = rows.find((r) => r[0] === caseNumber);
  return { application: [app.shownStatus, app.decision], inbox: [item.shownStatus, item.decision], export: row?.[1] };
}

describe('one status everywhere that reflects the decision', () => {
  it('says received until a decision, then the outcome; a superseding decision shows the new outcome', async () => {
    const template = await demoTemplate(t.db);
    const call = await publishedCall(t.db, template, { title: 'Trygghetsbidrag för Åby och Ljura 2026', amount: ore(100_000_000) });
    const caseNumber = 'SN 2026/00042';
    const { id } = await receivedApplication(t.db, template, call.id, {
      organisation: { name: 'Föreningen Trygga Ängar' },
      caseNumber,
      content: asking(ore(20_000_000), 'Nattvandring i Ljura'),
    });

    expect(await statusEverywhere(id, caseNumber, call.id)).toEqual({ application: ['submitted', null], inbox: ['submitted', null], export: 'Inkommen' });
    const filtered = async (status: string) =>
      (await caseworker.get(`/api/funders/${sn}/applications?callId=${call.id}&status=${status}`)).body.items.map((i: { id: string }) => i.id);
    expect(await filtered('submitted')).toEqual([id]);

    await caseworker.post(`/api/applications/${id}/screening`, allOk());
    const first = await caseworker.post(`/api/applications/${id}/decisions`, decision(12_000_000));
    expect(first.status).toBe(201);
    const partly = { outcome: 'partially_approved', amount: 12_000_000 };
    expect(await statusEverywhere(id, caseNumber, call.id)).toEqual({
      application: ['partially_approved', partly],
      inbox: ['partially_approved', partly],
      export: 'Delvis beviljad',
    });
    // The inbox's status filter is the same status: a decided application is no longer "Inkommen".
    expect(await filtered('submitted')).toEqual([]);
    expect(await filtered('partially_approved')).toEqual([id]);

    const replaced = await caseworker.post(`/api/applications/${id}/decisions`, decision(20_000_000, { supersedes: first.body.id }));
    expect(replaced.status).toBe(201);
    const granted = { outcome: 'approved', amount: 20_000_000 };
    expect(await statusEverywhere(id, caseNumber, call.id)).toEqual({ application: ['approved', granted], inbox: ['approved', granted], export: 'Beviljad' });
    // The stored stage stays 'submitted': the decision is the one record of what was decided.
    expect((await caseworker.get(`/api/applications/${id}`)).body.status).toBe('submitted');
  });

  it('says the outcome in English in the English export', async () => {
    caseworker.cookies.set('samverka_lang', 'en');
    const res = await caseworker.get(`/api/funders/${sn}/applications.csv`);
    caseworker.cookies.set('samverka_lang', 'sv');
    const rows: string[][] = parse(String(res.body), { bom: true, delimiter: ';' });
    const demo = rows.filter((r) => r[0].startsWith('SN 2022/')).map((r) => [r[0], r[1]]);
    expect(demo).toEqual(
      expect.arrayContaining([
        ['SN 2022/00001', 'Partly approved'],
        ['SN 2022/00002', 'Approved'],
        ['SN 2022/00003', 'Rejected'],
      ]),
    );
  });
});
