import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Nullable, Uuid } from '../schemas.ts';

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

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "The audit trail of one object, oldest first, as far as the user's roles let them see it",
        querystring: Type.Object({
          objectType: Type.String({ minLength: 1, maxLength: 50 }),
          objectId: Uuid,
          funderId: Type.Optional(Uuid),
        }),
        response: { 200: Type.Object({ entries: Type.Array(Entry) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query as { objectType: string; objectId: string; funderId?: string };
      if (q.funderId && !policy.viewFunderAudit(user, q.funderId)) throw new Problem(403, 'forbidden');
      const rows = await scoped(ctx.db, scopeOf(user, q.funderId), (tx) =>
        tx.selectFrom('audit_log').selectAll().where('object_type', '=', q.objectType).where('object_id', '=', q.objectId).orderBy('seq').limit(500).execute(),
      );
      return {
        entries: rows.map((r) => ({
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
