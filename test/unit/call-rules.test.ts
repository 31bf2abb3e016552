import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerProblems, isVisible, pages, visibleQuestions, wordCount } from '../../src/domain/calls/questions.ts';
import { draftProblems, mayApply, publishProblems } from '../../src/domain/calls/rules.ts';
import type { CallRules, Question } from '../../src/domain/calls/types.ts';
import { ore } from '../../src/domain/money.ts';

/** The Norrköping 2022 call as the seed text describes it. */
const norrkoping: CallRules = {
  title: 'Uppdragsbidrag till civilsamhället 2022',
  summary: 'Uppsökande verksamhet och stöd till våldsutsatta',
  description: '',
  budgetLineId: 'line-1',
  amount: ore(300_000_000),
  focusAreas: ['outreach', 'violence_support'],
  eligibleForms: ['ideell_forening', 'studieforbund', 'trossamfund', 'stiftelse'],
  exclusions: ['religious_or_political', 'for_profit', 'already_completed'],
  targetGroups: ['young_people'],
  targetAreas: [],
  opensOn: '2022-02-01',
  deadline: '2022-03-06',
  grantPeriodMonths: 12,
  minAmount: ore(5_000_000),
  maxAmount: ore(100_000_000),
  requiredAttachments: ['statutes', 'annual_report', 'budget'],
  requiresEligibilityApproval: false,
  criteria: [
    { id: 'need', label: 'Behov och målgrupp', weight: 40 },
    { id: 'complement', label: 'Kompletterar socialkontorets arbete', weight: 35 },
    { id: 'capacity', label: 'Genomförandeförmåga', weight: 25 },
  ],
  followUp: { reportDueMonths: 2, requireFinancialReport: true, requireParticipantSurvey: true },
  questions: [],
  activityTypes: [],
};

const fields = (ps: { field: string }[]) => ps.map((p) => p.field);

describe('call design rules', () => {
  it('accepts the Norrköping 2022 call as the seed describes it', () => {
    expect(publishProblems(norrkoping, { lineAvailable: ore(300_000_000) })).toEqual([]);
  });

  it('refuses a deadline before the opening date, on the deadline', () => {
    expect(draftProblems({ ...norrkoping, deadline: '2022-01-31' }, { lineAvailable: null })).toEqual([
      { field: 'deadline', code: 'deadline_before_opening', params: { opensOn: '2022-02-01' } },
    ]);
  });

  it('refuses a maximum below the minimum, on the maximum', () => {
    expect(fields(draftProblems({ ...norrkoping, minAmount: ore(200_000_00), maxAmount: ore(100_000_00) }, { lineAvailable: null }))).toEqual(['maxAmount']);
  });

  it('refuses a call larger than what is left on its budget line, naming what is left', () => {
    expect(draftProblems(norrkoping, { lineAvailable: ore(250_000_000) })).toEqual([
      { field: 'amount', code: 'amount_exceeds_budget_line', params: { available: 250_000_000 } },
    ]);
  });

  it('wants weights that sum to 100', () => {
    const call = {
      ...norrkoping,
      criteria: [
        { id: 'a', label: 'A', weight: 60 },
        { id: 'b', label: 'B', weight: 30 },
      ],
    };
    expect(draftProblems(call, { lineAvailable: null })).toEqual([{ field: 'criteria', code: 'weights_sum', params: { sum: 90 } }]);
  });

  it('names every part still missing before publication', () => {
    const empty: CallRules = {
      ...norrkoping,
      title: ' ',
      summary: '',
      budgetLineId: null,
      amount: ore(0),
      opensOn: null,
      deadline: null,
      maxAmount: ore(0),
      minAmount: ore(0),
      eligibleForms: [],
      focusAreas: [],
      criteria: [],
    };
    expect(fields(publishProblems(empty, { lineAvailable: null })).sort()).toEqual(
      ['amount', 'budgetLineId', 'criteria', 'deadline', 'eligibleForms', 'focusAreas', 'maxAmount', 'opensOn', 'summary', 'title'].sort(),
    );
  });
});

describe('who may apply', () => {
  const at = (iso: string) => new Date(iso);
  it('lets the eligible kinds of organisation apply while the call is open', () => {
    const r = mayApply(norrkoping, { legalForm: 'trossamfund', eligibleUntil: null }, at('2022-03-06T22:00:00Z'));
    expect(r.every((x) => x.ok)).toBe(true);
  });

  it('refuses a company and explains which rule failed', () => {
    const r = mayApply(norrkoping, { legalForm: 'aktiebolag', eligibleUntil: null }, at('2022-03-01T12:00:00Z'));
    expect(r.filter((x) => !x.ok).map((x) => x.rule)).toEqual(['legal_form']);
  });

  it('closes after the last minute of the deadline day', () => {
    const r = mayApply(norrkoping, { legalForm: 'ideell_forening', eligibleUntil: null }, at('2022-03-06T23:00:00Z'));
    expect(r.find((x) => x.rule === 'call_open')).toMatchObject({ ok: false, params: { phase: 'closed' } });
  });

  it('requires a current eligibility approval when the call asks for one', () => {
    const call = { ...norrkoping, requiresEligibilityApproval: true };
    const now = at('2022-03-01T12:00:00Z');
    expect(mayApply(call, { legalForm: 'ideell_forening', eligibleUntil: '2022-12-31' }, now).every((x) => x.ok)).toBe(true);
    expect(mayApply(call, { legalForm: 'ideell_forening', eligibleUntil: '2021-12-31' }, now).at(-1)).toMatchObject({
      rule: 'eligibility_approval',
      ok: false,
    });
    expect(mayApply(call, { legalForm: 'ideell_forening', eligibleUntil: null }, now).at(-1)?.ok).toBe(false);
  });
});

describe('custom questions', () => {
  const questions: Question[] = [
    {
      id: 'youth',
      page: 1,
      type: 'single_choice',
      label: 'Riktar sig insatsen till unga?',
      required: true,
      options: [
        { value: 'yes', label: 'Ja' },
        { value: 'no', label: 'Nej' },
      ],
    },
    { id: 'ages', page: 1, type: 'short_text', label: 'Vilka åldrar?', required: true, showIf: { questionId: 'youth', equals: 'yes' } },
    { id: 'plan', page: 2, type: 'long_text', label: 'Beskriv insatsen', required: true, maxWords: 5 },
    { id: 'count', page: 2, type: 'number', label: 'Antal deltagare', required: false, min: 1, max: 500 },
    { id: 'start', page: 2, type: 'date', label: 'Startdatum', required: false },
  ];

  it('shows a conditional question only when the earlier answer makes it relevant', () => {
    expect(isVisible(questions[1], questions, { youth: 'yes' })).toBe(true);
    expect(isVisible(questions[1], questions, { youth: 'no' })).toBe(false);
    expect(visibleQuestions(questions, {}).map((q) => q.id)).toEqual(['youth', 'plan', 'count', 'start']);
  });

  it('requires a hidden question never, and a shown one always', () => {
    const base = { plan: 'Läxhjälp varje tisdag' };
    expect(fields(answerProblems(questions, { ...base, youth: 'no' }))).toEqual([]);
    expect(fields(answerProblems(questions, { ...base, youth: 'yes' }))).toEqual(['answers.ages']);
  });

  it('checks word limits, number ranges, dates and choices on the answer’s field', () => {
    const ps = answerProblems(questions, { youth: 'maybe', plan: 'ett två tre fyra fem sex', count: 501, start: '2022-02-30' });
    expect(ps.map((p) => [p.field, p.code])).toEqual([
      ['answers.youth', 'invalid_choice'],
      ['answers.plan', 'too_many_words'],
      ['answers.count', 'number_above_max'],
      ['answers.start', 'invalid_date'],
    ]);
  });

  it('counts words however they are spaced', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zåäö]{1,8}$/), { maxLength: 40 }), (words) => {
        expect(wordCount(`  ${words.join(' \n\t ')}  `)).toBe(words.length);
      }),
    );
  });

  it('groups questions into pages in order', () => {
    expect(pages(questions).map((p) => p.map((q) => q.id))).toEqual([
      ['youth', 'ages'],
      ['plan', 'count', 'start'],
    ]);
  });

  it('refuses a question with no text, a choice with one option, and a condition on a later question', () => {
    const bad: Question[] = [
      { id: 'a', page: 1, type: 'short_text', label: '', required: false, showIf: { questionId: 'b', equals: 'x' } },
      { id: 'b', page: 1, type: 'single_choice', label: 'B', required: false, options: [{ value: 'x', label: 'X' }] },
    ];
    expect(draftProblems({ ...norrkoping, questions: bad }, { lineAvailable: null }).map((p) => [p.field, p.code])).toEqual([
      ['questions.0.label', 'question_text_missing'],
      ['questions.0.showIf', 'condition_on_later_question'],
      ['questions.1.options', 'choices_needed'],
    ]);
  });
});
