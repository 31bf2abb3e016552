import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped, system } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Uuid } from '../schemas.ts';
import { decideActivityType } from './decide-activity-type.ts';
import { proposeActivityType } from './propose-activity-type.ts';

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
      const id = await proposeActivityType(ctx, user, request.body);
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
      return present(await decideActivityType(ctx, user, request.params.id, request.body));
    },
  );
}
