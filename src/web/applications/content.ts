// The application's content as the form holds it (text as typed, amounts in kronor as
// typed) and as the API stores it (öre, numbers, nulls), and which step each field is on.

import { contentProblems } from '../../domain/applications/rules.ts';
import type { AttachedFile, Contact, Partner } from '../../domain/applications/types.ts';
import { pages } from '../../domain/calls/questions.ts';
import type { CallRules, Exclusion, Question, TargetGroup } from '../../domain/calls/types.ts';
import { ZERO_ORE } from '../../domain/money.ts';
import type { FieldError } from '../api/client.ts';
import { amountInput, parseAmount } from '../calls/format.ts';
import { collect, localFieldError, ruleErrors } from '../components/validation.ts';
import type { ApplicationContent } from './api.ts';

/** The choice "a new kind of activity" in the activity type select. */
export const NEW_KIND = '__new';

export interface ActivityValues {
  kind: string;
  proposedType: string;
  description: string;
  targetGroups: string[];
  areas: string[];
  /** Areas as free text, for a call that names none. */
  areasText: string;
  from: string;
  to: string;
  expectedParticipants: string;
}

export interface Values {
  title: string;
  description: string;
  complement: string;
  focusAreas: string[];
  activities: ActivityValues[];
  budget: { label: string; amount: string }[];
  ownContribution: string;
  otherFunding: string;
  amountRequested: string;
  partners: Partner[];
  contacts: Contact[];
  declarations: Record<string, boolean>;
  answers: Record<string, string | string[]>;
  attachments: AttachedFile[];
}

export function emptyActivity(): ActivityValues {
  return { kind: '', proposedType: '', description: '', targetGroups: [], areas: [], areasText: '', from: '', to: '', expectedParticipants: '' };
}

export function fromContent(c: ApplicationContent, call: CallRules): Values {
  const answers: Values['answers'] = {};
  for (const [k, v] of Object.entries(c.answers)) {
    if (v === null || v === undefined) continue;
    answers[k] = Array.isArray(v) ? v : String(v);
  }
  return {
    title: c.title,
    description: c.description,
    complement: c.complement,
    focusAreas: [...c.focusAreas],
    activities: c.activities.map((a) => {
      const known = a.areas.filter((x) => call.targetAreas.includes(x));
      return {
        kind: a.typeKey ?? (a.proposedType !== null ? NEW_KIND : ''),
        proposedType: a.proposedType ?? '',
        description: a.description,
        targetGroups: [...a.targetGroups],
        areas: call.targetAreas.length ? known : [],
        areasText: call.targetAreas.length ? '' : a.areas.join(', '),
        from: a.from ?? '',
        to: a.to ?? '',
        expectedParticipants: a.expectedParticipants === null ? '' : String(a.expectedParticipants),
      };
    }),
    budget: c.budget.map((r) => ({ label: r.label, amount: amountInput(r.amount) })),
    ownContribution: amountInput(c.ownContribution),
    otherFunding: amountInput(c.otherFunding),
    amountRequested: amountInput(c.amountRequested),
    partners: c.partners.map((p) => ({ ...p })),
    contacts: c.contacts.map((p) => ({ ...p })),
    declarations: Object.fromEntries(call.exclusions.map((e) => [e, c.declarations[e] === true])),
    answers,
    attachments: c.attachments.map((a) => ({ ...a })),
  };
}

const money = (text: string | undefined) => parseAmount(text ?? '') ?? ZERO_ORE;

export function toContent(v: Values, call: CallRules): ApplicationContent {
  const answers: ApplicationContent['answers'] = {};
  for (const q of call.questions) {
    const a = v.answers?.[q.id];
    if (a === undefined) continue;
    if (Array.isArray(a)) answers[q.id] = a;
    else if (q.type === 'number')
      answers[q.id] = a.trim() === '' ? null : Number.isFinite(Number(a.trim().replace(',', '.'))) ? Number(a.trim().replace(',', '.')) : a;
    else answers[q.id] = a === '' ? null : a;
  }
  const declarations: ApplicationContent['declarations'] = {};
  for (const e of call.exclusions) if (v.declarations?.[e]) declarations[e as Exclusion] = true;
  return {
    title: v.title ?? '',
    description: v.description ?? '',
    complement: v.complement ?? '',
    focusAreas: (v.focusAreas ?? []).filter(Boolean),
    activities: (v.activities ?? []).map((a) => {
      const participants = (a.expectedParticipants ?? '').trim();
      return {
        typeKey: a.kind && a.kind !== NEW_KIND ? a.kind : null,
        proposedType: a.kind === NEW_KIND ? (a.proposedType ?? '') : null,
        description: a.description ?? '',
        targetGroups: (a.targetGroups ?? []).filter(Boolean) as TargetGroup[],
        areas: call.targetAreas.length
          ? (a.areas ?? []).filter(Boolean)
          : (a.areasText ?? '')
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
        from: a.from?.trim() || null,
        to: a.to?.trim() || null,
        expectedParticipants: /^\d+$/.test(participants) ? Number(participants) : null,
      };
    }),
    budget: (v.budget ?? []).map((r) => ({ label: r.label ?? '', amount: money(r.amount) })),
    ownContribution: money(v.ownContribution),
    otherFunding: money(v.otherFunding),
    amountRequested: money(v.amountRequested),
    partners: (v.partners ?? []).map((p) => ({ orgNumber: p.orgNumber ?? '', name: p.name ?? '', role: p.role ?? '' })),
    contacts: (v.contacts ?? []).map((p) => ({ name: p.name ?? '', email: p.email ?? '', phone: p.phone ?? '' })),
    declarations,
    answers,
    attachments: (v.attachments ?? []).map((a) => ({ ...a })),
  };
}

/** The form's steps: five fixed ones, then one per page of the call's own questions. */
export interface Step {
  number: number;
  key: 'assignment' | 'activities' | 'budget' | 'people' | 'attachments' | 'questions';
  questions: Question[];
}

export function stepsOf(call: CallRules): Step[] {
  const fixed: Step[] = (['assignment', 'activities', 'budget', 'people', 'attachments'] as const).map((key, i) => ({ number: i + 1, key, questions: [] }));
  return [...fixed, ...pages(call.questions).map((questions, i) => ({ number: 6 + i, key: 'questions' as const, questions }))];
}

/** The step a field (as the API names it: `activities.0.from`, `answers.reach`) is on. */
export function stepOfField(field: string, steps: Step[]): number {
  const head = field.split('.')[0];
  switch (head) {
    case 'title':
    case 'description':
    case 'complement':
    case 'focusAreas':
      return 1;
    case 'activities':
      return 2;
    case 'budget':
    case 'ownContribution':
    case 'otherFunding':
    case 'amountRequested':
      return 3;
    case 'partners':
    case 'contacts':
      return 4;
    case 'attachments':
    case 'declarations':
      return 5;
    case 'answers': {
      const id = field.split('.')[1];
      return steps.find((s) => s.questions.some((q) => q.id === id))?.number ?? 6;
    }
    default:
      return 1;
  }
}

/** Amounts that are not amounts, said on their field; the browser cannot save them as typed. */
function amountErrors(v: Values): FieldError[] {
  const bad = (text: string) => text.trim() !== '' && parseAmount(text) === null;
  const list: FieldError[] = [];
  v.budget.forEach((r, i) => {
    if (bad(r.amount)) list.push(localFieldError(`budget.${i}.amount`, 'form.notAnAmount'));
  });
  for (const name of ['ownContribution', 'otherFunding', 'amountRequested'] as const) if (bad(v[name])) list.push(localFieldError(name, 'form.notAnAmount'));
  v.activities.forEach((a, i) => {
    if (a.expectedParticipants.trim() && !/^\d+$/.test(a.expectedParticipants.trim()))
      list.push(localFieldError(`activities.${i}.expectedParticipants`, 'form.notAWholeNumber'));
  });
  return list;
}

/** Everything still missing or wrong, with the server's own rules and words. */
export function problemsOf(v: Values, call: CallRules): FieldError[] {
  return collect(amountErrors(v), ruleErrors(contentProblems(call, toContent(v, call))));
}

/** The fields in the order they appear, for the error summary. */
export function fieldOrder(v: Values, call: CallRules): string[] {
  return [
    'title',
    'description',
    'complement',
    'focusAreas',
    'activities',
    ...v.activities.flatMap((_, i) =>
      ['kind', 'typeKey', 'proposedType', 'description', 'targetGroups', 'areas', 'from', 'to', 'expectedParticipants'].map((x) => `activities.${i}.${x}`),
    ),
    'budget',
    ...v.budget.flatMap((_, i) => [`budget.${i}.label`, `budget.${i}.amount`]),
    'amountRequested',
    'ownContribution',
    'otherFunding',
    ...v.partners.flatMap((_, i) => [`partners.${i}.orgNumber`, `partners.${i}.name`, `partners.${i}.role`]),
    'contacts',
    ...v.contacts.flatMap((_, i) => [`contacts.${i}.name`, `contacts.${i}.email`, `contacts.${i}.phone`]),
    ...call.requiredAttachments.map((k) => `attachments.${k}`),
    ...call.exclusions.map((e) => `declarations.${e}`),
    ...call.questions.map((q) => `answers.${q.id}`),
  ];
}
