import type { Tx } from '../../db/connection.ts';
import { shownStatus } from '../../domain/applications/status.ts';
import { callWindow } from '../../domain/calls/rules.ts';
import { isCurrent } from '../budget/guard.ts';
import { Problem } from '../problem.ts';
import type { ApplicationRow, Located } from './access.ts';
import type { CallInfo } from './check.ts';

/** A completion round as the API shows it. */
export function presentRound(r: {
  id: string;
  message: string;
  reply_by: string;
  created_at: Date;
  answer: string | null;
  answer_files: { fileId: string; name: string }[];
  answered_at: Date | null;
}) {
  return {
    id: r.id,
    message: r.message,
    replyBy: r.reply_by,
    askedAt: r.created_at.toISOString(),
    answer: r.answer,
    answerFiles: r.answer_files,
    answeredAt: r.answered_at?.toISOString() ?? null,
  };
}

/** The published call an application is to; a draft call's applications do not exist. */
export async function callInfo(tx: Tx, callId: string): Promise<CallInfo> {
  const row = await tx
    .selectFrom('calls')
    .innerJoin('funders', 'funders.id', 'calls.funder_id')
    .select(['calls.id', 'calls.funder_id', 'funders.name', 'funders.case_prefix', 'calls.title', 'calls.status', 'calls.rules'])
    .where('calls.id', '=', callId)
    .executeTakeFirst();
  if (row?.status !== 'published') throw new Problem(404, 'not_found');
  return { id: row.id, funderId: row.funder_id, funderName: row.name, casePrefix: row.case_prefix, title: row.title, status: row.status, rules: row.rules };
}

/** An application as the API shows it to the applicant, a co-applicant or the funder's staff. */
export async function view(tx: Tx, row: ApplicationRow, access: Located['access']) {
  const call = await callInfo(tx, row.call_id);
  const updatedBy = row.updated_by ? await tx.selectFrom('users').select('name').where('id', '=', row.updated_by).executeTakeFirst() : undefined;
  const rounds = await tx
    .selectFrom('completion_requests')
    .selectAll()
    .where('application_id', '=', row.id)
    .where('report_id', 'is', null)
    .orderBy('created_at')
    .execute();
  const decided = await tx.selectFrom('decisions').select('id').where('application_id', '=', row.id).limit(1).executeTakeFirst();
  // The current decision: a superseded one no longer says what was decided.
  const current = await tx
    .selectFrom('decisions as d')
    .select(['d.outcome', 'd.amount'])
    .where('d.application_id', '=', row.id)
    .where(isCurrent)
    .executeTakeFirst();
  const window = callWindow(call.rules);
  return {
    id: row.id,
    callId: row.call_id,
    callTitle: call.title,
    funderId: row.funder_id,
    funderName: call.funderName,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    status: row.status,
    shownStatus: shownStatus({ status: row.status, awaitingCompletion: rounds.some((r) => r.answered_at === null), outcome: current?.outcome ?? null }),
    decision: current ? { outcome: current.outcome, amount: current.amount } : null,
    version: row.version,
    // Staff read what was received; the applicant reads the latest.
    content: access === 'staff' && row.submitted_content ? row.submitted_content : row.content,
    caseNumber: row.case_number,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: updatedBy?.name ?? null,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    decided: Boolean(decided),
    deadline: call.rules.deadline,
    closesAt: window ? window.closesAt.toISOString() : null,
    access,
    completionRequests: rounds.map(presentRound),
  };
}
