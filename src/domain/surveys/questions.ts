// The participant survey: five questions every survey asks, on a five-point scale shown as smiley
// faces with words, the respondent's age band, one free-text answer, and up to three questions of the
// association's own on the same scale. Nothing else is asked, and nothing that identifies anyone.
import type { AgeBand } from '../follow-up/reports.ts';

export const STANDARD_QUESTIONS = ['safe', 'welcome', 'come_back', 'learned', 'listened'] as const;
export type StandardQuestion = (typeof STANDARD_QUESTIONS)[number];

/** 1 (not at all) … 5 (very much). */
export const SCALE = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof SCALE)[number];

/** The languages the survey page, its closed page and the poster speak: easy Swedish is lättläst. */
export const SURVEY_LANGUAGES = ['sv', 'en', 'easy'] as const;
export type SurveyLanguage = (typeof SURVEY_LANGUAGES)[number];

export const MAX_EXTRA_QUESTIONS = 3;
export const FREE_TEXT_MAX = 2000;

export interface ExtraQuestion {
  /** "x1", "x2", "x3": stable, so answers keep their question when the text is corrected. */
  id: string;
  /** The association's wording, in Swedish; English and easy Swedish optional (Swedish is shown instead). */
  text: { sv: string; en?: string; easy?: string };
}

export interface SurveyAnswer {
  ageBand: AgeBand | null;
  ratings: Partial<Record<StandardQuestion, ScaleValue>>;
  extra: Record<string, ScaleValue>;
  freeText: string | null;
}

/** What staff may see of a free-text answer: nothing until a caseworker has read it. */
export const FREE_TEXT_STATES = ['none', 'unread', 'read', 'masked'] as const;
export type FreeTextState = (typeof FREE_TEXT_STATES)[number];

/** The smallest group whose results may be shown: a funder setting, 5 unless set, never below 3. */
export const DEFAULT_MIN_GROUP = 5;
export const LOWEST_MIN_GROUP = 3;
