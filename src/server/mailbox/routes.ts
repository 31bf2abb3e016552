import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { system } from '../../db/scope.ts';
import type { AppContext } from '../context.ts';
import { Problem } from '../problem.ts';
import { errorResponses } from '../schemas.ts';
import { mayReadMailbox } from './access.ts';

/**
 * The local mailbox: with no SMTP server configured, mails are kept here so a
 * demo or a developer can read them. It is off whenever SMTP_URL is set.
 */
export function mailboxRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/mailbox',
    {
      schema: {
        tags: ['mail'],
        summary:
          'Mails delivered to the local mailbox: only when no SMTP server is configured, outside production, and to requests from the machine itself unless MAILBOX_FROM_ANYWHERE=true',
        querystring: Type.Object({ to: Type.Optional(Type.String({ maxLength: 254 })) }),
        response: {
          200: Type.Object({
            mails: Type.Array(
              Type.Object({
                id: Type.String(),
                to: Type.String(),
                subject: Type.String(),
                text: Type.String(),
                status: Type.String(),
                createdAt: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      if (!ctx.config.localMailbox || ctx.config.production) throw new Problem(404, 'mailbox_disabled');
      if (!mayReadMailbox(ctx.config, request.ip)) throw new Problem(403, 'mailbox_local_only');
      const { to } = request.query;
      const rows = await system(ctx.db, (tx) => {
        let q = tx.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').limit(100);
        if (to) q = q.where('to_address', 'ilike', to.trim());
        return q.execute();
      });
      return {
        mails: rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          text: r.body_text,
          status: r.status,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },
  );
}
