import { DECISION_OUTCOMES, type DecisionOutcome } from '../assessment/types.ts';

/**
 * The one status an application is shown with, everywhere (its page, the inboxes, exports, mails):
 * its own stage until a decision is made, then the outcome of its current decision.
 *
 * The stored stage stays 'submitted' after a decision. The decisions are the one record of what was
 * decided (never edited, only superseded), so the shown status is derived from the current one rather
 * than copied into the application, where every supersession would have to keep a second copy in step;
 * and the rules that ask "is it still open to a decision or a withdrawal?" keep reading one stage.
 */
export const SHOWN_STATUSES = ['draft', 'submitted', 'awaiting_completion', ...DECISION_OUTCOMES, 'withdrawn'] as const;
export type ShownStatus = (typeof SHOWN_STATUSES)[number];

export interface StatusFacts {
  /** The stored stage: draft, submitted or withdrawn. */
  status: string;
  /** A completion round the applicant has not answered yet. */
  awaitingCompletion: boolean;
  /** The outcome of the current decision (a superseded decision's outcome no longer counts), if any. */
  outcome: string | null;
}

const isOutcome = (v: string | null): v is DecisionOutcome => v !== null && (DECISION_OUTCOMES as readonly string[]).includes(v);

/**
 * A withdrawn application is withdrawn, whatever came before; a decided one shows its current decision's
 * outcome (the decision is the later and weightier fact than "received"); an open completion round
 * comes next; otherwise the stored stage.
 */
export function shownStatus(f: StatusFacts): ShownStatus {
  if (f.status === 'withdrawn') return 'withdrawn';
  if (f.status === 'draft') return 'draft';
  if (isOutcome(f.outcome)) return f.outcome;
  if (f.awaitingCompletion) return 'awaiting_completion';
  return 'submitted';
}
