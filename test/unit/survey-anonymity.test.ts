import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgeBand } from '../../src/domain/follow-up/reports.ts';
import {
  AGE_CELLS,
  type AgeCell,
  type Cell,
  type Counts,
  cellsOf,
  GROUPINGS,
  type Grouping,
  mayReopen,
  minGroupOf,
  type RatedAnswer,
  releasedBlocks,
  releases,
  type SurveyDimensions,
  surveyResults,
  surveyView,
  type ViewSpec,
} from '../../src/domain/surveys/anonymity.ts';
import { STANDARD_QUESTIONS } from '../../src/domain/surveys/questions.ts';

// ---------------------------------------------------------------------------------------------------------
// A world of surveys and answers, and the views anyone may ask for: the property tests below generate them.

const CALLS = ['c-norrköping-2022', 'c-örebro-sommar', 'c-delmos'];
const ACTIVITIES = ['Nattvandring', 'Läxhjälp', 'Nattfotboll', 'Dans 💃'];
const AREAS = ['Navestad', 'Hageby', 'Ringdansen', 'Vivalla'];

interface Answer extends RatedAnswer {
  id: number;
  age: AgeCell;
}

interface World {
  answers: Answer[];
  dimensions: SurveyDimensions[];
  cells: Cell[];
}

/** Most answers come from these cells, so that surveys split by age often enough to test age views. */
const COMMON_CELLS: AgeCell[] = ['13_15', '16_18', 'not_stated'];
const scale = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 6 });
const ratingsArb = fc.record(Object.fromEntries(STANDARD_QUESTIONS.map((q) => [q, scale])) as Record<string, typeof scale>);

/** Surveys whose answers mostly come from one or two age bands, with a stray now and then: small age cells happen. */
const surveyArb = fc.record({
  callId: fc.constantFrom(...CALLS),
  activities: fc.subarray(ACTIVITIES, { minLength: 1, maxLength: 2 }),
  areas: fc.subarray(AREAS, { minLength: 1, maxLength: 2 }),
  bands: fc.subarray(COMMON_CELLS, { minLength: 1, maxLength: 2 }),
  answers: fc.array(
    fc.record({ pick: fc.nat(9), stray: fc.integer({ min: 0, max: 15 }), strayBand: fc.constantFrom(...AGE_CELLS), ratings: ratingsArb, x1: scale }),
    { maxLength: 24, size: 'max' },
  ),
});

const worldArb: fc.Arbitrary<World> = fc.array(surveyArb, { minLength: 1, maxLength: 5 }).map((surveys) => {
  const answers: Answer[] = [];
  const dimensions: SurveyDimensions[] = [];
  surveys.forEach((s, i) => {
    const surveyId = `s${i}`;
    dimensions.push({ surveyId, callId: s.callId, activities: s.activities, areas: s.areas });
    for (const a of s.answers) {
      const age: AgeCell = a.stray === 0 ? a.strayBand : (s.bands[a.pick % s.bands.length] as AgeCell);
      const ratings = Object.fromEntries(Object.entries(a.ratings).filter(([, v]) => v !== undefined));
      answers.push({
        id: answers.length,
        surveyId,
        age,
        ageBand: age === 'not_stated' ? null : (age as AgeBand),
        ratings,
        extra: a.x1 === undefined ? {} : { x1: a.x1 },
      });
    }
  });
  return { answers, dimensions, cells: cellsOf(answers) };
});

type ViewArg = { kind: 'survey'; index: number } | { kind: 'view'; spec: ViewSpec };
const optional = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const viewArb: fc.Arbitrary<ViewArg> = fc.oneof(
  fc.record({ kind: fc.constant('survey' as const), index: fc.nat(4) }),
  fc.record({
    kind: fc.constant('view' as const),
    spec: fc.record({
      by: fc.constantFrom<Grouping | null>(null, ...GROUPINGS),
      filters: fc.record({
        callId: optional(fc.constantFrom(...CALLS)),
        activity: optional(fc.constantFrom(...ACTIVITIES)),
        area: optional(fc.constantFrom(...AREAS)),
        ageBand: optional(fc.oneof(fc.constantFrom(...COMMON_CELLS), fc.constantFrom(...AGE_CELLS))),
      }),
    }),
  }),
);

/** A group someone was shown, with the answers truly behind it (which the viewer does not know). */
interface Released {
  view: string;
  ids: Set<number>;
}

/** A rule: what a view shows. Ours, and the naive one (any group of at least k) it must do better than. */
type Rule = (w: World, k: number, v: ViewArg) => Released[];

const countsOf = (answers: Answer[], question: string, extra = false): Counts => {
  const c: Counts = [0, 0, 0, 0, 0];
  for (const a of answers) {
    const v = (extra ? a.extra : a.ratings)[question];
    if (v) c[v - 1]++;
  }
  return c;
};

/** Our rule. Checks on the way that what a shown group says is exactly the counts of the answers it names. */
const ours: Rule = (w, k, v) => {
  if (v.kind === 'survey') {
    const surveyId = w.dimensions[v.index % w.dimensions.length]?.surveyId as string;
    const r = surveyResults(w.cells, surveyId, k, ['x1']);
    if (!r.shown) return [];
    const truth = w.answers.filter((a) => a.surveyId === surveyId);
    expect(r.n).toBe(truth.length);
    for (const q of r.questions) expect(q.counts).toEqual(countsOf(truth, q.question));
    expect(r.extra[0]?.counts).toEqual(countsOf(truth, 'x1', true));
    return [{ view: `survey ${surveyId}`, ids: new Set(truth.map((a) => a.id)) }];
  }
  const r = surveyView(w.cells, w.dimensions, k, v.spec);
  const out: Released[] = [];
  for (const g of r.groups) {
    if (!g.shown) continue;
    const age = v.spec.by === 'age_band' ? g.key : v.spec.filters.ageBand;
    const truth = w.answers.filter((a) => g.from.includes(a.surveyId) && (!r.ageView || a.age === age));
    expect(g.n).toBe(truth.length);
    for (const q of g.questions) expect(q.counts).toEqual(countsOf(truth, q.question));
    out.push({ view: `${JSON.stringify(v.spec)} ${g.key}`, ids: new Set(truth.map((a) => a.id)) });
  }
  return out;
};

/** The naive rule: every group of the view, from all its surveys' answers, shown when it has at least k. */
const naive: Rule = (w, k, v) => {
  const shown = (view: string, truth: Answer[]) => (truth.length >= k ? [{ view, ids: new Set(truth.map((a) => a.id)) }] : []);
  if (v.kind === 'survey') {
    const surveyId = w.dimensions[v.index % w.dimensions.length]?.surveyId as string;
    return shown(
      `survey ${surveyId}`,
      w.answers.filter((a) => a.surveyId === surveyId),
    );
  }
  const { by, filters: f } = v.spec;
  const dims = w.dimensions.filter(
    (d) => (!f.callId || d.callId === f.callId) && (!f.activity || d.activities.includes(f.activity)) && (!f.area || d.areas.includes(f.area)),
  );
  const groups: { key: string; surveys: string[]; age: AgeCell | null }[] =
    by === 'call'
      ? CALLS.map((c) => ({ key: c, surveys: dims.filter((d) => d.callId === c).map((d) => d.surveyId), age: f.ageBand ?? null }))
      : by === 'activity'
        ? ACTIVITIES.map((x) => ({ key: x, surveys: dims.filter((d) => d.activities.includes(x)).map((d) => d.surveyId), age: f.ageBand ?? null }))
        : by === 'area'
          ? AREAS.map((x) => ({ key: x, surveys: dims.filter((d) => d.areas.includes(x)).map((d) => d.surveyId), age: f.ageBand ?? null }))
          : by === 'age_band'
            ? AGE_CELLS.map((x) => ({ key: x, surveys: dims.map((d) => d.surveyId), age: x }))
            : [{ key: 'all', surveys: dims.map((d) => d.surveyId), age: f.ageBand ?? null }];
  return groups.flatMap((g) =>
    shown(
      `${JSON.stringify(v.spec)} ${g.key}`,
      w.answers.filter((a) => g.surveys.includes(a.surveyId) && (g.age === null || a.age === g.age)),
    ),
  );
};

/**
 * The attacker: adds and subtracts up to three of the groups shown (their counts and distributions) and
 * looks for a result that is the counts of a real group of 1 … k−1 answers. Returns what it recovered.
 */
function recover(groups: Released[], k: number, answers: number): string | null {
  const combos: [number, Released][][] = [];
  for (let i = 0; i < groups.length; i++) {
    const a = groups[i] as Released;
    combos.push([[1, a]]);
    for (let j = i + 1; j < groups.length; j++) {
      const b = groups[j] as Released;
      for (const sb of [1, -1]) combos.push([[1, a]].concat([[sb, b]]) as [number, Released][]);
      combos.push([
        [-1, a],
        [1, b],
      ]);
      for (let l = j + 1; l < groups.length; l++) {
        const c = groups[l] as Released;
        for (const [sa, sb, sc] of [
          [1, 1, -1],
          [1, -1, 1],
          [-1, 1, 1],
          [1, -1, -1],
          [-1, 1, -1],
          [-1, -1, 1],
          [1, 1, 1],
        ] as const)
          combos.push([
            [sa, a],
            [sb, b],
            [sc, c],
          ]);
      }
    }
  }
  const m = new Int8Array(answers);
  for (const combo of combos) {
    m.fill(0);
    for (const [sign, g] of combo) for (const id of g.ids) m[id] = (m[id] as number) + sign;
    let size = 0;
    let set = true;
    for (const x of m) {
      if (x !== 0 && x !== 1) {
        set = false;
        break;
      }
      size += x;
    }
    if (set && size >= 1 && size < k) return `${combo.map(([s, g]) => `${s > 0 ? '+' : '−'} [${g.view}]`).join(' ')} = ${size} answer(s)`;
  }
  return null;
}

/** The property: from random data and 2 (or 3) random views, nothing of 1 … k−1 answers can be recovered. */
const noRecovery = (rule: Rule, views: number) =>
  fc.property(worldArb, fc.integer({ min: 3, max: 6 }), fc.array(viewArb, { minLength: views, maxLength: views }), (w, k, vs) => {
    const shown = vs.flatMap((v) => rule(w, k, v));
    const found = recover(shown, k, w.answers.length);
    if (found) throw new Error(`recovered ${found}`);
  });

/** Stronger, and what the blocks give: any two shown groups differ by nothing or by at least k answers. */
const differencesAreLarge = (rule: Rule) =>
  fc.property(worldArb, fc.integer({ min: 3, max: 6 }), viewArb, viewArb, (w, k, v1, v2) => {
    const shown = [...rule(w, k, v1), ...rule(w, k, v2)];
    for (const a of shown) {
      expect(a.ids.size).toBeGreaterThanOrEqual(k);
      for (const b of shown) {
        const left = [...a.ids].filter((id) => !b.ids.has(id)).length;
        if (left > 0 && left < k) throw new Error(`[${a.view}] − [${b.view}] leaves ${left}`);
      }
    }
  });

// ---------------------------------------------------------------------------------------------------------

/** Answers for examples: `n` answers of a survey in an age band, each rating every question `value`. */
const some = (surveyId: string, ageBand: AgeBand | null, n: number, value = 4): RatedAnswer[] =>
  Array.from({ length: n }, () => ({ surveyId, ageBand, ratings: Object.fromEntries(STANDARD_QUESTIONS.map((q) => [q, value])), extra: { x1: value } }));

const dims = (surveyId: string, over: Partial<SurveyDimensions> = {}): SurveyDimensions => ({
  surveyId,
  callId: 'c1',
  activities: ['Nattvandring'],
  areas: ['Navestad'],
  ...over,
});

describe('the smallest group', () => {
  it('is the funder’s setting, never below 3, and the default 5 when the setting is not a whole number', () => {
    expect(minGroupOf(5)).toBe(5);
    expect(minGroupOf(8)).toBe(8);
    expect(minGroupOf(3)).toBe(3);
    expect(minGroupOf(2)).toBe(3);
    expect(minGroupOf(0)).toBe(3);
    expect(minGroupOf(-4)).toBe(3);
    expect(minGroupOf(Number.NaN)).toBe(5);
    expect(minGroupOf(4.5)).toBe(5);
    expect(minGroupOf(null)).toBe(5);
  });

  it('never shows a group below 3, whatever k is asked for', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: -3, max: 2 }), viewArb, (w, k, v) => {
        for (const g of ours(w, k, v)) expect(g.ids.size).toBeGreaterThanOrEqual(3);
      }),
    );
    // A survey of two answers with k asked as 1 or 2 stays hidden.
    const cells = cellsOf(some('s', '13_15', 2));
    expect(surveyResults(cells, 's', 2).shown).toBe(false);
    expect(surveyResults(cells, 's', 1).shown).toBe(false);
    expect(surveyResults(cellsOf(some('s', '13_15', 3)), 's', 1)).toMatchObject({ shown: true, n: 3, minGroup: 3 });
  });
});

describe('one survey’s results', () => {
  it('are hidden while fewer than k have answered, without saying how many', () => {
    const r = surveyResults(cellsOf(some('s', '13_15', 3)), 's', 5);
    expect(r).toEqual({ minGroup: 5, shown: false, reason: 'too_few_answers' });
    expect(surveyResults([], 's', 5)).toEqual({ minGroup: 5, shown: false, reason: 'too_few_answers' });
  });

  it('show each question’s counts per value, how many rated it and the mean, extra questions too', () => {
    const answers: RatedAnswer[] = [
      ...some('s', '13_15', 2, 5),
      ...some('s', '16_18', 2, 2),
      { surveyId: 's', ageBand: null, ratings: { safe: 3 }, extra: {} },
      { surveyId: 'other', ageBand: '13_15', ratings: { safe: 1 }, extra: {} },
    ];
    const r = surveyResults(cellsOf(answers), 's', 5, ['x1', 'x2']);
    expect(r.shown).toBe(true);
    if (!r.shown) return;
    expect(r.n).toBe(5);
    expect(r.questions.map((q) => q.question)).toEqual([...STANDARD_QUESTIONS]);
    expect(r.questions[0]).toEqual({ question: 'safe', counts: [0, 2, 1, 0, 2], answered: 5, mean: 3.4 });
    expect(r.questions[1]).toEqual({ question: 'welcome', counts: [0, 2, 0, 0, 2], answered: 4, mean: 3.5 });
    expect(r.extra).toEqual([
      { question: 'x1', counts: [0, 2, 0, 0, 2], answered: 4, mean: 3.5 },
      { question: 'x2', counts: [0, 0, 0, 0, 0], answered: 0, mean: null },
    ]);
  });

  it('ignores values off the scale', () => {
    const cells = cellsOf([...some('s', '13_15', 5, 3), { surveyId: 's', ageBand: '13_15', ratings: { safe: 7, welcome: 0 }, extra: { x1: 2.5 } }]);
    const r = surveyResults(cells, 's', 5, ['x1']);
    expect(r.shown && r.n).toBe(6);
    expect(r.shown && r.questions[0]?.counts).toEqual([0, 0, 5, 0, 0]);
    expect(r.shown && r.extra[0]?.answered).toBe(5);
  });
});

describe('released blocks', () => {
  it('split a survey by age only when every age cell is empty or has at least k', () => {
    const even = releasedBlocks(cellsOf([...some('s', '13_15', 5), ...some('s', '16_18', 6)]), 5).get('s');
    expect(even).toMatchObject({ released: true, split: true });
    expect(even?.cells.map((c) => [c.age, c.n])).toEqual([
      ['13_15', 5],
      ['16_18', 6],
    ]);
    const uneven = releasedBlocks(cellsOf([...some('s', '13_15', 5), ...some('s', null, 1)]), 5).get('s');
    expect(uneven).toMatchObject({ released: true, split: false, cells: [] });
    expect(uneven?.whole?.n).toBe(6);
    const small = releasedBlocks(cellsOf(some('s', '13_15', 4)), 5).get('s');
    expect(small).toMatchObject({ released: false, split: false, whole: null, cells: [] });
  });
});

describe('views of a funder’s surveys', () => {
  const five = [...some('a', '13_15', 5), ...some('a', '16_18', 1)];

  it('hide an age view that would leave a small group outside it, saying why', () => {
    const cells = cellsOf(five);
    const all = surveyView(cells, [dims('a')], 5, { by: null, filters: {} });
    expect(all.groups).toMatchObject([{ key: 'all', shown: true, n: 6 }]);
    const young = surveyView(cells, [dims('a')], 5, { by: null, filters: { ageBand: '13_15' } });
    expect(young.groups).toMatchObject([{ key: 'all', shown: false, reason: 'age_band_too_small', leftOut: { ageBandTooSmall: 1, tooFewAnswers: 0 } }]);
    const byAge = surveyView(cells, [dims('a')], 5, { by: 'age_band', filters: {} });
    expect(byAge.groups.map((g) => g.key)).toEqual([...AGE_CELLS]);
    expect(byAge.groups.every((g) => !g.shown && g.reason === 'age_band_too_small')).toBe(true);
  });

  it('show age groups of a survey whose every age cell is big enough', () => {
    const cells = cellsOf([...some('a', '13_15', 5, 5), ...some('a', '16_18', 6, 2)]);
    const byAge = surveyView(cells, [dims('a')], 5, { by: 'age_band', filters: {} });
    expect(byAge.groups.filter((g) => g.shown).map((g) => [g.key, g.shown && g.n, g.shown && g.questions[0]?.mean])).toEqual([
      ['13_15', 5, 5],
      ['16_18', 6, 2],
    ]);
    // The empty cells are hidden as too few, the same as a cell of one would be: nothing says which is which.
    expect(byAge.groups.find((g) => g.key === 'under_13')).toMatchObject({ shown: false, reason: 'too_few_answers' });
  });

  it('leave out a survey with too few answers from every group, and say how many surveys were left out', () => {
    const cells = cellsOf([...some('a', '13_15', 10), ...some('b', '13_15', 3)]);
    const d = [dims('a'), dims('b', { activities: ['Nattvandring', 'Läxhjälp'] })];
    const byCall = surveyView(cells, d, 5, { by: 'call', filters: {} });
    expect(byCall.groups).toMatchObject([{ key: 'c1', shown: true, n: 10, surveys: 2, from: ['a'], leftOut: { tooFewAnswers: 1 } }]);
    const byActivity = surveyView(cells, d, 5, { by: 'activity', filters: {} });
    expect(byActivity.groups).toMatchObject([
      { key: 'Läxhjälp', shown: false, reason: 'too_few_answers', surveys: 1 },
      { key: 'Nattvandring', shown: true, n: 10, surveys: 2 },
    ]);
  });

  it('filter by call, activity type and area, and group a survey under each of its activities and areas', () => {
    const cells = cellsOf([...some('a', '13_15', 5, 5), ...some('b', '16_18', 7, 3), ...some('c', null, 6, 1)]);
    const d = [
      dims('a', { callId: 'c1', activities: ['Nattvandring', 'Läxhjälp'], areas: ['Navestad'] }),
      dims('b', { callId: 'c1', activities: ['Läxhjälp'], areas: ['Hageby', 'Navestad'] }),
      dims('c', { callId: 'c2', activities: ['Nattfotboll'], areas: ['Hageby'] }),
    ];
    const shown = (spec: ViewSpec) => surveyView(cells, d, 5, spec).groups.map((g) => [g.key, g.shown ? g.n : g.reason, g.shown ? g.questions[0]?.mean : null]);
    expect(shown({ by: 'area', filters: {} })).toEqual([
      ['Hageby', 13, 2.08],
      ['Navestad', 12, 3.83],
    ]);
    expect(shown({ by: 'activity', filters: { callId: 'c1' } })).toEqual([
      ['Läxhjälp', 12, 3.83],
      ['Nattvandring', 5, 5],
    ]);
    expect(shown({ by: 'call', filters: { area: 'Hageby', activity: 'Läxhjälp' } })).toEqual([['c1', 7, 3]]);
    expect(shown({ by: null, filters: { area: 'Vivalla' } })).toEqual([['all', 'too_few_answers', null]]);
  });

  it('list the same groups whatever the answers (a group’s presence says nothing)', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 3, max: 6 }), viewArb, (w, k, v) => {
        if (v.kind !== 'view') return;
        const withAnswers = surveyView(w.cells, w.dimensions, k, v.spec).groups.map((g) => [g.key, g.surveys]);
        const without = surveyView([], w.dimensions, k, v.spec).groups.map((g) => [g.key, g.surveys]);
        expect(withAnswers).toEqual(without);
      }),
    );
  });
});

describe('differencing views', () => {
  it('recovers a single answer from two views under the naive rule (any group of at least k)', () => {
    // Six answered; five of them are 13–15. Both groups are "big enough", and their difference is one person.
    const answers = [...some('a', '13_15', 5, 5), ...some('a', '16_18', 1, 1)].map((a, id) => ({
      ...a,
      id,
      age: (a.ageBand ?? 'not_stated') as AgeCell,
    }));
    const w: World = { answers, dimensions: [dims('a')], cells: cellsOf(answers) };
    const views: ViewArg[] = [
      { kind: 'survey', index: 0 },
      { kind: 'view', spec: { by: null, filters: { ageBand: '13_15' } } },
    ];
    const naiveShown = views.flatMap((v) => naive(w, 5, v));
    expect(recover(naiveShown, 5, answers.length)).toMatch(/= 1 answer/);
    // The 16–18 year old's ratings fall out of the difference of the two distributions.
    const whole = surveyResults(w.cells, 'a', 5);
    const naiveYoung = countsOf(
      answers.filter((a) => a.age === '13_15'),
      'safe',
    );
    expect(whole.shown && whole.questions[0]?.counts.map((c, i) => c - (naiveYoung[i] as number))).toEqual([1, 0, 0, 0, 0]);
    // Our rule shows the survey but not its 13–15 year olds.
    const oursShown = views.flatMap((v) => ours(w, 5, v));
    expect(oursShown).toHaveLength(1);
    expect(recover(oursShown, 5, answers.length)).toBeNull();
  });

  it('finds such leaks in random data under the naive rule, so the properties below mean something', () => {
    for (const views of [2, 3]) {
      const naiveRun = fc.check(noRecovery(naive, views), { numRuns: 1000, seed: 1312 });
      expect(naiveRun.failed).toBe(true);
    }
    expect(fc.check(differencesAreLarge(naive), { numRuns: 1000, seed: 1312 }).failed).toBe(true);
  });

  it('are tried on data where much is shown, not only on views that hide everything', () => {
    const samples = fc.sample(fc.tuple(worldArb, fc.integer({ min: 3, max: 6 }), viewArb, viewArb), { numRuns: 500, seed: 7 });
    const rich = samples.filter(([w, k, v1, v2]) => ours(w, k, v1).length + ours(w, k, v2).length >= 2).length;
    expect(rich / samples.length).toBeGreaterThan(0.25);
    // Age views show something too: surveys are split often enough.
    const age = samples.filter(([w, k, v]) => v.kind === 'view' && (v.spec.by === 'age_band' || v.spec.filters.ageBand) && ours(w, k, v).length > 0);
    expect(age.length / samples.length).toBeGreaterThan(0.03);
  });

  it('cannot recover a group of 1 … k−1 answers from two views', () => {
    fc.assert(noRecovery(ours, 2), { numRuns: 600 });
  });

  it('cannot recover a group of 1 … k−1 answers from three views', () => {
    fc.assert(noRecovery(ours, 3), { numRuns: 300 });
  });

  it('any two shown groups are the same answers or differ by at least k', () => {
    fc.assert(differencesAreLarge(ours), { numRuns: 600 });
  });
});

describe('open surveys', () => {
  it('release nothing: an open survey’s results are hidden, saying why, whatever its answers', () => {
    const cells = cellsOf(some('s', '13_15', 8));
    expect(surveyResults(cells, 's', 5, [], 'open')).toEqual({ minGroup: 5, shown: false, reason: 'survey_open' });
    expect(surveyResults(cells, 's', 5, [], 'closed')).toMatchObject({ shown: true, n: 8 });
    const open = { ...dims('s'), open: true };
    expect(surveyView(cells, [open], 5, { by: null, filters: {} }).groups).toMatchObject([
      { key: 'all', shown: false, reason: 'survey_open', from: [], leftOut: { surveyOpen: 1, tooFewAnswers: 0, ageBandTooSmall: 0 } },
    ]);
    // Beside a closed survey big enough, the open one is left out and counted as such.
    const both = cellsOf([...some('s', '13_15', 8), ...some('t', '16_18', 5)]);
    expect(surveyView(both, [open, dims('t')], 5, { by: null, filters: {} }).groups).toMatchObject([
      { shown: true, n: 5, from: ['t'], leftOut: { surveyOpen: 1, tooFewAnswers: 0 } },
    ]);
  });

  it('add nothing to any view: what is shown is the same whatever answers the open surveys have', () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 3, max: 6 }), viewArb, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (w, k, v, opens) => {
        if (v.kind !== 'view') return;
        const dimensions = w.dimensions.map((d, i) => ({ ...d, open: opens[i] ?? false }));
        const openIds = new Set(dimensions.filter((d) => d.open).map((d) => d.surveyId));
        const seen = (cells: Cell[]) =>
          surveyView(cells, dimensions, k, v.spec).groups.map((g) => (g.shown ? [g.key, g.n, g.questions, g.from] : [g.key, g.leftOut.surveyOpen]));
        for (const g of surveyView(w.cells, dimensions, k, v.spec).groups) expect(g.from.some((id) => openIds.has(id))).toBe(false);
        expect(seen(w.cells)).toEqual(seen(w.cells.filter((c) => !openIds.has(c.surveyId))));
      }),
      { numRuns: 300 },
    );
  });
});

describe('reopening a closed survey', () => {
  it('is allowed only while its results were never shown and would not be shown now', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.option(fc.integer({ min: -5, max: 60 }), { nil: null }), fc.boolean(), (answers, k, released) => {
        expect(releases(answers, k)).toBe(answers >= minGroupOf(k));
        // Once released, whatever the group is set to later: the shown counts must never change.
        expect(mayReopen({ released, answers }, k)).toBe(!released && answers < minGroupOf(k));
        if (released) expect(mayReopen({ released, answers }, k)).toBe(false);
      }),
    );
    expect(mayReopen({ released: false, answers: 4 }, 5)).toBe(true);
    expect(mayReopen({ released: true, answers: 4 }, 5)).toBe(false);
    expect(mayReopen({ released: false, answers: 3 }, 2)).toBe(false);
  });
});
