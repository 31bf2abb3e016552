import type { Criterion, RuleProblem } from '../calls/types.ts';

/** A criterion's score is null in a draft that so far has only a comment. */
export type Scores = Record<string, { score: number | null; comment: string }>;

/** A reviewer's scores on the call's criteria: every criterion 1–5, a whole number. */
export function scoreProblems(criteria: readonly Criterion[], scores: Scores): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const c of criteria) {
    const s = scores[c.id]?.score;
    if (s === undefined || s === null) problems.push({ field: `scores.${c.id}.score`, code: 'score_required' });
    else if (!Number.isInteger(s) || s < 1 || s > 5) problems.push({ field: `scores.${c.id}.score`, code: 'score_out_of_range' });
  }
  for (const id of Object.keys(scores)) {
    if (!criteria.some((c) => c.id === id)) problems.push({ field: `scores.${id}`, code: 'invalid_choice' });
  }
  return problems;
}

/** One reviewer's weighted score: the criteria's scores weighted by the call's weights (1–5). */
export function weightedScore(criteria: readonly Criterion[], scores: Scores): number {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  if (total <= 0) return 0;
  return criteria.reduce((s, c) => s + c.weight * (scores[c.id]?.score ?? 0), 0) / total;
}

/** A reviewer is an outlier when their weighted score is more than this far from the median of all. */
export const OUTLIER_DISTANCE = 1;

export interface ScoreSummary {
  count: number;
  /** Mean of the reviewers' weighted scores; null before anyone has scored. */
  mean: number | null;
  /** Population standard deviation of the weighted scores. */
  spread: number | null;
  min: number | null;
  max: number | null;
  /** Reviewers (by index) more than OUTLIER_DISTANCE from the median; needs three or more reviewers, so that the median is not one of two. */
  outliers: number[];
}

export function summarise(weighted: readonly number[]): ScoreSummary {
  const n = weighted.length;
  if (n === 0) return { count: 0, mean: null, spread: null, min: null, max: null, outliers: [] };
  const sum = weighted.reduce((s, x) => s + x, 0);
  const mean = sum / n;
  const spread = Math.sqrt(weighted.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
  const sorted = [...weighted].sort((a, b) => a - b);
  const median = n % 2 ? (sorted[(n - 1) / 2] as number) : ((sorted[n / 2 - 1] as number) + (sorted[n / 2] as number)) / 2;
  const outliers = n >= 3 ? weighted.flatMap((x, i) => (Math.abs(x - median) > OUTLIER_DISTANCE ? [i] : [])) : [];
  return { count: n, mean, spread, min: Math.min(...weighted), max: Math.max(...weighted), outliers };
}
