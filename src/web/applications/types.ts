// What the applications API answers (src/server/applications/schema.ts), as the web app reads it.
import type { QueryClient } from '@tanstack/react-query';
import type { ApplicationContent } from '../../domain/applications/types.ts';
import type { Outcome } from '../assessment/types.ts';
import { keys } from '../queryKeys.ts';

export type { ApplicationContent };

export interface CompletionRound {
  id: string;
  message: string;
  replyBy: string;
  askedAt: string;
  answer: string | null;
  answerFiles: { fileId: string; name: string }[];
  answeredAt: string | null;
}

export interface ApplicationView {
  id: string;
  callId: string;
  callTitle: string;
  funderId: string;
  funderName: string;
  organisationId: string;
  organisationName: string;
  status: 'draft' | 'submitted' | 'withdrawn' | string;
  version: number;
  content: ApplicationContent;
  caseNumber: string | null;
  submittedAt: string | null;
  updatedAt: string;
  updatedBy: string | null;
  withdrawnAt: string | null;
  decided: boolean;
  deadline: string | null;
  closesAt: string | null;
  access: 'applicant' | 'partner' | 'staff';
  completionRequests: CompletionRound[];
}

export interface CheckResult {
  ready: boolean;
  eligibility: { rule: string; ok: boolean; code: string; message: string }[];
  problems: { field: string; code: string; message: string }[];
}

export interface SubmitReceipt {
  id: string;
  caseNumber: string;
  submittedAt: string;
  receiptUrl: string;
}

export interface OrganisationApplication {
  id: string;
  callId: string;
  callTitle: string;
  funderName: string;
  organisationName: string;
  role: 'applicant' | 'partner';
  status: string;
  title: string;
  caseNumber: string | null;
  amountRequested: number;
  deadline: string | null;
  updatedAt: string;
  decision: { outcome: Outcome; amount: number } | null;
}

export interface InboxItem {
  id: string;
  caseNumber: string | null;
  status: string;
  awaitingCompletion: boolean;
  callId: string;
  callTitle: string;
  organisationId: string;
  organisationName: string;
  legalForm: string;
  title: string;
  amountRequested: number;
  areas: string[];
  focusAreas: string[];
  submittedAt: string | null;
  decision: { outcome: Outcome; amount: number } | null;
}

/** After a change to an application: its view and its history are read again. */
export const refreshApplication = (client: QueryClient, id: string) =>
  Promise.all([client.invalidateQueries({ queryKey: keys.application(id) }), client.invalidateQueries({ queryKey: keys.audit('application', id) })]);
