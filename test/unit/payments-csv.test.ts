import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ore } from '../../src/domain/money.ts';
import type { RunHeader, RunPayment } from '../../src/domain/payments/types.ts';
import { PAYMENTS_CSV_COLUMNS, paymentsCsv } from '../../src/server/payments/csv.ts';

function payment(i: number, name: string, amount: number, accounting: Partial<RunPayment['accounting']> = {}): RunPayment {
  return {
    endToEndId: `SN-U2026-00003-${i}`,
    amount: ore(amount),
    payeeName: name,
    payeeOrgNumber: '802467-7026',
    account: { kind: i % 2 ? 'plusgiro' : 'bankgiro', number: i % 2 ? '412346' : '50501055' },
    remittance: `Bidrag; delbetalning ${i} "vår"`,
    agreementNumber: `SN A2026/0000${i}`,
    accounting: { account: '4590', responsibility: 'A12', activity: '2710', project: 'P7', ...accounting },
  };
}

const payments = [
  payment(1, 'Föreningen Åsa & Örjan', 1_250_000),
  payment(2, 'Çağla Łukasz förening', 5, { responsibility: null, project: null }),
  payment(3, 'جمعية الشباب', 12_345_678_901, { activity: null }),
  payment(4, 'Nattvandrarna 🌙', 100),
  payment(5, 'Quote "inside"; semi;colon\r\nand a new line\nand back\\slash', 99_999),
  payment(6, '=HYPERLINK("http://x")', 1),
  payment(7, 'Bara\nradbrytning', 2),
];

const header: RunHeader = {
  runNumber: 'SN U2026/00003',
  messageId: 'SN-U2026-00003',
  createdAt: new Date('2026-04-14T10:00:00Z'),
  executionDate: '2026-04-17',
  count: payments.length,
  total: ore(payments.reduce((s, p) => s + p.amount, 0)),
};

async function textOf(chunks: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
}

describe('the payment run as CSV', () => {
  it('starts with a BOM and a header row, separates with semicolons and ends rows with CRLF', async () => {
    const text = await textOf(paymentsCsv(header, payments));
    expect(text.startsWith('\uFEFF"Utbetalningsomgång";"Betalningsdag";"End-to-end-id";')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe(
      '"SN U2026/00003";"2026-04-17";"SN-U2026-00003-1";"Föreningen Åsa & Örjan";"802467-7026";"plusgiro";"412346";1250000;"12500.00";' +
        '"Bidrag; delbetalning 1 ""vår""";"SN A2026/00001";"4590";"A12";"2710";"P7"',
    );
    // Excel ends a row at any unquoted line break, a lone LF as well.
    expect(text).toContain(';"Bara\nradbrytning";');
    // The text is UTF-8 once encoded: å is two bytes, not code page 437.
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads back with every column and value, including quotes, semicolons and line breaks in names', async () => {
    const rows: string[][] = parse(await textOf(paymentsCsv(header, payments)), { delimiter: ';', bom: true });
    expect(rows[0]).toEqual([...PAYMENTS_CSV_COLUMNS]);
    expect(rows).toHaveLength(payments.length + 1);
    rows.slice(1).forEach((r, i) => {
      const p = payments[i];
      const expectedName = p.payeeName.startsWith('=') ? `'${p.payeeName}` : p.payeeName;
      expect(r).toEqual([
        'SN U2026/00003',
        '2026-04-17',
        p.endToEndId,
        expectedName,
        '802467-7026',
        p.account.kind,
        p.account.number,
        String(p.amount),
        `${Math.trunc(p.amount / 100)}.${String(p.amount % 100).padStart(2, '0')}`,
        p.remittance,
        p.agreementNumber,
        '4590',
        p.accounting.responsibility ?? '',
        p.accounting.activity ?? '',
        p.accounting.project ?? '',
      ]);
    });
    expect(rows[5][3]).toBe('Quote "inside"; semi;colon\r\nand a new line\nand back\\slash');
    expect(rows[3][3]).toBe('جمعية الشباب');
    expect(rows[4][3]).toBe('Nattvandrarna 🌙');
    expect(rows[7][3]).toBe('Bara\nradbrytning');
    expect(rows[3][8]).toBe('123456789.01');
    expect(rows[2][8]).toBe('0.05');
    // A name that looks like a formula is not run by Excel.
    expect(rows[6][3]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('writes the same text for the same input and refuses a run that does not match its header', async () => {
    expect(await textOf(paymentsCsv(header, payments))).toBe(await textOf(paymentsCsv(header, structuredClone(payments))));
    await expect(textOf(paymentsCsv({ ...header, count: 5 }, payments))).rejects.toThrow(/header says/);
    await expect(textOf(paymentsCsv({ ...header, total: ore(header.total + 1) }, payments))).rejects.toThrow(/header says/);
  });
});
