import { selfCheck } from '../applications/rules.ts';
import type { ApplicationContent } from '../applications/types.ts';
import type { ApplicantOrganisation } from '../calls/rules.ts';
import type { CallRules, RuleProblem } from '../calls/types.ts';
import { SCREENING_RULES, type ScreenedRule, type ScreeningRule } from './types.ts';

/** Which screening rule a problem of the self-check belongs to. */
function ruleOf(problem: RuleProblem): ScreeningRule {
  switch (problem.code) {
    case 'declaration_needed':
      return 'exclusions_declared';
    case 'amount_above_max':
    case 'amount_below_min':
    case 'financing_must_cover_budget':
      return 'amount_within_limits';
    case 'activity_not_in_call':
      return 'activities_in_call';
    case 'attachment_missing':
      return 'attachments_complete';
    default:
      return 'application_complete';
  }
}

export interface AutomaticScreening {
  rule: ScreeningRule;
  ok: boolean;
  fields: string[];
}

/**
 * The call's rules applied to the submitted version, as it was at submission:
 * the same self-check the applicant ran, grouped into the rules a caseworker confirms.
 */
export function screenAutomatically(call: CallRules, org: ApplicantOrganisation, content: ApplicationContent, submittedAt: Date): AutomaticScreening[] {
  const check = selfCheck(call, org, content, submittedAt);
  const failed = new Map<ScreeningRule, string[]>();
  const fail = (rule: ScreeningRule, field: string) => failed.set(rule, [...(failed.get(rule) ?? []), field]);
  for (const r of check.eligibility) {
    if (r.ok) continue;
    fail(r.rule === 'call_open' ? 'submitted_in_time' : r.rule, r.rule);
  }
  for (const p of check.problems) fail(ruleOf(p), p.field);
  return SCREENING_RULES.map((rule) => ({ rule, ok: !failed.has(rule), fields: failed.get(rule) ?? [] }));
}

export interface ScreeningChoice {
  rule: ScreeningRule;
  ok: boolean;
  reason?: string | null;
}

/**
 * The caseworker's screening: every rule confirmed or overridden, an override always with a reason.
 * Returns the settled rules and the outcome, or the problems on their fields.
 */
export function settleScreening(
  automatic: readonly AutomaticScreening[],
  choices: readonly ScreeningChoice[],
): { rules: ScreenedRule[]; outcome: 'eligible' | 'ineligible'; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const rules = automatic.map((a): ScreenedRule => {
    const choice = choices.find((c) => c.rule === a.rule);
    if (!choice) {
      problems.push({ field: `rules.${a.rule}`, code: 'screening_rule_unsettled' });
      return { rule: a.rule, automatic: a.ok, ok: a.ok, reason: null, fields: a.fields };
    }
    const reason = choice.reason?.trim() || null;
    if (choice.ok !== a.ok && !reason) problems.push({ field: `rules.${a.rule}.reason`, code: 'override_reason_needed' });
    return { rule: a.rule, automatic: a.ok, ok: choice.ok, reason, fields: a.fields };
  });
  return { rules, outcome: rules.every((r) => r.ok) ? 'eligible' : 'ineligible', problems };
}
