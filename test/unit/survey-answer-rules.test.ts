// What a participant sends and what an association asks, read by the same pure rules on the page and in the API.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../../src/domain/follow-up/reports.ts';
import { AGE_NOT_SAID, cleanFreeText, readAnswer, readExtraQuestions } from '../../src/domain/surveys/answers.ts';
import { type ExtraQuestion, FREE_TEXT_MAX, STANDARD_QUESTIONS } from '../../src/domain/surveys/questions.ts';

const EXTRA: ExtraQuestion[] = [
  { id: 'x1', text: { sv: 'Fick du vara med och bestämma?' } },
  { id: 'x2', text: { sv: 'Var maten god?', en: 'Was the food good?' } },
];

const scale = fc.integer({ min: 1, max: 5 });
const answer = fc.record({
  ageBand: fc.option(fc.constantFrom(...AGE_BANDS), { nil: null }),
  ratings: fc.dictionary(fc.constantFrom(...STANDARD_QUESTIONS), scale),
  extra: fc.dictionary(fc.constantFrom('x1', 'x2'), scale),
  freeText: fc.option(
    fc.string({ minLength: 1, maxLength: 300 }).map((s) => cleanFreeText(s)),
    { nil: null },
  ),
});

describe('a participant’s answer', () => {
  it('reads back any valid answer as it was, from JSON numbers or a form’s strings', () => {
    fc.assert(
      fc.property(answer, fc.boolean(), (a, asForm) => {
        const raw = asForm
          ? {
              ageBand: a.ageBand ?? AGE_NOT_SAID,
              ratings: Object.fromEntries(Object.entries(a.ratings).map(([k, v]) => [k, String(v)])),
              extra: Object.fromEntries(Object.entries(a.extra).map(([k, v]) => [k, String(v)])),
              freeText: a.freeText ?? '',
            }
          : a;
        const read = readAnswer(raw, EXTRA);
        const empty = !Object.keys(a.ratings).length && !Object.keys(a.extra).length && !a.freeText;
        if (empty) expect(read.problems).toEqual([{ field: 'ratings.safe', code: 'survey_empty' }]);
        else {
          expect(read.problems).toEqual([]);
          expect(read.answer).toEqual({ ...a, freeText: a.freeText ?? null });
        }
      }),
    );
  });

  it('refuses what is off the scale, unknown questions and age bands, each on its own field, and never throws', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            ageBand: fc.anything(),
            ratings: fc.dictionary(fc.string(), fc.anything()),
            extra: fc.dictionary(fc.string(), fc.anything()),
            freeText: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        (raw) => {
          const { problems } = readAnswer(raw as Parameters<typeof readAnswer>[0], EXTRA);
          for (const p of problems) expect(p.field).toMatch(/^(ageBand|freeText|ratings\..*|extra\..*)$/s);
        },
      ),
    );
    expect(readAnswer({ ratings: { safe: 6 } }, EXTRA).problems).toEqual([{ field: 'ratings.safe', code: 'invalid_choice' }]);
    expect(readAnswer({ ratings: { safe: '4.5' } }, EXTRA).problems).toEqual([{ field: 'ratings.safe', code: 'invalid_choice' }]);
    expect(readAnswer({ ratings: { mood: 3 } }, EXTRA).problems).toEqual([{ field: 'ratings.mood', code: 'unknown_field', params: { name: 'mood' } }]);
    expect(readAnswer({ extra: { x3: 3 } }, EXTRA).problems).toEqual([{ field: 'extra.x3', code: 'unknown_field', params: { name: 'x3' } }]);
    expect(readAnswer({ ageBand: '40_50', ratings: { safe: 3 } }, EXTRA).problems).toEqual([{ field: 'ageBand', code: 'invalid_choice' }]);
    expect(readAnswer({ ratings: { safe: 3 }, freeText: 'Å'.repeat(FREE_TEXT_MAX + 1) }, EXTRA).problems).toEqual([
      { field: 'freeText', code: 'too_long', params: { limit: FREE_TEXT_MAX } },
    ]);
  });

  it('keeps free text as written but for control characters and the spaces around it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const clean = cleanFreeText(s);
        if (clean === null) return;
        expect(clean).toBe(clean.trim());
        expect(clean).toBe(clean.normalize('NFC'));
        expect(/(?![\n\t])\p{Cc}/u.test(clean)).toBe(false);
      }),
    );
    expect(cleanFreeText('  <script>alert(1)</script>\r\n=HYPERLINK("x")\u0000 ')).toBe('<script>alert(1)</script>\n=HYPERLINK("x")');
    expect(cleanFreeText(' \n\t ')).toBeNull();
  });
});

describe('the association’s own questions', () => {
  it('are numbered x1… in order, need Swedish, and are at most three', () => {
    const { questions, problems } = readExtraQuestions([
      { text: { sv: '  Fick du   bestämma? ', en: 'Did you get a say?', easy: '' } },
      { text: { sv: 'Var maten god?' } },
    ]);
    expect(problems).toEqual([]);
    expect(questions).toEqual([
      { id: 'x1', text: { sv: 'Fick du bestämma?', en: 'Did you get a say?' } },
      { id: 'x2', text: { sv: 'Var maten god?' } },
    ]);
    expect(readExtraQuestions([{ text: { sv: '', en: 'Only English' } }]).problems).toEqual([{ field: 'questions.0.text.sv', code: 'required' }]);
    expect(readExtraQuestions(Array.from({ length: 4 }, () => ({ text: { sv: 'Fråga?' } }))).problems).toEqual([
      { field: 'questions', code: 'survey_too_many_questions', params: { limit: 3 } },
    ]);
    expect(readExtraQuestions([{ text: { sv: 'x'.repeat(201) } }]).problems).toEqual([
      { field: 'questions.0.text.sv', code: 'too_long', params: { limit: 200 } },
    ]);
  });
});
