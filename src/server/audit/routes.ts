import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { draftRunsOf } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import type { AppContext } from '../context.ts';
import { requireUser } from '../plugins/session.ts';
import { errorResponses, Literals, Nullable, Uuid } from '../schemas.ts';
import { AUDIT_PAGE, AUDITED_OBJECT_TYPES, type Locator, locators } from './access.ts';

const Entry = Type.Object({
  position: Nullable(Type.Integer({ description: 'The order across chains, for paging (`before`); null for draft saves not yet in the chain' })),
  /** The chain the entry is in: its funder's id, or the platform's (all zeros); null when not yet in a chain. */
  chain: Nullable(Uuid),
  seq: Nullable(Type.Integer({ description: "The entry's number in its chain" })),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Nullable(Uuid),
  reason: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  hash: Nullable(Type.String()),
  sealed: Type.Boolean({ description: 'In the hash chain; false for the newest draft saves, gathered while someone types and appended within minutes' }),
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
          before: Type.Optional(Type.Integer({ minimum: 1, description: 'Only entries older than this position: the next page back' })),
        }),
        response: { 200: Type.Object({ entries: Type.Array(Entry), older: Type.Boolean() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const q = request.query;
      const locator: Locator = locators[q.objectType];
      const scope = await locator(ctx, user, q.objectId, q.funderId);
      const { rows, runs } = await scoped(ctx.db, scope, async (tx) => ({
        rows: await tx
          .selectFrom('audit_log')
          .selectAll()
          .where('object_type', '=', q.objectType)
          .where('object_id', '=', q.objectId)
          .$if(q.before !== undefined, (qb) => qb.where('position', '<', q.before as number))
          .orderBy('position', 'desc')
          .limit(AUDIT_PAGE + 1)
          .execute(),
        // The newest page also shows the draft saves not yet in the chain, newest last.
        runs: q.before === undefined ? await draftRunsOf(tx, q.objectType, q.objectId) : [],
      }));
      const older = rows.length > AUDIT_PAGE;
      // The newest are kept when there are more; the answer reads oldest first.
      const page = rows.slice(0, AUDIT_PAGE).reverse();
      return {
        older,
        entries: [
          ...page.map((r) => ({
            position: r.position,
            chain: r.chain,
            seq: r.seq,
            at: r.at.toISOString(),
            actor: r.actor_label,
            action: r.action,
            objectType: r.object_type,
            objectId: r.object_id,
            reason: r.reason,
            data: r.data,
            hash: r.hash,
            sealed: true,
          })),
          ...runs.map((r) => ({
            position: null,
            chain: null,
            seq: null,
            at: r.last_at.toISOString(),
            actor: r.actor_label,
            action: r.action,
            objectType: r.object_type,
            objectId: r.object_id,
            reason: null,
            data: { ...r.data, saves: r.saves, firstSavedAt: r.first_at.toISOString() },
            hash: null,
            sealed: false,
          })),
        ],
      };
    },
  );
}
