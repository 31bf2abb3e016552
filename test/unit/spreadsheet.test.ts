import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_TRIGGERS, neutraliseText, spreadsheetCell, startsLikeFormula } from '../../src/domain/spreadsheet.ts';
import { toCsv, toXlsx } from '../../src/server/exports.ts';
import { readZipText } from '../support/zip.ts';

/** Strings that often start like a formula, mixed with any string at all. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.constantFrom(...FORMULA_TRIGGERS, "'", ' ', ';', '"'), fc.string()).map(([a, b]) => a + b),
);

describe('a text cell', () => {
  it('never starts like a formula once neutralised, and is the original text behind at most one apostrophe', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = neutraliseText(s);
        expect(startsLikeFormula(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });

  it('is unchanged when it cannot start a formula', () => {
    fc.assert(
      fc.property(
        text.filter((s) => !FORMULA_TRIGGERS.includes(s[0] ?? '')),
        (s) => {
          expect(neutraliseText(s)).toBe(s);
        },
      ),
    );
  });

  it('gets the apostrophe for each of OWASP’s formula triggers', () => {
    expect(['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(1)', '\t=1', '\r=1'].map(neutraliseText)).toEqual([
      `'=HYPERLINK("http://x","y")`,
      "'+1",
      "'-2+3",
      "'@SUM(1)",
      "'\t=1",
      "'\r=1",
    ]);
    expect(neutraliseText('')).toBe('');
    expect(neutraliseText("'=1")).toBe("'=1");
  });
});

describe('a cell of any value', () => {
  it('keeps real numbers as numbers, negative ones too, and turns the text "-5" into text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(spreadsheetCell(n)).toBe(n);
      }),
    );
    expect(spreadsheetCell(-5)).toBe(-5);
    expect(spreadsheetCell('-5')).toBe("'-5");
    expect(spreadsheetCell(Number.NaN)).toBeNull();
    expect(spreadsheetCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(spreadsheetCell(-12n)).toBe(-12);
    expect(spreadsheetCell(2n ** 70n)).toBe((2n ** 70n).toString());
  });

  it('keeps dates, truth values and nothing, and turns anything else into neutralised text', () => {
    const d = new Date('2026-03-01T12:00:00Z');
    expect(spreadsheetCell(d)).toBe(d);
    expect(spreadsheetCell(false)).toBe(false);
    expect(spreadsheetCell(null)).toBeNull();
    expect(spreadsheetCell(undefined)).toBeNull();
    expect(spreadsheetCell(new Date('nonsense'))).toBeNull();
    // An exceljs formula object can never reach a sheet as a formula.
    const formula = spreadsheetCell({ formula: 'HYPERLINK("http://x")', toString: () => '=HYPERLINK("http://x")' });
    expect(formula).toBe(`'=HYPERLINK("http://x")`);
  });
});

const row = fc.array(fc.oneof(text, fc.integer({ min: -1_000_000, max: 1_000_000 })), { minLength: 1, maxLength: 6 });

describe('the CSV writer', () => {
  it('writes no cell that starts like a formula, keeps numbers bare, and reads back as what was written', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const headers = Array.from({ length: width }, (_, i) => `k${i}`);
        const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
        const parsed: string[][] = parse(toCsv({ name: 'x', headers, rows: padded }), { bom: true, delimiter: ';', relax_column_count: true });
        expect(parsed[0]).toEqual(headers);
        expect(parsed.slice(1)).toEqual(padded.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : neutraliseText(v)))));
        for (const cell of parsed.flat()) expect(startsLikeFormula(cell) && !/^-\d+$/.test(cell)).toBe(false);
      }),
    );
  });

  it('neutralises the headers and writes dates as Stockholm time', () => {
    const csv = toCsv({ name: 'x', headers: ['=Rubrik', 'Inkom'], rows: [['@x', new Date('2026-03-01T12:00:00Z')]] });
    expect(parse(csv, { bom: true, delimiter: ';' })).toEqual([
      ["'=Rubrik", 'Inkom'],
      ["'@x", '2026-03-01 13:00:00'],
    ]);
  });
});

describe('the XLSX writer', () => {
  it('writes text as neutralised strings, numbers as numbers, and no formula anywhere', async () => {
    const rows = [
      ['=HYPERLINK("http://evil.example","klicka")', -250.5, '-2+3'],
      ['@SUM(1)', 1200, 'Nattvandrarna'],
    ];
    const file = await toXlsx({ name: 'Blad', headers: ['+A', 'Belopp', 'C'], rows, numberFormats: { 2: '# ##0.00' }, columnWidth: 20 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Blad');
    const values = [1, 2, 3].map((r) => [1, 2, 3].map((c) => sheet?.getRow(r).getCell(c).value));
    expect(values).toEqual([
      ["'+A", 'Belopp', 'C'],
      [`'=HYPERLINK("http://evil.example","klicka")`, -250.5, "'-2+3"],
      ["'@SUM(1)", 1200, 'Nattvandrarna'],
    ]);
    sheet?.eachRow((r) => {
      r.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
    expect(sheet?.getRow(2).getCell(2).numFmt).toBe('# ##0.00');
    const xml = await readZipText(file, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<sheetData>');
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('writes text with control characters and lone surrogates as a file that still opens', async () => {
    const file = await toXlsx({ name: 'Blad', headers: ['a'], rows: [['x\u0001y\u0000z\uD800w'], ['\u0000=1+1']] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.getWorksheet('Blad')?.getRow(2).getCell(1).value).toBe('x\uFFFDy\uFFFDz\uFFFDw');
    expect(book.getWorksheet('Blad')?.getRow(3).getCell(1).value).toBe('\uFFFD=1+1');
  });

  it('writes no cell of arbitrary text that starts like a formula, and every file opens', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), async (rows) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load((await toXlsx({ name: 'Blad', headers: ['a'], rows })) as unknown as ArrayBuffer);
        book.getWorksheet('Blad')?.eachRow((r) => {
          r.eachCell((c) => {
            expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
            if (typeof c.value === 'string') expect(startsLikeFormula(c.value)).toBe(false);
          });
        });
      }),
      { numRuns: 25 },
    );
  });
});

describe('every CSV and XLSX the service writes', () => {
  it('goes through src/server/exports.ts: no other module imports csv-stringify or exceljs', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
      );
    const writers = files('src')
      .filter((f) => /from ['"](csv-stringify|exceljs)[/'"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative('.', f));
    expect(writers).toEqual(['src/server/exports.ts']);
  });
});
