import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import type { EligibilityApprovalsTable } from '../../db/schema.ts';
import { scoped, system } from '../../db/scope.ts';
import { approvalValidUntil, type EligibilityEvidence, evidenceProblems, missingEvidence } from '../../domain/eligibility.ts';
import { normaliseGiro } from '../../domain/giro.ts';
import { policy } from '../../domain/roles.ts';
import { EVIDENCE_LABELS, listOf } from '../../i18n/labels.ts';
import type { AppContext } from '../context.ts';
import { grantFiles } from '../files/store.ts';
import { queueMail } from '../mail/outbox.ts';
import { actorOf, requireUser, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { errorResponses, Nullable, Uuid } from '../schemas.ts';
import { organisationMembers } from './store.ts';

type Row = Selectable<EligibilityApprovalsTable>;

const Approval = Type.Object({
  id: Uuid,
  funderId: Uuid,
  funderName: Type.String(),
  organisationId: Uuid,
  organisationName: Type.String(),
  year: Type.Integer(),
  status: Type.Union([Type.Literal('submitted'), Type.Literal('needs_more'), Type.Literal('approved'), Type.Literal('rejected')]),
  statutesFile: Nullable(Uuid),
  annualReportFile: Nullable(Uuid),
  accountsFile: Nullable(Uuid),
  board: Type.Array(Type.Object({ name: Type.String(), role: Type.String() })),
  memberCount: Nullable(Type.Integer()),
  payoutKind: Nullable(Type.String()),
  payoutNumber: Nullable(Type.String()),
  missing: Type.Array(Type.String()),
  requestNote: Nullable(Type.String()),
  submittedAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  validUntil: Nullable(Type.String()),
});

const evidenceOf = (r: Row): EligibilityEvidence => ({
  statutesFile: r.statutes_file,
  annualReportFile: r.annual_report_file,
  accountsFile: r.accounts_file,
  board: r.board,
  memberCount: r.member_count,
  payoutKind: r.payout_kind,
  payoutNumber: r.payout_number,
});

function present(r: Row & { funderName: string; organisationName: string }) {
  return {
    id: r.id,
    funderId: r.funder_id,
    funderName: r.funderName,
    organisationId: r.organisation_id,
    organisationName: r.organisationName,
    year: r.year,
    status: r.status,
    statutesFile: r.statutes_file,
    annualReportFile: r.annual_report_file,
    accountsFile: r.accounts_file,
    board: r.board,
    memberCount: r.member_count,
    payoutKind: r.payout_kind,
    payoutNumber: r.payout_number,
    missing: missingEvidence(evidenceOf(r)),
    requestNote: r.request_note,
    submittedAt: r.submitted_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    validUntil: r.valid_until,
  };
}

function approvals(tx: Tx) {
  return tx
    .selectFrom('eligibility_approvals')
    .innerJoin('funders', 'funders.id', 'eligibility_approvals.funder_id')
    .innerJoin('organisations', 'organisations.id', 'eligibility_approvals.organisation_id')
    .selectAll('eligibility_approvals')
    .select(['funders.name as funderName', 'organisations.name as organisationName']);
}

export function eligibilityRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const OrgParams = Type.Object({ organisationId: Uuid });

  app.post(
    '/api/organisations/:organisationId/eligibility',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Apply to a funder to be approved as eligible for grants (bidragsberättigad) for a year, or send what was asked for',
        params: OrgParams,
        body: Type.Object(
          {
            funderId: Uuid,
            year: Type.Integer({ minimum: 2000, maximum: 2100 }),
            statutesFileId: Nullable(Uuid),
            annualReportFileId: Nullable(Uuid),
            accountsFileId: Nullable(Uuid),
            board: Type.Array(Type.Object({ name: Type.String({ maxLength: 200 }), role: Type.String({ maxLength: 100 }) }, { additionalProperties: false }), {
              maxItems: 30,
            }),
            memberCount: Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
            payoutKind: Nullable(Type.Union([Type.Literal('bankgiro'), Type.Literal('plusgiro')])),
            payoutNumber: Nullable(Type.String({ maxLength: 20 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Approval, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { organisationId } = request.params;
      if (!policy.actForOrganisation(user, organisationId)) throw new Problem(403, 'forbidden');
      const b = request.body;
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
          board: JSON.stringify(b.board.map((m) => ({ name: m.name.trim(), role: m.role.trim() }))),
          member_count: b.memberCount,
          payout_kind: b.payoutKind,
          payout_number: b.payoutKind && evidence.payoutNumber ? normaliseGiro(b.payoutKind, evidence.payoutNumber) : null,
          status: 'submitted' as const,
          submitted_at: new Date(),
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
          data: { year: b.year, missing: missingEvidence(evidence) },
        });
        return present(await approvals(tx).where('eligibility_approvals.id', '=', id).executeTakeFirstOrThrow());
      });
    },
  );

  app.get(
    '/api/organisations/:organisationId/eligibility',
    {
      schema: {
        tags: ['eligibility'],
        summary: "The organisation's eligibility approvals and requests, with what is missing",
        params: OrgParams,
        response: { 200: Type.Object({ approvals: Type.Array(Approval) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { organisationId } = request.params;
      if (!policy.actForOrganisation(user, organisationId)) throw new Problem(403, 'forbidden');
      const rows = await scoped(ctx.db, scopeOf(user), (tx) =>
        approvals(tx).where('eligibility_approvals.organisation_id', '=', organisationId).orderBy('eligibility_approvals.year', 'desc').execute(),
      );
      return { approvals: rows.map(present) };
    },
  );

  app.get(
    '/api/funders/:funderId/eligibility',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Eligibility requests to the funder, newest first (caseworkers)',
        params: Type.Object({ funderId: Uuid }),
        querystring: Type.Object({
          status: Type.Optional(Type.Union([Type.Literal('submitted'), Type.Literal('needs_more'), Type.Literal('approved'), Type.Literal('rejected')])),
        }),
        response: { 200: Type.Object({ approvals: Type.Array(Approval) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { funderId } = request.params;
      const { status } = request.query;
      if (!policy.readFunder(user, funderId)) throw new Problem(403, 'forbidden');
      const rows = await scoped(ctx.db, scopeOf(user, funderId), (tx) => {
        let q = approvals(tx).where('eligibility_approvals.funder_id', '=', funderId);
        if (status) q = q.where('eligibility_approvals.status', '=', status as Row['status']);
        return q.orderBy('eligibility_approvals.submitted_at', 'desc').execute();
      });
      return { approvals: rows.map(present) };
    },
  );

  app.post(
    '/api/eligibility/:id/decision',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Approve an organisation as eligible for the year, ask for more (with a note the applicant sees), or reject',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('approve'), Type.Literal('request_more'), Type.Literal('reject')]),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Approval, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { decision, note } = request.body;
      const found = await system(ctx.db, (tx) =>
        tx.selectFrom('eligibility_approvals').select(['funder_id', 'organisation_id']).where('id', '=', id).executeTakeFirst(),
      );
      if (!found || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
      const funderId = found.funder_id;
      if (!policy.reviewEligibility(user, funderId)) throw new Problem(403, 'forbidden');
      if (decision !== 'approve' && !note?.trim()) throw new Problem(400, 'validation_failed', {}, [{ field: 'note', code: 'required' }]);
      // Read before the transaction: on the embedded database a second transaction inside it would wait forever.
      const members = await organisationMembers(ctx, found.organisation_id);
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => decide(ctx, tx, user, id, funderId, decision, note?.trim() || null, members));
    },
  );
}

async function decide(
  ctx: AppContext,
  tx: Tx,
  user: SignedInUser,
  id: string,
  funderId: string,
  decision: 'approve' | 'request_more' | 'reject',
  note: string | null,
  members: { email: string; locale: string }[],
) {
  const current = await tx.selectFrom('eligibility_approvals').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  if (current.status === 'approved' || current.status === 'rejected') throw new Problem(409, 'already_decided');
  if (decision === 'approve') {
    const missing = missingEvidence(evidenceOf(current));
    if (missing.length) {
      const items = listOf(EVIDENCE_LABELS, missing);
      throw new Problem(422, 'evidence_missing', { items }, [{ field: 'decision', code: 'evidence_missing', params: { items } }]);
    }
  }
  const status = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'needs_more';
  await tx
    .updateTable('eligibility_approvals')
    .set({
      status,
      request_note: note,
      decided_at: decision === 'request_more' ? null : new Date(),
      decided_by: user.userId,
      valid_until: decision === 'approve' ? approvalValidUntil(current.year) : null,
    })
    .where('id', '=', id)
    .execute();
  const row = await approvals(tx).where('eligibility_approvals.id', '=', id).executeTakeFirstOrThrow();
  for (const m of members) {
    const sv = m.locale !== 'en';
    const what = sv
      ? { approved: 'har godkänts som bidragsberättigad', needs_more: 'behöver kompletteras', rejected: 'har inte godkänts' }[status]
      : { approved: 'has been approved as eligible for grants', needs_more: 'needs more information', rejected: 'has not been approved' }[status];
    await queueMail(ctx, tx, {
      to: m.email,
      funderId,
      subject: sv ? `${row.organisationName}: ansökan om bidragsberättigande ${what}` : `${row.organisationName}: the eligibility request ${what}`,
      text: sv
        ? `${row.funderName} har gått igenom ${row.organisationName}s ansökan om att vara bidragsberättigad ${row.year}: den ${what}.${note ? `\n\nMeddelande från handläggaren:\n${note}` : ''}\n\nSe detaljerna i Samverka: ${ctx.config.publicUrl}/organisations/${row.organisation_id}`
        : `${row.funderName} has reviewed ${row.organisationName}'s request to be eligible for grants in ${row.year}: it ${what}.${note ? `\n\nMessage from the caseworker:\n${note}` : ''}\n\nSee the details in Samverka: ${ctx.config.publicUrl}/organisations/${row.organisation_id}`,
    });
  }
  await audit(tx, actorOf(user), {
    action: `eligibility.${status}`,
    objectType: 'eligibility',
    objectId: id,
    funderId,
    organisationId: current.organisation_id,
    reason: note,
    data: { year: current.year, validUntil: row.valid_until },
  });
  return present(row);
}
