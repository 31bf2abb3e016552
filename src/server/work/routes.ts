import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { errorResponses, Literals, Nullable, Uuid } from '../schemas.ts';
import { queuesFor, readQueue, WORK_QUEUES } from './queues.ts';

const WorkItem = Type.Object({
  id: Uuid,
  caseNumber: Nullable(Type.String()),
  title: Nullable(Type.String()),
  organisationName: Type.String(),
  since: Type.String({ format: 'date-time', description: 'Since when it has waited: received, answered, assigned or proposed' }),
  link: Type.String({ description: 'The page of the web app where the work is done' }),
});

const Queue = Type.Object({
  queue: Literals(WORK_QUEUES),
  count: Type.Integer({ minimum: 0 }),
  items: Type.Array(WorkItem, { description: 'The oldest first' }),
  all: Type.String({ description: 'The page of the web app that lists the whole queue' }),
});

/** What needs the signed-in staff member, per funder they work for. */
export function workRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/me/work',
    {
      schema: {
        tags: ['work'],
        summary:
          'What needs the signed-in staff member at each funder they work for: approvals waiting, applications to screen, completions answered, reviews assigned, proposals to decide, follow-up reports to review and overdue; each with its count and its oldest items',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Items per queue (default 5)' })) }),
        response: {
          200: Type.Object({
            funders: Type.Array(Type.Object({ funderId: Uuid, funderName: Type.String(), queues: Type.Array(Queue) })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const limit = request.query.limit ?? 5;
      const funders = new Map<string, string>();
      for (const f of user.funders) funders.set(f.funderId, f.funderName);
      const answer = [];
      for (const [funderId, funderName] of funders) {
        const wanted = queuesFor(user, funderId);
        if (!wanted.length) continue;
        const queues = await scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
          const read = [];
          for (const w of wanted) {
            const q = await readQueue(tx, w.queue, funderId, user.userId, limit);
            if (q.count || !w.hideEmpty) read.push(q);
          }
          return read;
        });
        answer.push({ funderId, funderName, queues });
      }
      return { funders: answer };
    },
  );
}
