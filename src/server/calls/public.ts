import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { system } from '../../db/scope.ts';
import type { AppContext } from '../context.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Uuid } from '../schemas.ts';
import { CallDetail, CallSummary } from './schema.ts';
import { phaseOf, presentDetail, presentSummary } from './store.ts';

/** Public pages: published calls, readable by anyone without signing in. */
export function publicCallRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/public/calls',
    {
      schema: {
        tags: ['public'],
        summary: 'Published calls: open and upcoming first, then closed; filter by phase',
        querystring: Type.Object({ phase: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('upcoming'), Type.Literal('closed')])) }),
        response: { 200: Type.Object({ calls: Type.Array(CallSummary) }), ...errorResponses },
      },
    },
    async (request) => ({ calls: await publishedCalls(ctx, request.query.phase) }),
  );

  app.get(
    '/api/public/calls/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'A published call: its rules, time left, status after the deadline, and its amendments',
        params: Type.Object({ id: Uuid }),
        response: { 200: CallDetail, ...errorResponses },
      },
    },
    async (request) => {
      const call = await publishedCall(ctx, request.params.id);
      if (!call) throw new Problem(404, 'not_found');
      return call;
    },
  );
}

/** Published calls, open and upcoming first, then closed (the latest first); only one phase if given. */
export async function publishedCalls(ctx: AppContext, phase?: 'open' | 'upcoming' | 'closed') {
  const now = new Date();
  const rows = await system(ctx.db, (tx) =>
    tx
      .selectFrom('calls')
      .innerJoin('funders', 'funders.id', 'calls.funder_id')
      .selectAll('calls')
      .select('funders.name as funderName')
      .where('calls.status', '=', 'published')
      .orderBy('calls.deadline', 'asc')
      .limit(500)
      .execute(),
  );
  const order = { open: 0, upcoming: 1, closed: 2, draft: 3 };
  return rows
    .map((r) => presentSummary(r, r.funderName, now))
    .filter((c) => !phase || c.phase === phase)
    .sort((a, b) => order[a.phase] - order[b.phase] || (a.phase === 'closed' ? (b.deadline ?? '').localeCompare(a.deadline ?? '') : 0));
}

/** A published call anyone may read, or null when there is none by that id. */
export function publishedCall(ctx: AppContext, id: string) {
  return system(ctx.db, async (tx) => {
    const row = await tx
      .selectFrom('calls')
      .innerJoin('funders', 'funders.id', 'calls.funder_id')
      .selectAll('calls')
      .select('funders.name as funderName')
      .where('calls.id', '=', id)
      .where('calls.status', '=', 'published')
      .executeTakeFirst();
    if (!row || phaseOf(row, new Date()) === 'draft') return null;
    return presentDetail(tx, row, row.funderName, new Date());
  });
}
