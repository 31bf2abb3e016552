import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from './context.ts';
import { Problem } from './problem.ts';
import { errorResponses } from './schemas.ts';

export function healthRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const Status = Type.Object({ status: Type.String() });
  app.get('/healthz', { schema: { tags: ['operations'], summary: 'The process is up', response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['operations'], summary: 'The database answers', response: { 200: Status, ...errorResponses } } }, async () => {
    if (!(await ctx.db.ping())) throw new Problem(503, 'unavailable');
    return { status: 'ready' };
  });
}
