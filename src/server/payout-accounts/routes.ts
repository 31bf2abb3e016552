import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Literals, Nullable, Uuid } from '../schemas.ts';
import { decidePayoutChange, requestPayoutChange } from './change-payout-account.ts';
import { type PayoutAccountRow, payoutHold, printedGiro } from './store.ts';

const Params = Type.Object({ id: Uuid });
const AccountView = Type.Object({
  id: Uuid,
  funderId: Uuid,
  organisationId: Uuid,
  kind: Literals(['bankgiro', 'plusgiro']),
  number: Type.String({ description: 'As printed, e.g. 5050-1055' }),
  holderOrgNumber: Type.String(),
  status: Literals(['pending', 'approved', 'rejected', 'replaced']),
  source: Literals(['eligibility', 'organisation', 'funder']),
  requestedBy: Nullable(Type.String()),
  requestedAt: Type.String({ format: 'date-time' }),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  note: Nullable(Type.String()),
  mayDecide: Type.Boolean(),
});

type Named = PayoutAccountRow & { requested_name: string | null; decided_name: string | null };

function present(a: Named, user: ReturnType<typeof requireUser>) {
  return {
    id: a.id,
    funderId: a.funder_id,
    organisationId: a.organisation_id,
    kind: a.kind,
    number: printedGiro(a.kind, a.number),
    holderOrgNumber: a.holder_org_number,
    status: a.status,
    source: a.source,
    requestedBy: a.requested_name,
    requestedAt: a.requested_at.toISOString(),
    decidedBy: a.decided_name,
    decidedAt: a.decided_at?.toISOString() ?? null,
    note: a.decision_note,
    mayDecide: a.status === 'pending' && a.requested_by !== user.userId && policy.managePayments(user, a.funder_id),
  };
}

function accounts(tx: Parameters<Parameters<typeof scoped>[2]>[0]) {
  return tx
    .selectFrom('payout_accounts as p')
    .leftJoin('users as r', 'r.id', 'p.requested_by')
    .leftJoin('users as d', 'd.id', 'p.decided_by')
    .selectAll('p')
    .select(['r.name as requested_name', 'd.name as decided_name']);
}

/** Payout accounts: an organisation's bankgiro or plusgiro per funder; a change waits for a second person at the funder. */
export function payoutAccountRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/organisations/:id/payout-accounts',
    {
      schema: {
        tags: ['payments'],
        summary: 'The organisation’s payout accounts at each funder, newest first, and whether payments are held (members; a funder’s staff see their own)',
        params: Params,
        response: {
          200: Type.Object({
            accounts: Type.Array(AccountView),
            holds: Type.Array(
              Type.Object({ funderId: Uuid, funderName: Type.String(), hold: Nullable(Literals(['no_verified_account', 'account_change_pending'])) }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const orgId = request.params.id;
      const member = policy.actForOrganisation(user, orgId);
      const staffOf = user.funderRoles.map((r) => r.funderId);
      if (!member && staffOf.length === 0) throw new Problem(404, 'not_found');
      const scope = member ? scopeOf(user) : scopeOf(user, staffOf[0]);
      return scoped(ctx.db, scope, async (tx) => {
        const rows = (await accounts(tx).where('p.organisation_id', '=', orgId).orderBy('p.requested_at', 'desc').execute()) as Named[];
        const funderIds = [...new Set(rows.map((r) => r.funder_id))];
        const funders = funderIds.length ? await tx.selectFrom('funders').select(['id', 'name']).where('id', 'in', funderIds).execute() : [];
        return {
          accounts: rows.map((r) => present(r, user)),
          holds: funders.map((f) => ({ funderId: f.id, funderName: f.name, hold: payoutHold(rows.filter((r) => r.funder_id === f.id)) })),
        };
      });
    },
  );

  app.post(
    '/api/organisations/:id/payout-accounts',
    {
      schema: {
        tags: ['payments'],
        summary:
          'Enter a new payout account for the organisation at a funder (a member, or the funder’s finance or caseworker). Every member is mailed; payments pause until someone else at the funder approves it.',
        params: Params,
        body: Type.Object(
          {
            funderId: Uuid,
            kind: Literals(['bankgiro', 'plusgiro']),
            number: Type.String({ maxLength: 20 }),
            holderOrgNumber: Type.String({ maxLength: 13, description: 'The account holder’s organisation number as the giro register gives it' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: AccountView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const row = await requestPayoutChange(ctx, user, request.params.id, request.body);
      reply.code(201);
      return present({ ...row, requested_name: user.name, decided_name: null }, user);
    },
  );

  app.get(
    '/api/funders/:id/payout-accounts',
    {
      schema: {
        tags: ['payments'],
        summary: 'Payout accounts at the funder by status (default: waiting for approval), with the organisation’s name (staff)',
        params: Params,
        querystring: Type.Object({ status: Type.Optional(Literals(['pending', 'approved', 'rejected', 'replaced'])) }),
        response: {
          200: Type.Object({ accounts: Type.Array(Type.Intersect([AccountView, Type.Object({ organisationName: Type.String() })])) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      if (!policy.readFunder(user, request.params.id)) throw new Problem(404, 'not_found');
      return scoped(ctx.db, scopeOf(user, request.params.id), async (tx) => {
        const rows = (await accounts(tx)
          .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
          .select('o.name as organisation_name')
          .where('p.funder_id', '=', request.params.id)
          .where('p.status', '=', request.query.status ?? 'pending')
          .orderBy('p.requested_at')
          .limit(500)
          .execute()) as (Named & { organisation_name: string })[];
        return { accounts: rows.map((r) => ({ ...present(r, user), organisationName: r.organisation_name })) };
      });
    },
  );

  app.post(
    '/api/payout-accounts/:id/decision',
    {
      schema: {
        tags: ['payments'],
        summary: 'Approve or reject a new payout account (finance, not the person who entered it). A rejection needs a note.',
        params: Params,
        body: Type.Object(
          { decision: Literals(['approve', 'reject']), note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) },
          { additionalProperties: false },
        ),
        response: { 200: AccountView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await decidePayoutChange(ctx, user, request.params.id, { decision: request.body.decision, note: request.body.note ?? null });
      const named = await scoped(ctx.db, scopeOf(user, row.funder_id), (tx) => accounts(tx).where('p.id', '=', row.id).executeTakeFirstOrThrow());
      return present(named as Named, user);
    },
  );
}
