import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { scoped, system } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { actorOf, requireUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { errorResponses, Uuid } from '../schemas.ts';

const ActivityType = Type.Object({
  id: Uuid,
  key: Type.String(),
  labelSv: Type.String(),
  labelEn: Type.String(),
  description: Type.String(),
  status: Type.String(),
  base: Type.Boolean({ description: 'part of the catalogue every funder starts from' }),
});

type Row = { id: string; key: string; label_sv: string; label_en: string; description: string; status: string; funder_id: string | null };
const present = (r: Row) => ({
  id: r.id,
  key: r.key,
  labelSv: r.label_sv,
  labelEn: r.label_en,
  description: r.description,
  status: r.status,
  base: r.funder_id === null,
});

/** A key from a label: lower case ASCII words joined by '_'. */
function keyFor(label: string): string {
  const ascii = label.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e');
  return (
    ascii
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 48) || 'activity'
  );
}

/**
 * The activity catalogue stays open: a base catalogue, each funder's own
 * additions, and new kinds an applicant proposes that a caseworker adopts.
 */
export function catalogueRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/activity-types',
    {
      schema: {
        tags: ['catalogue'],
        summary: "The activity catalogue: the base types and, with funderId, that funder's adopted types",
        querystring: Type.Object({ funderId: Type.Optional(Uuid) }),
        response: { 200: Type.Object({ activityTypes: Type.Array(ActivityType) }), ...errorResponses },
      },
    },
    async (request) => {
      const { funderId } = request.query;
      const rows = await system(ctx.db, (tx) => {
        let q = tx.selectFrom('activity_types').selectAll().where('status', '=', 'active');
        q = funderId ? q.where((eb) => eb.or([eb('funder_id', 'is', null), eb('funder_id', '=', funderId)])) : q.where('funder_id', 'is', null);
        return q.orderBy('label_sv').execute();
      });
      return { activityTypes: rows.map(present) };
    },
  );

  app.get(
    '/api/funders/:funderId/activity-types',
    {
      schema: {
        tags: ['catalogue'],
        summary: "The funder's catalogue with proposals waiting for a decision (staff)",
        params: Type.Object({ funderId: Uuid }),
        response: {
          200: Type.Object({
            activityTypes: Type.Array(ActivityType),
            proposals: Type.Array(Type.Intersect([ActivityType, Type.Object({ proposedBy: Type.String() })])),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { funderId } = request.params;
      if (!policy.readFunder(user, funderId)) throw new Problem(403, 'forbidden');
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const rows = await tx.selectFrom('activity_types').selectAll().where('status', '=', 'active').orderBy('label_sv').execute();
        const proposals = await tx
          .selectFrom('activity_types')
          .innerJoin('organisations', 'organisations.id', 'activity_types.proposed_by_organisation')
          .selectAll('activity_types')
          .select('organisations.name as proposedBy')
          .where('activity_types.funder_id', '=', funderId)
          .where('activity_types.status', '=', 'proposed')
          .orderBy('activity_types.created_at')
          .execute();
        return { activityTypes: rows.map(present), proposals: proposals.map((p) => ({ ...present(p), proposedBy: p.proposedBy })) };
      });
    },
  );

  app.post(
    '/api/activity-types/proposals',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Propose a new kind of activity to a funder, on behalf of an organisation the user belongs to',
        body: Type.Object(
          {
            funderId: Uuid,
            organisationId: Uuid,
            label: Type.String({ minLength: 1, maxLength: 120 }),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      if (!policy.actForOrganisation(user, body.organisationId)) throw new Problem(403, 'forbidden');
      if (!body.label.trim()) throw fieldProblem(400, 'label', 'required');
      const funder = await system(ctx.db, (tx) => tx.selectFrom('funders').select('id').where('id', '=', body.funderId).executeTakeFirst());
      if (!funder) throw fieldProblem(422, 'funderId', 'invalid_choice');
      const id = await scoped(ctx.db, scopeOf(user), async (tx) => {
        const key = `${keyFor(body.label)}_${Date.now().toString(36)}`;
        const row = await tx
          .insertInto('activity_types')
          .values({
            funder_id: body.funderId,
            key,
            label_sv: body.label.trim(),
            label_en: body.label.trim(),
            description: body.description?.trim() ?? '',
            status: 'proposed',
            proposed_by_organisation: body.organisationId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(tx, actorOf(user), {
          action: 'activity_type.proposed',
          objectType: 'activity_type',
          objectId: row.id,
          funderId: body.funderId,
          organisationId: body.organisationId,
          data: { label: body.label },
        });
        return row.id;
      });
      reply.code(201);
      return { id };
    },
  );

  app.post(
    '/api/activity-types/:id/decision',
    {
      schema: {
        tags: ['catalogue'],
        summary: "Adopt a proposed activity type into the funder's catalogue (with labels in both languages), or decline it",
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            adopt: Type.Boolean(),
            labelSv: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            labelEn: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            reason: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ActivityType, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const body = request.body;
      const found = await system(ctx.db, (tx) => tx.selectFrom('activity_types').select(['funder_id']).where('id', '=', id).executeTakeFirst());
      if (!found?.funder_id || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
      const funderId = found.funder_id;
      if (!policy.manageCatalogue(user, funderId)) throw new Problem(403, 'forbidden');
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const current = await tx.selectFrom('activity_types').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (current.status !== 'proposed') throw new Problem(409, 'already_decided');
        const labelSv = body.labelSv?.trim() || current.label_sv;
        const row = await tx
          .updateTable('activity_types')
          .set({
            status: body.adopt ? 'active' : 'declined',
            label_sv: labelSv,
            label_en: body.labelEn?.trim() || labelSv,
            key: body.adopt ? keyFor(labelSv) : current.key,
            decided_by: user.userId,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((error: { code?: string }) => {
            if (error.code === '23505') throw new Problem(409, 'already_exists', {}, [{ field: 'labelSv', code: 'already_exists' }]);
            throw error;
          });
        await audit(tx, actorOf(user), {
          action: body.adopt ? 'activity_type.adopted' : 'activity_type.declined',
          objectType: 'activity_type',
          objectId: id,
          funderId,
          organisationId: current.proposed_by_organisation,
          reason: body.reason ?? null,
          data: { labelSv: row.label_sv, labelEn: row.label_en },
        });
        return present(row);
      });
    },
  );
}
