// What a payment run's files are written from: the funder's bank and accounting settings, the run's
// header and its payments. The writers (pain001.ts, sie.ts, csv.ts) are pure: the same input gives
// the same bytes, so a file written again later is byte-identical to the one sent.
import type { CalendarDate } from '../deadlines.ts';
import type { GiroKind } from '../giro.ts';
import type { Ore } from '../money.ts';

/** Where the funder's accounts and objects for a booking come from: set per budget line (Kommun-Bas). */
export interface Accounting {
  /** The expense account, e.g. "4590" (Kommun-Bas: lämnade bidrag). */
  account: string;
  /** Responsibility code (ansvar), booked on SIE dimension 1. */
  responsibility: string | null;
  /** Activity code (verksamhet), booked on SIE dimension 20 (declared as "Verksamhet"). */
  activity: string | null;
  /** Project code, booked on SIE dimension 6. */
  project: string | null;
}

/** The funder's own bank and accounting settings; each bank's identifiers differ, so all are settings. */
export interface PayerSettings {
  /** The funder's name as its bank knows it, e.g. "Norrköpings kommun". */
  debtorName: string;
  /** The funder's organisation number, ten digits. */
  debtorOrgNumber: string;
  /** The account the payments are drawn from. */
  debtorAccount: { kind: 'bankgiro' | 'plusgiro' | 'iban'; number: string };
  /** The funder's bank's BIC, e.g. "HANDSESS"; null when the bank's guide leaves it out. */
  debtorBic: string | null;
  /** The funder's agreement id with its bank, which identifies the initiating party. */
  initiatingPartyId: string;
  /** The scheme of that id as the bank's guide names it, e.g. "BANK" or "CUST". */
  initiatingPartyScheme: string;
  /** SIE: the voucher series the bookings go to, e.g. "B". */
  voucherSeries: string;
  /** SIE: the account credited for every payment (e.g. 2441 leverantörsskulder, or the bank account). */
  creditAccount: string;
}

/** A run: prepared by one person (kontrollattest), approved by another (beslutsattest). */
export interface RunHeader {
  /** The run's number as shown, e.g. "SN U2026/00003". */
  runNumber: string;
  /** The message id in the bank file: at most 35 characters of [A-Za-z0-9/-?:().,'+ ]. */
  messageId: string;
  /** When the run was approved: the file's creation time, so a rewrite is byte-identical. */
  createdAt: Date;
  /** The bank day the payments are to be made. */
  executionDate: CalendarDate;
  /** How many payments and their sum, known before the payments are streamed. */
  count: number;
  total: Ore;
}

/** One payment in a run: an instalment of an agreement to an organisation's verified account. */
export interface RunPayment {
  /** At most 35 characters of [A-Za-z0-9/-?:().,'+ ]; the bank's status reports name it. */
  endToEndId: string;
  amount: Ore;
  payeeName: string;
  payeeOrgNumber: string;
  /** Digits only. */
  account: { kind: GiroKind; number: string };
  /** Unstructured remittance text the payee sees, at most 140 characters. */
  remittance: string;
  /** The agreement's number, e.g. "SN A2022/00002", shown in the bookings. */
  agreementNumber: string;
  accounting: Accounting;
}
