import type { AgreementKind } from '../agreements.ts';
import type { CalendarDate } from '../deadlines.ts';
import type { Ore } from '../money.ts';
import type { LegalForm } from '../organisation.ts';

/** Kinds of work a call excludes; the applicant declares they do not apply, the caseworker checks. */
export const EXCLUSIONS = ['religious_or_political', 'for_profit', 'already_completed'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export const TARGET_GROUPS = ['children', 'young_people', 'young_adults', 'adults', 'older_people', 'parents'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const ATTACHMENT_KINDS = ['statutes', 'annual_report', 'accounts', 'budget', 'activity_plan', 'board_list', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const QUESTION_TYPES = ['short_text', 'long_text', 'number', 'single_choice', 'multiple_choice', 'date', 'file'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionOption {
  value: string;
  label: string;
}

/** Shown only when an earlier question's answer equals (or, for multiple choice, includes) a value. */
export interface ShowIf {
  questionId: string;
  equals: string;
}

export interface Question {
  id: string;
  page: number;
  type: QuestionType;
  label: string;
  help?: string;
  required: boolean;
  /** Word limit for text answers. */
  maxWords?: number;
  min?: number;
  max?: number;
  options?: QuestionOption[];
  showIf?: ShowIf;
}

export interface Criterion {
  id: string;
  label: string;
  description?: string;
  /** Relative weight in per cent; the weights of a call sum to 100. */
  weight: number;
}

export interface FollowUp {
  /** Months after the grant period ends that the report is due. */
  reportDueMonths: number;
  /** The report says what the grant was used for and which activities were offered. */
  requireFinancialReport: boolean;
  /** Participants answer an anonymous experience survey. */
  requireParticipantSurvey: boolean;
  notes?: string;
}

/** The rules of a call: what the designer sets and publication freezes (amendments aside). */
export interface CallRules {
  title: string;
  summary: string;
  description: string;
  budgetLineId: string | null;
  /** Total to distribute. */
  amount: Ore;
  focusAreas: string[];
  eligibleForms: LegalForm[];
  exclusions: Exclusion[];
  targetGroups: TargetGroup[];
  targetAreas: string[];
  opensOn: CalendarDate | null;
  deadline: CalendarDate | null;
  /** The grant may be used for this many months from the decision. */
  grantPeriodMonths: number;
  minAmount: Ore;
  maxAmount: Ore;
  requiredAttachments: AttachmentKind[];
  requiresEligibilityApproval: boolean;
  criteria: Criterion[];
  followUp: FollowUp;
  questions: Question[];
  /** Activity types from the catalogue the call funds (empty: any). */
  activityTypes: string[];
  /** The agreement a grant leads to; absent: an assignment (uppdrag) with the default parties. */
  agreement?: { kind: AgreementKind; partners: string[] };
}

export interface RuleProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}
