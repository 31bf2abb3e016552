import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { AccountingSchema } from '../payments/schema.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Nullable, OreSchema, Uuid } from '../schemas.ts';
import { createProgramme } from './create-programme.ts';

const Programme = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.String(),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  amount: OreSchema(),
  fundingSource: Type.String(),
  lines: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      amount: OreSchema(),
      committed: OreSchema({ description: 'Set aside for calls on this line' }),
      available: OreSchema({ description: 'Left for new calls' }),
      /** Where the line's payments are booked; null for the funder's default. */
      accounting: Nullable(AccountingSchema),
    }),
  ),
});

export function programmeRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const FunderParams = Type.Object({ funderId: Uuid });

  app.get(
    '/api/funders/:funderId/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: "A funder's programmes with their budget lines and what is left on each (staff)",
        params: FunderParams,
        response: { 200: Type.Object({ programmes: Type.Array(Programme) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { funderId } = request.params;
      if (!policy.readFunder(user, funderId)) throw new Problem(403, 'forbidden');
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const programmes = await tx
          .selectFrom('programmes')
          .selectAll()
          .where('funder_id', '=', funderId)
          .orderBy('start_year', 'desc')
          .orderBy('name')
          .execute();
        const lines = await tx
          .selectFrom('budget_lines')
          .leftJoin('calls', 'calls.budget_line_id', 'budget_lines.id')
          .select([
            'budget_lines.id',
            'budget_lines.programme_id',
            'budget_lines.name',
            'budget_lines.amount',
            'budget_lines.position',
            'budget_lines.accounting',
          ])
          .select(sql<number>`coalesce(sum(calls.amount), 0)::bigint`.as('committed'))
          .where('budget_lines.funder_id', '=', funderId)
          .groupBy(['budget_lines.id'])
          .orderBy('budget_lines.position')
          .execute();
        return {
          programmes: programmes.map((p) => ({
            id: p.id,
            name: p.name,
            description: p.description,
            startYear: p.start_year,
            endYear: p.end_year,
            amount: p.amount,
            fundingSource: p.funding_source,
            lines: lines
              .filter((l) => l.programme_id === p.id)
              .map((l) => ({
                id: l.id,
                name: l.name,
                amount: l.amount,
                committed: Number(l.committed),
                available: l.amount - Number(l.committed),
                accounting: l.accounting,
              })),
          })),
        };
      });
    },
  );

  app.post(
    '/api/funders/:funderId/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Create a programme split into budget lines that sum exactly to its amount (caseworkers)',
        params: FunderParams,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 5000 })),
            startYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
            endYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
            amount: OreSchema({ minimum: 0 }),
            fundingSource: Type.Optional(Type.String({ maxLength: 200 })),
            lines: Type.Array(Type.Object({ name: Type.String({ maxLength: 200 }), amount: OreSchema() }, { additionalProperties: false }), {
              maxItems: 50,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = await createProgramme(ctx, user, request.params.funderId, request.body);
      reply.code(201);
      return { id };
    },
  );
}
