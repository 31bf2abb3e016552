import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Uuid } from '../schemas.ts';
import { publishedCall, publishedCalls } from './published.ts';
import { CallDetail, CallSummary } from './schema.ts';

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
