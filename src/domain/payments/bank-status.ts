// The bank's answers to a payment file: pain.002 (each payment accepted, rejected or pending) and
// camt.054 (the debits as booked). Banks differ in namespace versions and prefixes, so elements are
// matched by their local names only. Anything that is not such a message is a BankFileError, never
// a crash: these files come from outside.
import { SaxesParser } from 'saxes';
import { type CalendarDate, dateInStockholm, isCalendarDate } from '../deadlines.ts';
import type { Ore } from '../money.ts';

export class BankFileError extends Error {
  readonly code: 'not_xml' | 'wrong_message';
  constructor(code: 'not_xml' | 'wrong_message', message: string) {
    super(message);
    this.name = 'BankFileError';
    this.code = code;
  }
}

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** The document as a small tree of local names; saxes neither fetches nor expands entities. */
function parse(xml: string): Element {
  if (typeof xml !== 'string') throw new BankFileError('not_xml', 'the bank file is not text');
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: Element[] = [];
  let root: Element | null = null;
  let failure: Error | null = null;
  const local = (name: string): string => name.slice(name.indexOf(':') + 1);
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attributes[local(k)] = v;
    const element: Element = { name: local(tag.name), attributes, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text) => {
    if (stack.length > 0) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= e instanceof Error ? e : new Error(String(e));
  }
  if (failure !== null || root === null) throw new BankFileError('not_xml', `the bank file is not well-formed XML${failure ? `: ${failure.message}` : ''}`);
  return root;
}

const children = (el: Element | undefined, name: string): Element[] => el?.children.filter((c) => c.name === name) ?? [];
const child = (el: Element | undefined, name: string): Element | undefined => el?.children.find((c) => c.name === name);

/** The element at a path of local names below `el`, the first at each step. */
function at(el: Element | undefined, ...path: string[]): Element | undefined {
  let cur = el;
  for (const name of path) cur = child(cur, name);
  return cur;
}

function textAt(el: Element | undefined, ...path: string[]): string | null {
  const found = at(el, ...path);
  if (found === undefined) return null;
  const text = found.text.trim();
  return text === '' ? null : text;
}

/** The message element, whether wrapped in ISO's `Document` or sent bare. */
function message(xml: string, name: string, what: string): Element {
  const root = parse(xml);
  const found = root.name === name ? root : root.name === 'Document' ? child(root, name) : undefined;
  if (found === undefined) throw new BankFileError('wrong_message', `the bank file is not ${what} (its root is ${root.name})`);
  return found;
}

export type PaymentStatus = 'accepted' | 'rejected' | 'pending';

/** ISO's status codes: accepted at some stage, rejected, or not yet decided. */
function statusOf(code: string): PaymentStatus | 'partial' {
  switch (code) {
    case 'ACCP': // accepted customer profile
    case 'ACSC': // settlement completed
    case 'ACSP': // settlement in process
    case 'ACTC': // technical validation passed
    case 'ACWC': // accepted with change
      return 'accepted';
    case 'RJCT':
      return 'rejected';
    case 'PART': // some payments of the group accepted, some not: each payment's own status says which
      return 'partial';
    default: // PDNG, RCVD and codes a bank adds: nothing decided yet
      return 'pending';
  }
}

interface Reason {
  reasonCode: string | null;
  reasonText: string | null;
}

function reasonOf(el: Element | undefined): Reason {
  const info = child(el, 'StsRsnInf');
  const texts = children(info, 'AddtlInf')
    .map((e) => e.text.trim())
    .filter((t) => t !== '');
  return {
    reasonCode: textAt(info, 'Rsn', 'Cd') ?? textAt(info, 'Rsn', 'Prtry'),
    reasonText: texts.length > 0 ? texts.join(' ') : null,
  };
}

export interface Pain002 {
  /** The MsgId of the payment file the report answers. */
  originalMessageId: string | null;
  /**
   * The status of the whole file, when the bank gives one. 'rejected' means every payment of the
   * original message is rejected, whether or not the report lists them one by one.
   */
  groupStatus: (Reason & { status: PaymentStatus | 'partial' }) | null;
  /** The payments the report names; one without its own status takes its block's or the file's. */
  payments: ({ endToEndId: string; status: PaymentStatus } & Reason)[];
}

/** Reads a pain.002.001.03 payment status report (CstmrPmtStsRpt). */
export function parsePain002(xml: string): Pain002 {
  const report = message(xml, 'CstmrPmtStsRpt', 'a payment status report (pain.002)');
  const group = child(report, 'OrgnlGrpInfAndSts');
  const groupCode = textAt(group, 'GrpSts');
  const groupStatus = groupCode === null ? null : { status: statusOf(groupCode), ...reasonOf(group) };
  const payments: Pain002['payments'] = [];
  for (const block of children(report, 'OrgnlPmtInfAndSts')) {
    const blockCode = textAt(block, 'PmtInfSts');
    for (const tx of children(block, 'TxInfAndSts')) {
      // A payment is matched by the EndToEndId the file gave it; one without it cannot be matched.
      const endToEndId = textAt(tx, 'OrgnlEndToEndId');
      if (endToEndId === null) continue;
      const ownCode = textAt(tx, 'TxSts');
      let status = statusOf(ownCode ?? blockCode ?? groupCode ?? 'PDNG');
      // A rejected file or block rejects every payment in it, whatever a line says.
      if (groupStatus?.status === 'rejected' || (blockCode !== null && statusOf(blockCode) === 'rejected')) status = 'rejected';
      if (status === 'partial') status = 'pending';
      const own = reasonOf(tx);
      const reason = own.reasonCode !== null || own.reasonText !== null ? own : blockCode !== null ? reasonOf(block) : groupStatus ? reasonOf(group) : own;
      payments.push({ endToEndId, status, ...reason });
    }
  }
  return { originalMessageId: textAt(group, 'OrgnlMsgId'), groupStatus, payments };
}

/** A decimal amount ("1234.5", "1234.50000") as exact öre, with no floating point on the way. */
function amountInOre(text: string | null, where: string): Ore {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text ?? '');
  if (!m) throw new BankFileError('wrong_message', `${where}: ${JSON.stringify(text)} is not an amount`);
  const fraction = (m[2] ?? '').padEnd(2, '0');
  if (/[^0]/.test(fraction.slice(2))) throw new BankFileError('wrong_message', `${where}: ${text} is not whole öre`);
  const value = BigInt(m[1]) * 100n + BigInt(fraction.slice(0, 2));
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new BankFileError('wrong_message', `${where}: ${text} is too large`);
  return Number(value) as Ore;
}

/** An amount element in SEK; the funder's account is in kronor, so another currency is an error. */
function sek(el: Element | undefined, where: string): Ore {
  const currency = el?.attributes.Ccy;
  if (currency !== undefined && currency !== 'SEK') throw new BankFileError('wrong_message', `${where}: the amount is in ${currency}, not SEK`);
  return amountInOre(el ? el.text.trim() : null, where);
}

export interface Camt054Entry {
  endToEndId: string;
  amount: Ore;
  bookingDate: CalendarDate;
  /** True for money leaving the account (a payment made), false for money coming in (a return). */
  debit: boolean;
}

/**
 * Reads a camt.054.001.02 debit/credit notification (BkToCstmrDbtCdtNtfctn): one entry per
 * transaction that names an EndToEndId. Entries without a booking date (not yet booked) are left
 * out, as are transactions without an EndToEndId (not from a payment file).
 */
export function parseCamt054(xml: string): { entries: Camt054Entry[] } {
  const notification = message(xml, 'BkToCstmrDbtCdtNtfctn', 'a debit/credit notification (camt.054)');
  const entries: Camt054Entry[] = [];
  for (const ntfctn of children(notification, 'Ntfctn')) {
    for (const ntry of children(ntfctn, 'Ntry')) {
      const dateText = textAt(ntry, 'BookgDt', 'Dt');
      const dateTime = textAt(ntry, 'BookgDt', 'DtTm');
      let bookingDate: CalendarDate | null = null;
      if (dateText !== null) {
        if (!isCalendarDate(dateText)) throw new BankFileError('wrong_message', `a booking date is not a date: ${dateText}`);
        bookingDate = dateText;
      } else if (dateTime !== null) {
        const instant = new Date(dateTime);
        if (Number.isNaN(instant.getTime())) throw new BankFileError('wrong_message', `a booking time is not a time: ${dateTime}`);
        bookingDate = dateInStockholm(instant);
      }
      if (bookingDate === null) continue;
      const indicator = textAt(ntry, 'CdtDbtInd');
      if (indicator !== 'DBIT' && indicator !== 'CRDT') throw new BankFileError('wrong_message', `an entry's CdtDbtInd is ${JSON.stringify(indicator)}`);
      const details = children(ntry, 'NtryDtls').flatMap((d) => children(d, 'TxDtls'));
      for (const tx of details) {
        const endToEndId = textAt(tx, 'Refs', 'EndToEndId');
        if (endToEndId === null || endToEndId === 'NOTPROVIDED') continue;
        const where = `payment ${endToEndId}`;
        // A batch entry carries the batch's sum; each transaction's own amount is in its details.
        const own = at(tx, 'AmtDtls', 'TxAmt', 'Amt') ?? at(tx, 'AmtDtls', 'InstdAmt', 'Amt') ?? child(tx, 'Amt');
        if (own === undefined && details.length > 1) throw new BankFileError('wrong_message', `${where}: no amount of its own in a batch entry`);
        const amount = sek(own ?? child(ntry, 'Amt'), where);
        const txIndicator = textAt(tx, 'CdtDbtInd') ?? indicator;
        entries.push({ endToEndId, amount, bookingDate, debit: txIndicator === 'DBIT' });
      }
    }
  }
  return { entries };
}
