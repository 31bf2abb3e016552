// Asking a funder to approve an organisation as eligible for grants (bidragsberättigad) for a year, or
// sending what was asked for: the one place that checks the user acts for the organisation, checks the
// evidence, that its documents are the organisation's own (and shares them with the funder), locks the
// year's request, refuses one already decided, writes it, tells the funder's caseworkers as each chose
// and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { type BoardMember, type EligibilityEvidence, evidenceProblems, missingEvidence } from '../../domain/eligibility.ts';
import { normaliseGiro } from '../../domain/giro.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { grantFiles } from '../files/store.ts';
import { notify, recipientsOf } from '../notifications/notify.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';

export interface EligibilityRequest {
  funderId: string;
  year: number;
  statutesFileId: string | null;
  annualReportFileId: string | null;
  accountsFileId: string | null;
  board: BoardMember[];
  memberCount: number | null;
  payoutKind: 'bankgiro' | 'plusgiro' | null;
  payoutNumber: string | null;
}

/** Sends the organisation's request for the year; answers its id. */
export async function requestEligibility(
  ctx: AppContext,
  user: SignedInUser,
  organisationId: string,
  b: EligibilityRequest,
  options: CommandOptions = {},
): Promise<string> {
  if (!policy.actForOrganisation(user, organisationId)) throw new Problem(403, 'forbidden');
  const evidence: EligibilityEvidence = {
    statutesFile: b.statutesFileId,
    annualReportFile: b.annualReportFileId,
    accountsFile: b.accountsFileId,
    board: b.board,
    memberCount: b.memberCount,
    payoutKind: b.payoutKind,
    payoutNumber: b.payoutNumber?.trim() || null,
  };
  const problems = evidenceProblems(evidence);
  if (problems.length) throw rulesProblem(problems);
  const now = clockOf(options);
  const caseworkers = await recipientsOf(ctx, b.funderId, 'eligibility_requested', { actorId: user.userId });
  return scoped(ctx.db, scopeOf(user), async (tx) => {
    const fileIds = [b.statutesFileId, b.annualReportFileId, b.accountsFileId].filter((x): x is string => !!x);
    if (fileIds.length) {
      const owned = await tx.selectFrom('files').select('id').where('id', 'in', fileIds).where('organisation_id', '=', organisationId).execute();
      const field = {
        [b.statutesFileId ?? '']: 'statutesFileId',
        [b.annualReportFileId ?? '']: 'annualReportFileId',
        [b.accountsFileId ?? '']: 'accountsFileId',
      };
      const unknown = fileIds.filter((id) => !owned.some((o) => o.id === id));
      if (unknown.length)
        throw new Problem(
          422,
          'validation_failed',
          {},
          unknown.map((id) => ({ field: field[id], code: 'file_unknown' as const })),
        );
      await grantFiles(tx, fileIds, b.funderId);
    }
    const values = {
      statutes_file: b.statutesFileId,
      annual_report_file: b.annualReportFileId,
      accounts_file: b.accountsFileId,
      board: JSON.stringify(
        b.board.map((m) => ({
          name: m.name.trim(),
          role: m.role.trim(),
          ...(m.email?.trim() ? { email: m.email.trim().toLowerCase() } : {}),
          ...(m.signatory ? { signatory: true } : {}),
        })),
      ),
      member_count: b.memberCount,
      payout_kind: b.payoutKind,
      payout_number: b.payoutKind && evidence.payoutNumber ? normaliseGiro(b.payoutKind, evidence.payoutNumber) : null,
      status: 'submitted' as const,
      submitted_at: now,
    };
    const existing = await tx
      .selectFrom('eligibility_approvals')
      .select(['id', 'status'])
      .where('funder_id', '=', b.funderId)
      .where('organisation_id', '=', organisationId)
      .where('year', '=', b.year)
      .forUpdate()
      .executeTakeFirst();
    if (existing && (existing.status === 'approved' || existing.status === 'rejected')) throw new Problem(409, 'already_decided');
    const id = existing
      ? (await tx.updateTable('eligibility_approvals').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
      : (
          await tx
            .insertInto('eligibility_approvals')
            .values({ ...values, funder_id: b.funderId, organisation_id: organisationId, year: b.year })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    await audit(tx, actorOf(user), {
      action: existing ? 'eligibility.resubmitted' : 'eligibility.submitted',
      objectType: 'eligibility',
      objectId: id,
      funderId: b.funderId,
      organisationId,
      reason: auditReason(options),
      data: { year: b.year, missing: missingEvidence(evidence) },
    });
    const organisation = await tx.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow();
    await notify(
      ctx,
      tx,
      options,
      caseworkers,
      {
        event: 'eligibility_requested',
        funderId: b.funderId,
        objectId: id,
        link: `/funders/${b.funderId}/eligibility`,
        about: { organisationName: organisation.name },
      },
      now,
    );
    return id;
  });
}
