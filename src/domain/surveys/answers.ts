// Reading what a participant sent and what an association asks: pure rules shared by the survey page
// (HTML form), its JSON twin and the management routes, so every way in checks the same things.
import type { RuleProblem } from '../calls/types.ts';
import { AGE_BANDS, type AgeBand } from '../follow-up/reports.ts';
import {
  type ExtraQuestion,
  FREE_TEXT_MAX,
  MAX_EXTRA_QUESTIONS,
  SCALE,
  type ScaleValue,
  STANDARD_QUESTIONS,
  type StandardQuestion,
  type SurveyAnswer,
} from './questions.ts';

/** What the form or the API sent, before it is checked: values may be strings (a form) or numbers (JSON). */
export interface RawAnswer {
  ageBand?: unknown;
  ratings?: Record<string, unknown>;
  extra?: Record<string, unknown>;
  freeText?: unknown;
}

/** The form's choice "I'd rather not say" for the age band; stored as no age band. */
export const AGE_NOT_SAID = 'not_said';

const isStandard = (key: string): key is StandardQuestion => (STANDARD_QUESTIONS as readonly string[]).includes(key);
const isAgeBand = (value: string): value is AgeBand => (AGE_BANDS as readonly string[]).includes(value);

/** A value on the scale, from a number or its digit as a form sends it; undefined for "not answered". */
function scaleValue(value: unknown): ScaleValue | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' && /^\d$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && (SCALE as readonly number[]).includes(n) ? (n as ScaleValue) : null;
}

/**
 * Free text as it is kept: Unicode in one form, without control characters other than line breaks, without
 * the spaces around it; an empty text is no text. What the participant wrote is otherwise kept as written:
 * it is shown as text everywhere, never interpreted.
 */
export function cleanFreeText(value: string): string | null {
  const text = value
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n\t])\p{Cc}/gu, '')
    .trim();
  return text ? text : null;
}

/** The answer in the shape it is stored, and what is wrong with what was sent, by field. */
export function readAnswer(raw: RawAnswer, extraQuestions: readonly ExtraQuestion[]): { answer: SurveyAnswer; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  let ageBand: AgeBand | null = null;
  if (raw.ageBand !== undefined && raw.ageBand !== null && raw.ageBand !== '' && raw.ageBand !== AGE_NOT_SAID) {
    if (typeof raw.ageBand === 'string' && isAgeBand(raw.ageBand)) ageBand = raw.ageBand;
    else problems.push({ field: 'ageBand', code: 'invalid_choice' });
  }
  const ratings: Partial<Record<StandardQuestion, ScaleValue>> = {};
  for (const [key, value] of Object.entries(raw.ratings ?? {})) {
    if (!isStandard(key)) {
      problems.push({ field: `ratings.${key}`, code: 'unknown_field', params: { name: key } });
      continue;
    }
    const v = scaleValue(value);
    if (v === null) problems.push({ field: `ratings.${key}`, code: 'invalid_choice' });
    else if (v !== undefined) ratings[key] = v;
  }
  const extra: Record<string, ScaleValue> = {};
  const ids = new Set(extraQuestions.map((q) => q.id));
  for (const [key, value] of Object.entries(raw.extra ?? {})) {
    if (!ids.has(key)) {
      problems.push({ field: `extra.${key}`, code: 'unknown_field', params: { name: key } });
      continue;
    }
    const v = scaleValue(value);
    if (v === null) problems.push({ field: `extra.${key}`, code: 'invalid_choice' });
    else if (v !== undefined) extra[key] = v;
  }
  let freeText: string | null = null;
  if (raw.freeText !== undefined && raw.freeText !== null) {
    if (typeof raw.freeText !== 'string') problems.push({ field: 'freeText', code: 'invalid_value' });
    else {
      freeText = cleanFreeText(raw.freeText);
      if (freeText && [...freeText].length > FREE_TEXT_MAX) problems.push({ field: 'freeText', code: 'too_long', params: { limit: FREE_TEXT_MAX } });
    }
  }
  // An answer says something: a rating or a text. The age band alone says nothing about the activity.
  if (!problems.length && !Object.keys(ratings).length && !Object.keys(extra).length && !freeText) {
    problems.push({ field: `ratings.${STANDARD_QUESTIONS[0]}`, code: 'survey_empty' });
  }
  return { answer: { ageBand, ratings, extra, freeText }, problems };
}

/** The longest an extra question may be, in each language: a question, not a paragraph. */
export const EXTRA_QUESTION_MAX = 200;

export interface RawExtraQuestion {
  text: { sv?: unknown; en?: unknown; easy?: unknown };
}

/**
 * The association's own questions as they are kept: numbered x1…x3 in order (so a corrected wording keeps its
 * number), Swedish required, English and easy Swedish optional, none longer than a question.
 */
export function readExtraQuestions(raw: readonly RawExtraQuestion[]): { questions: ExtraQuestion[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  if (raw.length > MAX_EXTRA_QUESTIONS)
    return { questions: [], problems: [{ field: 'questions', code: 'survey_too_many_questions', params: { limit: MAX_EXTRA_QUESTIONS } }] };
  const questions = raw.map((q, i): ExtraQuestion => {
    const text: ExtraQuestion['text'] = { sv: '' };
    for (const lang of ['sv', 'en', 'easy'] as const) {
      const value = q.text?.[lang];
      const field = `questions.${i}.text.${lang}`;
      if (value !== undefined && value !== null && typeof value !== 'string') {
        problems.push({ field, code: 'invalid_value' });
        continue;
      }
      const clean =
        typeof value === 'string'
          ? value
              .normalize('NFC')
              .replace(/\p{Cc}/gu, ' ')
              .replace(/\s+/g, ' ')
              .trim()
          : '';
      if ([...clean].length > EXTRA_QUESTION_MAX) problems.push({ field, code: 'too_long', params: { limit: EXTRA_QUESTION_MAX } });
      if (lang === 'sv') {
        if (!clean) problems.push({ field, code: 'required' });
        text.sv = clean;
      } else if (clean) text[lang] = clean;
    }
    return { id: `x${i + 1}`, text };
  });
  return { questions, problems };
}
