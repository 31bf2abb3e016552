import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/deadlines.ts';
import { luhnValid } from '../../src/domain/giro.ts';
import { type Ore, ore } from '../../src/domain/money.ts';
import { pain001, sanitiseId } from '../../src/domain/payments/pain001.ts';
import type { PayerSettings, RunHeader, RunPayment } from '../../src/domain/payments/types.ts';

const XSD = fileURLToPath(new URL('../fixtures/iso20022/pain.001.001.03.xsd', import.meta.url));

/** Validates against ISO's schema; throws with xmllint's complaint when the file is not valid. */
function validate(xml: string): void {
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? String(e);
    throw new Error(`not schema-valid:\n${stderr.slice(0, 2000)}`);
  }
}

/** A giro number with its Luhn check digit appended. */
function withCheckDigit(base: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(base + d)) return base + d;
  throw new Error('unreachable');
}

const settings: PayerSettings = {
  debtorName: 'Norrköpings kommun',
  debtorOrgNumber: '212000-0480',
  debtorAccount: { kind: 'bankgiro', number: '5050-1055' },
  debtorBic: 'HANDSESS',
  initiatingPartyId: '5566778899001',
  initiatingPartyScheme: 'BANK',
  voucherSeries: 'B',
  creditAccount: '2441',
};

const accounting = { account: '4590', responsibility: '1200', activity: null, project: null };

function payment(i: number, amount: number, payeeName: string, kind: 'bankgiro' | 'plusgiro', remittance = `Bidrag ${i}`): RunPayment {
  const base = kind === 'bankgiro' ? String(5000000 + i * 7) : String(40000 + i * 3);
  return {
    endToEndId: `SN A2026-${String(i).padStart(5, '0')}/1`,
    amount: ore(amount),
    payeeName,
    payeeOrgNumber: `80200${String(i).padStart(5, '0')}`.replace(/^(\d{6})/, '$1-'),
    account: { kind, number: withCheckDigit(base) },
    remittance,
    agreementNumber: `SN A2026/${String(i).padStart(5, '0')}`,
    accounting,
  };
}

function header(payments: RunPayment[], overrides: Partial<RunHeader> = {}): RunHeader {
  return {
    runNumber: 'SN U2026/00003',
    messageId: 'SN U2026-00003',
    createdAt: new Date('2026-01-15T13:45:10Z'),
    executionDate: '2026-01-20' as CalendarDate,
    count: payments.length,
    total: ore(payments.reduce((s, p) => s + p.amount, 0)),
    ...overrides,
  };
}

async function write(h: RunHeader, s: PayerSettings, payments: Iterable<RunPayment> | AsyncIterable<RunPayment>): Promise<string> {
  let xml = '';
  for await (const chunk of pain001(h, s, payments)) xml += chunk;
  return xml;
}

interface Parsed {
  values: Map<string, string[]>;
  transactions: Map<string, string>[];
}

/** The file as element paths → texts, and each CdtTrfTxInf as its own relative paths → texts. */
function read(xml: string): Parsed {
  const parser = new SaxesParser({ xmlns: true });
  const path: string[] = [];
  const values = new Map<string, string[]>();
  const transactions: Map<string, string>[] = [];
  let text = '';
  parser.on('opentag', (tag) => {
    path.push(tag.local);
    text = '';
    if (tag.local === 'CdtTrfTxInf') transactions.push(new Map());
    for (const a of Object.values(tag.attributes)) values.set(`${path.join('/')}@${a.local}`, [a.value]);
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', () => {
    const full = path.join('/');
    if (text.trim() !== '') {
      values.set(full, [...(values.get(full) ?? []), text]);
      const i = path.indexOf('CdtTrfTxInf');
      if (i >= 0) transactions[transactions.length - 1].set(path.slice(i + 1).join('/'), text);
    }
    text = '';
    path.pop();
  });
  parser.write(xml).close();
  return { values, transactions };
}

const GRP = 'Document/CstmrCdtTrfInitn/GrpHdr';
const PMT = 'Document/CstmrCdtTrfInitn/PmtInf';

const names = ['Föreningen Çağla & Łódź <Unga>', 'جمعية الشباب', 'Nattvandrarna 🌙 i Hageby', 'Örebro "Trygghet" i Vivalla', 'Ung i Åsö'];
const samplePayments = [
  payment(1, 12_500_000, names[0], 'bankgiro', 'Bidrag 2026 första delen, avtal SN A2026/00001'),
  payment(2, 1, names[1], 'plusgiro', 'منحة 2026'),
  payment(3, 3_000_050, names[2], 'bankgiro', 'Natt 🌙 & dag <2026>'),
  payment(4, 999_999, names[3], 'plusgiro', ''),
  payment(5, 10_000_000_000, names[4], 'bankgiro'),
];

describe('pain.001 payment file', () => {
  it('is valid against ISO’s schema and carries the group header and every payment', async () => {
    const xml = await write(header(samplePayments), settings, samplePayments);
    validate(xml);
    const { values, transactions } = read(xml);
    expect(values.get(`${GRP}/MsgId`)).toEqual(['SN U2026-00003']);
    // 13:45:10 UTC in January is 14:45:10 in Stockholm (CET).
    expect(values.get(`${GRP}/CreDtTm`)).toEqual(['2026-01-15T14:45:10']);
    expect(values.get(`${GRP}/NbOfTxs`)).toEqual(['5']);
    expect(values.get(`${GRP}/CtrlSum`)).toEqual(['100165000.50']);
    expect(values.get(`${PMT}/NbOfTxs`)).toEqual(['5']);
    expect(values.get(`${PMT}/CtrlSum`)).toEqual(['100165000.50']);
    expect(values.get(`${GRP}/InitgPty/Id/OrgId/Othr/Id`)).toEqual(['5566778899001']);
    expect(values.get(`${GRP}/InitgPty/Id/OrgId/Othr/SchmeNm/Cd`)).toEqual(['BANK']);
    expect(values.get(`${PMT}/PmtTpInf/SvcLvl/Cd`)).toEqual(['NURG']);
    expect(values.get(`${PMT}/PmtTpInf/CtgyPurp/Cd`)).toEqual(['SUPP']);
    expect(values.get(`${PMT}/ReqdExctnDt`)).toEqual(['2026-01-20']);
    expect(values.get(`${PMT}/Dbtr/Nm`)).toEqual(['Norrköpings kommun']);
    expect(values.get(`${PMT}/Dbtr/Id/OrgId/Othr/Id`)).toEqual(['2120000480']);
    expect(values.get(`${PMT}/DbtrAcct/Id/Othr/Id`)).toEqual(['50501055']);
    expect(values.get(`${PMT}/DbtrAcct/Id/Othr/SchmeNm/Prtry`)).toEqual(['BGNR']);
    expect(values.get(`${PMT}/DbtrAgt/FinInstnId/BIC`)).toEqual(['HANDSESS']);
    expect(values.get(`${PMT}/ChrgBr`)).toEqual(['SHAR']);

    expect(transactions).toHaveLength(samplePayments.length);
    transactions.forEach((tx, i) => {
      const p = samplePayments[i];
      const giro = p.account.kind === 'bankgiro';
      expect(tx.get('PmtId/EndToEndId')).toBe(p.endToEndId);
      expect(tx.get('Amt/InstdAmt')).toBe(`${Math.trunc(p.amount / 100)}.${String(p.amount % 100).padStart(2, '0')}`);
      expect(tx.get('CdtrAgt/FinInstnId/ClrSysMmbId/ClrSysId/Cd')).toBe('SESBA');
      expect(tx.get('CdtrAgt/FinInstnId/ClrSysMmbId/MmbId')).toBe(giro ? '9900' : '9960');
      expect(tx.get('Cdtr/Nm')).toBe(p.payeeName);
      expect(tx.get('Cdtr/Id/OrgId/Othr/Id')).toBe(p.payeeOrgNumber.replace('-', ''));
      expect(tx.get('CdtrAcct/Id/Othr/Id')).toBe(p.account.number);
      expect(tx.get(giro ? 'CdtrAcct/Id/Othr/SchmeNm/Prtry' : 'CdtrAcct/Id/Othr/SchmeNm/Cd')).toBe(giro ? 'BGNR' : 'BBAN');
      expect(tx.get('RmtInf/Ustrd')).toBe(p.remittance === '' ? undefined : p.remittance);
    });
    expect(values.get(`${PMT}/CdtTrfTxInf/Amt/InstdAmt@Ccy`)).toEqual(['SEK']);
    expect(transactions[1].get('Amt/InstdAmt')).toBe('0.01');
    expect(transactions[4].get('Amt/InstdAmt')).toBe('100000000.00');
    // Escaped in the file, not stripped: the text reads back exactly.
    expect(xml).toContain('Föreningen Çağla &amp; Łódź &lt;Unga&gt;');
  });

  it('writes an IBAN debtor without a BIC, and summer time in Stockholm', async () => {
    const s: PayerSettings = { ...settings, debtorAccount: { kind: 'iban', number: 'SE45 5000 0000 0583 9825 7466' }, debtorBic: null };
    const ps = samplePayments.slice(0, 2);
    const xml = await write(header(ps, { createdAt: new Date('2026-06-30T22:15:00Z') }), s, ps);
    validate(xml);
    const { values } = read(xml);
    expect(values.get(`${PMT}/DbtrAcct/Id/IBAN`)).toEqual(['SE4550000000058398257466']);
    expect(values.get(`${PMT}/DbtrAgt/FinInstnId/Othr/Id`)).toEqual(['NOTPROVIDED']);
    expect(values.get(`${GRP}/CreDtTm`)).toEqual(['2026-07-01T00:15:00']);
  });

  it('cuts a long name at 70 characters between whole characters, and strips what XML forbids', async () => {
    const family = '👨‍👩‍👧'; // five code points that read as one
    const ps = [
      payment(1, 100, `${'Å'.repeat(69)}🌙 och mer`, 'bankgiro'),
      payment(2, 100, `${'ä'.repeat(67)}${family} Förening`, 'plusgiro'),
      payment(3, 100, 'Ung\u0001 i\uFFFE Åsö\uD800 \u0085förening\n\tHageby', 'bankgiro', 'rad ett\r\nrad två\u0000'),
      payment(4, 100, `a\u0308${'b'.repeat(69)}`, 'bankgiro'), // ä decomposed: one character once composed
    ];
    const xml = await write(header(ps), settings, ps);
    validate(xml);
    const { transactions } = read(xml);
    const [a, b, c, d] = transactions.map((t) => t.get('Cdtr/Nm') ?? '');
    expect(a).toBe(`${'Å'.repeat(69)}🌙`);
    expect([...a]).toHaveLength(70);
    expect(b).toBe('ä'.repeat(67)); // the family would not fit whole, so it is left out whole
    expect(c).toBe('Ung i Åsö förening Hageby');
    expect(transactions[2].get('RmtInf/Ustrd')).toBe('rad ett rad två');
    expect(d).toBe(`ä${'b'.repeat(69)}`);
    expect(xml).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  it('gives the same bytes for the same run', async () => {
    const first = await write(header(samplePayments), settings, samplePayments);
    const second = await write(header(samplePayments), settings, samplePayments);
    expect(Buffer.from(second)).toEqual(Buffer.from(first));
  });

  it('throws after the last payment when the header’s count or total is wrong', async () => {
    const h = header(samplePayments);
    await expect(write({ ...h, count: 6 }, settings, samplePayments)).rejects.toThrow(/header says 6 payments/);
    await expect(write({ ...h, count: 4 }, settings, samplePayments)).rejects.toThrow(/more/);
    await expect(write({ ...h, total: ore(h.total + 1) }, settings, samplePayments)).rejects.toThrow(/100165000.51 SEK, but there are 5 of 100165000.50 SEK/);
    // The tail is never written for a wrong header, so no complete file comes out.
    const chunks: string[] = [];
    await expect(
      (async () => {
        for await (const c of pain001({ ...h, total: ore(h.total - 1) }, settings, samplePayments)) chunks.push(c);
      })(),
    ).rejects.toThrow(Error);
    expect(chunks.join('')).not.toContain('</Document>');
  });

  it('refuses ids outside the banks’ character set or longer than 35, duplicates and bad amounts', async () => {
    const one = [samplePayments[0]];
    const bad = async (ps: RunPayment[], h: Partial<RunHeader> = {}, s: Partial<PayerSettings> = {}) => write(header(ps, h), { ...settings, ...s }, ps);
    await expect(bad(one, { messageId: 'SN_U2026' })).rejects.toThrow(RangeError);
    await expect(bad(one, { messageId: 'X'.repeat(36) })).rejects.toThrow(RangeError);
    await expect(bad(one, { messageId: '' })).rejects.toThrow(RangeError);
    await expect(bad([{ ...one[0], endToEndId: 'Förening 1' }])).rejects.toThrow(RangeError);
    await expect(bad([{ ...one[0], endToEndId: 'A'.repeat(36) }])).rejects.toThrow(RangeError);
    await expect(bad([{ ...one[0], endToEndId: '<x>' }])).rejects.toThrow(RangeError);
    await expect(bad([one[0], { ...samplePayments[1], endToEndId: one[0].endToEndId }])).rejects.toThrow(/twice/);
    await expect(bad([{ ...one[0], amount: 0 as Ore }])).rejects.toThrow(RangeError);
    await expect(bad([{ ...one[0], payeeName: ' \u0001 ' }])).rejects.toThrow(/name/);
    await expect(bad([{ ...one[0], account: { kind: 'bankgiro', number: '5050-1056' } }])).rejects.toThrow(/bankgiro/);
    await expect(bad(one, {}, { debtorBic: 'handsess' })).rejects.toThrow(RangeError);
    await expect(bad(one, { executionDate: '2026-02-30' })).rejects.toThrow(RangeError);
    // The longest allowed ids, with every allowed punctuation mark, are accepted.
    const id = "A-z0/?:().,'+ 9".padEnd(35, 'x');
    const xml = await bad([{ ...one[0], endToEndId: id }], { messageId: id });
    validate(xml);
    expect(read(xml).transactions[0].get('PmtId/EndToEndId')).toBe(id);
  });

  it('streams: 10 000 payments from a generator, one chunk each, without reading ahead', async () => {
    const n = 10_000;
    let pulled = 0;
    function* generate() {
      for (let i = 1; i <= n; i++) {
        pulled += 1;
        yield payment(i, 1000 + i, `Förening nr ${i} 🌙`, i % 2 === 0 ? 'bankgiro' : 'plusgiro');
      }
    }
    const total = ore(n * 1000 + (n * (n + 1)) / 2);
    const started = performance.now();
    let chunks = 0;
    let bytes = 0;
    let pulledAtFirstPayment = -1;
    for await (const chunk of pain001(header([], { count: n, total }), settings, generate())) {
      chunks += 1;
      bytes += chunk.length;
      if (chunks === 2) pulledAtFirstPayment = pulled;
    }
    const elapsed = performance.now() - started;
    expect(chunks).toBe(n + 2);
    expect(pulledAtFirstPayment).toBe(1);
    expect(bytes).toBeGreaterThan(n * 500);
    expect(elapsed).toBeLessThan(1000);
  });

  it('accepts payments from an async source', async () => {
    async function* source() {
      for (const p of samplePayments) yield p;
    }
    const xml = await write(header(samplePayments), settings, source());
    expect(xml).toBe(await write(header(samplePayments), settings, samplePayments));
  });

  it('is schema-valid with the right sum for any run (property)', async () => {
    const name = fc.oneof(fc.string({ unit: 'binary', minLength: 0, maxLength: 90 }), fc.string({ unit: 'grapheme', minLength: 0, maxLength: 90 }));
    const run = fc.array(fc.record({ amount: fc.integer({ min: 1, max: 10_000_000_000 }), name, plusgiro: fc.boolean(), remittance: name }), {
      minLength: 1,
      maxLength: 50,
    });
    await fc.assert(
      fc.asyncProperty(run, async (rows) => {
        const ps = rows.map((r, i) => payment(i + 1, r.amount, `Förening ${r.name}`, r.plusgiro ? 'plusgiro' : 'bankgiro', r.remittance));
        const xml = await write(header(ps), settings, ps);
        validate(xml);
        const { values, transactions } = read(xml);
        const sum = BigInt(rows.reduce((s, r) => s + r.amount, 0));
        const expected = `${sum / 100n}.${String(sum % 100n).padStart(2, '0')}`;
        expect(values.get(`${GRP}/CtrlSum`)).toEqual([expected]);
        expect(values.get(`${PMT}/CtrlSum`)).toEqual([expected]);
        expect(values.get(`${GRP}/NbOfTxs`)).toEqual([String(rows.length)]);
        const summed = transactions.reduce((s, t) => s + BigInt((t.get('Amt/InstdAmt') ?? '').replace('.', '')), 0n);
        expect(summed).toBe(sum);
        for (const t of transactions) expect([...(t.get('Cdtr/Nm') ?? '')].length).toBeLessThanOrEqual(70);
      }),
      { numRuns: 15 },
    );
  });
});

describe('sanitiseId', () => {
  it('maps letters to their plain forms and drops what banks refuse', () => {
    expect(sanitiseId('Föreningen Çağla & Łódź <Unga>')).toBe('Foreningen Cagla Lodz Unga');
    expect(sanitiseId('Ærø Straße 🌙 جمعية')).toBe('AEro Strasse');
    expect(sanitiseId('SN A2026/00001:1', 12)).toBe('SN A2026/000');
    expect(sanitiseId('     ')).toBe('');
  });

  it('always gives an id of the allowed characters within the length (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.integer({ min: 1, max: 35 }), (text, max) => {
        const id = sanitiseId(text, max);
        expect(id.length).toBeLessThanOrEqual(max);
        expect(id).toMatch(/^([A-Za-z0-9/\-?:().,'+]([A-Za-z0-9/\-?:().,'+ ]*[A-Za-z0-9/\-?:().,'+])?)?$/);
      }),
    );
  });
});
