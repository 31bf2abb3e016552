import { DECISION_OUTCOMES } from '../assessment/types.ts';
import type { Answers } from '../calls/questions.ts';
import type { AttachmentKind, Exclusion, Question, TargetGroup } from '../calls/types.ts';
import { type Ore, ZERO_ORE } from '../money.ts';

export interface PlannedActivity {
  /** A type from the catalogue, or null with proposedType naming a new kind. */
  typeKey: string | null;
  proposedType: string | null;
  description: string;
  targetGroups: TargetGroup[];
  areas: string[];
  from: string | null;
  to: string | null;
  expectedParticipants: number | null;
}

export interface BudgetRow {
  label: string;
  amount: Ore;
}

export interface Partner {
  orgNumber: string;
  name: string;
  role: string;
}

export interface Contact {
  name: string;
  email: string;
  phone: string;
}

export interface AttachedFile {
  kind: AttachmentKind;
  fileId: string;
  name: string;
}

/** What an applicant writes; saved as a draft as they type and frozen on submission. */
export interface ApplicationContent {
  title: string;
  /** What the assignment is. */
  description: string;
  /** How it complements the funder's own work. */
  complement: string;
  /** Which of the call's focus areas the assignment addresses. */
  focusAreas: string[];
  activities: PlannedActivity[];
  budget: BudgetRow[];
  ownContribution: Ore;
  otherFunding: Ore;
  amountRequested: Ore;
  partners: Partner[];
  contacts: Contact[];
  /** Each exclusion of the call, confirmed as not applying. */
  declarations: Partial<Record<Exclusion, boolean>>;
  answers: Answers;
  attachments: AttachedFile[];
}

export function emptyContent(): ApplicationContent {
  return {
    title: '',
    description: '',
    complement: '',
    focusAreas: [],
    activities: [],
    budget: [],
    ownContribution: ZERO_ORE,
    otherFunding: ZERO_ORE,
    amountRequested: ZERO_ORE,
    partners: [],
    contacts: [],
    declarations: {},
    answers: {},
    attachments: [],
  };
}

/** Where an application stands in the inbox: its own status, waiting for a completion, or the outcome of its current decision. */
export const INBOX_STATUSES = ['submitted', 'awaiting_completion', 'undecided', ...DECISION_OUTCOMES, 'withdrawn'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/**
 * Every document an application refers to, with the form field it belongs to: its attachments and
 * the answers to the call's file questions. Submitting shares exactly these with the funder.
 */
export function documentsOf(content: ApplicationContent, questions: readonly Question[]): { field: string; fileId: string }[] {
  const found = content.attachments.map((a) => ({ field: `attachments.${a.kind}`, fileId: a.fileId }));
  for (const q of questions) {
    const answer = content.answers[q.id];
    if (q.type === 'file' && typeof answer === 'string' && answer) found.push({ field: `answers.${q.id}`, fileId: answer });
  }
  return found;
}
