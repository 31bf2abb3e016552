// What the assessment and decision API answers (src/server/assessment/schema.ts, src/server/decisions/routes.ts), as the web app reads it.
import type { DecisionOutcome, ScreeningRule } from '../../domain/assessment/types.ts';

export type { ScreeningRule };

export interface Criterion {
  id: string;
  label: string;
  description?: string;
  weight: number;
}

export interface ScoreSummary {
  count: number;
  mean: number | null;
  spread: number | null;
  min: number | null;
  max: number | null;
  outliers: { reviewerId: string; name: string; score: number }[];
}

export type Outcome = DecisionOutcome;

export interface ProposalView {
  /** öre */
  amount: number;
  reasons: string;
  proposedAt: string;
}

export interface OverviewRow {
  id: string;
  caseNumber: string;
  organisationId: string;
  organisationName: string;
  status: string;
  title: string;
  amountRequested: number;
  focusAreas: string[];
  areas: string[];
  submittedAt: string | null;
  screening: { outcome: 'eligible' | 'ineligible'; screenedAt: string } | null;
  reviewers: { userId: string; name: string; conflict: 'none' | 'conflict' | null; submitted: boolean }[];
  scores: ScoreSummary;
  proposal: ProposalView | null;
  decision: { id: string; outcome: Outcome; amount: number; decidedOn: string; paragraph: string; reasons: string } | null;
}

export interface AssessmentOverview {
  call: {
    id: string;
    funderId: string;
    title: string;
    funderName: string;
    decisionBody: string;
    amount: number;
    minAmount: number;
    maxAmount: number;
    criteria: Criterion[];
    focusAreas: string[];
    targetAreas: string[];
  };
  budget: { amount: number; granted: number; remaining: number; proposedUndecided: number };
  applications: OverviewRow[];
}

export interface ScreeningView {
  automatic: { rule: ScreeningRule; ok: boolean; fields: string[] }[];
  latest: {
    outcome: 'eligible' | 'ineligible';
    screenedAt: string;
    rules: { rule: ScreeningRule; automatic: boolean; ok: boolean; reason: string | null; fields: string[] }[];
  } | null;
}

export interface ReviewView {
  reviewerId: string;
  name: string;
  conflict: 'none' | 'conflict' | null;
  submittedAt: string | null;
  weighted: number | null;
  scores: Record<string, { score: number; comment: string }>;
}

export interface ReviewsView {
  criteria: Criterion[];
  reviews: ReviewView[];
  summary: ScoreSummary;
}

export interface Candidate {
  userId: string;
  name: string;
  email: string;
  roles: string[];
}

export interface Reservation {
  kind: 'reservation' | 'dissent';
  by: string;
  text: string;
}

export interface DecisionView {
  id: string;
  applicationId: string;
  outcome: Outcome;
  amount: number;
  amountRequested: number;
  reasons: string;
  conditions: string;
  grantFrom: string | null;
  grantTo: string | null;
  madeBy: 'committee' | 'delegate';
  decisionBody: string;
  paragraph: string;
  decidedOn: string;
  announcedOn: string;
  reservations: Reservation[];
  supersedes: string | null;
  supersededBy: string | null;
  recordedAt: string;
  appeal: { law: 'kommunallagen' | 'forvaltningslagen'; from: string; deadline: string };
  letterUrl: string;
}
