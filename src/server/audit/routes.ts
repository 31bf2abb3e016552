import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import type { AppContext } from '../context.ts';
import { requireUser } from '../plugins/session.ts';
import { errorResponses, Literals, Nullable, Uuid } from '../schemas.ts';
import { AUDIT_PAGE, AUDITED_OBJECT_TYPES, type Locator, locators } from './access.ts';

const Entry = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Nullable(Uuid),
  reason: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});

export function auditRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          "The audit trail of one object as far as the user's roles let them see it: the newest 500 entries (or the 500 before `before`), oldest first, and whether there are older ones",
        querystring: Type.Object({
          objectType: Literals(AUDITED_OBJECT_TYPES, {
            description: 'The kind of object; it is found first, and one the user may not see answers 404 as an unknown one does',
          }),
          objectId: Uuid,
          funderId: Type.Optional(Uuid),
          before: Type.Optional(Type.Integer({ minimum: 1, description: 'Only entries older than this seq: the next page back' })),
        }),
        response: { 200: Type.Object({ entries: Type.Array(Entry), older: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query;
      const locator: Locator = locators[q.objectType];
      const scope = await locator(ctx, user, q.objectId, q.funderId);
      const rows = await scoped(ctx.db, scope, (tx) =>
        tx
          .selectFrom('audit_log')
          .selectAll()
          .where('object_type', '=', q.objectType)
          .where('object_id', '=', q.objectId)
          .$if(q.before !== undefined, (qb) => qb.where('seq', '<', q.before as number))
          .orderBy('seq', 'desc')
          .limit(AUDIT_PAGE + 1)
          .execute(),
      );
      const older = rows.length > AUDIT_PAGE;
      // The newest are kept when there are more; the answer reads oldest first.
      const page = rows.slice(0, AUDIT_PAGE).reverse();
      return {
        older,
        entries: page.map((r) => ({
          seq: r.seq,
          at: r.at.toISOString(),
          actor: r.actor_label,
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          reason: r.reason,
          data: r.data,
          hash: r.hash,
        })),
      };
    },
  );
}
