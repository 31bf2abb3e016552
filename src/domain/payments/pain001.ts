// The payment run as an ISO 20022 pain.001.001.03 credit-transfer file for the funder's bank.
// Written as a stream (a run can hold thousands of payments) and deterministically: the same run
// gives the same bytes, so a file written again is identical to the one sent.
import { isCalendarDate, ZONE } from '../deadlines.ts';
import { normaliseGiro } from '../giro.ts';
import { addOre, decimalKronor, type Ore, ZERO_ORE } from '../money.ts';
import type { PayerSettings, RunHeader, RunPayment } from './types.ts';

const NS = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

/** The characters Swedish banks accept in ids (EndToEndId, MsgId), as payments-se.md and the types say. */
const ID = /^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/;

/** The banks' guides (CGI-MP) allow 70 characters of a party's name, though the schema allows 140. */
const NAME_MAX = 70;
const REMITTANCE_MAX = 140;

// XML 1.0 forbids C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. C1
// controls are allowed but meaningless in a name, so they go too; a lone surrogate matches
// [\uD800-\uDFFF] only when unpaired because the `u` flag reads a pair as one code point.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are removed
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/gu;
const SPACES = /[\t\n\r\u2028\u2029\s]+/gu;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const graphemes = new Intl.Segmenter('sv', { granularity: 'grapheme' });

/**
 * Free text as a bank file may carry it: without the characters XML forbids, on one line, at most
 * `max` characters (code points, as the schema counts them), cut only between whole characters as
 * a reader sees them, so neither a surrogate pair nor an emoji or a letter's accent is split.
 */
export function fileText(text: string, max: number): string {
  const clean = text.normalize('NFC').replace(FORBIDDEN, '').replace(SPACES, ' ').trim();
  if ([...clean].length <= max) return clean;
  let out = '';
  let length = 0;
  for (const { segment } of graphemes.segment(clean)) {
    const n = [...segment].length;
    if (length + n > max) break;
    out += segment;
    length += n;
  }
  return out.trimEnd();
}

// Letters the decomposition below does not reduce to ASCII.
const LETTERS: Record<string, string> = {
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'TH',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
};

/**
 * Any text as an id the banks accept: å → a, ø → o, ß → ss and so on, other characters dropped,
 * runs of spaces made one, at most `max` characters. May be empty when nothing is left.
 */
export function sanitiseId(text: string, max = 35): string {
  return text
    .replace(/[øØæÆœŒßłŁđĐþÞðÐı]/g, (c) => LETTERS[c])
    .normalize('NFD')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, '')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, max)
    .trimEnd();
}

function checkId(what: string, id: string): string {
  if (!ID.test(id) || id.trim() === '')
    throw new RangeError(`${what} must be 1–35 characters of A–Z a–z 0–9 / - ? : ( ) . , ' + and space: ${JSON.stringify(id)}`);
  return id;
}

function orgNumber(what: string, value: string): string {
  const digits = value.replace(/-/g, '');
  if (!/^(\d{10}|\d{12})$/.test(digits)) throw new RangeError(`${what} is not an organisation number: ${JSON.stringify(value)}`);
  return digits;
}

function name(what: string, value: string): string {
  const text = fileText(value, NAME_MAX);
  if (text === '') throw new RangeError(`${what} is required`);
  return text;
}

function giroDigits(what: string, kind: 'bankgiro' | 'plusgiro', number: string): string {
  const printed = normaliseGiro(kind, number);
  if (printed === null) throw new RangeError(`${what} is not a valid ${kind} number: ${JSON.stringify(number)}`);
  return printed.replace('-', '');
}

/** `CdtrAcct`/`DbtrAcct`: bankgiro with the proprietary scheme BGNR, plusgiro as a BBAN, or an IBAN. */
function account(what: string, kind: 'bankgiro' | 'plusgiro' | 'iban', number: string): string {
  if (kind === 'iban') {
    const iban = number.replace(/\s/g, '').toUpperCase();
    if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(iban)) throw new RangeError(`${what} is not an IBAN: ${JSON.stringify(number)}`);
    return `<Id><IBAN>${iban}</IBAN></Id>`;
  }
  const scheme = kind === 'bankgiro' ? '<Prtry>BGNR</Prtry>' : '<Cd>BBAN</Cd>';
  return `<Id><Othr><Id>${giroDigits(what, kind, number)}</Id><SchmeNm>${scheme}</SchmeNm></Othr></Id>`;
}

/** Bankgirot's and Plusgirot's clearing numbers in the Swedish clearing system. */
const CLEARING: Record<'bankgiro' | 'plusgiro', string> = { bankgiro: '9900', plusgiro: '9960' };

// Built once: constructing an Intl formatter costs far more than using one.
const STOCKHOLM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Stockholm local time without an offset (`YYYY-MM-DDThh:mm:ss`): not every bank accepts one. */
function stockholmDateTime(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('createdAt is not a valid time');
  const p = Object.fromEntries(STOCKHOLM_TIME.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/** Checks what the file is written from and writes its head: everything before the first payment. */
function head(header: RunHeader, settings: PayerSettings): string {
  const messageId = checkId('messageId', header.messageId);
  if (!Number.isSafeInteger(header.count) || header.count < 1) throw new RangeError(`a run holds at least one payment, not ${header.count}`);
  if (!Number.isSafeInteger(header.total) || header.total < 1) throw new RangeError(`a run's total must be positive whole öre, not ${header.total}`);
  if (!isCalendarDate(header.executionDate)) throw new RangeError(`executionDate is not a date: ${header.executionDate}`);
  const partyId = fileText(settings.initiatingPartyId, 35);
  if (partyId === '' || partyId !== settings.initiatingPartyId)
    throw new RangeError(`initiatingPartyId must be 1–35 characters: ${JSON.stringify(settings.initiatingPartyId)}`);
  if (!/^[A-Za-z0-9]{1,4}$/.test(settings.initiatingPartyScheme))
    throw new RangeError(`initiatingPartyScheme is a code of 1–4 letters: ${JSON.stringify(settings.initiatingPartyScheme)}`);
  if (settings.debtorBic !== null && !/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/.test(settings.debtorBic))
    throw new RangeError(`debtorBic is not a BIC: ${settings.debtorBic}`);
  const debtorName = escapeXml(name('debtorName', settings.debtorName));
  const debtorId = orgNumber('debtorOrgNumber', settings.debtorOrgNumber);
  const debtorAccount = account('debtorAccount', settings.debtorAccount.kind, settings.debtorAccount.number);
  const agent = settings.debtorBic !== null ? `<BIC>${settings.debtorBic}</BIC>` : '<Othr><Id>NOTPROVIDED</Id></Othr>';
  const count = String(header.count);
  const sum = decimalKronor(header.total);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    '  <CstmrCdtTrfInitn>',
    '    <GrpHdr>',
    `      <MsgId>${escapeXml(messageId)}</MsgId>`,
    `      <CreDtTm>${stockholmDateTime(header.createdAt)}</CreDtTm>`,
    `      <NbOfTxs>${count}</NbOfTxs>`,
    `      <CtrlSum>${sum}</CtrlSum>`,
    `      <InitgPty><Nm>${debtorName}</Nm><Id><OrgId><Othr><Id>${escapeXml(partyId)}</Id><SchmeNm><Cd>${settings.initiatingPartyScheme}</Cd></SchmeNm></Othr></OrgId></Id></InitgPty>`,
    '    </GrpHdr>',
    '    <PmtInf>',
    // One payment information block per file, so the message id identifies it too.
    `      <PmtInfId>${escapeXml(messageId)}</PmtInfId>`,
    '      <PmtMtd>TRF</PmtMtd>',
    // Each payment booked on its own, so the debit notification names each grant.
    '      <BtchBookg>false</BtchBookg>',
    `      <NbOfTxs>${count}</NbOfTxs>`,
    `      <CtrlSum>${sum}</CtrlSum>`,
    '      <PmtTpInf><SvcLvl><Cd>NURG</Cd></SvcLvl><CtgyPurp><Cd>SUPP</Cd></CtgyPurp></PmtTpInf>',
    `      <ReqdExctnDt>${header.executionDate}</ReqdExctnDt>`,
    `      <Dbtr><Nm>${debtorName}</Nm><Id><OrgId><Othr><Id>${debtorId}</Id></Othr></OrgId></Id></Dbtr>`,
    `      <DbtrAcct>${debtorAccount}</DbtrAcct>`,
    `      <DbtrAgt><FinInstnId>${agent}</FinInstnId></DbtrAgt>`,
    '      <ChrgBr>SHAR</ChrgBr>',
    '',
  ].join('\n');
}

function transaction(p: RunPayment): string {
  const endToEndId = checkId('endToEndId', p.endToEndId);
  if (!Number.isSafeInteger(p.amount) || p.amount < 1) throw new RangeError(`payment ${endToEndId}: the amount must be positive whole öre, not ${p.amount}`);
  if (p.account.kind !== 'bankgiro' && p.account.kind !== 'plusgiro')
    throw new RangeError(`payment ${endToEndId}: unknown account kind ${String(p.account.kind)}`);
  const payee = escapeXml(name(`payment ${endToEndId}: the payee's name`, p.payeeName));
  const payeeId = orgNumber(`payment ${endToEndId}: the payee's organisation number`, p.payeeOrgNumber);
  const creditorAccount = account(`payment ${endToEndId}: the payee's account`, p.account.kind, p.account.number);
  const remittance = fileText(p.remittance, REMITTANCE_MAX);
  return [
    '      <CdtTrfTxInf>',
    `        <PmtId><EndToEndId>${escapeXml(endToEndId)}</EndToEndId></PmtId>`,
    `        <Amt><InstdAmt Ccy="SEK">${decimalKronor(p.amount)}</InstdAmt></Amt>`,
    `        <CdtrAgt><FinInstnId><ClrSysMmbId><ClrSysId><Cd>SESBA</Cd></ClrSysId><MmbId>${CLEARING[p.account.kind]}</MmbId></ClrSysMmbId></FinInstnId></CdtrAgt>`,
    `        <Cdtr><Nm>${payee}</Nm><Id><OrgId><Othr><Id>${payeeId}</Id></Othr></OrgId></Id></Cdtr>`,
    `        <CdtrAcct>${creditorAccount}</CdtrAcct>`,
    // Ustrd may not be empty: a payment without a text has no RmtInf.
    ...(remittance === '' ? [] : [`        <RmtInf><Ustrd>${escapeXml(remittance)}</Ustrd></RmtInf>`]),
    '      </CdtTrfTxInf>',
    '',
  ].join('\n');
}

const TAIL = ['    </PmtInf>', '  </CstmrCdtTrfInitn>', '</Document>', ''].join('\n');

/**
 * The run's pain.001.001.03 file as UTF-8 XML text in chunks: the head, one chunk per payment, the
 * tail. The group header's count and sum come from the run's header before the payments are read;
 * they are counted as they stream, and a difference throws after the last one (the header was wrong,
 * and the file must not be sent). Invalid input (ids, amounts, accounts, names) throws a RangeError.
 */
export async function* pain001(header: RunHeader, settings: PayerSettings, payments: AsyncIterable<RunPayment> | Iterable<RunPayment>): AsyncGenerator<string> {
  yield head(header, settings);
  let count = 0;
  let total: Ore = ZERO_ORE;
  // Only the ids are kept: a bank rejects a file that names a payment twice.
  const seen = new Set<string>();
  for await (const p of payments) {
    const chunk = transaction(p);
    if (seen.has(p.endToEndId)) throw new RangeError(`endToEndId ${p.endToEndId} appears twice in the run`);
    seen.add(p.endToEndId);
    count += 1;
    total = addOre(total, p.amount);
    if (count > header.count) throw new Error(`the run's header says ${header.count} payments, but there are more`);
    yield chunk;
  }
  if (count !== header.count || total !== header.total) {
    throw new Error(
      `the run's header says ${header.count} payments of ${decimalKronor(header.total)} SEK, but there are ${count} of ${decimalKronor(total)} SEK`,
    );
  }
  yield TAIL;
}
