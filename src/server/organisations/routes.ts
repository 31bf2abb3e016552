import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { LEGAL_FORMS } from '../../domain/organisation.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Literals, Nullable, Uuid } from '../schemas.ts';
import { registerOrganisation } from './register-organisation.ts';

const Organisation = Type.Object({
  id: Uuid,
  orgNumber: Type.String(),
  name: Type.String(),
  legalForm: Type.String(),
  municipality: Nullable(Type.String()),
});

const present = (o: { id: string; org_number: string; name: string; legal_form: string; municipality: string | null }) => ({
  id: o.id,
  orgNumber: o.org_number,
  name: o.name,
  legalForm: o.legal_form,
  municipality: o.municipality,
});

export function organisationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Register an organisation by organisationsnummer; the signed-in user becomes its first member',
        body: Type.Object(
          {
            orgNumber: Type.String({ minLength: 1, maxLength: 20 }),
            name: Type.String({ minLength: 1, maxLength: 200 }),
            legalForm: Literals(LEGAL_FORMS),
            municipality: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Organisation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const org = await registerOrganisation(ctx, user, request.body);
      reply.code(201);
      return present(org);
    },
  );

  app.get(
    '/api/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'One organisation the signed-in user is a member of',
        params: Type.Object({ id: Uuid }),
        response: { 200: Organisation, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      if (!policy.viewOrganisation(user, id)) throw new Problem(404, 'not_found');
      const org = await scoped(ctx.db, scopeOf(user), (tx) => tx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst());
      if (!org) throw new Problem(404, 'not_found');
      return present(org);
    },
  );
}
