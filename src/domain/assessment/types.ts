import type { CalendarDate } from '../deadlines.ts';
import type { Ore } from '../money.ts';

/** The screening rules: each is applied automatically, then confirmed or overridden by a caseworker. */
export const SCREENING_RULES = [
  'submitted_in_time',
  'legal_form',
  'eligibility_approval',
  'exclusions_declared',
  'amount_within_limits',
  'activities_in_call',
  'attachments_complete',
  'application_complete',
] as const;
export type ScreeningRule = (typeof SCREENING_RULES)[number];

export interface ScreenedRule {
  rule: ScreeningRule;
  /** What the rule code found on the submitted version. */
  automatic: boolean;
  /** What the caseworker settled on. */
  ok: boolean;
  /** Required when the caseworker overrides the automatic result. */
  reason: string | null;
  /** The fields the rule code found wanting, for the caseworker to look at. */
  fields: string[];
}

export const DECISION_OUTCOMES = ['approved', 'partially_approved', 'rejected'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const isDecisionOutcome = (s: string): s is DecisionOutcome => (DECISION_OUTCOMES as readonly string[]).includes(s);
export type DecisionMaker = 'committee' | 'delegate';

/** A member's or party's reservation (reservation) or dissent (avvikande mening) recorded with a decision. */
export interface Reservation {
  kind: 'reservation' | 'dissent';
  /** The member or party, e.g. "Anna Berg (M)". */
  by: string;
  text: string;
}

export interface DecisionInput {
  amount: Ore;
  reasons: string;
  conditions: string;
  grantFrom: CalendarDate | null;
  grantTo: CalendarDate | null;
  madeBy: DecisionMaker;
  decisionBody: string;
  paragraph: string;
  decidedOn: CalendarDate;
  announcedOn: CalendarDate | null;
  reservations: Reservation[];
}
