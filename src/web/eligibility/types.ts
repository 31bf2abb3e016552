export type ApprovalStatus = 'submitted' | 'needs_more' | 'approved' | 'rejected';

/** An eligibility approval (bidragsberättigad förening) as the API answers it. */
export interface Approval {
  id: string;
  funderId: string;
  funderName: string;
  organisationId: string;
  organisationName: string;
  year: number;
  status: ApprovalStatus;
  statutesFile: string | null;
  annualReportFile: string | null;
  accountsFile: string | null;
  board: { name: string; role: string }[];
  memberCount: number | null;
  payoutKind: 'bankgiro' | 'plusgiro' | null;
  payoutNumber: string | null;
  missing: string[];
  requestNote: string | null;
  submittedAt: string;
  decidedAt: string | null;
  validUntil: string | null;
}

export const DOCUMENTS = [
  { field: 'statutesFileId', key: 'statutesFile', item: 'statutes' },
  { field: 'annualReportFileId', key: 'annualReportFile', item: 'annual_report' },
  { field: 'accountsFileId', key: 'accountsFile', item: 'accounts' },
] as const;
