import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped, system } from '../../db/scope.ts';
import { LEAD_TIME_FALLBACK_DAYS, LEAD_TIME_MIN_HISTORY, missingEvidence } from '../../domain/eligibility.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Nullable, Uuid } from '../schemas.ts';
import { decideEligibility } from './decide-eligibility.ts';
import { requestEligibility } from './request-eligibility.ts';
import { type ApprovalRow, approvals, evidenceOf, leadTimeOf } from './store.ts';

type Row = ApprovalRow;

const Approval = Type.Object({
  id: Uuid,
  funderId: Uuid,
  funderName: Type.String(),
  organisationId: Uuid,
  organisationName: Type.String(),
  organisationNumber: Type.String(),
  year: Type.Integer(),
  status: Type.Union([Type.Literal('submitted'), Type.Literal('needs_more'), Type.Literal('approved'), Type.Literal('rejected')]),
  statutesFile: Nullable(Uuid),
  annualReportFile: Nullable(Uuid),
  accountsFile: Nullable(Uuid),
  board: Type.Array(Type.Object({ name: Type.String(), role: Type.String(), email: Type.Optional(Type.String()), signatory: Type.Optional(Type.Boolean()) })),
  memberCount: Nullable(Type.Integer()),
  payoutKind: Nullable(Type.String()),
  payoutNumber: Nullable(Type.String()),
  missing: Type.Array(Type.String()),
  requestNote: Nullable(Type.String()),
  submittedAt: Type.String({ format: 'date-time' }),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  validUntil: Nullable(Type.String()),
});

function present(r: Row & { funderName: string; organisationName: string; organisationNumber: string }) {
  return {
    id: r.id,
    funderId: r.funder_id,
    funderName: r.funderName,
    organisationId: r.organisation_id,
    organisationName: r.organisationName,
    organisationNumber: r.organisationNumber,
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
            board: Type.Array(
              Type.Object(
                {
                  name: Type.String({ maxLength: 200 }),
                  role: Type.String({ maxLength: 100 }),
                  email: Type.Optional(Type.String({ maxLength: 254, description: "The e-mail of the member's Samverka account; needed for a signatory" })),
                  signatory: Type.Optional(Type.Boolean({ description: 'Signs for the association (firmatecknare): may sign agreements' })),
                },
                { additionalProperties: false },
              ),
              {
                maxItems: 30,
              },
            ),
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
      const id = await requestEligibility(ctx, user, organisationId, request.body);
      return scoped(ctx.db, scopeOf(user), async (tx) => present(await approvals(tx).where('eligibility_approvals.id', '=', id).executeTakeFirstOrThrow()));
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
    '/api/funders/:funderId/eligibility/lead-time',
    {
      schema: {
        tags: ['eligibility'],
        summary:
          'How long the funder usually takes to decide on an eligibility request: the median over its latest decided requests, or a stated fallback while it has decided too few. Public: the call pages say it before anyone applies.',
        params: Type.Object({ funderId: Uuid }),
        response: {
          200: Type.Object({
            days: Type.Integer({ minimum: 1, description: 'Whole days from the request to the decision, usually' }),
            basis: Type.Union([Type.Literal('history'), Type.Literal('fallback')], {
              description: "history: the median of the funder's own decided requests; fallback: too few decided to say",
            }),
            decided: Type.Integer({ minimum: 0, description: 'How many decided requests the figure rests on' }),
            minimumHistory: Type.Integer({ description: 'How many decided requests are needed before the history is used' }),
            fallbackDays: Type.Integer({ description: 'The days stated while the history is too short' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { funderId } = request.params;
      const lead = await system(ctx.db, async (tx) => {
        const funder = await tx.selectFrom('funders').select('id').where('id', '=', funderId).executeTakeFirst();
        if (!funder) throw new Problem(404, 'not_found');
        return leadTimeOf(tx, funderId);
      });
      return { ...lead, minimumHistory: LEAD_TIME_MIN_HISTORY, fallbackDays: LEAD_TIME_FALLBACK_DAYS };
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
      const { id, funderId } = await decideEligibility(ctx, user, request.params.id, request.body);
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) =>
        present(await approvals(tx).where('eligibility_approvals.id', '=', id).executeTakeFirstOrThrow()),
      );
    },
  );
}
