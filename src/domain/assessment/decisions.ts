import type { RuleProblem } from '../calls/types.ts';
import { addDays, type CalendarDate, isCalendarDate } from '../deadlines.ts';
import type { Ore } from '../money.ts';
import type { DecisionInput, DecisionOutcome } from './types.ts';

/** Approval, partial approval or rejection follows from the amount against what was applied for. */
export function outcomeFor(amount: Ore, requested: Ore): DecisionOutcome {
  if (amount === 0) return 'rejected';
  return amount >= requested ? 'approved' : 'partially_approved';
}

export interface DecisionContext {
  requested: Ore;
  /** What the funder lets a delegate decide alone. */
  delegationLimit: Ore;
  today: CalendarDate;
}

/** What is wrong with a decision as recorded, each on its field. The budget is checked where it is locked. */
export function decisionProblems(d: DecisionInput, ctx: DecisionContext): RuleProblem[] {
  const p: RuleProblem[] = [];
  if (!Number.isSafeInteger(d.amount) || d.amount < 0) p.push({ field: 'amount', code: 'amount_negative' });
  else if (d.amount > ctx.requested) p.push({ field: 'amount', code: 'amount_above_requested', params: { requested: ctx.requested } });
  if (!d.reasons.trim()) p.push({ field: 'reasons', code: 'required' });
  if (!d.decisionBody.trim()) p.push({ field: 'decisionBody', code: 'required' });
  if (d.madeBy === 'committee' && !d.paragraph.trim()) p.push({ field: 'paragraph', code: 'required' });
  if (!isCalendarDate(d.decidedOn)) p.push({ field: 'decidedOn', code: d.decidedOn ? 'invalid_date' : 'required' });
  else if (d.decidedOn > ctx.today) p.push({ field: 'decidedOn', code: 'date_in_future' });
  if (d.announcedOn !== null && !isCalendarDate(d.announcedOn)) p.push({ field: 'announcedOn', code: 'invalid_date' });
  else if (d.announcedOn && isCalendarDate(d.decidedOn) && d.announcedOn < d.decidedOn)
    p.push({ field: 'announcedOn', code: 'announced_before_decided', params: { decidedOn: d.decidedOn } });
  if (d.madeBy === 'delegate' && d.amount > ctx.delegationLimit) p.push({ field: 'madeBy', code: 'above_delegation', params: { limit: ctx.delegationLimit } });
  if (d.amount > 0) {
    if (!d.grantFrom || !isCalendarDate(d.grantFrom)) p.push({ field: 'grantFrom', code: d.grantFrom ? 'invalid_date' : 'required' });
    if (!d.grantTo || !isCalendarDate(d.grantTo)) p.push({ field: 'grantTo', code: d.grantTo ? 'invalid_date' : 'required' });
    else if (d.grantFrom && isCalendarDate(d.grantFrom) && d.grantTo < d.grantFrom)
      p.push({ field: 'grantTo', code: 'end_before_start_date', params: { from: d.grantFrom } });
  }
  d.reservations.forEach((r, i) => {
    if (!r.by.trim()) p.push({ field: `reservations.${i}.by`, code: 'required' });
    if (r.kind === 'dissent' && !r.text.trim()) p.push({ field: `reservations.${i}.text`, code: 'required' });
  });
  return p;
}

export type AppealLaw = 'kommunallagen' | 'forvaltningslagen';

export interface AppealInfo {
  law: AppealLaw;
  /** The day the three weeks run from. */
  from: CalendarDate;
  /** The last day an appeal can arrive. */
  deadline: CalendarDate;
}

/**
 * How to appeal. A municipal grant is a decision under kommunallagen: anyone resident may ask for
 * laglighetsprövning (13 kap.) within three weeks of the day the approved minutes were announced on
 * the notice board (13 kap. 5 §). A state agency's decision is appealed under förvaltningslagen
 * (40–45 §§) within three weeks of the day the party was told of it; the letter's date stands in for that day.
 */
export function appealInfo(
  funderKind: 'municipal' | 'state' | 'other',
  decision: { decidedOn: CalendarDate; announcedOn: CalendarDate },
  letterDate: CalendarDate,
): AppealInfo {
  if (funderKind === 'municipal') return { law: 'kommunallagen', from: decision.announcedOn, deadline: addDays(decision.announcedOn, 21) };
  return { law: 'forvaltningslagen', from: letterDate, deadline: addDays(letterDate, 21) };
}
