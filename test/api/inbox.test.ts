import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { demoTemplate, publishedCall, receivedApplication } from '../support/fixtures.ts';

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

// This year's applications in the demo, on the call that is open now.
const year = dateInStockholm(new Date()).slice(0, 4);
const VUXENSKOLAN = `SN ${year}/00001`;
const LAXHJALPEN = `SN ${year}/00002`;
const numbers = (items: { caseNumber: string }[]) => items.map((i) => i.caseNumber);

describe('the caseworker inbox', () => {
  it('lists received applications, newest first, and never drafts', async () => {
    const res = await caseworker.get(`/api/funders/${sn}/applications`);
    expect(res.status).toBe(200);
    expect(numbers(res.body.items)).toEqual([LAXHJALPEN, VUXENSKOLAN, 'SN 2022/00004', 'SN 2022/00003', 'SN 2022/00002', 'SN 2022/00001']);
    expect(res.body.items[0]).toMatchObject({ organisationName: 'Läxhjälpen i Hageby', areas: ['Hageby'], amountRequested: 4_500_000 });
    expect(res.body.items[3]).toMatchObject({
      organisationName: 'Matteus församling Norrköping',
      legalForm: 'trossamfund',
      areas: ['Marielund'],
      amountRequested: 30_000_000,
    });
  });

  it('filters by call, status, area, focus and organisation type, and searches organisation and title', async () => {
    const call = (await t.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Uppdragsbidrag för ökad trygghet 2022').executeTakeFirstOrThrow()).id;
    const get = async (query: string) => numbers((await caseworker.get(`/api/funders/${sn}/applications?${query}`)).body.items);
    expect(await get(`callId=${call}`)).toHaveLength(4);
    expect(await get('area=Navestad')).toEqual([VUXENSKOLAN, 'SN 2022/00001']);
    expect(await get(`focus=${encodeURIComponent('Stöd till unga utsatta för våld i nära relation, inklusive hedersrelaterat våld')}`)).toEqual([
      'SN 2022/00002',
    ]);
    expect(await get('orgType=studieforbund')).toEqual([VUXENSKOLAN, 'SN 2022/00002']);
    expect(await get('q=nattvandrarna')).toEqual(['SN 2022/00001']);
    expect(await get(`q=${encodeURIComponent('läxhjälpen')}`)).toEqual([LAXHJALPEN, 'SN 2022/00004']);
    expect(await get('q=studiecirklar')).toEqual(['SN 2022/00002']);
    expect(await get('q=2022%2F00003')).toEqual(['SN 2022/00003']);
    expect(await get('status=withdrawn')).toEqual([]);
  });

  it('shows which applications wait for a completion answer', async () => {
    const appId = (await t.db.kysely.selectFrom('applications').select('id').where('case_number', '=', 'SN 2022/00001').executeTakeFirstOrThrow()).id;
    await t.db.kysely
      .insertInto('completion_requests')
      .values({ funder_id: sn, application_id: appId, message: 'Mer om budgeten', reply_by: '2030-01-01' })
      .execute();
    const res = await caseworker.get(`/api/funders/${sn}/applications?status=awaiting_completion`);
    expect(numbers(res.body.items)).toEqual(['SN 2022/00001']);
    expect(res.body.items[0].awaitingCompletion).toBe(true);
  });

  it('pages with a keyset cursor that neither skips nor repeats, in every sort order', async () => {
    for (const sort of ['submitted_desc', 'submitted_asc', 'amount_desc', 'amount_asc', 'organisation']) {
      const all = numbers((await caseworker.get(`/api/funders/${sn}/applications?sort=${sort}`)).body.items);
      const paged: string[] = [];
      let after: string | null = null;
      do {
        const res: { body: { items: { caseNumber: string }[]; next: string | null } } = await caseworker.get(
          `/api/funders/${sn}/applications?sort=${sort}&limit=1${after ? `&after=${after}` : ''}`,
        );
        paged.push(...numbers(res.body.items));
        after = res.body.next;
      } while (after);
      expect(paged, sort).toEqual(all);
    }
    const amounts = (await caseworker.get(`/api/funders/${sn}/applications?sort=amount_desc`)).body.items.map(
      (i: { amountRequested: number }) => i.amountRequested,
    );
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect((await caseworker.get(`/api/funders/${sn}/applications?after=not-a-cursor`)).status).toBe(400);
  });

  it('exports the filtered list as CSV and as XLSX', async () => {
    const csv = await caseworker.get(`/api/funders/${sn}/applications.csv?orgType=ideell_forening`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    const text = String(csv.body);
    expect(text.startsWith('\ufeff"Diarienummer";"Status";')).toBe(true);
    const lines: string[][] = parse(text, { bom: true, delimiter: ';' });
    expect(lines[0]).toEqual([
      'Diarienummer',
      'Status',
      'Utlysning',
      'Organisation',
      'Organisationsform',
      'Titel',
      'Sökt belopp (kr)',
      'Områden',
      'Inriktning',
      'Inkom',
      'Beslut',
      'Beviljat belopp (kr)',
    ]);
    expect(lines).toHaveLength(4);
    expect(lines[1]?.slice(0, 4)).toEqual([LAXHJALPEN, expect.any(String), 'Extra föreningsstöd mot utanförskap', 'Läxhjälpen i Hageby']);
    expect(lines[2]?.slice(0, 4)).toEqual(['SN 2022/00004', 'Beviljad', 'Uppdragsbidrag för ökad trygghet 2022', 'Läxhjälpen i Hageby']);
    // Its status is its decision's outcome, even with a completion round open since: one status everywhere.
    expect(lines[3]?.slice(0, 5)).toEqual([
      'SN 2022/00001',
      'Delvis beviljad',
      'Uppdragsbidrag för ökad trygghet 2022',
      'Nattvandrarna Norrköping',
      'Ideell förening',
    ]);
    expect(lines[3]?.[6]).toBe('350000');
    expect(lines[3]?.slice(-2)).toEqual(['Delvis beviljad', '250000']);
    // Amounts are numbers, unquoted, so a spreadsheet sums them.
    expect(text).toContain(';350000;');

    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/funders/${sn}/applications.xlsx`,
      headers: { cookie: [...caseworker.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Ansökningar');
    expect(sheet?.rowCount).toBe(7);
    expect(sheet?.getRow(2).getCell(1).value).toBe(LAXHJALPEN);
    expect(sheet?.getRow(3).getCell(7).value).toBe(140000);
    expect(sheet?.getRow(4).getCell(1).value).toBe('SN 2022/00004');
    expect(sheet?.getRow(4).getCell(12).value).toBe(120000);
    expect(sheet?.getRow(5).getCell(1).value).toBe('SN 2022/00003');
    expect(sheet?.getRow(5).getCell(7).value).toBe(300000);
    expect(sheet?.getRow(5).getCell(11).value).toBe('Avslag');
    expect(sheet?.getRow(6).getCell(12).value).toBe(500000);
  });

  it('is the funder’s own: other funders and applicants are refused', async () => {
    const orebro = new Client(t.app);
    await orebro.login('admin@orebro.example');
    expect((await orebro.get(`/api/funders/${sn}/applications`)).status).toBe(403);
    expect((await orebro.get(`/api/funders/${sn}/applications.csv`)).status).toBe(403);
    const applicant = new Client(t.app);
    await applicant.login('forening@nattvandrarna.example');
    expect((await applicant.get(`/api/funders/${sn}/applications`)).status).toBe(403);
  });
});

describe('the inbox filters', () => {
  it('offer the calls, areas and focus areas that received applications name, on the first page', async () => {
    const first = await caseworker.get(`/api/funders/${sn}/applications?limit=1`);
    expect(first.body.facets).toEqual({
      calls: [
        expect.objectContaining({ title: 'Extra föreningsstöd mot utanförskap' }),
        expect.objectContaining({ title: 'Uppdragsbidrag för ökad trygghet 2022' }),
      ],
      areas: ['Hageby', 'Klockaretorpet', 'Marielund', 'Navestad', 'Ringdansen'],
      focusAreas: [
        'Förebygga utanförskap bland barn och unga',
        'Stöd till unga utsatta för våld i nära relation, inklusive hedersrelaterat våld',
        'Uppsökande verksamhet',
      ],
    });
    const second = await caseworker.get(`/api/funders/${sn}/applications?limit=1&after=${first.body.next}`);
    expect(second.body.facets).toBeUndefined();
  });
});

// Last, since it adds an application to the funder's inbox.
describe('decisions in the inbox', () => {
  it('shows each application’s current decision, and filters by its outcome or by not yet decided', async () => {
    const get = async (query: string) => (await caseworker.get(`/api/funders/${sn}/applications?${query}`)).body.items;
    const all = await get('');
    expect(all.map((i: { caseNumber: string; decision: unknown }) => [i.caseNumber, i.decision])).toEqual([
      [LAXHJALPEN, null],
      [VUXENSKOLAN, null],
      ['SN 2022/00004', { outcome: 'approved', amount: 12_000_000 }],
      ['SN 2022/00003', { outcome: 'rejected', amount: 0 }],
      ['SN 2022/00002', { outcome: 'approved', amount: 50_000_000 }],
      ['SN 2022/00001', { outcome: 'partially_approved', amount: 25_000_000 }],
    ]);
    expect(numbers(await get('status=approved'))).toEqual(['SN 2022/00004', 'SN 2022/00002']);
    expect(numbers(await get('status=partially_approved'))).toEqual(['SN 2022/00001']);
    expect(numbers(await get('status=rejected'))).toEqual(['SN 2022/00003']);
    // A new application on a call of its own has no decision yet.
    const template = await demoTemplate(t.db);
    const call = await publishedCall(t.db, template, { title: 'Trygghetsbidrag 2026' });
    await receivedApplication(t.db, template, call.id, { organisation: { name: 'Klockaretorpets Fritidsförening' }, caseNumber: 'SN 2026/00901' });
    // With the demo's two on the open call, which wait for screening and for the committee.
    expect(numbers(await get('status=undecided'))).toEqual(['SN 2026/00901', LAXHJALPEN, VUXENSKOLAN]);
    expect((await get('status=undecided'))[0].decision).toBeNull();
    expect((await caseworker.get(`/api/funders/${sn}/applications?status=granted`)).status).toBe(400);
  });
});
