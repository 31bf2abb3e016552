import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import { locate } from '../applications/access.ts';
import type { AppContext } from '../context.ts';
import { requireUser, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Nullable, Uuid } from '../schemas.ts';

/** How many of an object's newest entries are returned. */
export const AUDIT_PAGE = 500;

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

/**
 * An application's history: its organisation's members see what the organisation and the funder
 * recorded for them; of the funder's staff, those who may read audit trails see all of it (the
 * assessment too, so not reviewers, who must not see others' scores early); co-applicants see none.
 */
async function applicationScope(ctx: AppContext, user: SignedInUser, applicationId: string) {
  const located = await locate(ctx, user, applicationId);
  if (located.access === 'partner') throw new Problem(403, 'forbidden');
  if (located.access === 'staff' && !policy.viewFunderAudit(user, located.funderId)) throw new Problem(403, 'forbidden');
  return located.scope;
}

/** Any other object's history: a funder's, for those who may read its trails; otherwise what row-level security shows the user. */
function objectScope(user: SignedInUser, funderId: string | undefined) {
  if (funderId && !policy.viewFunderAudit(user, funderId)) throw new Problem(403, 'forbidden');
  return scopeOf(user, funderId);
}

export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          "The audit trail of one object as far as the user's roles let them see it: the newest 500 entries (or the 500 before `before`), oldest first, and whether there are older ones",
        querystring: Type.Object({
          objectType: Type.String({ minLength: 1, maxLength: 50 }),
          objectId: Uuid,
          funderId: Type.Optional(Uuid),
          before: Type.Optional(Type.Integer({ minimum: 1, description: 'Only entries older than this seq: the next page back' })),
        }),
        response: { 200: Type.Object({ entries: Type.Array(Entry), older: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query as { objectType: string; objectId: string; funderId?: string; before?: number };
      const scope = q.objectType === 'application' ? await applicationScope(ctx, user, q.objectId) : objectScope(user, q.funderId);
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
