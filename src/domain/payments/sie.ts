// SIE type 4I: the run's bookings as vouchers for the funder's accounting system to import (file
// extension .SI). One voucher per payment: the expense account (with the budget line's objects) is
// debited, the settings' credit account credited. Code page 437 (`#FORMAT PC8`), CRLF line ends.
import iconv from 'iconv-lite';
import { dateInStockholm } from '../deadlines.ts';
import { addOre, decimalKronor, type Ore, ore, ZERO_ORE } from '../money.ts';
import type { Accounting, PayerSettings, RunHeader, RunPayment } from './types.ts';

export type SieSettings = PayerSettings & { program: { name: string; version: string } };

/** The SIE dimensions a booking's objects go to; 1 and 6 are SIE's reserved cost centre and project. */
export const SIE_DIMENSIONS = [
  { dim: 1, name: 'Ansvar', field: 'responsibility' },
  { dim: 6, name: 'Projekt', field: 'project' },
  { dim: 20, name: 'Verksamhet', field: 'activity' },
] as const satisfies readonly { dim: number; name: string; field: keyof Accounting }[];

// The characters code page 437 can hold, as iconv-lite maps them; its encoder would silently turn
// anything else into '?', so text is brought into this set first and the rest replaced knowingly.
const CP437 = new Set(
  iconv.decode(
    Uint8Array.from({ length: 256 }, (_, i) => i),
    'cp437',
  ),
);

// Letters that Unicode does not decompose into a base letter and a mark (a stroke is not a mark),
// and punctuation that has a plain equivalent. Every replacement is itself in code page 437.
const EXTRA: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  ĸ: 'k',
  Ŀ: 'L',
  ŀ: 'l',
  // Danish and Norwegian ø is written ö in Swedish; code page 437 has no ø.
  Ø: 'Ö',
  ø: 'ö',
  Œ: 'OE',
  œ: 'oe',
  Þ: 'Th',
  þ: 'th',
  Ŋ: 'N',
  ŋ: 'n',
  Ŧ: 'T',
  ŧ: 't',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '\u2219',
  '\u20ac': 'EUR',
};

for (const plain of Object.values(EXTRA)) {
  if (![...plain].every((c) => CP437.has(c))) throw new Error(`transliteration ${plain} is not in code page 437`);
}

const LINE_BREAK = /[\t\n\v\f\r\u0085\u2028\u2029]/u;
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const SPACE = /\p{Zs}/u;
const MARKS = /\p{M}/gu;

function plainChar(c: string): string | null {
  if (CP437.has(c)) return c;
  return EXTRA[c] ?? null;
}

/**
 * Text as code page 437 can carry it: line breaks and tabs become a space, other control and format
 * characters (zero-width joiners, direction marks) go, letters outside the code page lose their
 * marks (ğ → g) or take a plain equivalent (Ł → L), and what is left unencodable becomes '?'.
 */
export function toCp437Text(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (LINE_BREAK.test(c) || SPACE.test(c)) {
      out += ' ';
      continue;
    }
    if (INVISIBLE.test(c)) continue;
    const plain = plainChar(c);
    if (plain !== null) {
      out += plain;
      continue;
    }
    // Compatibility decomposition also turns ligatures and full-width forms into plain letters.
    const base = c.normalize('NFKD').replace(MARKS, '');
    if (base === '') continue; // a lone combining mark: nothing to show
    for (const b of base) out += INVISIBLE.test(b) ? '' : (plainChar(b) ?? '?');
  }
  return out;
}

/** A SIE string field: in double quotes, with `"` and `\` escaped by a backslash. */
export function sieQuote(text: string): string {
  return `"${toCp437Text(text).replace(/[\\"]/g, (m) => `\\${m}`)}"`;
}

const compactDate = (date: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a calendar date: ${date}`);
  return date.replaceAll('-', '');
};

function accountNumber(account: string): string {
  // SIE account numbers are numeric; anything else would be refused or misread on import.
  if (!/^\d+$/.test(account)) throw new RangeError(`not an account number: ${JSON.stringify(account)}`);
  return account;
}

function orgNumber(digits: string): string {
  const d = digits.replace(/\D/g, '');
  if (d.length !== 10) throw new RangeError(`not an organisation number: ${JSON.stringify(digits)}`);
  return `${d.slice(0, 6)}-${d.slice(6)}`;
}

const encode = (lines: string[]): Uint8Array => iconv.encode(lines.map((l) => `${l}\r\n`).join(''), 'cp437');

/**
 * Streams the run's bookings as a SIE 4I file. Throws when a payment's amount is not a positive
 * whole öre, and at the end when the payments' count or sum differ from the header's: a caller must
 * then discard what it has received.
 */
export async function* sie4i(header: RunHeader, settings: SieSettings, payments: AsyncIterable<RunPayment> | Iterable<RunPayment>): AsyncGenerator<Uint8Array> {
  const creditAccount = accountNumber(settings.creditAccount);
  const verDate = compactDate(header.executionDate);
  // Head records in the order SIE 4 prescribes for identification and then chart-of-accounts records.
  yield encode([
    '#FLAGGA 0',
    `#PROGRAM ${sieQuote(settings.program.name)} ${sieQuote(settings.program.version)}`,
    '#FORMAT PC8',
    `#GEN ${compactDate(dateInStockholm(header.createdAt))}`,
    '#SIETYP 4',
    `#ORGNR ${orgNumber(settings.debtorOrgNumber)}`,
    `#FNAMN ${sieQuote(settings.debtorName)}`,
    ...SIE_DIMENSIONS.map((d) => `#DIM ${d.dim} ${sieQuote(d.name)}`),
  ]);

  let count = 0;
  let total: Ore = ZERO_ORE;
  for await (const p of payments) {
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0) throw new RangeError(`payment ${p.endToEndId}: not a positive amount: ${p.amount}`);
    count += 1;
    total = addOre(total, p.amount);
    const objects = SIE_DIMENSIONS.flatMap((d) => {
      const value = p.accounting[d.field];
      return value === null || value === '' ? [] : [`${d.dim} ${sieQuote(value)}`];
    });
    const rows: [account: string, objects: string, amount: Ore][] = [
      [accountNumber(p.accounting.account), objects.join(' '), p.amount],
      [creditAccount, '', ore(-p.amount)],
    ];
    // Balanced by construction; checked so that a later change cannot write an unbalanced voucher.
    if (rows.reduce((sum, r) => sum + r[2], 0) !== 0) throw new Error(`voucher ${count} does not balance`);
    yield encode([
      `#VER ${sieQuote(settings.voucherSeries)} ${count} ${verDate} ${sieQuote(`${header.runNumber} ${p.agreementNumber} ${p.payeeName}`)}`,
      '{',
      ...rows.map(([account, objs, amount]) => `#TRANS ${account} {${objs}} ${decimalKronor(amount as Ore)}`),
      '}',
    ]);
  }
  if (count !== header.count || total !== header.total) {
    throw new Error(`run ${header.runNumber}: ${count} payments of ${total} öre written, the header says ${header.count} of ${header.total}`);
  }
}
