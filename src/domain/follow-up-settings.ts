// A funder's follow-up settings: the smallest group of survey answers whose results are shown, the share by
// which a report's spending row may deviate from the plan without an explanation, and how many days before a
// report is due its reminder goes out. The same limits as the database's checks (migration 0013_follow_up),
// said on the field that breaks them.
import type { RuleProblem } from './calls/types.ts';
import { LOWEST_MIN_GROUP } from './surveys/questions.ts';

export interface FollowUpSettings {
  surveyMinGroup: number;
  reportDeviationPercent: number;
  reportReminderDays: number;
}

/** The smallest group has no upper limit in law; 100 keeps a typing error from hiding every result. */
export const FOLLOW_UP_LIMITS = {
  surveyMinGroup: { min: LOWEST_MIN_GROUP, max: 100 },
  reportDeviationPercent: { min: 1, max: 100 },
  reportReminderDays: { min: 1, max: 90 },
} as const;

export function followUpSettingsProblems(s: FollowUpSettings): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const field of ['surveyMinGroup', 'reportDeviationPercent', 'reportReminderDays'] as const) {
    const value = s[field];
    const { min, max } = FOLLOW_UP_LIMITS[field];
    if (!Number.isInteger(value)) problems.push({ field, code: 'whole_number' });
    else if (value < min) problems.push({ field, code: field === 'surveyMinGroup' ? 'survey_min_group_too_low' : 'number_below_min', params: { limit: min } });
    else if (value > max) problems.push({ field, code: 'number_above_max', params: { limit: max } });
  }
  return problems;
}
