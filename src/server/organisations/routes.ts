import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { checkOrgNumber, isLegalForm, LEGAL_FORMS } from '../../domain/organisation.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { actorOf, requireUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { errorResponses, Literals, Nullable, Uuid } from '../schemas.ts';

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
      const body = request.body;
      if (!isLegalForm(body.legalForm)) throw fieldProblem(422, 'legalForm', 'legal_form_invalid');
      const verdict = checkOrgNumber(body.orgNumber, body.legalForm);
      if (!verdict.ok) throw fieldProblem(422, 'orgNumber', verdict.code, verdict.params);
      const { orgNumber } = verdict;
      const org = await scoped(ctx.db, scopeOf(user), async (tx) => {
        const existing = await tx.selectFrom('organisations').select('id').where('org_number', '=', orgNumber).executeTakeFirst();
        if (existing) throw fieldProblem(409, 'orgNumber', 'organisation_exists', { orgNumber });
        const created = await tx
          .insertInto('organisations')
          .values({ org_number: orgNumber, name: body.name.trim(), legal_form: body.legalForm, municipality: body.municipality?.trim() || null })
          .returningAll()
          .executeTakeFirstOrThrow();
        await tx.insertInto('organisation_memberships').values({ organisation_id: created.id, user_id: user.userId }).execute();
        await audit(tx, actorOf(user), {
          action: 'organisation.registered',
          objectType: 'organisation',
          objectId: created.id,
          organisationId: created.id,
          data: { orgNumber, name: created.name, legalForm: created.legal_form, firstMember: user.email },
        });
        return created;
      }).catch((error: unknown) => {
        // Two people registering the same number at once: the unique index decides.
        if ((error as { code?: string }).code === '23505') throw fieldProblem(409, 'orgNumber', 'organisation_exists', { orgNumber });
        throw error;
      });
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
