import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, RefTo, Uuid } from '../schemas.ts';
import { callFunder } from './access.ts';
import { amendCall } from './amend-call.ts';
import { createCall } from './create-call.ts';
import { publishCall } from './publish-call.ts';
import { CallDetail, CallRulesSchema, CallSummary } from './schema.ts';
import { presentDetail, presentSummary } from './store.ts';
import { updateCall } from './update-call.ts';

export function callRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(CallRulesSchema);
  const CallParams = Type.Object({ id: Uuid });

  app.get(
    '/api/funders/:funderId/calls',
    {
      schema: {
        tags: ['calls'],
        summary: "A funder's calls, drafts included (staff)",
        params: Type.Object({ funderId: Uuid }),
        response: { 200: Type.Object({ calls: Type.Array(CallSummary) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { funderId } = request.params;
      if (!policy.readFunder(user, funderId)) throw new Problem(403, 'forbidden');
      const now = new Date();
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const funder = await tx.selectFrom('funders').select('name').where('id', '=', funderId).executeTakeFirstOrThrow();
        const rows = await tx.selectFrom('calls').selectAll().where('funder_id', '=', funderId).orderBy('created_at', 'desc').execute();
        return { calls: rows.map((r) => presentSummary(r, funder.name, now)) };
      });
    },
  );

  app.post(
    '/api/funders/:funderId/calls',
    {
      schema: {
        tags: ['calls'],
        summary: 'Create a call as a draft (caseworkers)',
        params: Type.Object({ funderId: Uuid }),
        body: RefTo(CallRulesSchema),
        response: { 201: CallDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { row, funderId, funderName } = await createCall(ctx, user, request.params.funderId, request.body);
      const detail = await scoped(ctx.db, scopeOf(user, funderId), (tx) => presentDetail(tx, row, funderName, new Date()));
      reply.code(201);
      return detail;
    },
  );

  app.get(
    '/api/calls/:id',
    {
      schema: {
        tags: ['calls'],
        summary: 'One call with all its rules (staff of its funder)',
        params: CallParams,
        response: { 200: CallDetail, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { funderId, funderName } = await callFunder(ctx, user, id, policy.readFunder);
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const row = await tx.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        return presentDetail(tx, row, funderName, new Date());
      });
    },
  );

  app.put(
    '/api/calls/:id',
    {
      schema: {
        tags: ['calls'],
        summary: 'Change a draft call (a published call changes only through an amendment)',
        params: CallParams,
        body: RefTo(CallRulesSchema),
        response: { 200: CallDetail, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { row, funderId, funderName } = await updateCall(ctx, user, request.params.id, request.body);
      return scoped(ctx.db, scopeOf(user, funderId), (tx) => presentDetail(tx, row, funderName, new Date()));
    },
  );

  app.post(
    '/api/calls/:id/publish',
    {
      schema: {
        tags: ['calls'],
        summary: 'Publish a draft call once it has every required part; it then shows on the public pages',
        params: CallParams,
        response: { 200: CallDetail, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { row, funderId, funderName } = await publishCall(ctx, user, request.params.id);
      return scoped(ctx.db, scopeOf(user, funderId), (tx) => presentDetail(tx, row, funderName, new Date()));
    },
  );

  app.post(
    '/api/calls/:id/amendments',
    {
      schema: {
        tags: ['calls'],
        summary: 'Amend a published call: the new rules with a reason; the change is recorded and shown on the call',
        params: CallParams,
        body: Type.Object({ rules: RefTo(CallRulesSchema), reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: CallDetail, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { rules, reason } = request.body;
      const { row, funderId, funderName } = await amendCall(ctx, user, id, rules, reason);
      return scoped(ctx.db, scopeOf(user, funderId), (tx) => presentDetail(tx, row, funderName, new Date()));
    },
  );
}
