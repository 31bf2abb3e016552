// A follow-up report's content as the form holds it (amounts in kronor and counts as typed) and as the
// API stores it (öre, numbers, nulls), and its problems: the domain's own rules and words, so the form
// says what the server would.
import {
  type ActivityHeld,
  AGE_BANDS,
  type AgeBand,
  GENDERS,
  type Gender,
  needsExplanation as needsExplanationOf,
  type ParticipantCounts,
  type ReportContent,
  type ReportKind,
  type ReportRuleContext,
  reportProblems,
  type SpendingRow,
} from '../../domain/follow-up/reports.ts';
import type { Ore } from '../../domain/money.ts';
import type { FieldError } from '../api/client.ts';
import { NEW_KIND } from '../applications/content.ts';
import { amountInput, parseAmount } from '../calls/format.ts';
import { collect, localFieldError, ruleErrors } from '../components/validation.ts';

export interface SpendingValues {
  label: string;
  /** What the plan said (öre), shown, never typed; null for a row outside the plan. */
  planned: number | null;
  spent: string;
  fromGrant: string;
  explanation: string;
}

export interface ActivityValues {
  kind: string;
  proposedType: string;
  area: string;
  from: string;
  to: string;
  frequency: string;
  occasions: string;
}

export type ParticipantValues = Record<AgeBand, Record<Gender, string>>;

export interface ReportValues {
  spending: SpendingValues[];
  activities: ActivityValues[];
  participants: ParticipantValues;
  worked: string;
  didNotWork: string;
  wouldChange: string;
  surveyComment: string;
  attachments: { fileId: string; name: string }[];
}

export function emptyActivity(): ActivityValues {
  return { kind: '', proposedType: '', area: '', from: '', to: '', frequency: '', occasions: '' };
}

export function emptySpendingRow(): SpendingValues {
  return { label: '', planned: null, spent: '', fromGrant: '', explanation: '' };
}

const countText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function fromContent(c: ReportContent): ReportValues {
  const participants = Object.fromEntries(
    AGE_BANDS.map((band) => [band, Object.fromEntries(GENDERS.map((g) => [g, countText(c.participants[band]?.[g])]))]),
  ) as ParticipantValues;
  return {
    spending: c.spending.map((r) => ({
      label: r.label,
      planned: r.planned,
      spent: r.spent === null ? '' : amountInput(r.spent) || '0',
      fromGrant: r.fromGrant === null ? '' : amountInput(r.fromGrant) || '0',
      explanation: r.explanation,
    })),
    activities: c.activities.map((a) => ({
      kind: a.typeKey ?? (a.proposedType !== null ? NEW_KIND : ''),
      proposedType: a.proposedType ?? '',
      area: a.area,
      from: a.from ?? '',
      to: a.to ?? '',
      frequency: a.frequency,
      occasions: countText(a.occasions),
    })),
    participants,
    worked: c.worked,
    didNotWork: c.didNotWork,
    wouldChange: c.wouldChange,
    surveyComment: c.surveyComment,
    attachments: c.attachments.map((a) => ({ ...a })),
  };
}

/** An amount as typed, in öre; nothing typed (or something that is no amount, said on its field) is null. */
const money = (text: string | undefined): Ore | null => (text?.trim() ? parseAmount(text) : null);

/** A count as typed: a whole number (negative ones too, for the rules to refuse on the field), else null. */
function count(text: string | undefined): number | null {
  const t = (text ?? '').trim().replace(/\s/g, '');
  return /^-?\d+$/.test(t) ? Number(t) : null;
}

export function toContent(v: ReportValues): ReportContent {
  const participants: ParticipantCounts = {};
  for (const band of AGE_BANDS) {
    const row: Partial<Record<Gender, number | null>> = {};
    for (const g of GENDERS) {
      const n = count(v.participants?.[band]?.[g]);
      if (n !== null) row[g] = n;
    }
    if (Object.keys(row).length) participants[band] = row;
  }
  return {
    spending: (v.spending ?? []).map(
      (r): SpendingRow => ({
        label: r.label ?? '',
        planned: r.planned === null || r.planned === undefined ? null : (r.planned as Ore),
        spent: money(r.spent),
        fromGrant: money(r.fromGrant),
        explanation: r.explanation ?? '',
      }),
    ),
    activities: (v.activities ?? []).map(
      (a): ActivityHeld => ({
        typeKey: a.kind && a.kind !== NEW_KIND ? a.kind : null,
        proposedType: a.kind === NEW_KIND ? (a.proposedType ?? '') : null,
        area: a.area ?? '',
        from: a.from?.trim() || null,
        to: a.to?.trim() || null,
        frequency: a.frequency ?? '',
        occasions: count(a.occasions),
      }),
    ),
    participants,
    worked: v.worked ?? '',
    didNotWork: v.didNotWork ?? '',
    wouldChange: v.wouldChange ?? '',
    surveyComment: v.surveyComment ?? '',
    attachments: (v.attachments ?? []).map((a) => ({ fileId: a.fileId, name: a.name })),
  };
}

/** Amounts and counts that are not amounts or counts, said on their field: they cannot be sent as typed. */
function typingErrors(v: ReportValues): FieldError[] {
  const list: FieldError[] = [];
  v.spending.forEach((r, i) => {
    for (const name of ['spent', 'fromGrant'] as const)
      if (r[name].trim() && parseAmount(r[name]) === null) list.push(localFieldError(`spending.${i}.${name}`, 'form.notAnAmount'));
  });
  v.activities.forEach((a, i) => {
    if (a.occasions.trim() && count(a.occasions) === null) list.push(localFieldError(`activities.${i}.occasions`, 'form.notAWholeNumber'));
  });
  for (const band of AGE_BANDS)
    for (const g of GENDERS) {
      const text = v.participants[band]?.[g] ?? '';
      if (text.trim() && count(text) === null) list.push(localFieldError(`participants.${band}.${g}`, 'form.notAWholeNumber'));
    }
  return list;
}

/** Everything still missing or wrong, with the server's own rules and words (the first per field). */
export function problemsOf(v: ReportValues, facts: ReportRuleContext): FieldError[] {
  return collect(typingErrors(v), ruleErrors(reportProblems(toContent(v), facts)));
}

/** A problem of something missing: said when the report is sent, not while it is being written. */
export const isMissing = (e: FieldError) => MISSING.has(e.code);
const MISSING = new Set(['required', 'report_explanation_needed', 'report_explanation_unplanned', 'report_dates_or_frequency']);

/** Whether a spending row as typed must be explained (the domain's rule), said beside the row before anyone sends it. */
export function needsExplanation(row: SpendingValues, deviationPercent: number, kind: ReportKind): boolean {
  return needsExplanationOf({ planned: row.planned === null ? null : (row.planned as Ore), spent: money(row.spent) }, deviationPercent, kind);
}

/** Whether less than planned has been spent on a planned row as typed. */
export function belowPlan(row: SpendingValues): boolean {
  const spent = money(row.spent);
  return row.planned !== null && spent !== null && spent < row.planned;
}

/** How far spending is from the plan, in whole percent of the plan (for the words beside the row); null when it cannot be said. */
export function deviation(row: SpendingValues): number | null {
  const spent = money(row.spent);
  if (row.planned === null || spent === null || row.planned === 0) return null;
  return Math.round((Math.abs(spent - row.planned) / row.planned) * 100);
}

/** The fields in the order they appear, for the error summary; a server's `activities.0.typeKey` is the form's `kind`. */
export function fieldOrder(v: ReportValues): string[] {
  return [
    'spending',
    ...v.spending.flatMap((_, i) => ['label', 'spent', 'fromGrant', 'explanation'].map((x) => `spending.${i}.${x}`)),
    'activities',
    ...v.activities.flatMap((_, i) => ['kind', 'proposedType', 'area', 'from', 'to', 'frequency', 'occasions'].map((x) => `activities.${i}.${x}`)),
    'participants',
    ...AGE_BANDS.flatMap((band) => GENDERS.map((g) => `participants.${band}.${g}`)),
    'worked',
    'didNotWork',
    'wouldChange',
    'surveyComment',
    'attachments',
  ];
}

/** A server's field name on the form's own. */
export const mapField = (field: string) => field.replace(/^activities\.(\d+)\.(typeKey|type)$/, 'activities.$1.kind');

/** The sums of the spending as typed (öre): spent in all, and of it from the grant. */
export function spendingSums(v: ReportValues): { spent: number; fromGrant: number } {
  let spent = 0;
  let fromGrant = 0;
  for (const r of v.spending) {
    spent += money(r.spent) ?? 0;
    fromGrant += money(r.fromGrant) ?? 0;
  }
  return { spent, fromGrant };
}

/** Participants in all, as typed. */
export function participantTotal(v: ReportValues): number {
  let n = 0;
  for (const band of AGE_BANDS) for (const g of GENDERS) n += Math.max(count(v.participants[band]?.[g]) ?? 0, 0);
  return n;
}
