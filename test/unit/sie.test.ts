import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ore } from '../../src/domain/money.ts';
import { type SieSettings, sie4i, toCp437Text } from '../../src/domain/payments/sie.ts';
import type { RunHeader, RunPayment } from '../../src/domain/payments/types.ts';
import { readSie, SieSyntaxError } from '../support/sie-reader.ts';

const settings: SieSettings = {
  debtorName: 'Norrköpings kommun',
  debtorOrgNumber: '2120002411',
  debtorAccount: { kind: 'bankgiro', number: '50501055' },
  debtorBic: 'HANDSESS',
  initiatingPartyId: '123456789',
  initiatingPartyScheme: 'BANK',
  voucherSeries: 'B',
  creditAccount: '2441',
  program: { name: 'Samverka', version: '0.1.0' },
};

const NAMES = [
  'Föreningen Åsa & Örjan',
  'Çağla Łukasz förening',
  'جمعية الشباب',
  'Nattvandrarna 🌙',
  'Quote "inside" and back\\slash',
  'Ärlig Ödmjuk Élan {klammer}',
];

function payment(i: number, name: string, amount: number, accounting: Partial<RunPayment['accounting']> = {}): RunPayment {
  return {
    endToEndId: `SN-U2026-00003-${i}`,
    amount: ore(amount),
    payeeName: name,
    payeeOrgNumber: '802467-7026',
    account: { kind: i % 2 ? 'plusgiro' : 'bankgiro', number: '50501055' },
    remittance: `Bidrag ${name}`,
    agreementNumber: `SN A2026/0000${i}`,
    accounting: { account: '4590', responsibility: 'A12', activity: '2710', project: 'P-7 "Trygg"', ...accounting },
  };
}

function headerFor(payments: RunPayment[]): RunHeader {
  return {
    runNumber: 'SN U2026/00003',
    messageId: 'SN-U2026-00003',
    // 23:30 UTC on 14 April is already 15 April in Stockholm (summer time).
    createdAt: new Date('2026-04-14T23:30:00Z'),
    executionDate: '2026-04-17',
    count: payments.length,
    total: ore(payments.reduce((s, p) => s + p.amount, 0)),
  };
}

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

const payments = [
  payment(1, NAMES[0], 1_250_000),
  payment(2, NAMES[1], 99, { responsibility: null, project: null }),
  payment(3, NAMES[2], 12_345_678_901, { responsibility: null, activity: null, project: null }),
  payment(4, NAMES[3], 1),
  payment(5, NAMES[4], 100, { activity: null }),
  payment(6, NAMES[5], 7_000_050),
];

describe('SIE 4I bookings of a payment run', () => {
  it('writes the head records in the format order, with the funder, dimensions and generation date', async () => {
    const file = readSie(await bytesOf(sie4i(headerFor(payments), settings, payments)));
    expect(file.labels.slice(0, 10)).toEqual(['#FLAGGA', '#PROGRAM', '#FORMAT', '#GEN', '#SIETYP', '#ORGNR', '#FNAMN', '#DIM', '#DIM', '#DIM']);
    expect(file.flags).toBe(0);
    expect(file.format).toBe('PC8');
    expect(file.sieType).toBe(4);
    expect(file.program).toEqual({ name: 'Samverka', version: '0.1.0' });
    expect(file.generated).toBe('20260415');
    expect(file.orgNumber).toBe('212000-2411');
    expect(file.companyName).toBe('Norrköpings kommun');
    expect([...file.dimensions]).toEqual([
      [1, 'Ansvar'],
      [6, 'Projekt'],
      [20, 'Verksamhet'],
    ]);
  });

  it('books each payment as a balanced voucher, exact to the öre, with the configured objects', async () => {
    const file = readSie(await bytesOf(sie4i(headerFor(payments), settings, payments)));
    expect(file.vouchers).toHaveLength(payments.length);
    file.vouchers.forEach((v, i) => {
      const p = payments[i];
      expect(v.series).toBe('B');
      expect(v.number).toBe(String(i + 1));
      expect(v.date).toBe('20260417');
      expect(v.transactions.reduce((s, t) => s + t.amount, 0n)).toBe(0n);
      const [debit, credit] = v.transactions;
      expect(v.transactions).toHaveLength(2);
      expect(debit.account).toBe('4590');
      expect(debit.amount).toBe(BigInt(p.amount));
      expect(credit.account).toBe('2441');
      expect(credit.amount).toBe(-BigInt(p.amount));
      expect(credit.objects).toEqual([]);
      const expected: [number, string][] = [];
      if (p.accounting.responsibility) expected.push([1, p.accounting.responsibility]);
      if (p.accounting.project) expected.push([6, p.accounting.project]);
      if (p.accounting.activity) expected.push([20, p.accounting.activity]);
      expect(debit.objects).toEqual(expected);
    });
    expect(file.vouchers[0].transactions[0].objects).toEqual([
      [1, 'A12'],
      [6, 'P-7 "Trygg"'],
      [20, '2710'],
    ]);
    expect(file.vouchers[2].transactions[0].objects).toEqual([]);
    expect(file.vouchers[2].transactions[0].amount).toBe(12_345_678_901n);
  });

  it('keeps Swedish letters and Ç exactly, writes ğ as g and Ł as L, and Arabic and emoji as ?', async () => {
    const file = readSie(await bytesOf(sie4i(headerFor(payments), settings, payments)));
    const texts = file.vouchers.map((v) => v.text);
    expect(texts[0]).toBe('SN U2026/00003 SN A2026/00001 Föreningen Åsa & Örjan');
    expect(texts[1]).toBe('SN U2026/00003 SN A2026/00002 Çagla Lukasz förening');
    expect(texts[2]).toBe(`SN U2026/00003 SN A2026/00003 ${NAMES[2].replace(/\p{Script=Arabic}/gu, '?')}`);
    expect(texts[2]).toMatch(/ \?{5} \?{6}$/);
    expect(texts[3]).toBe('SN U2026/00003 SN A2026/00004 Nattvandrarna ?');
    expect(texts[4]).toBe('SN U2026/00003 SN A2026/00005 Quote "inside" and back\\slash');
    expect(texts[5]).toBe('SN U2026/00003 SN A2026/00006 Ärlig Ödmjuk Élan {klammer}');
  });

  it('writes code page 437 bytes with CRLF line ends', async () => {
    const bytes = await bytesOf(sie4i(headerFor(payments), settings, payments));
    // "Föreningen Åsa & Örjan": ö is 0x94, Å 0x8F, Ö 0x99 in code page 437.
    expect(bytes.includes(Buffer.from([0x46, 0x94, 0x72, 0x65]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x20, 0x8f, 0x73, 0x61]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x20, 0x99, 0x72, 0x6a]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x80, 0x61, 0x67, 0x6c, 0x61]))).toBe(true); // Çagla
    expect(bytes.includes(Buffer.from('Föreningen', 'utf8'))).toBe(false);
    expect(bytes.subarray(0, 11).toString('latin1')).toBe('#FLAGGA 0\r\n');
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a) expect(bytes[i - 1]).toBe(0x0d);
      if (bytes[i] === 0x0d) expect(bytes[i + 1]).toBe(0x0a);
    }
    expect(bytes.subarray(-3).toString('latin1')).toBe('}\r\n');
  });

  it('keeps a name with line breaks, tabs and control characters on one line', async () => {
    const tricky = [payment(1, 'Första raden\r\nandra\traden\u0000\u001b}\n#VER "X" 9 20260101 "falsk"', 500)];
    const file = readSie(await bytesOf(sie4i(headerFor(tricky), settings, tricky)));
    expect(file.vouchers).toHaveLength(1);
    expect(file.vouchers[0].text).toBe('SN U2026/00003 SN A2026/00001 Första raden  andra raden} #VER "X" 9 20260101 "falsk"');
    expect(file.labels.filter((l) => l === '#VER')).toHaveLength(1);
  });

  it('writes the same bytes for the same input', async () => {
    const a = await bytesOf(sie4i(headerFor(payments), settings, payments));
    const b = await bytesOf(
      sie4i(
        headerFor(payments),
        settings,
        (async function* () {
          yield* structuredClone(payments);
        })(),
      ),
    );
    expect(b.equals(a)).toBe(true);
  });

  it('refuses a run whose payments do not match the header', async () => {
    const h = headerFor(payments);
    await expect(bytesOf(sie4i({ ...h, count: h.count + 1 }, settings, payments))).rejects.toThrow(/header says/);
    await expect(bytesOf(sie4i({ ...h, total: ore(h.total - 1) }, settings, payments))).rejects.toThrow(/header says/);
    await expect(bytesOf(sie4i(h, settings, payments.slice(1)))).rejects.toThrow(/header says/);
  });

  it('refuses an amount that is not positive and an account that is not numeric', async () => {
    const zero = [payment(1, 'Noll', 0)];
    await expect(bytesOf(sie4i(headerFor(zero), settings, zero))).rejects.toThrow(RangeError);
    const letters = [payment(1, 'Konto', 100, { account: '45A0' })];
    await expect(bytesOf(sie4i(headerFor(letters), settings, letters))).rejects.toThrow(RangeError);
  });

  it('reads random runs back balanced, with the totals and the printable text they were written with', async () => {
    // Text the code page can carry, including the characters that need escaping.
    const printable = fc.string({
      unit: fc.constantFrom(...'aåäöÅÄÖéÉüÇæß½ zZ09"\\{}#;,.-/'.split('')),
      maxLength: 30,
    });
    const anyText = fc.string({ unit: 'binary', maxLength: 30 });
    const run = fc.array(
      fc.record({
        amount: fc.integer({ min: 1, max: 100_000_000_000 }),
        name: fc.oneof(printable, anyText),
        responsibility: fc.option(fc.oneof(printable, anyText)),
        project: fc.option(fc.oneof(printable, anyText)),
      }),
      { minLength: 1, maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(run, async (rows) => {
        const ps = rows.map((r, i) => payment(i, r.name, r.amount, { responsibility: r.responsibility, project: r.project }));
        const file = readSie(await bytesOf(sie4i(headerFor(ps), settings, ps)));
        expect(file.vouchers).toHaveLength(ps.length);
        let total = 0n;
        file.vouchers.forEach((v, i) => {
          expect(v.transactions.reduce((s, t) => s + t.amount, 0n)).toBe(0n);
          expect(v.transactions[0].amount).toBe(BigInt(ps[i].amount));
          total += v.transactions[0].amount;
          expect(v.text).toBe(`SN U2026/00003 ${ps[i].agreementNumber} ${toCp437Text(ps[i].payeeName)}`);
          // Text made only of what the code page holds comes back exactly as written.
          if (/^[aåäöÅÄÖéÉüÇæß½ zZ09"\\{}#;,.\-/]*$/.test(ps[i].payeeName)) expect(v.text.endsWith(` ${ps[i].payeeName}`)).toBe(true);
          const dims = v.transactions[0].objects.map(([d]) => d);
          expect(dims).toEqual([...(rows[i].responsibility ? [1] : []), ...(rows[i].project ? [6] : []), 20]);
        });
        expect(total).toBe(BigInt(headerFor(ps).total));
      }),
      { numRuns: 150 },
    );
  });
});

describe('the transliteration to code page 437', () => {
  it('keeps what the code page holds and replaces the rest sensibly', () => {
    expect(toCp437Text('åäöÅÄÖéÇüæ')).toBe('åäöÅÄÖéÇüæ');
    expect(toCp437Text('Çağla Łukasz Øresund Straße')).toBe('Çagla Lukasz Öresund Straße');
    // Decomposed input (as macOS file names arrive) is composed first: one ö, not o + mark.
    expect(toCp437Text('Fo\u0308rening')).toBe('Förening');
    expect(toCp437Text('“citat” – ﬁnt')).toBe('"citat" - fint');
    expect(toCp437Text('a\u200db\u200fc\u00add')).toBe('abcd');
    expect(toCp437Text('👍🏽 ❤️')).toBe('?? ?');
    expect(toCp437Text('日本')).toBe('??');
  });
});

describe('the test reader', () => {
  const ok = '#FLAGGA 0\r\n#VER "A" 1 20260101 "t"\r\n{\r\n#TRANS 1930 {} 1.50\r\n#TRANS 2441 {1 "x"} -1.5\r\n}\r\n';

  it('reads a well-formed file with LF or CRLF line ends', () => {
    for (const text of [ok, ok.replaceAll('\r\n', '\n')]) {
      const f = readSie(Buffer.from(text, 'latin1'));
      expect(f.vouchers[0].transactions.map((t) => t.amount)).toEqual([150n, -150n]);
      expect(f.vouchers[0].transactions[1].objects).toEqual([[1, 'x']]);
    }
  });

  it('refuses malformed files', () => {
    const bad = [
      ok.replace('{\r\n', ''),
      ok.replace('}\r\n', ''),
      ok.replace('{1 "x"}', '{1 "x"'),
      ok.replace('1.50', '1,50'),
      ok.replace('1.50', '1.505'),
      ok.replace('"t"', '"t'),
      '#TRANS 1930 {} 1.00\r\n',
      ok.replace('#FLAGGA 0', '#FLAGGA 0\u0001'),
    ];
    for (const text of bad) expect(() => readSie(Buffer.from(text, 'latin1')), JSON.stringify(text)).toThrow(SieSyntaxError);
  });
});
