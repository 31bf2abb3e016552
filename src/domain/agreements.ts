// The agreement made from a decision: an assignment (uppdrag) or an idea-based public partnership
// (IOP), with what is to be done, the period, conditions, contacts and who does what. Drafted by the
// caseworker, signed by both parties, and after signing changed only by recorded amendments.
import type { RuleProblem, TargetGroup } from './calls/types.ts';
import { type CalendarDate, isCalendarDate } from './deadlines.ts';
import type { Ore } from './money.ts';

export const AGREEMENT_KINDS = ['assignment', 'iop'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** For each task of the matrix, what a party is: responsible, takes part, or is only informed. */
export const INVOLVEMENTS = ['responsible', 'takes_part', 'informed'] as const;
export type Involvement = (typeof INVOLVEMENTS)[number];

/** The parties the municipality's agreements name by default (DOMAIN.md seed 2): the association and its partners. */
export const DEFAULT_PARTIES = [
  { key: 'organisation', label: 'Föreningen' },
  { key: 'social_office', label: 'Socialkontoret' },
  { key: 'school', label: 'Skolan' },
  { key: 'police', label: 'Polisen' },
] as const;

export interface AgreementParty {
  /** A stable key ("organisation", "social_office", "partner_1" …). */
  key: string;
  label: string;
}

export interface ResponsibilityRow {
  task: string;
  /** Party key → involvement; a party not named has no part in the task. */
  roles: Record<string, Involvement>;
}

export interface AgreementContact {
  party: 'funder' | 'organisation';
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface AgreementContent {
  /** What is to be done. */
  description: string;
  /** Activities by the catalogue's labels (or the applicant's proposed ones). */
  activities: string[];
  areas: string[];
  targetGroups: TargetGroup[];
  expectedParticipants: number | null;
  periodFrom: CalendarDate;
  periodTo: CalendarDate;
  conditions: string;
  contacts: AgreementContact[];
  parties: AgreementParty[];
  responsibilities: ResponsibilityRow[];
  /** IOP: the association's own contribution, in öre (money or its valued work). */
  ownContribution: Ore | null;
  /** IOP: how the parties follow the partnership up together. */
  jointFollowUp: string;
}

const LIMITS = { text: 10_000, short: 200, rows: 50, parties: 12, list: 50 };

/** What is wrong with an agreement's content, by field, before it can be offered for signing. */
export function agreementProblems(kind: AgreementKind, c: AgreementContent): RuleProblem[] {
  const p: RuleProblem[] = [];
  if (!c.description.trim()) p.push({ field: 'description', code: 'required' });
  if (!isCalendarDate(c.periodFrom)) p.push({ field: 'periodFrom', code: 'invalid_date' });
  if (!isCalendarDate(c.periodTo)) p.push({ field: 'periodTo', code: 'invalid_date' });
  else if (isCalendarDate(c.periodFrom) && c.periodTo <= c.periodFrom) p.push({ field: 'periodTo', code: 'period_end_before_start' });
  if (c.expectedParticipants !== null && (!Number.isInteger(c.expectedParticipants) || c.expectedParticipants < 0)) {
    p.push({ field: 'expectedParticipants', code: 'invalid_value' });
  }
  const keys = new Set<string>();
  c.parties.forEach((party, i) => {
    if (!party.label.trim()) p.push({ field: `parties.${i}.label`, code: 'required' });
    if (keys.has(party.key)) p.push({ field: `parties.${i}.label`, code: 'duplicate_party' });
    keys.add(party.key);
  });
  if (!keys.has('organisation')) p.push({ field: 'parties', code: 'organisation_party_required' });
  if (c.responsibilities.length === 0) p.push({ field: 'responsibilities', code: 'required' });
  c.responsibilities.forEach((row, i) => {
    if (!row.task.trim()) p.push({ field: `responsibilities.${i}.task`, code: 'required' });
    for (const key of Object.keys(row.roles)) if (!keys.has(key)) p.push({ field: `responsibilities.${i}.roles`, code: 'invalid_value' });
    const responsible = Object.values(row.roles).filter((r) => r === 'responsible').length;
    if (responsible !== 1) p.push({ field: `responsibilities.${i}.roles`, code: 'one_responsible', params: { task: row.task } });
  });
  for (const side of ['funder', 'organisation'] as const) {
    if (!c.contacts.some((x) => x.party === side && x.name.trim()))
      p.push({ field: 'contacts', code: side === 'funder' ? 'funder_contact_required' : 'organisation_contact_required' });
  }
  c.contacts.forEach((x, i) => {
    if (!x.name.trim()) p.push({ field: `contacts.${i}.name`, code: 'required' });
    if (x.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(x.email.trim())) p.push({ field: `contacts.${i}.email`, code: 'invalid_email' });
  });
  if (kind === 'iop') {
    if (c.ownContribution === null) p.push({ field: 'ownContribution', code: 'required' });
    else if (!Number.isSafeInteger(c.ownContribution) || c.ownContribution < 0) p.push({ field: 'ownContribution', code: 'invalid_value' });
    if (!c.jointFollowUp.trim()) p.push({ field: 'jointFollowUp', code: 'required' });
  }
  if (c.responsibilities.length > LIMITS.rows) p.push({ field: 'responsibilities', code: 'too_many' });
  if (c.parties.length > LIMITS.parties) p.push({ field: 'parties', code: 'too_many' });
  return p;
}

/**
 * The content in one canonical form (keys sorted at every level), so its SHA-256 names exactly what
 * was signed, whatever order a client sent the fields in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The default matrix for a new agreement: the tasks every seed's collaboration names. */
export function defaultResponsibilities(parties: readonly AgreementParty[]): ResponsibilityRow[] {
  const has = (k: string) => parties.some((p) => p.key === k);
  const row = (task: string, roles: Record<string, Involvement>): ResponsibilityRow => ({
    task,
    roles: Object.fromEntries(Object.entries(roles).filter(([k]) => has(k))),
  });
  return [
    row('Genomföra aktiviteterna enligt uppdraget', { organisation: 'responsible', social_office: 'informed', school: 'informed', police: 'informed' }),
    row('Rekrytera och samordna volontärer', { organisation: 'responsible', social_office: 'informed' }),
    row('Lägesbild och samordning i området', { social_office: 'responsible', organisation: 'takes_part', police: 'takes_part', school: 'takes_part' }),
    row('Uppföljning och redovisning', { organisation: 'responsible', social_office: 'takes_part' }),
  ];
}
