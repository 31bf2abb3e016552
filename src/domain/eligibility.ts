import type { RuleProblem } from './calls/types.ts';
import { addDays, type CalendarDate } from './deadlines.ts';
import { type GiroKind, normaliseGiro } from './giro.ts';

export interface BoardMember {
  name: string;
  role: string;
  email?: string;
  signatory?: boolean;
}

/** What an eligibility approval (bidragsberättigad förening) rests on. */
export interface EligibilityEvidence {
  statutesFile: string | null;
  annualReportFile: string | null;
  accountsFile: string | null;
  /** The board; a member marked signatory may sign agreements for the association (firmatecknare), as the account with that e-mail. */
  board: BoardMember[];
  memberCount: number | null;
  payoutKind: GiroKind | null;
  payoutNumber: string | null;
}

export const EVIDENCE_ITEMS = ['statutes', 'annual_report', 'accounts', 'board', 'member_count', 'payout_account'] as const;
export type EvidenceItem = (typeof EVIDENCE_ITEMS)[number];

/** Which pieces are still missing, so the applicant sees what to add. */
export function missingEvidence(e: EligibilityEvidence): EvidenceItem[] {
  const missing: EvidenceItem[] = [];
  if (!e.statutesFile) missing.push('statutes');
  if (!e.annualReportFile) missing.push('annual_report');
  if (!e.accountsFile) missing.push('accounts');
  if (e.board.filter((m) => m.name.trim() && m.role.trim()).length < 2) missing.push('board');
  if (e.memberCount === null || e.memberCount < 1) missing.push('member_count');
  if (!e.payoutKind || !e.payoutNumber) missing.push('payout_account');
  return missing;
}

/** Field problems on what was typed (a giro with a wrong check digit, a negative member count). */
export function evidenceProblems(e: EligibilityEvidence): RuleProblem[] {
  const p: RuleProblem[] = [];
  if (e.payoutNumber && e.payoutKind && !normaliseGiro(e.payoutKind, e.payoutNumber)) {
    p.push({ field: 'payoutNumber', code: e.payoutKind === 'bankgiro' ? 'bankgiro_invalid' : 'plusgiro_invalid', params: { value: e.payoutNumber } });
  }
  if (e.memberCount !== null && (!Number.isInteger(e.memberCount) || e.memberCount < 0)) p.push({ field: 'memberCount', code: 'invalid_value' });
  e.board.forEach((m, i) => {
    if (!m.name.trim()) p.push({ field: `board.${i}.name`, code: 'required' });
    if (!m.role.trim()) p.push({ field: `board.${i}.role`, code: 'required' });
    const email = m.email?.trim() ?? '';
    if (m.signatory && !email) p.push({ field: `board.${i}.email`, code: 'signatory_email_required' });
    else if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) p.push({ field: `board.${i}.email`, code: 'invalid_email' });
  });
  return p;
}

/** An approval is renewed yearly: it holds to the end of the year it was given for. */
export function approvalValidUntil(year: number): string {
  return `${year}-12-31`;
}

/** Fewer decided requests than this say too little about a funder's pace: the stated fallback is used. */
export const LEAD_TIME_MIN_HISTORY = 5;
/** What approval is said to take when a funder has too little history: three weeks, a committee cycle. */
export const LEAD_TIME_FALLBACK_DAYS = 21;

export interface LeadTime {
  /** Whole days an approval usually takes, from the request to the decision. */
  days: number;
  /** Whether the days come from the funder's own decided requests or are the stated fallback. */
  basis: 'history' | 'fallback';
  /** How many decided requests the figure rests on. */
  decided: number;
}

/**
 * How long a funder usually takes to decide on an eligibility request: the median of its decided
 * requests' waits (in days, fractions allowed), rounded up to whole days and at least one; with fewer
 * than LEAD_TIME_MIN_HISTORY decided requests, the fallback.
 */
export function usualLeadTime(waitsInDays: readonly number[]): LeadTime {
  const waits = waitsInDays.filter((w) => Number.isFinite(w) && w >= 0).sort((a, b) => a - b);
  if (waits.length < LEAD_TIME_MIN_HISTORY) return { days: LEAD_TIME_FALLBACK_DAYS, basis: 'fallback', decided: waits.length };
  const mid = Math.floor(waits.length / 2);
  const median = waits.length % 2 ? waits[mid] : (waits[mid - 1] + waits[mid]) / 2;
  return { days: Math.max(1, Math.ceil(median - 1e-9)), basis: 'history', decided: waits.length };
}

/** Where an organisation stands with a funder's approval, as the notice before applying says it. */
export type ApprovalStanding =
  | { kind: 'approved'; validUntil: CalendarDate }
  | { kind: 'pending'; since: CalendarDate }
  | { kind: 'needs_more'; since: CalendarDate }
  | { kind: 'rejected' }
  | { kind: 'none' };

export interface ApprovalOutlook {
  /** When approval can be expected at the usual pace (today at the earliest). */
  expectedBy: CalendarDate;
  /** The call's deadline comes before approval can be expected: the application may not be submittable in time. */
  atRisk: boolean;
}

/**
 * Whether an organisation not yet approved can expect approval before a call's deadline: a pending
 * request is expected its usual lead time after it was sent (or any day now, if that has passed);
 * otherwise the lead time starts today. An organisation approved today has nothing to wait for (null):
 * a submission needs an approval valid when it is sent, and it can be sent now.
 */
export function approvalOutlook(standing: ApprovalStanding, deadline: CalendarDate | null, today: CalendarDate, leadDays: number): ApprovalOutlook | null {
  if (standing.kind === 'approved') return null;
  const from = standing.kind === 'pending' || standing.kind === 'needs_more' ? standing.since : today;
  const expected = addDays(from, leadDays);
  const expectedBy = expected < today ? today : expected;
  return { expectedBy, atRisk: deadline !== null && expectedBy > deadline };
}

/** An organisation's request to one funder, as its list of approvals answers it. */
export interface ApprovalRecord {
  status: 'submitted' | 'needs_more' | 'approved' | 'rejected';
  /** When it was sent (or last completed), as a Stockholm calendar date. */
  submittedOn: CalendarDate;
  validUntil: CalendarDate | null;
}

/**
 * Where an organisation stands with one funder today, from its requests to that funder: an approval
 * still valid wins; then an open request (pending, or asked to complete); then a rejection; else none.
 */
export function approvalStanding(records: readonly ApprovalRecord[], today: CalendarDate): ApprovalStanding {
  const valid = records
    .filter((r) => r.status === 'approved' && r.validUntil !== null && r.validUntil >= today)
    .sort((a, b) => ((b.validUntil ?? '') > (a.validUntil ?? '') ? 1 : -1))[0];
  if (valid?.validUntil) return { kind: 'approved', validUntil: valid.validUntil };
  const latest = [...records].sort((a, b) => (b.submittedOn > a.submittedOn ? 1 : b.submittedOn < a.submittedOn ? -1 : 0));
  const open = latest.find((r) => r.status === 'submitted' || r.status === 'needs_more');
  if (open) return { kind: open.status === 'submitted' ? 'pending' : 'needs_more', since: open.submittedOn };
  if (latest[0]?.status === 'rejected') return { kind: 'rejected' };
  return { kind: 'none' };
}
