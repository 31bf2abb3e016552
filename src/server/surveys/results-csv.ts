// The funder's survey summary as a CSV file: one row per group and question, hidden groups one row that
// says they are hidden and why, never a number for them. Activity types and areas are text the
// agreements' authors typed: every cell passes through the exports' formula-safe cells.
import type { AgeCell, Grouping } from '../../domain/surveys/anonymity.ts';
import type { StandardQuestion } from '../../domain/surveys/questions.ts';
import type { Lang } from '../../i18n/messages.ts';
import type { SheetTable } from '../exports.ts';
import type { FunderSurveySummary } from './results.ts';

type Texts = Record<Lang, string>;

export const QUESTION_LABELS: Record<StandardQuestion, Texts> = {
  safe: { sv: 'Kände sig trygg', en: 'Felt safe' },
  welcome: { sv: 'Kände sig välkommen', en: 'Felt welcome' },
  come_back: { sv: 'Vill komma tillbaka', en: 'Wants to come back' },
  learned: { sv: 'Lärde sig något', en: 'Learned something' },
  listened: { sv: 'En vuxen lyssnade', en: 'An adult listened' },
};

export const AGE_CELL_LABELS: Record<AgeCell, Texts> = {
  under_13: { sv: 'Under 13 år', en: 'Under 13' },
  '13_15': { sv: '13–15 år', en: '13–15' },
  '16_18': { sv: '16–18 år', en: '16–18' },
  '19_25': { sv: '19–25 år', en: '19–25' },
  over_25: { sv: 'Över 25 år', en: 'Over 25' },
  not_stated: { sv: 'Ålder ej angiven', en: 'Age not stated' },
};

const GROUPING_LABELS: Record<Grouping, Texts> = {
  call: { sv: 'Utlysning', en: 'Call' },
  activity: { sv: 'Aktivitet', en: 'Activity type' },
  area: { sv: 'Område', en: 'Area' },
  age_band: { sv: 'Åldersgrupp', en: 'Age band' },
};

const HEADERS: Record<Lang, string[]> = {
  sv: ['Gruppering', 'Grupp', 'Visas', 'Svar', 'Enkäter med', 'Enkäter utan', 'Fråga', 'Besvarad av', '1', '2', '3', '4', '5', 'Medelvärde'],
  en: ['Grouping', 'Group', 'Shown', 'Answers', 'Surveys included', 'Surveys left out', 'Question', 'Rated by', '1', '2', '3', '4', '5', 'Mean'],
};

const hidden = (reason: string | null, k: number, lang: Lang) =>
  reason === 'survey_open'
    ? lang === 'sv'
      ? 'Dold: resultaten visas när enkäterna har stängts'
      : 'Hidden: results are shown once the surveys are closed'
    : reason === 'age_band_too_small'
      ? lang === 'sv'
        ? `Dold: någon åldersgrupp i enkäterna har färre än ${k} svar`
        : `Hidden: an age band in the surveys has fewer than ${k} answers`
      : lang === 'sv'
        ? `Dold: färre än ${k} svar`
        : `Hidden: fewer than ${k} answers`;

export function summaryTable(summary: FunderSurveySummary, lang: Lang): SheetTable {
  const grouping = GROUPING_LABELS[summary.by][lang];
  const rows: unknown[][] = [];
  for (const g of summary.groups) {
    const label = summary.by === 'age_band' ? (AGE_CELL_LABELS[g.key as AgeCell]?.[lang] ?? g.key) : g.key === 'all' ? '' : g.label;
    const leftOut = g.leftOut.surveyOpen + g.leftOut.tooFewAnswers + g.leftOut.ageBandTooSmall;
    if (!g.shown) {
      rows.push([grouping, label, hidden(g.reason, summary.minGroup, lang), null, g.included, leftOut, null, null, null, null, null, null, null, null]);
      continue;
    }
    for (const q of g.questions) {
      rows.push([
        grouping,
        label,
        lang === 'sv' ? 'Ja' : 'Yes',
        g.n,
        g.included,
        leftOut,
        QUESTION_LABELS[q.question as StandardQuestion]?.[lang] ?? q.question,
        q.answered,
        ...q.counts,
        q.mean,
      ]);
    }
  }
  return { name: lang === 'sv' ? 'Enkätresultat' : 'Survey results', headers: HEADERS[lang], rows, columnWidth: 18 };
}
