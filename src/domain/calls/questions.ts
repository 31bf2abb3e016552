import { isCalendarDate } from '../deadlines.ts';
import type { Question, RuleProblem } from './types.ts';

export type Answer = string | number | string[] | null | undefined;
export type Answers = Record<string, Answer>;

export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  return words.length;
}

/** A question shows when it has no condition, or its condition's question shows and is answered so. */
export function isVisible(q: Question, questions: readonly Question[], answers: Answers): boolean {
  if (!q.showIf) return true;
  const target = questions.find((x) => x.id === q.showIf?.questionId);
  if (!target || !isVisible(target, questions, answers)) return false;
  const a = answers[target.id];
  return Array.isArray(a) ? a.includes(q.showIf.equals) : a === q.showIf.equals;
}

export function visibleQuestions(questions: readonly Question[], answers: Answers): Question[] {
  return questions.filter((q) => isVisible(q, questions, answers));
}

const empty = (a: Answer) => a === undefined || a === null || a === '' || (Array.isArray(a) && a.length === 0);

/** Checks answers against the questions that show; hidden questions' answers are ignored. */
export function answerProblems(questions: readonly Question[], answers: Answers, prefix = 'answers'): RuleProblem[] {
  const p: RuleProblem[] = [];
  for (const q of visibleQuestions(questions, answers)) {
    const a = answers[q.id];
    const field = `${prefix}.${q.id}`;
    if (empty(a)) {
      if (q.required) p.push({ field, code: 'required' });
      continue;
    }
    switch (q.type) {
      case 'short_text':
      case 'long_text':
      case 'file':
        if (typeof a !== 'string') p.push({ field, code: 'invalid_value' });
        else if (q.maxWords && wordCount(a) > q.maxWords) p.push({ field, code: 'too_many_words', params: { limit: q.maxWords, count: wordCount(a) } });
        break;
      case 'number': {
        const n = typeof a === 'number' ? a : Number(a);
        if (typeof a === 'object' || !Number.isFinite(n)) p.push({ field, code: 'not_a_number' });
        else if (q.min !== undefined && n < q.min) p.push({ field, code: 'number_below_min', params: { limit: q.min } });
        else if (q.max !== undefined && n > q.max) p.push({ field, code: 'number_above_max', params: { limit: q.max } });
        break;
      }
      case 'date':
        if (typeof a !== 'string' || !isCalendarDate(a)) p.push({ field, code: 'invalid_date' });
        break;
      case 'single_choice':
        if (typeof a !== 'string' || !(q.options ?? []).some((o) => o.value === a)) p.push({ field, code: 'invalid_choice' });
        break;
      case 'multiple_choice':
        if (!Array.isArray(a) || a.some((v) => !(q.options ?? []).some((o) => o.value === v))) p.push({ field, code: 'invalid_choice' });
        break;
    }
  }
  return p;
}

/** Questions grouped by page, in page order, for long forms. */
export function pages(questions: readonly Question[]): Question[][] {
  const byPage = new Map<number, Question[]>();
  for (const q of questions) byPage.set(q.page, [...(byPage.get(q.page) ?? []), q]);
  return [...byPage.entries()].sort(([a], [b]) => a - b).map(([, qs]) => qs);
}
