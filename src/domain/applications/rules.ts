import { answerProblems } from '../calls/questions.ts';
import { type ApplicantOrganisation, type EligibilityResult, mayApply } from '../calls/rules.ts';
import type { CallRules, RuleProblem } from '../calls/types.ts';
import { isCalendarDate } from '../deadlines.ts';
import { type Ore, sumOre } from '../money.ts';
import { checkOrgNumber } from '../organisation.ts';
import type { ApplicationContent } from './types.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function budgetTotal(c: Pick<ApplicationContent, 'budget'>): Ore {
  return sumOre(c.budget.map((r) => r.amount));
}

/**
 * What stands between a draft and a complete application, each on its field.
 * The form shows these as the applicant types; submission requires none.
 */
export function contentProblems(call: CallRules, c: ApplicationContent): RuleProblem[] {
  const p: RuleProblem[] = [];
  const required = (ok: boolean, field: string) => ok || p.push({ field, code: 'required' });
  required(c.title.trim().length > 0, 'title');
  required(c.description.trim().length > 0, 'description');
  required(c.complement.trim().length > 0, 'complement');

  if (call.focusAreas.length > 0 && c.focusAreas.length === 0) p.push({ field: 'focusAreas', code: 'required' });
  if (c.focusAreas.some((f) => !call.focusAreas.includes(f))) p.push({ field: 'focusAreas', code: 'invalid_choice' });

  if (c.amountRequested <= 0) p.push({ field: 'amountRequested', code: 'required' });
  else if (call.maxAmount > 0 && c.amountRequested > call.maxAmount)
    p.push({ field: 'amountRequested', code: 'amount_above_max', params: { max: call.maxAmount } });
  else if (c.amountRequested < call.minAmount) p.push({ field: 'amountRequested', code: 'amount_below_min', params: { min: call.minAmount } });

  if (c.activities.length === 0) p.push({ field: 'activities', code: 'activities_needed' });
  c.activities.forEach((a, i) => {
    const f = `activities.${i}`;
    if (!a.typeKey && !a.proposedType?.trim()) p.push({ field: `${f}.typeKey`, code: 'required' });
    if (a.typeKey && call.activityTypes.length > 0 && !call.activityTypes.includes(a.typeKey)) {
      p.push({ field: `${f}.typeKey`, code: 'activity_not_in_call' });
    }
    if (a.targetGroups.length === 0) p.push({ field: `${f}.targetGroups`, code: 'required' });
    if (!a.from || !isCalendarDate(a.from)) p.push({ field: `${f}.from`, code: a.from ? 'invalid_date' : 'required' });
    if (!a.to || !isCalendarDate(a.to)) p.push({ field: `${f}.to`, code: a.to ? 'invalid_date' : 'required' });
    else if (a.from && isCalendarDate(a.from) && a.to < a.from) p.push({ field: `${f}.to`, code: 'end_before_start_date', params: { from: a.from } });
    if (a.expectedParticipants === null || a.expectedParticipants < 1) p.push({ field: `${f}.expectedParticipants`, code: 'required' });
  });

  if (c.budget.length === 0) p.push({ field: 'budget', code: 'budget_needed' });
  c.budget.forEach((r, i) => {
    if (!r.label.trim()) p.push({ field: `budget.${i}.label`, code: 'required' });
    if (r.amount < 0) p.push({ field: `budget.${i}.amount`, code: 'amount_negative' });
  });
  const total = budgetTotal(c);
  const financing = sumOre([c.amountRequested, c.ownContribution, c.otherFunding]);
  if (c.budget.length && financing !== total) {
    p.push({ field: 'amountRequested', code: 'financing_must_cover_budget', params: { total, financing } });
  }

  c.partners.forEach((x, i) => {
    if (!x.name.trim()) p.push({ field: `partners.${i}.name`, code: 'required' });
    const verdict = checkOrgNumber(x.orgNumber);
    if (!verdict.ok) p.push({ field: `partners.${i}.orgNumber`, code: verdict.code, params: verdict.params });
  });
  if (c.contacts.length === 0) p.push({ field: 'contacts', code: 'contact_needed' });
  c.contacts.forEach((x, i) => {
    if (!x.name.trim()) p.push({ field: `contacts.${i}.name`, code: 'required' });
    if (!EMAIL.test(x.email.trim())) p.push({ field: `contacts.${i}.email`, code: 'invalid_email' });
  });

  for (const exclusion of call.exclusions) {
    if (c.declarations[exclusion] !== true) p.push({ field: `declarations.${exclusion}`, code: 'declaration_needed' });
  }
  for (const kind of call.requiredAttachments) {
    if (!c.attachments.some((a) => a.kind === kind)) p.push({ field: `attachments.${kind}`, code: 'attachment_missing' });
  }
  p.push(...answerProblems(call.questions, c.answers));
  return p;
}

export interface SelfCheck {
  /** The organisation-level rules (the call is open, the legal form, an eligibility approval). */
  eligibility: EligibilityResult[];
  /** What the application itself still lacks. */
  problems: RuleProblem[];
  ready: boolean;
}

/**
 * The applicant's self-check before submission. The caseworker's screening
 * runs the same function on the submitted version.
 */
export function selfCheck(call: CallRules, org: ApplicantOrganisation, content: ApplicationContent, now: Date): SelfCheck {
  const eligibility = mayApply(call, org, now);
  const problems = contentProblems(call, content);
  return { eligibility, problems, ready: eligibility.every((r) => r.ok) && problems.length === 0 };
}

/** A case number in the funder's own series: "SN 2022/00017" (submission builds the same in SQL). */
export function formatCaseNumber(prefix: string, year: number, seq: number): string {
  return `${prefix} ${year}/${String(seq).padStart(5, '0')}`;
}
