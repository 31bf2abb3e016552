// A strict reader for SIE 4 files, written from SIE-gruppen's format description for the tests. It
// shares nothing with the writer in src/domain/payments (not even the code page 437 decoder), so a
// mistake in one is not repeated in the other.

// Code page 437, bytes 0x80–0xFF (IBM's PC character set); 0x00–0x7F are ASCII.
// One row of 16 per high nibble, 0x8_ to 0xF_; 0xFF is the no-break space.
const UPPER_HALF = Array.from(
  'ÇüéâäàåçêëèïîìÄÅ' +
    'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
    'áíóúñÑªº¿⌐¬½¼¡«»' +
    '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
    '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
    '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
    'αßΓπΣσµτΦΘΩδ∞φε∩' +
    '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
);
if (UPPER_HALF.length !== 128) throw new Error('the code page 437 table must have 128 entries');

/** Decodes code page 437; a control byte other than tab, CR and LF is an error in a SIE file. */
export function decodePc8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80) out += UPPER_HALF[b - 0x80];
    else if (b >= 0x20 && b !== 0x7f) out += String.fromCharCode(b);
    else if (b === 0x09 || b === 0x0a || b === 0x0d) out += String.fromCharCode(b);
    else throw new SieSyntaxError(`control byte 0x${b.toString(16).padStart(2, '0')} at offset ${i}`);
  }
  return out;
}

export class SieSyntaxError extends Error {}

export interface SieTransaction {
  account: string;
  /** [dimension, object] pairs in the order written. */
  objects: [number, string][];
  /** In öre. */
  amount: bigint;
  date?: string;
  text?: string;
}

export interface SieVoucher {
  series: string;
  number: string;
  date: string;
  text: string;
  transactions: SieTransaction[];
}

export interface SieFile {
  /** The labels of every record, in file order (for checking the head's order). */
  labels: string[];
  flags: number | null;
  format: string | null;
  sieType: number | null;
  program: { name: string; version: string } | null;
  generated: string | null;
  companyName: string | null;
  orgNumber: string | null;
  dimensions: Map<number, string>;
  vouchers: SieVoucher[];
}

type Token = { kind: 'word'; value: string; quoted: boolean } | { kind: 'list'; items: Token[] };

/** Splits one line into fields: bare words, quoted strings (\" and \\ escaped) and {…} lists. */
function tokenize(line: string, lineNo: number): Token[] {
  const stack: Token[][] = [[]];
  let i = 0;
  const fail = (why: string): never => {
    throw new SieSyntaxError(`line ${lineNo}: ${why}`);
  };
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '{') {
      stack.push([]);
      i++;
    } else if (c === '}') {
      if (stack.length === 1) fail('"}" without "{"');
      const items = stack.pop() as Token[];
      stack[stack.length - 1].push({ kind: 'list', items });
      i++;
    } else if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) fail('unterminated string');
        const d = line[i];
        if (d === '\\') {
          if (i + 1 >= line.length) fail('backslash at end of line');
          value += line[i + 1];
          i += 2;
        } else if (d === '"') {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      stack[stack.length - 1].push({ kind: 'word', value, quoted: true });
    } else {
      let value = '';
      while (i < line.length && !' \t{}"'.includes(line[i])) value += line[i++];
      stack[stack.length - 1].push({ kind: 'word', value, quoted: false });
    }
  }
  if (stack.length !== 1) fail('"{" without "}"');
  return stack[0];
}

function word(tokens: Token[], index: number, lineNo: number, what: string): string {
  const t = tokens[index];
  if (t?.kind !== 'word') throw new SieSyntaxError(`line ${lineNo}: expected ${what}`);
  return t.value;
}

function optionalWord(tokens: Token[], index: number): string | undefined {
  const t = tokens[index];
  return t && t.kind === 'word' ? t.value : undefined;
}

/** A decimal amount with a point and at most two decimals, as öre. */
export function parseSieAmount(text: string, lineNo = 0): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new SieSyntaxError(`line ${lineNo}: not a decimal amount: ${JSON.stringify(text)}`);
  const ore = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -ore : ore;
}

function sieDate(text: string, lineNo: number): string {
  if (!/^\d{8}$/.test(text)) throw new SieSyntaxError(`line ${lineNo}: not a date YYYYMMDD: ${JSON.stringify(text)}`);
  return text;
}

function integer(text: string, lineNo: number): number {
  if (!/^-?\d+$/.test(text)) throw new SieSyntaxError(`line ${lineNo}: not an integer: ${JSON.stringify(text)}`);
  return Number(text);
}

/** Parses a SIE 4 file in code page 437. Throws SieSyntaxError on anything malformed. */
export function readSie(bytes: Uint8Array): SieFile {
  const text = decodePc8(bytes);
  const file: SieFile = {
    labels: [],
    flags: null,
    format: null,
    sieType: null,
    program: null,
    generated: null,
    companyName: null,
    orgNumber: null,
    dimensions: new Map(),
    vouchers: [],
  };
  // 'closed': outside a voucher; 'announced': after #VER, waiting for "{"; 'open': inside its braces.
  let state: 'closed' | 'announced' | 'open' = 'closed';
  let current: SieVoucher | null = null;
  const lines = text.split(/\r\n|\n/);
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const line = lines[n].replace(/^[ \t]+|[ \t]+$/g, '');
    if (line === '') continue;
    if (line.includes('\r')) throw new SieSyntaxError(`line ${lineNo}: a carriage return inside the line`);
    if (line === '{') {
      if (state !== 'announced') throw new SieSyntaxError(`line ${lineNo}: "{" without a #VER before it`);
      state = 'open';
      continue;
    }
    if (line === '}') {
      if (state !== 'open' || !current) throw new SieSyntaxError(`line ${lineNo}: "}" without an open voucher`);
      file.vouchers.push(current);
      current = null;
      state = 'closed';
      continue;
    }
    if (!line.startsWith('#')) throw new SieSyntaxError(`line ${lineNo}: not a record: ${JSON.stringify(line)}`);
    if (state === 'announced') throw new SieSyntaxError(`line ${lineNo}: #VER not followed by "{"`);
    const tokens = tokenize(line, lineNo);
    const label = word(tokens, 0, lineNo, 'a label').toUpperCase();
    const args = tokens.slice(1);
    file.labels.push(label);
    const isTransRow = label === '#TRANS' || label === '#RTRANS' || label === '#BTRANS';
    if (state === 'open' && !isTransRow) throw new SieSyntaxError(`line ${lineNo}: ${label} inside a voucher`);
    switch (label) {
      case '#FLAGGA':
        file.flags = integer(word(args, 0, lineNo, 'a flag'), lineNo);
        break;
      case '#FORMAT':
        file.format = word(args, 0, lineNo, 'a format');
        break;
      case '#SIETYP':
        file.sieType = integer(word(args, 0, lineNo, 'a SIE type'), lineNo);
        break;
      case '#PROGRAM':
        file.program = { name: word(args, 0, lineNo, 'a program name'), version: word(args, 1, lineNo, 'a version') };
        break;
      case '#GEN':
        file.generated = sieDate(word(args, 0, lineNo, 'a date'), lineNo);
        break;
      case '#FNAMN':
        file.companyName = word(args, 0, lineNo, 'a company name');
        break;
      case '#ORGNR':
        file.orgNumber = word(args, 0, lineNo, 'an organisation number');
        break;
      case '#DIM':
        file.dimensions.set(integer(word(args, 0, lineNo, 'a dimension'), lineNo), word(args, 1, lineNo, 'a dimension name'));
        break;
      case '#VER':
        current = {
          series: word(args, 0, lineNo, 'a series'),
          number: word(args, 1, lineNo, 'a voucher number'),
          date: sieDate(word(args, 2, lineNo, 'a date'), lineNo),
          text: optionalWord(args, 3) ?? '',
          transactions: [],
        };
        state = 'announced';
        break;
      case '#TRANS':
      case '#RTRANS':
      case '#BTRANS': {
        if (state !== 'open' || !current) throw new SieSyntaxError(`line ${lineNo}: ${label} outside a voucher`);
        const account = word(args, 0, lineNo, 'an account');
        if (!/^\d+$/.test(account)) throw new SieSyntaxError(`line ${lineNo}: account is not numeric: ${account}`);
        const list = args[1];
        if (list?.kind !== 'list') throw new SieSyntaxError(`line ${lineNo}: expected an object list {…}`);
        if (list.items.length % 2 !== 0) throw new SieSyntaxError(`line ${lineNo}: object list with an odd number of fields`);
        const objects: [number, string][] = [];
        for (let k = 0; k < list.items.length; k += 2) {
          objects.push([integer(word(list.items, k, lineNo, 'a dimension'), lineNo), word(list.items, k + 1, lineNo, 'an object')]);
        }
        const amount = parseSieAmount(word(args, 2, lineNo, 'an amount'), lineNo);
        const date = optionalWord(args, 3);
        const t: SieTransaction = { account, objects, amount };
        if (date !== undefined && date !== '') t.date = sieDate(date, lineNo);
        const rowText = optionalWord(args, 4);
        if (rowText !== undefined) t.text = rowText;
        // #BTRANS rows were removed and #RTRANS rows are followed by the same row as #TRANS: only
        // #TRANS rows make up the voucher's balance.
        if (label === '#TRANS') current.transactions.push(t);
        break;
      }
      default:
        // The format lets readers ignore labels they do not know.
        break;
    }
  }
  if (state !== 'closed') throw new SieSyntaxError('the file ends inside a voucher');
  return file;
}
