// Where the participants' survey results go: to the agreement (the association, for its report, and the
// funder's staff) and to the funder's summary per call, activity type, area and age band. Whoever asks is
// authorised first; the answers are then read counted per survey and age cell, never as rows, and released
// only as the anonymity rule (src/domain/surveys/anonymity.ts) lets them be.
import { sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import { scoped, system } from '../../db/scope.ts';
import type { AgreementContent } from '../../domain/agreements.ts';
import { policy } from '../../domain/roles.ts';
import {
  type AgeCell,
  type Cell,
  type Counts,
  type Grouping,
  isAgeCell,
  type QuestionResult,
  type SurveyDimensions,
  surveyResults,
  surveyView,
} from '../../domain/surveys/anonymity.ts';
import type { ExtraQuestion } from '../../domain/surveys/questions.ts';
import { locateAgreement } from '../agreements/store.ts';
import type { AppContext } from '../context.ts';
import { type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';

/**
 * The released answers of the surveys that `where` picks, counted per survey, age cell, question and value:
 * only closed surveys' answers, which can no longer change (an open survey's results read on two days could
 * be subtracted to tell the newest answers).
 */
async function readCells(tx: Tx, where: { surveyId: string } | { funderId: string }): Promise<Cell[]> {
  // By survey, so the answers' index on survey_id serves both (a funder's surveys are few beside their answers).
  const filter =
    'surveyId' in where
      ? sql`a.survey_id in (select s.id from surveys s where s.id = ${where.surveyId} and s.status = 'closed')`
      : sql`a.survey_id in (select s.id from surveys s where s.funder_id = ${where.funderId} and s.status = 'closed')`;
  const sizes = await sql<{ survey_id: string; age: string; n: number }>`
    select a.survey_id, coalesce(a.age_band, 'not_stated') as age, count(*)::int as n
      from survey_answers a
     where ${filter}
     group by 1, 2`.execute(tx);
  const values = await sql<{ survey_id: string; age: string; extra: boolean; question: string; value: string; n: number }>`
    select a.survey_id, coalesce(a.age_band, 'not_stated') as age, false as extra, r.key as question, r.value, count(*)::int as n
      from survey_answers a cross join lateral jsonb_each_text(a.ratings) r
     where ${filter}
     group by 1, 2, 3, 4, 5
    union all
    select a.survey_id, coalesce(a.age_band, 'not_stated') as age, true as extra, r.key as question, r.value, count(*)::int as n
      from survey_answers a cross join lateral jsonb_each_text(a.extra_ratings) r
     where ${filter}
     group by 1, 2, 3, 4, 5`.execute(tx);
  const cells = new Map<string, Cell>();
  for (const s of sizes.rows) {
    if (!isAgeCell(s.age)) continue;
    cells.set(`${s.survey_id}/${s.age}`, { surveyId: s.survey_id, age: s.age, n: s.n, ratings: {}, extra: {} });
  }
  for (const v of values.rows) {
    const cell = cells.get(`${v.survey_id}/${v.age}`);
    const value = Number(v.value);
    if (!cell || !Number.isInteger(value) || value < 1 || value > 5) continue;
    const into = v.extra ? cell.extra : cell.ratings;
    const counts: Counts = into[v.question] ?? [0, 0, 0, 0, 0];
    counts[value - 1] = (counts[value - 1] as number) + v.n;
    into[v.question] = counts;
  }
  return [...cells.values()];
}

const minGroupOfFunder = async (tx: Tx, funderId: string) =>
  (await tx.selectFrom('funders').select('survey_min_group').where('id', '=', funderId).executeTakeFirstOrThrow()).survey_min_group;

export interface ExtraQuestionResult extends QuestionResult {
  text: ExtraQuestion['text'];
}

export interface AgreementSurveyResults {
  surveyId: string;
  status: 'open' | 'closed';
  minGroup: number;
  shown: boolean;
  reason: 'too_few_answers' | 'survey_open' | null;
  /** How many answered; said only when the results are shown. */
  n: number | null;
  questions: QuestionResult[];
  extraQuestions: ExtraQuestionResult[];
}

/** One agreement's survey results: for the association's members and the funder's staff; null when it has no survey. */
export async function agreementSurveyResults(ctx: AppContext, user: SignedInUser, agreementId: string): Promise<AgreementSurveyResults | null> {
  const located = await locateAgreement(ctx, user, agreementId);
  const survey = await scoped(ctx.db, located.scope, (tx) =>
    tx.selectFrom('surveys').select(['id', 'status', 'extra_questions']).where('agreement_id', '=', agreementId).executeTakeFirst(),
  );
  if (!survey) return null;
  // Row-level security keeps answers to the funder's staff; the association's members are shown the same
  // counts, read by the server on their behalf once they are known to be members.
  const read = <T>(fn: (tx: Tx) => Promise<T>) => (located.access === 'staff' ? scoped(ctx.db, located.scope, fn) : system(ctx.db, fn));
  const { cells, k } = await read(async (tx) => ({ cells: await readCells(tx, { surveyId: survey.id }), k: await minGroupOfFunder(tx, located.funderId) }));
  const extra = survey.extra_questions;
  const r = surveyResults(
    cells,
    survey.id,
    k,
    extra.map((q) => q.id),
    survey.status,
  );
  const base = { surveyId: survey.id, status: survey.status, minGroup: r.minGroup };
  if (!r.shown) return { ...base, shown: false, reason: r.reason, n: null, questions: [], extraQuestions: [] };
  return {
    ...base,
    shown: true,
    reason: null,
    n: r.n,
    questions: r.questions,
    extraQuestions: r.extra.map((q, i) => ({ ...q, text: (extra[i] as ExtraQuestion).text })),
  };
}

export interface SummaryQuery {
  by?: Grouping;
  callId?: string;
  activity?: string;
  area?: string;
  ageBand?: AgeCell;
}

export interface SummaryGroup {
  key: string;
  /** The call's title, for a grouping by call; the key itself otherwise (the page names age bands). */
  label: string;
  surveys: number;
  included: number;
  leftOut: { surveyOpen: number; tooFewAnswers: number; ageBandTooSmall: number };
  shown: boolean;
  reason: 'too_few_answers' | 'age_band_too_small' | 'survey_open' | null;
  n: number | null;
  questions: QuestionResult[];
}

export interface FunderSurveySummary {
  minGroup: number;
  by: Grouping;
  groups: SummaryGroup[];
  /** What the filters can choose from: every call, activity type and area of the funder's surveys. */
  facets: { calls: { id: string; title: string }[]; activities: string[]; areas: string[] };
}

/** The funder's surveys summarised: for its staff. */
export async function funderSurveySummary(ctx: AppContext, user: SignedInUser, funderId: string, query: SummaryQuery): Promise<FunderSurveySummary> {
  if (!policy.readFunder(user, funderId)) throw new Problem(403, 'forbidden');
  const by = query.by ?? 'call';
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    // The content in force: the latest amendment's, or the signed content.
    const surveys = await sql<{ id: string; status: 'open' | 'closed'; call_id: string; call_title: string; content: AgreementContent }>`
      select s.id, s.status, ag.call_id, c.title as call_title,
             coalesce((select m.content from agreement_amendments m where m.agreement_id = ag.id order by m.version desc limit 1), ag.content) as content
        from surveys s
        join agreements ag on ag.id = s.agreement_id
        join calls c on c.id = ag.call_id
       where s.funder_id = ${funderId}`.execute(tx);
    const dimensions: SurveyDimensions[] = surveys.rows.map((s) => ({
      surveyId: s.id,
      callId: s.call_id,
      activities: [...new Set((s.content.activities ?? []).map((x) => x.trim()).filter(Boolean))],
      areas: [...new Set((s.content.areas ?? []).map((x) => x.trim()).filter(Boolean))],
      open: s.status !== 'closed',
    }));
    const cells = await readCells(tx, { funderId });
    const k = await minGroupOfFunder(tx, funderId);
    const view = surveyView(cells, dimensions, k, {
      by,
      filters: { callId: query.callId ?? null, activity: query.activity ?? null, area: query.area ?? null, ageBand: query.ageBand ?? null },
    });
    const titles = new Map(surveys.rows.map((s) => [s.call_id, s.call_title]));
    const sorted = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'sv'));
    const groups: SummaryGroup[] = view.groups.map((g) => ({
      key: g.key,
      label: by === 'call' ? (titles.get(g.key) ?? g.key) : g.key,
      surveys: g.surveys,
      included: g.from.length,
      leftOut: g.leftOut,
      shown: g.shown,
      reason: g.shown ? null : g.reason,
      n: g.shown ? g.n : null,
      questions: g.shown ? g.questions : [],
    }));
    if (by === 'call') groups.sort((a, b) => a.label.localeCompare(b.label, 'sv'));
    return {
      minGroup: view.minGroup,
      by,
      groups,
      facets: {
        calls: [...titles].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title, 'sv')),
        activities: sorted(dimensions.flatMap((d) => [...d.activities])),
        areas: sorted(dimensions.flatMap((d) => [...d.areas])),
      },
    };
  });
}
