import type { CalendarDate } from '../deadlines.ts';
import { endOfDay, isCalendarDate, phaseAt, startOfDay } from '../deadlines.ts';
import type { Ore } from '../money.ts';
import type { LegalForm } from '../organisation.ts';
import type { CallRules, RuleProblem } from './types.ts';

/**
 * What the rules are checked against: what is left on the budget line for this call; for a published
 * call, what it has already granted; and today (Stockholm) with the deadline the call had before this
 * change, since a deadline may not be set in the past.
 */
export interface RulesContext {
  lineAvailable: Ore | null;
  granted?: Ore;
  today?: string;
  previousDeadline?: string | null;
}

/** What a draft must not contain, published or not: contradictions the designer can fix now. */
export function draftProblems(call: CallRules, budget: RulesContext): RuleProblem[] {
  const p: RuleProblem[] = [];
  if (call.opensOn && !isCalendarDate(call.opensOn)) p.push({ field: 'opensOn', code: 'invalid_date' });
  if (call.deadline && !isCalendarDate(call.deadline)) p.push({ field: 'deadline', code: 'invalid_date' });
  if (call.opensOn && call.deadline && isCalendarDate(call.opensOn) && isCalendarDate(call.deadline) && call.deadline < call.opensOn) {
    p.push({ field: 'deadline', code: 'deadline_before_opening', params: { opensOn: call.opensOn } });
  }
  if (call.amount < 0) p.push({ field: 'amount', code: 'amount_negative' });
  if (call.minAmount < 0) p.push({ field: 'minAmount', code: 'amount_negative' });
  if (call.maxAmount > 0 && call.maxAmount < call.minAmount) p.push({ field: 'maxAmount', code: 'max_below_min', params: { min: call.minAmount } });
  if (call.maxAmount > call.amount && call.amount > 0) p.push({ field: 'maxAmount', code: 'max_above_total', params: { total: call.amount } });
  if (budget.lineAvailable !== null && call.amount > budget.lineAvailable) {
    p.push({ field: 'amount', code: 'amount_exceeds_budget_line', params: { available: budget.lineAvailable } });
  }
  if (budget.granted !== undefined && call.amount < budget.granted)
    p.push({ field: 'amount', code: 'amount_below_granted', params: { granted: budget.granted } });
  if (call.grantPeriodMonths < 1 || call.grantPeriodMonths > 60) p.push({ field: 'grantPeriodMonths', code: 'grant_period_range' });
  const weightSum = call.criteria.reduce((s, c) => s + c.weight, 0);
  call.criteria.forEach((c, i) => {
    if (!c.label.trim()) p.push({ field: `criteria.${i}.label`, code: 'required' });
    if (c.weight <= 0) p.push({ field: `criteria.${i}.weight`, code: 'weight_positive' });
  });
  if (call.criteria.length && weightSum !== 100) p.push({ field: 'criteria', code: 'weights_sum', params: { sum: weightSum } });
  p.push(...questionProblems(call));
  return p;
}

/** A call can be published only when an applicant has everything they need to apply. */
export function publishProblems(call: CallRules, budget: RulesContext): RuleProblem[] {
  const p = draftProblems(call, budget);
  // A deadline already passed would publish a call nobody can apply to; an amendment may keep the one it had.
  const { today, previousDeadline } = budget;
  if (today && call.deadline && isCalendarDate(call.deadline) && call.deadline < today && call.deadline !== previousDeadline) {
    p.push({ field: 'deadline', code: 'deadline_in_past', params: { deadline: call.deadline, today } });
  }
  const need = (ok: boolean, field: string) => {
    if (!ok) p.push({ field, code: 'required_to_publish' });
  };
  need(call.title.trim().length > 0, 'title');
  need(call.summary.trim().length > 0, 'summary');
  need(call.budgetLineId !== null, 'budgetLineId');
  need(call.amount > 0, 'amount');
  need(call.opensOn !== null, 'opensOn');
  need(call.deadline !== null, 'deadline');
  need(call.maxAmount > 0, 'maxAmount');
  need(call.eligibleForms.length > 0, 'eligibleForms');
  need(call.focusAreas.length > 0, 'focusAreas');
  need(call.criteria.length > 0, 'criteria');
  return p;
}

function questionProblems(call: CallRules): RuleProblem[] {
  const p: RuleProblem[] = [];
  const seen = new Map<string, number>();
  call.questions.forEach((q, i) => {
    const f = `questions.${i}`;
    if (!q.label.trim()) p.push({ field: `${f}.label`, code: 'question_text_missing' });
    if (seen.has(q.id)) p.push({ field: `${f}.id`, code: 'duplicate_question' });
    if (q.page < 1) p.push({ field: `${f}.page`, code: 'invalid_value' });
    if ((q.type === 'single_choice' || q.type === 'multiple_choice') && (q.options ?? []).filter((o) => o.label.trim()).length < 2) {
      p.push({ field: `${f}.options`, code: 'choices_needed' });
    }
    if (q.maxWords !== undefined && q.maxWords < 1) p.push({ field: `${f}.maxWords`, code: 'invalid_value' });
    if (q.min !== undefined && q.max !== undefined && q.max < q.min) p.push({ field: `${f}.max`, code: 'max_below_min', params: { min: q.min } });
    if (q.showIf) {
      const j = seen.get(q.showIf.questionId);
      const target = j === undefined ? undefined : call.questions[j];
      if (!target) p.push({ field: `${f}.showIf`, code: 'condition_on_later_question' });
      else if (target.type !== 'single_choice' && target.type !== 'multiple_choice') p.push({ field: `${f}.showIf`, code: 'condition_needs_choice' });
      else if (!(target.options ?? []).some((o) => o.value === q.showIf?.equals)) p.push({ field: `${f}.showIf`, code: 'condition_unknown_option' });
      else if (target.page > q.page) p.push({ field: `${f}.showIf`, code: 'condition_on_later_question' });
    }
    seen.set(q.id, i);
  });
  return p;
}

export interface ApplicantOrganisation {
  legalForm: LegalForm;
  /** The date until which the organisation is approved as eligible for grants, if it is. */
  eligibleUntil: CalendarDate | null;
}

export interface EligibilityResult {
  rule: 'call_open' | 'legal_form' | 'eligibility_approval';
  ok: boolean;
  params?: Record<string, unknown>;
}

/**
 * Whether an organisation may apply to a call at an instant, rule by rule, so a
 * failed rule can be explained. The applicant's self-check and the
 * caseworker's screening both call this.
 */
export function mayApply(
  call: Pick<CallRules, 'opensOn' | 'deadline' | 'eligibleForms' | 'requiresEligibilityApproval'>,
  org: ApplicantOrganisation,
  now: Date,
): EligibilityResult[] {
  const phase = call.opensOn && call.deadline ? phaseAt(call.opensOn, call.deadline, now) : 'closed';
  const results: EligibilityResult[] = [
    { rule: 'call_open', ok: phase === 'open', params: { phase, opensOn: call.opensOn, deadline: call.deadline } },
    { rule: 'legal_form', ok: call.eligibleForms.includes(org.legalForm), params: { legalForm: org.legalForm, allowed: call.eligibleForms } },
  ];
  if (call.requiresEligibilityApproval) {
    const valid = org.eligibleUntil !== null && endOfDay(org.eligibleUntil) >= now;
    results.push({ rule: 'eligibility_approval', ok: valid, params: { eligibleUntil: org.eligibleUntil } });
  }
  return results;
}

export function callWindow(call: Pick<CallRules, 'opensOn' | 'deadline'>) {
  return call.opensOn && call.deadline ? { opensAt: startOfDay(call.opensOn), closesAt: endOfDay(call.deadline) } : null;
}
