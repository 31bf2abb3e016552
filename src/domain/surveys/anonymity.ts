// The anonymity rule for the participants' survey: results (counts and distributions) are shown only for
// groups of at least k answers (k = the funder's smallest group, never below 3), in every view and export.
//
// Showing every group of at least k is not enough: two such views can differ by one person (a survey of
// six answers, five of them aged 13–15: the survey and its 13–15 year olds are both "big enough", and
// their difference is the one 16–18 year old). So results are released in blocks, and every view is a
// union of released blocks:
// - a survey with fewer than k answers in all is released nowhere;
// - a survey whose every age cell (each age band, and "not stated") has 0 or at least k answers is split:
//   each of its non-empty age cells is a block;
// - any other survey is one block, the whole survey, and age views leave it out.
// Any difference, intersection or union of views is then itself a union of blocks of at least k answers,
// so no group of 1 … k−1 answers can be recovered from any number of views taken at one moment.
//
// Views taken at different moments could still be subtracted (six answers today, seven tomorrow: the
// seventh person's ratings; or one answer changed). So a survey's answers are released only once it is
// closed: a closed survey takes no answers or changes, and one with released results is never reopened
// (the release is recorded, whatever the smallest group is set to later), so whatever is shown never
// changes afterwards. An open survey is left out of every view, whatever its answers.
import { AGE_BANDS, type AgeBand } from '../follow-up/reports.ts';
import { DEFAULT_MIN_GROUP, LOWEST_MIN_GROUP, SCALE, STANDARD_QUESTIONS, type StandardQuestion } from './questions.ts';

/** The age cells a survey is split into: the answer's age band, or none given. */
export const AGE_CELLS = [...AGE_BANDS, 'not_stated'] as const;
export type AgeCell = (typeof AGE_CELLS)[number];

export const isAgeCell = (x: unknown): x is AgeCell => typeof x === 'string' && (AGE_CELLS as readonly string[]).includes(x);

/** How many answers gave each value of the scale: [ones, twos, threes, fours, fives]. */
export type Counts = [number, number, number, number, number];

/** One answer's ratings, as much of it as results use (never its free text). */
export interface RatedAnswer {
  surveyId: string;
  ageBand: AgeBand | null;
  ratings: Partial<Record<string, number>>;
  extra: Partial<Record<string, number>>;
}

/** The answers of one survey in one age cell, counted: what the server reads from the database. */
export interface Cell {
  surveyId: string;
  age: AgeCell;
  n: number;
  /** Standard questions by their key; extra questions by their id ("x1" …). */
  ratings: Partial<Record<string, Counts>>;
  extra: Partial<Record<string, Counts>>;
}

/** What views group and filter a survey by: its agreement's call, activity types and areas. */
export interface SurveyDimensions {
  surveyId: string;
  callId: string;
  activities: readonly string[];
  areas: readonly string[];
  /** Still taking answers: nothing of it is released until it is closed. Absent means closed. */
  open?: boolean;
}

/** The smallest group a funder may set: a whole number, never below 3; anything else is the default. */
export function minGroupOf(k: number | null | undefined): number {
  if (typeof k !== 'number' || !Number.isInteger(k)) return DEFAULT_MIN_GROUP;
  return Math.max(LOWEST_MIN_GROUP, k);
}

/** Whether a closed survey with this many answers has its results shown: the funder's smallest group answered. */
export const releases = (answers: number, k: number | null | undefined): boolean => answers >= minGroupOf(k);

/**
 * Whether a closed survey may be opened again. Never once its results were shown: the release is recorded,
 * so that a smallest group raised afterwards does not make the shown counts open to change and comparison.
 */
export const mayReopen = (survey: { released: boolean; answers: number }, k: number | null | undefined): boolean =>
  !survey.released && !releases(survey.answers, k);

const zero = (): Counts => [0, 0, 0, 0, 0];
const isScale = (v: unknown): v is number => typeof v === 'number' && (SCALE as readonly number[]).includes(v);

function addCounts(into: Partial<Record<string, Counts>>, from: Partial<Record<string, Counts>>) {
  for (const [q, c] of Object.entries(from)) {
    if (!c) continue;
    const sum = into[q] ?? zero();
    into[q] = sum;
    for (let i = 0; i < 5; i++) sum[i] = (sum[i] as number) + (c[i] as number);
  }
}

/** Answers counted per survey and age cell (the same as the server's aggregate query gives). */
export function cellsOf(answers: readonly RatedAnswer[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const a of answers) {
    const age: AgeCell = a.ageBand && isAgeCell(a.ageBand) ? a.ageBand : 'not_stated';
    const key = `${a.surveyId}\u0000${age}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { surveyId: a.surveyId, age, n: 0, ratings: {}, extra: {} };
      cells.set(key, cell);
    }
    cell.n++;
    for (const [into, from] of [
      [cell.ratings, a.ratings],
      [cell.extra, a.extra],
    ] as const) {
      for (const [q, v] of Object.entries(from)) {
        if (!isScale(v)) continue;
        const c = into[q] ?? zero();
        c[v - 1]++;
        into[q] = c;
      }
    }
  }
  return [...cells.values()];
}

/** A unit of release: a whole survey (age null), or one age cell of a split survey. */
export interface Block {
  surveyId: string;
  age: AgeCell | null;
  n: number;
  ratings: Partial<Record<string, Counts>>;
  extra: Partial<Record<string, Counts>>;
}

/** What may be shown of one survey. */
export interface SurveyRelease {
  surveyId: string;
  /** Released at all: at least k answers. */
  released: boolean;
  /** Released by age cell: every cell has 0 or at least k answers. */
  split: boolean;
  /** The whole survey (for views that do not look at age), when released. */
  whole: Block | null;
  /** The non-empty age cells, when split. */
  cells: Block[];
}

/** The released blocks of every survey that has answers. */
export function releasedBlocks(cells: readonly Cell[], k: number): Map<string, SurveyRelease> {
  const min = minGroupOf(k);
  const bySurvey = new Map<string, Cell[]>();
  for (const c of cells) {
    if (c.n <= 0) continue;
    const list = bySurvey.get(c.surveyId) ?? [];
    list.push(c);
    bySurvey.set(c.surveyId, list);
  }
  const out = new Map<string, SurveyRelease>();
  for (const [surveyId, list] of bySurvey) {
    const whole: Block = { surveyId, age: null, n: 0, ratings: {}, extra: {} };
    for (const c of list) {
      whole.n += c.n;
      addCounts(whole.ratings, c.ratings);
      addCounts(whole.extra, c.extra);
    }
    const released = whole.n >= min;
    const split = released && list.every((c) => c.n >= min);
    out.set(surveyId, {
      surveyId,
      released,
      split,
      whole: released ? whole : null,
      cells: split ? list.map((c) => ({ surveyId, age: c.age, n: c.n, ratings: { ...c.ratings }, extra: { ...c.extra } })) : [],
    });
  }
  return out;
}

export type HiddenReason = 'too_few_answers' | 'age_band_too_small' | 'survey_open';

/** One question's distribution in a shown group. */
export interface QuestionResult {
  question: string;
  counts: Counts;
  /** How many of the group's answers rated the question (the rest skipped it). */
  answered: number;
  /** The mean on the 1–5 scale, to two decimals; null when nobody rated it. */
  mean: number | null;
}

function questionResult(question: string, counts: Counts | undefined): QuestionResult {
  const c = counts ? ([...counts] as Counts) : zero();
  const answered = c.reduce((s, x) => s + x, 0);
  const total = c.reduce((s, x, i) => s + x * (i + 1), 0);
  return { question, counts: c, answered, mean: answered ? Math.round((total / answered) * 100) / 100 : null };
}

/** The groupings a summary offers; null is one group of everything the filters let through. */
export const GROUPINGS = ['call', 'activity', 'area', 'age_band'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface ViewFilters {
  callId?: string | null;
  activity?: string | null;
  area?: string | null;
  ageBand?: AgeCell | null;
}

export interface ViewSpec {
  by: Grouping | null;
  filters: ViewFilters;
}

interface GroupBase {
  /** The call's id, the activity type or area as written in the agreements, the age cell, or "all". */
  key: string;
  /** Surveys that belong to the group by its call, activity or area (whatever their answers). */
  surveys: number;
  /** The surveys whose answers are in the group: those released (and, in an age view, split). */
  from: string[];
  /** Surveys of the group left out: still open, too few answers in all, or (in an age view) an age cell too small. */
  leftOut: { surveyOpen: number; tooFewAnswers: number; ageBandTooSmall: number };
}
export interface ShownGroup extends GroupBase {
  shown: true;
  n: number;
  questions: QuestionResult[];
}
export interface HiddenGroup extends GroupBase {
  shown: false;
  reason: HiddenReason;
}
export type GroupResult = ShownGroup | HiddenGroup;

export interface ViewResult {
  minGroup: number;
  /** An age view uses only split surveys' age cells. */
  ageView: boolean;
  groups: GroupResult[];
}

const matches = (d: SurveyDimensions, f: ViewFilters) =>
  (!f.callId || d.callId === f.callId) && (!f.activity || d.activities.includes(f.activity)) && (!f.area || d.areas.includes(f.area));

const distinct = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'sv'));

/**
 * A view of a funder's surveys: filtered by call, activity type, area and age band, grouped by one of them
 * (or not at all). Each group is shown, with its answers' distribution per standard question, only when it
 * is a union of released blocks of at least k answers; otherwise it says it is hidden and why. Which groups
 * there are never depends on the answers (every age cell is listed in an age grouping), so a group's
 * presence says nothing either.
 */
export function surveyView(cells: readonly Cell[], dimensions: readonly SurveyDimensions[], k: number, spec: ViewSpec): ViewResult {
  const min = minGroupOf(k);
  const release = releasedBlocks(cells, min);
  const { by, filters } = spec;
  const ageView = by === 'age_band' || !!filters.ageBand;
  const candidates = dimensions.filter((d) => matches(d, filters));

  let groups: { key: string; surveys: SurveyDimensions[]; age: AgeCell | null }[];
  const age = filters.ageBand ?? null;
  if (by === 'call') groups = distinct(candidates.map((d) => d.callId)).map((key) => ({ key, surveys: candidates.filter((d) => d.callId === key), age }));
  else if (by === 'activity')
    groups = distinct(candidates.flatMap((d) => d.activities)).map((key) => ({ key, surveys: candidates.filter((d) => d.activities.includes(key)), age }));
  else if (by === 'area')
    groups = distinct(candidates.flatMap((d) => d.areas)).map((key) => ({ key, surveys: candidates.filter((d) => d.areas.includes(key)), age }));
  else if (by === 'age_band') groups = (age ? [age] : [...AGE_CELLS]).map((key) => ({ key, surveys: candidates, age: key }));
  else groups = [{ key: 'all', surveys: candidates, age }];

  return {
    minGroup: min,
    ageView,
    groups: groups.map((g) => {
      const from: string[] = [];
      const leftOut = { surveyOpen: 0, tooFewAnswers: 0, ageBandTooSmall: 0 };
      const sum: Block = { surveyId: '', age: g.age, n: 0, ratings: {}, extra: {} };
      for (const d of g.surveys) {
        if (d.open) {
          leftOut.surveyOpen++;
          continue;
        }
        const r = release.get(d.surveyId);
        if (!r?.released) {
          leftOut.tooFewAnswers++;
          continue;
        }
        if (ageView && !r.split) {
          leftOut.ageBandTooSmall++;
          continue;
        }
        from.push(d.surveyId);
        const blocks = ageView ? r.cells.filter((c) => c.age === g.age) : r.whole ? [r.whole] : [];
        for (const b of blocks) {
          sum.n += b.n;
          addCounts(sum.ratings, b.ratings);
        }
      }
      const base = { key: g.key, surveys: g.surveys.length, from, leftOut };
      // Every block holds at least k answers, so a group with any answers has at least k; checked all the same.
      if (sum.n < min) {
        const reason: HiddenReason =
          ageView && leftOut.ageBandTooSmall > 0
            ? 'age_band_too_small'
            : leftOut.surveyOpen > 0 && leftOut.tooFewAnswers === 0
              ? 'survey_open'
              : 'too_few_answers';
        return { ...base, shown: false, reason } satisfies HiddenGroup;
      }
      return { ...base, shown: true, n: sum.n, questions: STANDARD_QUESTIONS.map((q) => questionResult(q, sum.ratings[q])) } satisfies ShownGroup;
    }),
  };
}

export type SurveyResults =
  | { minGroup: number; shown: true; n: number; questions: QuestionResult[]; extra: QuestionResult[] }
  | { minGroup: number; shown: false; reason: 'too_few_answers' | 'survey_open' };

/**
 * One survey's results, for its agreement: the whole survey, standard questions and the association's own,
 * when it is closed and has at least k answers (it is then a union of its released blocks); hidden
 * otherwise. How many answered is not said while hidden.
 */
export function surveyResults(
  cells: readonly Cell[],
  surveyId: string,
  k: number,
  extraQuestionIds: readonly string[] = [],
  status: 'open' | 'closed' = 'closed',
): SurveyResults {
  const min = minGroupOf(k);
  if (status === 'open') return { minGroup: min, shown: false, reason: 'survey_open' };
  const r = releasedBlocks(
    cells.filter((c) => c.surveyId === surveyId),
    min,
  ).get(surveyId);
  if (!r?.whole) return { minGroup: min, shown: false, reason: 'too_few_answers' };
  const whole = r.whole;
  return {
    minGroup: min,
    shown: true,
    n: whole.n,
    questions: STANDARD_QUESTIONS.map((q: StandardQuestion) => questionResult(q, whole.ratings[q])),
    extra: extraQuestionIds.map((q) => questionResult(q, whole.extra[q])),
  };
}
