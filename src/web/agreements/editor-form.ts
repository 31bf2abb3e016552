// The agreement editor's form values, and the way between them and the agreement's content: rows of
// text as objects (react-hook-form keeps arrays of objects), numbers and amounts as typed, parties
// with a stable form id so the matrix's columns survive a relabelling, and the domain's field paths
// moved onto the form's own fields.
import { agreementProblems, type AgreementContent as DomainContent } from '../../domain/agreements.ts';
import type { TargetGroup } from '../../domain/calls/types.ts';
import { isCalendarDate } from '../../domain/deadlines.ts';
import { type Ore, ore, splitLargestRemainder } from '../../domain/money.ts';
import { type InstalmentCondition, type ScheduleSpec, scheduleProblems } from '../../domain/payments/schedule.ts';
import type { FieldError } from '../api/client.ts';
import { amountInput, parseAmount } from '../calls/format.ts';
import { collect, localFieldError, ruleErrors } from '../components/validation.ts';
import type { Agreement, AgreementContact, AgreementContent, AgreementKind, AgreementSchedule, Involvement } from './api.ts';

export interface PartyRow {
  /** The form's own id of the party: `p_<key>` for a party the agreement has, `n_<n>` for one added here. */
  uid: string;
  /** The saved key; empty for a new party, whose key is made from its label when saved. */
  key: string;
  label: string;
}

export interface TaskRow {
  task: string;
  /** Party uid → involvement; '' is no part in the task. */
  roles: Record<string, Involvement | ''>;
}

export interface PartRow {
  percent: string;
  condition: InstalmentCondition;
  date: string;
}

export interface EditorValues {
  kind: AgreementKind;
  description: string;
  activities: { value: string }[];
  areas: { value: string }[];
  targetGroups: TargetGroup[];
  expectedParticipants: string;
  periodFrom: string;
  periodTo: string;
  conditions: string;
  contacts: AgreementContact[];
  parties: PartyRow[];
  responsibilities: TaskRow[];
  ownContribution: string;
  jointFollowUp: string;
  scheduleKind: AgreementSchedule['kind'];
  parts: PartRow[];
  reason: string;
}

export const ORGANISATION = 'organisation';
export const partyUid = (key: string) => `p_${key}`;

/** The form's values for an agreement as saved. */
export function valuesOf(a: Agreement): EditorValues {
  const c = a.content;
  return {
    kind: a.kind,
    description: c.description,
    activities: c.activities.map((value) => ({ value })),
    areas: c.areas.map((value) => ({ value })),
    targetGroups: [...c.targetGroups],
    expectedParticipants: c.expectedParticipants === null ? '' : String(c.expectedParticipants),
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    conditions: c.conditions,
    contacts: c.contacts.map((x) => ({ ...x })),
    parties: c.parties.map((p) => ({ uid: partyUid(p.key), key: p.key, label: p.label })),
    responsibilities: c.responsibilities.map((r) => ({
      task: r.task,
      roles: Object.fromEntries(c.parties.map((p) => [partyUid(p.key), r.roles[p.key] ?? ''])),
    })),
    ownContribution: c.ownContribution === null ? '' : amountInput(c.ownContribution) || '0',
    jointFollowUp: c.jointFollowUp,
    scheduleKind: a.schedule.kind,
    parts:
      a.schedule.kind === 'instalments'
        ? a.schedule.parts.map((p) => ({ percent: String(p.percent), condition: p.condition, date: p.date ?? '' }))
        : [
            { percent: '50', condition: 'on_signing', date: '' },
            { percent: '50', condition: 'after_interim_report', date: '' },
          ],
    reason: '',
  };
}

/**
 * A key for a party from its label: lower-case ASCII letters, digits and underscores ("Fritidsgården
 * Åby" → "fritidsgarden_aby"), at most 40 characters, and not one of `taken` (a number is added).
 */
export function partyKey(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/æ/g, 'ae')
      .replace(/[øœ]/g, 'o')
      .replace(/ł/g, 'l')
      .replace(/đ/g, 'd')
      .replace(/ı/g, 'i')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 36)
      .replace(/_+$/, '') || 'party';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** The parties with their keys: the saved ones keep theirs, new ones get one from their label. */
export function keyedParties(rows: readonly PartyRow[]): { uid: string; key: string; label: string }[] {
  const taken = new Set(rows.filter((r) => r.key).map((r) => r.key));
  return rows.map((r) => {
    if (r.key) return { uid: r.uid, key: r.key, label: r.label.trim() };
    const key = partyKey(r.label, taken);
    taken.add(key);
    return { uid: r.uid, key, label: r.label.trim() };
  });
}

/** A whole number as typed, or undefined when it is not one (empty is null). */
function wholeNumber(text: string): number | null | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return null;
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

const rowsOf = (rows: { value: string }[]) => rows.map((r) => r.value.trim()).filter(Boolean);

/** The content the form says, and what could not be read as typed (by the content's own field names). */
export function contentOf(v: EditorValues, kind: AgreementKind): { content: AgreementContent; unreadable: FieldError[] } {
  const unreadable: FieldError[] = [];
  const participants = wholeNumber(v.expectedParticipants);
  if (participants === undefined) unreadable.push(localFieldError('expectedParticipants', 'form.notAWholeNumber'));
  let own: Ore | null = null;
  if (kind === 'iop' && v.ownContribution.trim()) {
    own = parseAmount(v.ownContribution);
    if (own === null) unreadable.push(localFieldError('ownContribution', 'form.notAnAmount'));
  }
  const parties = keyedParties(v.parties);
  const content: AgreementContent = {
    description: v.description,
    activities: rowsOf(v.activities),
    areas: rowsOf(v.areas),
    targetGroups: v.targetGroups,
    expectedParticipants: participants ?? null,
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    conditions: v.conditions,
    contacts: v.contacts.map((x) => ({ party: x.party, name: x.name.trim(), role: x.role.trim(), email: x.email.trim(), phone: x.phone.trim() })),
    parties: parties.map((p) => ({ key: p.key, label: p.label })),
    responsibilities: v.responsibilities.map((r) => {
      const roles: Record<string, Involvement> = {};
      for (const p of parties) {
        const role = r.roles?.[p.uid];
        if (role) roles[p.key] = role;
      }
      return { task: r.task.trim(), roles };
    }),
    // Only an IOP has an own contribution and a joint follow-up; an assignment sends none.
    ownContribution: kind === 'iop' ? own : null,
    jointFollowUp: kind === 'iop' ? v.jointFollowUp : '',
  };
  return { content, unreadable };
}

/** The schedule the form says, and the percents that are not whole numbers (as `schedule.parts.N.percent`). */
export function scheduleOf(v: EditorValues): { schedule: AgreementSchedule; unreadable: FieldError[] } {
  if (v.scheduleKind !== 'instalments') return { schedule: { kind: v.scheduleKind }, unreadable: [] };
  const unreadable: FieldError[] = [];
  const parts = v.parts.map((p, i) => {
    const percent = wholeNumber(p.percent);
    if (percent === undefined) unreadable.push(localFieldError(`schedule.parts.${i}.percent`, 'form.notAWholeNumber'));
    return { percent: percent ?? 0, condition: p.condition, date: p.condition === 'on_date' ? p.date || null : null };
  });
  return { schedule: { kind: 'instalments', parts }, unreadable };
}

/** The same checks as the server's, before sending: the content's rules, and in a draft the schedule's. */
export function editorProblems(v: EditorValues, mode: 'draft' | 'amend', agreement: Agreement): FieldError[] {
  const kind = mode === 'draft' ? v.kind : agreement.kind;
  const { content, unreadable } = contentOf(v, kind);
  const lists: FieldError[][] = [unreadable, ruleErrors(agreementProblems(kind, content as DomainContent))];
  if (mode === 'draft') {
    const { schedule, unreadable: badPercents } = scheduleOf(v);
    // A percent left empty is the domain's own problem (not 1–100), not a typing one.
    lists.push(badPercents);
    const problems = scheduleProblems(schedule as ScheduleSpec, agreement.amount, { from: content.periodFrom, to: content.periodTo });
    // Before the period is a valid date range, "outside the period" would only confuse.
    const periodOk = isCalendarDate(content.periodFrom) && isCalendarDate(content.periodTo) && content.periodFrom < content.periodTo;
    lists.push(ruleErrors(periodOk ? problems : problems.filter((p) => p.code !== 'date_outside_period')));
  }
  if (mode === 'amend' && !v.reason.trim()) lists.push(ruleErrors([{ field: 'reason', code: 'required' }]));
  return collect(...lists);
}

/** The form's fields in the order they appear, for the error summary. */
export function fieldsOf(mode: 'draft' | 'amend') {
  return (v: EditorValues): string[] => [
    ...(mode === 'draft' ? ['kind'] : []),
    'description',
    ...v.activities.map((_, i) => `activities.${i}.value`),
    'activities',
    ...v.areas.map((_, i) => `areas.${i}.value`),
    'areas',
    'targetGroups',
    'expectedParticipants',
    'periodFrom',
    'periodTo',
    'conditions',
    'contacts',
    ...v.contacts.flatMap((_, i) => [`contacts.${i}.party`, `contacts.${i}.name`, `contacts.${i}.role`, `contacts.${i}.email`, `contacts.${i}.phone`]),
    'parties',
    ...v.parties.map((_, i) => `parties.${i}.label`),
    'responsibilities',
    ...v.responsibilities.flatMap((_, i) => [`responsibilities.${i}.task`, `responsibilities.${i}.roles`]),
    ...((mode === 'draft' ? v.kind : 'iop') === 'iop' ? ['ownContribution', 'jointFollowUp'] : []),
    ...(mode === 'draft' ? ['scheduleKind', 'parts', ...v.parts.flatMap((_, i) => [`parts.${i}.percent`, `parts.${i}.condition`, `parts.${i}.date`])] : []),
    ...(mode === 'amend' ? ['reason'] : []),
  ];
}

/**
 * The server's (and the domain's) field path as the form's field: `content.` goes, rows of text are
 * objects, and the schedule is split in its kind and its parts.
 */
export function formField(field: string): string {
  const f = field.replace(/^content\./, '');
  const text = /^(activities|areas)\.(\d+)$/.exec(f);
  if (text) return `${text[1]}.${text[2]}.value`;
  if (f === 'schedule' || f === 'schedule.kind') return 'scheduleKind';
  if (f.startsWith('schedule.parts')) return f.replace(/^schedule\./, '');
  // A problem inside a group (one target group, one role of a task) is shown on the group.
  const inGroup = /^(targetGroups|responsibilities\.\d+\.roles)\..*$/.exec(f);
  if (inGroup) return inGroup[1];
  return f;
}

/** What each part of an instalment plan pays of the total: as the server splits it once the percents make 100, else each percent's share. */
export function partAmounts(total: number, percents: readonly number[]): number[] {
  const valid = percents.every((p) => Number.isInteger(p) && p >= 0);
  if (valid && total > 0 && percents.reduce((a, b) => a + b, 0) === 100) return splitLargestRemainder(ore(total), percents);
  return percents.map((p) => (Number.isFinite(p) && p > 0 ? Math.floor((total * p) / 100) : 0));
}
