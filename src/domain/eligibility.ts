import type { RuleProblem } from './calls/types.ts';
import { type GiroKind, normaliseGiro } from './giro.ts';

/** What an eligibility approval (bidragsberättigad förening) rests on. */
export interface EligibilityEvidence {
  statutesFile: string | null;
  annualReportFile: string | null;
  accountsFile: string | null;
  board: { name: string; role: string }[];
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
  });
  return p;
}

/** An approval is renewed yearly: it holds to the end of the year it was given for. */
export function approvalValidUntil(year: number): string {
  return `${year}-12-31`;
}
