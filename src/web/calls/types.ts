// What the calls API answers (src/server/calls/schema.ts, programmes, catalogue), as the web app reads it.
import type { CallRules } from '../../domain/calls/types.ts';

export type Phase = 'draft' | 'upcoming' | 'open' | 'closed';

export interface CallSummary {
  id: string;
  funderId: string;
  funderName: string;
  status: 'draft' | 'published';
  phase: Phase;
  version: number;
  title: string;
  summary: string;
  /** öre */
  amount: number;
  opensOn: string | null;
  deadline: string | null;
  closesAt: string | null;
  focusAreas: string[];
}

export interface Amendment {
  version: number;
  reason: string;
  changed: string[];
  changes: Record<string, { before: unknown; after: unknown }>;
  at: string;
}

export interface CallDetail extends CallSummary {
  rules: CallRules;
  publishedAt: string | null;
  budgetLine: { id: string; name: string; programmeName: string } | null;
  amendments: Amendment[];
  timeLeft: { days: number; hours: number; minutes: number } | null;
}

export interface BudgetLine {
  id: string;
  name: string;
  amount: number;
  committed: number;
  available: number;
}

export interface Programme {
  id: string;
  name: string;
  description: string;
  startYear: number;
  endYear: number;
  amount: number;
  fundingSource: string;
  lines: BudgetLine[];
}

export interface ActivityType {
  id: string;
  key: string;
  labelSv: string;
  labelEn: string;
  description: string;
  status: string;
  base: boolean;
}

export interface Funder {
  id: string;
  name: string;
  kind: string;
  organisationName: string;
  decisionBody: string;
  delegationLimit: number;
}
