import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { diffRules } from '../../domain/calls/amend.ts';
import { draftProblems, publishProblems } from '../../domain/calls/rules.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { availableOnLine, lockCall, lockNewCallLine } from '../budget/guard.ts';
import type { AppContext } from '../context.ts';
import { actorOf, requireUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { errorResponses, RefTo, Uuid } from '../schemas.ts';
import { callFunder } from './access.ts';
import { amendCall } from './amend-call.ts';
import { CallDetail, CallRulesSchema, CallSummary } from './schema.ts';
import { columnsOf, presentDetail, presentSummary } from './store.ts';

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
      const { funderId } = request.params;
      if (!policy.designCalls(user, funderId)) throw new Problem(403, 'forbidden');
      const rules = request.body;
      const detail = await scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        await lockNewCallLine(tx, rules.budgetLineId);
        const problems = draftProblems(rules, { lineAvailable: await availableOnLine(tx, funderId, rules.budgetLineId, null) });
        if (problems.length) throw rulesProblem(problems);
        const row = await tx
          .insertInto('calls')
          .values({ funder_id: funderId, created_by: user.userId, ...columnsOf(rules) })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(tx, actorOf(user), {
          action: 'call.created',
          objectType: 'call',
          objectId: row.id,
          funderId,
          data: { title: row.title, amount: row.amount },
        });
        const funder = await tx.selectFrom('funders').select('name').where('id', '=', funderId).executeTakeFirstOrThrow();
        return presentDetail(tx, row, funder.name, new Date());
      });
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
      const { id } = request.params;
      const rules = request.body;
      const { funderId, funderName } = await callFunder(ctx, user, id, policy.designCalls);
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const current = await lockCall(tx, id, rules.budgetLineId);
        if (current.status !== 'draft') throw new Problem(409, 'call_published');
        const problems = draftProblems(rules, { lineAvailable: await availableOnLine(tx, funderId, rules.budgetLineId, id) });
        if (problems.length) throw rulesProblem(problems);
        const row = await tx
          .updateTable('calls')
          .set({ ...columnsOf(rules), updated_at: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const changes = diffRules(current.rules, rules);
        await audit(tx, actorOf(user), { action: 'call.draft_updated', objectType: 'call', objectId: id, funderId, data: { changed: Object.keys(changes) } });
        return presentDetail(tx, row, funderName, new Date());
      });
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
      const { id } = request.params;
      const { funderId, funderName } = await callFunder(ctx, user, id, policy.designCalls);
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const current = await lockCall(tx, id);
        if (current.status !== 'draft') throw new Problem(409, 'call_published');
        const problems = publishProblems(current.rules, {
          lineAvailable: await availableOnLine(tx, funderId, current.budget_line_id, id),
          today: dateInStockholm(new Date()),
        });
        if (problems.length) throw rulesProblem(problems, 'publish_incomplete');
        const row = await tx
          .updateTable('calls')
          .set({ status: 'published', published_at: new Date(), updated_at: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(tx, actorOf(user), {
          action: 'call.published',
          objectType: 'call',
          objectId: id,
          funderId,
          data: { title: row.title, deadline: row.deadline },
        });
        return presentDetail(tx, row, funderName, new Date());
      });
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
