// Opening an agreement's follow-up when it becomes signed, in the signing's transaction: its interim
// and final reports, due as the agreement's period and schedule and the call's follow-up rule say,
// their spending rows prefilled from the application's budget; and the participants' survey with its
// unguessable link, when the call asks for one.
import { randomBytes } from 'node:crypto';
import { type Actor, audit } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { emptyReport, plannedReports } from '../../domain/follow-up/reports.ts';
import type { AgreementRow } from '../agreements/store.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';

/** Months after the period that the final report is due when a call says nothing. */
export const DEFAULT_REPORT_DUE_MONTHS = 2;

export async function openFollowUp(tx: Tx, actor: Actor, a: AgreementRow, options: CommandOptions = {}) {
  const now = clockOf(options);
  const source = await tx
    .selectFrom('applications as ap')
    .innerJoin('calls as c', 'c.id', 'ap.call_id')
    .select(['ap.content', 'c.rules'])
    .where('ap.id', '=', a.application_id)
    .executeTakeFirstOrThrow();
  const followUp = source.rules.followUp;
  const planned = plannedReports({ from: a.content.periodFrom, to: a.content.periodTo }, a.schedule, followUp?.reportDueMonths ?? DEFAULT_REPORT_DUE_MONTHS);
  const content = JSON.stringify(emptyReport(source.content.budget ?? []));
  const reports = await tx
    .insertInto('follow_up_reports')
    .values(
      planned.map((r) => ({
        funder_id: a.funder_id,
        agreement_id: a.id,
        application_id: a.application_id,
        organisation_id: a.organisation_id,
        kind: r.kind,
        due_on: r.dueOn,
        planned_due_on: r.dueOn,
        content,
        updated_by: null,
        updated_at: now,
        submitted_by: null,
        submitted_at: null,
        approved_by: null,
        approved_at: null,
        due_moved_reason: null,
      })),
    )
    .returning(['id', 'kind', 'due_on'])
    .execute();
  const survey = followUp?.requireParticipantSurvey
    ? await tx
        .insertInto('surveys')
        .values({
          funder_id: a.funder_id,
          agreement_id: a.id,
          organisation_id: a.organisation_id,
          token: randomBytes(16).toString('base64url'),
          created_at: now,
          closed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    : null;
  await audit(tx, actor, {
    action: 'agreement.follow_up_opened',
    objectType: 'agreement',
    objectId: a.id,
    funderId: a.funder_id,
    organisationId: a.organisation_id,
    reason: auditReason(options),
    data: { number: a.number, reports: reports.map((r) => ({ id: r.id, kind: r.kind, dueOn: r.due_on })), surveyId: survey?.id ?? null },
  });
  return { reports, survey };
}
