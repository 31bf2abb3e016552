// What the review API answers (src/server/assessment/reviews.ts), as the web app reads it.
import type { Scores } from '../../domain/assessment/reviews.ts';
import type { Criterion } from '../../domain/calls/types.ts';
import type { ScoreSummary } from '../assessment/types.ts';

export type { Criterion, Scores };

export type Conflict = 'none' | 'conflict' | null;

export interface ReviewAssignment {
  applicationId: string;
  caseNumber: string;
  organisationName: string;
  title: string;
  callTitle: string;
  funderName: string;
  conflict: Conflict;
  submittedAt: string | null;
}

export interface OtherReview {
  reviewerId: string;
  name: string;
  conflict: Conflict;
  submittedAt: string | null;
  weighted: number | null;
  scores: Scores;
}

export type { ScoreSummary };

export interface MyReview {
  applicationId: string;
  caseNumber: string;
  organisationName: string;
  title: string;
  criteria: Criterion[];
  conflict: Conflict;
  conflictNote: string | null;
  declaredAt: string | null;
  submittedAt: string | null;
  scores: Scores;
  /** The others' submitted reviews: only once this reviewer has submitted without a conflict. */
  others: OtherReview[] | null;
  summary: ScoreSummary | null;
}

export const REVIEWS_KEY = ['reviews'] as const;
