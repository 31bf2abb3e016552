// The call designer's form values (what people type: kronor, whole numbers as text, rows)
// and their translation to and from the API's CallRules (öre, numbers, plain lists).

import type { AgreementKind } from '../../../domain/agreements.ts';
import type { AttachmentKind, CallRules, Exclusion, Question, QuestionType, TargetGroup } from '../../../domain/calls/types.ts';
import { ZERO_ORE } from '../../../domain/money.ts';
import type { LegalForm } from '../../../domain/organisation.ts';
import type { FieldError } from '../../api/client.ts';
import { localFieldError } from '../../components/validation.ts';
import { amountInput, parseAmount } from '../format.ts';

export interface OptionValues {
  value: string;
  label: string;
}

export interface QuestionValues {
  id: string;
  page: string;
  type: QuestionType;
  label: string;
  help: string;
  required: boolean;
  maxWords: string;
  min: string;
  max: string;
  options: OptionValues[];
  showIfQuestion: string;
  showIfEquals: string;
}

export interface CriterionValues {
  id: string;
  label: string;
  description: string;
  weight: string;
}

export interface DesignerValues {
  title: string;
  summary: string;
  description: string;
  budgetLineId: string;
  amount: string;
  minAmount: string;
  maxAmount: string;
  eligibleForms: string[];
  exclusions: string[];
  requiresEligibilityApproval: boolean;
  focusAreas: { value: string }[];
  targetGroups: string[];
  targetAreas: { value: string }[];
  activityTypes: string[];
  opensOn: string;
  deadline: string;
  grantPeriodMonths: string;
  requiredAttachments: string[];
  criteria: CriterionValues[];
  followUp: { reportDueMonths: string; requireFinancialReport: boolean; requireParticipantSurvey: boolean; notes: string };
  questions: QuestionValues[];
  /** The agreement a grant leads to, and the other parties it names (rows, as typed). */
  agreementKind: AgreementKind;
  agreementPartners: { value: string }[];
  /** Why a published call is amended (only then). */
  reason: string;
}

export const CHOICE_TYPES: readonly QuestionType[] = ['single_choice', 'multiple_choice'];
export const TEXT_TYPES: readonly QuestionType[] = ['short_text', 'long_text'];

const shortId = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export function newQuestion(page = 1): QuestionValues {
  return {
    id: shortId('q'),
    page: String(page),
    type: 'short_text',
    label: '',
    help: '',
    required: true,
    maxWords: '',
    min: '',
    max: '',
    options: [],
    showIfQuestion: '',
    showIfEquals: '',
  };
}

/** An option value unique within its question, kept when the label changes (conditions refer to it). */
export function newOption(existing: readonly OptionValues[]): OptionValues {
  let n = existing.length + 1;
  while (existing.some((o) => o.value === `o${n}`)) n++;
  return { value: `o${n}`, label: '' };
}

export const newCriterion = (): CriterionValues => ({ id: shortId('c'), label: '', description: '', weight: '' });

/** The starting point of a new call: the common choices already made, nothing the designer must undo. */
export const NEW_CALL: DesignerValues = {
  title: '',
  summary: '',
  description: '',
  budgetLineId: '',
  amount: '',
  minAmount: '',
  maxAmount: '',
  eligibleForms: ['ideell_forening', 'studieforbund', 'trossamfund'],
  exclusions: ['religious_or_political', 'for_profit', 'already_completed'],
  requiresEligibilityApproval: false,
  focusAreas: [{ value: '' }],
  targetGroups: [],
  targetAreas: [],
  activityTypes: [],
  opensOn: '',
  deadline: '',
  grantPeriodMonths: '12',
  requiredAttachments: ['statutes', 'annual_report', 'budget'],
  criteria: [],
  followUp: { reportDueMonths: '2', requireFinancialReport: true, requireParticipantSurvey: true, notes: '' },
  questions: [],
  agreementKind: 'assignment',
  agreementPartners: [],
  reason: '',
};

const text = (n: number | undefined) => (n === undefined || n === null ? '' : String(n));

export function toValues(r: CallRules): DesignerValues {
  return {
    title: r.title,
    summary: r.summary,
    description: r.description,
    budgetLineId: r.budgetLineId ?? '',
    amount: amountInput(r.amount),
    minAmount: amountInput(r.minAmount),
    maxAmount: amountInput(r.maxAmount),
    eligibleForms: [...r.eligibleForms],
    exclusions: [...r.exclusions],
    requiresEligibilityApproval: r.requiresEligibilityApproval,
    focusAreas: r.focusAreas.map((value) => ({ value })),
    targetGroups: [...r.targetGroups],
    targetAreas: r.targetAreas.map((value) => ({ value })),
    activityTypes: [...r.activityTypes],
    opensOn: r.opensOn ?? '',
    deadline: r.deadline ?? '',
    grantPeriodMonths: String(r.grantPeriodMonths),
    requiredAttachments: [...r.requiredAttachments],
    criteria: r.criteria.map((c) => ({ id: c.id, label: c.label, description: c.description ?? '', weight: String(c.weight) })),
    followUp: {
      reportDueMonths: String(r.followUp.reportDueMonths),
      requireFinancialReport: r.followUp.requireFinancialReport,
      requireParticipantSurvey: r.followUp.requireParticipantSurvey,
      notes: r.followUp.notes ?? '',
    },
    questions: r.questions.map((q) => ({
      id: q.id,
      page: String(q.page),
      type: q.type,
      label: q.label,
      help: q.help ?? '',
      required: q.required,
      maxWords: text(q.maxWords),
      min: text(q.min),
      max: text(q.max),
      options: (q.options ?? []).map((o) => ({ ...o })),
      showIfQuestion: q.showIf?.questionId ?? '',
      showIfEquals: q.showIf?.equals ?? '',
    })),
    // No agreement in the rules is an assignment (uppdrag) naming only the funder and the association.
    agreementKind: r.agreement?.kind ?? 'assignment',
    agreementPartners: (r.agreement?.partners ?? []).map((value) => ({ value })),
    reason: '',
  };
}

/** A checkbox group's value: react-hook-form gives a lone checkbox as a boolean or a string. */
const list = <T extends string>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : typeof v === 'string' && v ? [v as T] : []);

/** Turns what was typed into CallRules, with an error on every field that is not a number or an amount. */
export function toRules(v: DesignerValues): { rules: CallRules; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const money = (field: 'amount' | 'minAmount' | 'maxAmount') => {
    if (!v[field].trim()) return ZERO_ORE;
    const ore = parseAmount(v[field]);
    if (ore === null) problems.push(localFieldError(field, 'form.notAnAmount'));
    return ore ?? ZERO_ORE;
  };
  const whole = (field: string, value: string, fallback: number) => {
    if (!value.trim()) return fallback;
    if (!/^\d+$/.test(value.trim())) {
      problems.push(localFieldError(field, 'form.notAWholeNumber'));
      return fallback;
    }
    return Number(value.trim());
  };
  const optionalNumber = (field: string, value: string, integer: boolean) => {
    if (!value.trim()) return undefined;
    const n = Number(value.trim().replace(',', '.'));
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      problems.push(localFieldError(field, integer ? 'form.notAWholeNumber' : 'form.notANumber'));
      return undefined;
    }
    return n;
  };
  const rows = (r: { value: string }[]) => r.map((x) => x.value.trim()).filter(Boolean);

  const questions: Question[] = v.questions.map((q, i) => {
    const f = `questions.${i}`;
    const question: Question = { id: q.id, page: whole(`${f}.page`, q.page, 1), type: q.type, label: q.label.trim(), required: !!q.required };
    if (q.help.trim()) question.help = q.help.trim();
    if (TEXT_TYPES.includes(q.type)) {
      const maxWords = optionalNumber(`${f}.maxWords`, q.maxWords, true);
      if (maxWords !== undefined) question.maxWords = maxWords;
    }
    if (q.type === 'number') {
      const min = optionalNumber(`${f}.min`, q.min, false);
      const max = optionalNumber(`${f}.max`, q.max, false);
      if (min !== undefined) question.min = min;
      if (max !== undefined) question.max = max;
    }
    if (CHOICE_TYPES.includes(q.type)) question.options = q.options.filter((o) => o.label.trim()).map((o) => ({ value: o.value, label: o.label.trim() }));
    if (q.showIfQuestion && q.showIfEquals) question.showIf = { questionId: q.showIfQuestion, equals: q.showIfEquals };
    else if (q.showIfQuestion) problems.push(localFieldError(`${f}.showIf`, 'designer.questions.chooseAnswer'));
    return question;
  });

  const rules: CallRules = {
    title: v.title.trim(),
    summary: v.summary.trim(),
    description: v.description.trim(),
    budgetLineId: v.budgetLineId || null,
    amount: money('amount'),
    minAmount: money('minAmount'),
    maxAmount: money('maxAmount'),
    focusAreas: rows(v.focusAreas),
    eligibleForms: list<LegalForm>(v.eligibleForms),
    exclusions: list<Exclusion>(v.exclusions),
    targetGroups: list<TargetGroup>(v.targetGroups),
    targetAreas: rows(v.targetAreas),
    opensOn: v.opensOn || null,
    deadline: v.deadline || null,
    grantPeriodMonths: whole('grantPeriodMonths', v.grantPeriodMonths, 0),
    requiredAttachments: list<AttachmentKind>(v.requiredAttachments),
    requiresEligibilityApproval: !!v.requiresEligibilityApproval,
    criteria: v.criteria.map((c, i) => ({
      id: c.id,
      label: c.label.trim(),
      ...(c.description.trim() ? { description: c.description.trim() } : {}),
      weight: whole(`criteria.${i}.weight`, c.weight, 0),
    })),
    followUp: {
      reportDueMonths: whole('followUp.reportDueMonths', v.followUp.reportDueMonths, 0),
      requireFinancialReport: !!v.followUp.requireFinancialReport,
      requireParticipantSurvey: !!v.followUp.requireParticipantSurvey,
      ...(v.followUp.notes.trim() ? { notes: v.followUp.notes.trim() } : {}),
    },
    questions,
    activityTypes: list<string>(v.activityTypes),
  };
  const partners = rows(v.agreementPartners);
  // The default (an assignment, no other parties) is left out, so a call that never chose one is unchanged.
  if (v.agreementKind === 'iop' || partners.length) rules.agreement = { kind: v.agreementKind === 'iop' ? 'iop' : 'assignment', partners };
  return { rules, problems };
}

/** Every field of the form in the order it shows, rows included, for the error summary. */
export function fieldNames(v: DesignerValues): string[] {
  return [
    'title',
    'summary',
    'description',
    'budgetLineId',
    'amount',
    'minAmount',
    'maxAmount',
    'eligibleForms',
    'exclusions',
    'focusAreas',
    ...v.focusAreas.map((_, i) => `focusAreas.${i}.value`),
    'targetGroups',
    'targetAreas',
    ...v.targetAreas.map((_, i) => `targetAreas.${i}.value`),
    'activityTypes',
    'opensOn',
    'deadline',
    'grantPeriodMonths',
    'requiredAttachments',
    'criteria',
    ...v.criteria.flatMap((_, i) => [`criteria.${i}.label`, `criteria.${i}.weight`, `criteria.${i}.description`]),
    'followUp.reportDueMonths',
    'followUp.notes',
    'questions',
    ...v.questions.flatMap((_, i) => ['type', 'label', 'help', 'page', 'maxWords', 'min', 'max', 'options', 'showIf'].map((part) => `questions.${i}.${part}`)),
    'agreementKind',
    'agreementPartners',
    ...v.agreementPartners.map((_, i) => `agreementPartners.${i}.value`),
    'reason',
  ];
}

/** The server's name for a field, as this form calls it. */
export function mapServerField(field: string): string {
  const f = field.replace(/^rules\./, '');
  if (/^(focusAreas|targetAreas)\.\d+$/.test(f)) return f.replace(/\.(\d+)$/, '');
  if (/^questions\.\d+\.options\./.test(f)) return f.replace(/\.options\..*$/, '.options');
  if (/^questions\.\d+\.(id|required)$/.test(f)) return f.replace(/\.(id|required)$/, '.label');
  if (/^questions\.\d+\.showIf\./.test(f)) return f.replace(/\.showIf\..*$/, '.showIf');
  if (/^criteria\.\d+\.id$/.test(f)) return f.replace(/\.id$/, '.label');
  if (f === 'agreement' || f === 'agreement.kind') return 'agreementKind';
  if (/^agreement\.partners\.\d+$/.test(f)) return f.replace(/^agreement\.partners\.(\d+)$/, 'agreementPartners.$1.value');
  if (f === 'agreement.partners') return 'agreementPartners';
  return f;
}
