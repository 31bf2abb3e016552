// Recovery (återkrav): a reasoned decision to reclaim money that was paid and not used, not reported
// or misused, in part or in whole. Never more than was paid (the ledger refuses, naming what was).
// The letter says how and by when to pay back and how to appeal; it is kept as a document of the
// case, mailed to the association, and the amount owed is in the ledger, all in one transaction.
import { randomUUID } from 'node:crypto';
import { audit } from '../../db/audit.ts';
import type { RecoveryGrounds } from '../../db/schema.ts';
import { scoped } from '../../db/scope.ts';
import { recoveryLetterPdf } from '../../documents/recovery-letter.ts';
import { appealInfo } from '../../domain/assessment/decisions.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { summary } from '../../domain/ledger.ts';
import type { Ore } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import { locateAgreement, sha256 } from '../agreements/store.ts';
import { lockApplication } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { ledgerDims, postEvent } from '../ledger/store.ts';
import { mailsToMembers } from '../mail/outbox.ts';
import { nextNumber } from '../numbering.ts';
import { paymentSettings } from '../payments/store.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';

export interface RecoveryInput {
  amount: Ore;
  /** Why; 'unreported' when the recovery starts from a report and says nothing else. */
  grounds?: RecoveryGrounds;
  reasons: string;
  decidedOn: string;
  payBy: string;
  /** The final report, not approved, that the recovery starts from. */
  reportId?: string | null;
}

export const recoveryLetterName = (number: string) => `Aterkrav ${number.replace(/[^\w-]+/g, '-')}.pdf`;

export async function decideRecovery(ctx: AppContext, user: SignedInUser, agreementId: string, input: RecoveryInput, options: CommandOptions = {}) {
  const located = await locateAgreement(ctx, user, agreementId);
  if (located.access !== 'staff' || !policy.decideRecovery(user, located.funderId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  const today = dateInStockholm(now);
  if (!input.reasons.trim()) throw fieldProblem(422, 'reasons', 'required');
  if (!isCalendarDate(input.decidedOn)) throw fieldProblem(422, 'decidedOn', 'invalid_date');
  if (input.decidedOn > today) throw fieldProblem(422, 'decidedOn', 'date_in_future');
  if (!isCalendarDate(input.payBy)) throw fieldProblem(422, 'payBy', 'invalid_date');
  if (input.payBy < input.decidedOn) throw fieldProblem(422, 'payBy', 'recovery_pay_by_past');
  const reportId = input.reportId ?? null;
  const grounds: RecoveryGrounds | undefined = input.grounds ?? (reportId ? 'unreported' : undefined);
  if (!grounds) throw fieldProblem(422, 'grounds', 'required');
  const members = await organisationMembers(ctx, located.organisationId);
  return scoped(ctx.db, located.scope, async (tx) => {
    const app = await tx
      .selectFrom('applications')
      .select(['call_id', 'case_number', 'title'])
      .where('id', '=', located.applicationId)
      .executeTakeFirstOrThrow();
    await lockApplication(tx, app.call_id, located.applicationId);
    const a = await tx.selectFrom('agreements').selectAll().where('id', '=', agreementId).forUpdate().executeTakeFirstOrThrow();
    if (a.status !== 'signed') throw new Problem(409, 'agreement_not_signed');
    // A report is locked after its agreement, as approving one does (src/server/follow-up/approve-report.ts):
    // it cannot be approved while the recovery that starts from it is being decided.
    if (reportId) {
      const report = await tx
        .selectFrom('follow_up_reports')
        .select(['agreement_id', 'kind', 'status'])
        .where('id', '=', reportId)
        .forUpdate()
        .executeTakeFirst();
      if (!report || report.agreement_id !== a.id) throw fieldProblem(422, 'reportId', 'not_found');
      if (report.kind !== 'final') throw fieldProblem(422, 'reportId', 'recovery_report_not_final');
      if (report.status === 'approved') throw fieldProblem(422, 'reportId', 'recovery_report_approved');
    }
    const dims = await ledgerDims(tx, a.application_id);
    const number = await nextNumber(tx, a.funder_id, 'recovery', Number(today.slice(0, 4)));
    const recoveryId = randomUUID();
    const after = await postEvent(tx, dims, { kind: 'claim', amount: input.amount }, true, {
      source: 'recovery',
      sourceId: recoveryId,
      at: now,
      by: user.userId,
    });
    const totals = summary(after);
    const info = await tx
      .selectFrom('funders as f')
      .innerJoin('organisations as o', (j) => j.on('o.id', '=', a.organisation_id))
      .select(['f.name as funderName', 'f.kind', 'f.decision_body', 'o.name as organisationName', 'o.org_number'])
      .where('f.id', '=', a.funder_id)
      .executeTakeFirstOrThrow();
    const settings = await paymentSettings(tx, a.funder_id);
    const payTo =
      settings && settings.debtorAccount.kind !== 'iban'
        ? { kind: settings.debtorAccount.kind, number: settings.debtorAccount.number, reference: number }
        : { kind: 'bankgiro' as const, number: '', reference: number };
    const letter = await recoveryLetterPdf('sv', {
      number,
      funderName: info.funderName,
      decisionBody: info.decision_body,
      decidedOn: input.decidedOn,
      letterDate: today,
      decidedBy: user.name,
      organisationName: info.organisationName,
      orgNumber: info.org_number,
      caseNumber: app.case_number ?? '',
      agreementNumber: a.number,
      applicationTitle: app.title,
      granted: totals.granted,
      paid: totals.paid,
      amount: input.amount,
      grounds,
      reasons: input.reasons.trim(),
      payBy: input.payBy,
      payTo,
      appeal: appealInfo(info.kind, { decidedOn: input.decidedOn, announcedOn: input.decidedOn }, today),
    });
    const letterId = randomUUID();
    await tx
      .insertInto('files')
      .values({
        id: letterId,
        organisation_id: a.organisation_id,
        funder_id: a.funder_id,
        name: recoveryLetterName(number),
        content_type: 'application/pdf',
        size: letter.length,
        sha256: sha256(letter),
        data: letter,
        created_by: user.userId,
        created_at: now,
      })
      .execute();
    const row = await tx
      .insertInto('recoveries')
      .values({
        id: recoveryId,
        funder_id: a.funder_id,
        number,
        agreement_id: a.id,
        organisation_id: a.organisation_id,
        amount: input.amount,
        grounds,
        reasons: input.reasons.trim(),
        pay_by: input.payBy,
        decided_on: input.decidedOn,
        decided_by: user.userId,
        letter_file_id: letterId,
        report_id: reportId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const url = `${ctx.config.publicUrl}/agreements/${a.id}`;
    await mailFor(
      ctx,
      tx,
      options,
      mailsToMembers(
        members,
        a.funder_id,
        (lang) =>
          lang === 'en'
            ? {
                subject: `Decision on recovery ${number}`,
                text: `${info.funderName} has decided to reclaim part of the grant under the agreement ${a.number}. The decision, with the reasons, how and by when to pay back and how to appeal, is attached and in Samverka: ${url}\n\n— Samverka`,
              }
            : {
                subject: `Beslut om återkrav ${number}`,
                text: `${info.funderName} har beslutat att kräva tillbaka en del av bidraget enligt överenskommelsen ${a.number}. Beslutet, med skälen, hur och när pengarna ska betalas tillbaka och hur man överklagar, är bifogat och finns i Samverka: ${url}\n\n— Samverka`,
              },
        [{ fileId: letterId, name: recoveryLetterName(number) }],
      ),
    );
    await audit(tx, actorOf(user), {
      action: 'recovery.decided',
      objectType: 'agreement',
      objectId: a.id,
      funderId: a.funder_id,
      organisationId: a.organisation_id,
      reason: auditReason(options, input.reasons.trim()),
      data: { number, recoveryId, amount: input.amount, grounds, payBy: input.payBy, letterSha256: sha256(letter), ...(reportId ? { reportId } : {}) },
    });
    return row;
  });
}
