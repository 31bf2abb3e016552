// A follow-up report as the API shows it: the report with what the form needs beside it (what was
// granted and paid, the rules' problems with the current content, the completion rounds, the
// instalment that waits for it) and what the viewer may do with it.
import type { Tx } from '../../db/connection.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { canSubmit, isOverdue, reportProblems } from '../../domain/follow-up/reports.ts';
import { summary } from '../../domain/ledger.ts';
import { policy } from '../../domain/roles.ts';
import { presentRound } from '../applications/present.ts';
import { balancesOfApplication } from '../ledger/store.ts';
import type { SignedInUser } from '../plugins/session.ts';
import type { ReportAccess, ReportRow } from './access.ts';

async function nameOf(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const u = await tx.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
  return u?.name ?? null;
}

/** The instalments that approving an interim report makes due: those still waiting for it, in order. */
export const waitingInstalments = (tx: Tx, agreementId: string) =>
  tx
    .selectFrom('instalments')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('condition', '=', 'after_interim_report')
    .where('status', '=', 'planned')
    .orderBy('number');

/** The first of them, named on the report. */
const waitingInstalment = (tx: Tx, agreementId: string) => waitingInstalments(tx, agreementId).limit(1).executeTakeFirst();

export async function presentReport(tx: Tx, r: ReportRow, user: SignedInUser, access: ReportAccess, now: Date = new Date()) {
  const info = await tx
    .selectFrom('agreements as g')
    .innerJoin('applications as a', 'a.id', 'g.application_id')
    .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
    .innerJoin('funders as f', 'f.id', 'g.funder_id')
    .select(['g.number', 'g.amount', 'g.status as agreement_status', 'a.case_number', 'a.title', 'o.name as org_name', 'f.report_deviation_percent'])
    .where('g.id', '=', r.agreement_id)
    .executeTakeFirstOrThrow();
  const paid = summary(await balancesOfApplication(tx, r.application_id)).paid;
  const rounds = await tx.selectFrom('completion_requests').selectAll().where('report_id', '=', r.id).orderBy('created_at').execute();
  const waiting = r.kind === 'interim' && r.status !== 'approved' ? await waitingInstalment(tx, r.agreement_id) : undefined;
  const recovery = await tx.selectFrom('recoveries').select(['id', 'number']).where('report_id', '=', r.id).orderBy('created_at').limit(1).executeTakeFirst();
  const caseworker = access === 'staff' && policy.draftAgreement(user, r.funder_id);
  const reporter = access === 'organisation';
  const editable = canSubmit(r.status);
  return {
    id: r.id,
    agreementId: r.agreement_id,
    agreementNumber: info.number,
    applicationId: r.application_id,
    caseNumber: info.case_number ?? '',
    title: info.title,
    organisationId: r.organisation_id,
    organisationName: info.org_name,
    funderId: r.funder_id,
    kind: r.kind,
    status: r.status,
    dueOn: r.due_on,
    plannedDueOn: r.planned_due_on,
    dueMovedReason: r.due_moved_reason,
    overdue: isOverdue({ status: r.status, dueOn: r.due_on }, dateInStockholm(now)),
    content: r.content,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: await nameOf(tx, r.updated_by),
    submittedAt: r.submitted_at?.toISOString() ?? null,
    submittedBy: await nameOf(tx, r.submitted_by),
    approvedAt: r.approved_at?.toISOString() ?? null,
    approvedBy: await nameOf(tx, r.approved_by),
    granted: info.amount,
    paid,
    deviationPercent: info.report_deviation_percent,
    problems: reportProblems(r.content, { deviationPercent: info.report_deviation_percent, kind: r.kind, paid }),
    rounds: rounds.map(presentRound),
    releases: waiting ? { number: waiting.number, amount: waiting.amount } : null,
    recovery: recovery ? { id: recovery.id, number: recovery.number } : null,
    can: {
      edit: reporter && editable,
      submit: reporter && editable,
      approve: caseworker && r.status === 'submitted',
      requestCompletion: caseworker && r.status === 'submitted',
      moveDueDate: caseworker && r.status !== 'approved',
      startRecovery:
        access === 'staff' &&
        policy.decideRecovery(user, r.funder_id) &&
        r.kind === 'final' &&
        r.status !== 'approved' &&
        !recovery &&
        info.agreement_status === 'signed' &&
        paid > 0,
    },
  };
}
