import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import type { AppContext } from '../context.ts';
import { grantFiles } from '../files/store.ts';
import { queueMail } from '../mail/outbox.ts';
import { actorOf, requireUser } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { errorResponses, Uuid } from '../schemas.ts';
import { inScope, locate, requireApplicant } from './access.ts';
import { presentRound } from './present.ts';
import { requestCompletion } from './request-completion.ts';
import { CompletionRound } from './schema.ts';

/** Completion (komplettering): the caseworker asks, the applicant answers; every round is kept. */
export function completionRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/applications/:id/completion-requests',
    {
      schema: {
        tags: ['applications'],
        summary: 'Ask the applicant to complete a submitted application by a date (caseworkers); the applicant is mailed',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { message: Type.String({ minLength: 1, maxLength: 5000 }), replyBy: Type.String({ maxLength: 10 }) },
          { additionalProperties: false },
        ),
        response: { 200: CompletionRound, 201: CompletionRound, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { message, replyBy } = request.body;
      const key = request.headers['idempotency-key'];
      const { round, repeated } = await requestCompletion(ctx, user, id, { message, replyBy }, typeof key === 'string' ? key : null);
      reply.code(repeated ? 200 : 201);
      return presentRound(round);
    },
  );

  app.post(
    '/api/completion-requests/:id/answer',
    {
      schema: {
        tags: ['applications'],
        summary: 'Answer a completion request, with documents if asked for',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          {
            answer: Type.String({ minLength: 1, maxLength: 20000 }),
            files: Type.Array(Type.Object({ fileId: Uuid, name: Type.String({ maxLength: 200 }) }, { additionalProperties: false }), { maxItems: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: CompletionRound, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { answer, files } = request.body;
      if (!answer.trim()) throw fieldProblem(400, 'answer', 'required');
      const found = await system(ctx.db, (tx) =>
        tx
          .selectFrom('completion_requests')
          .innerJoin('users', 'users.id', 'completion_requests.created_by')
          .select(['completion_requests.application_id', 'users.email', 'users.locale'])
          .where('completion_requests.id', '=', id)
          .executeTakeFirst(),
      );
      if (!found) throw new Problem(404, 'not_found');
      const located = await locate(ctx, user, found.application_id);
      requireApplicant(located);
      const round = await inScope(ctx, located, async (tx) => {
        const current = await tx.selectFrom('completion_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (current.answered_at) throw new Problem(409, 'completion_answered');
        if (files.length) {
          const owned = await tx
            .selectFrom('files')
            .select('id')
            .where(
              'id',
              'in',
              files.map((f) => f.fileId),
            )
            .where('organisation_id', '=', located.organisationId)
            .execute();
          if (owned.length !== new Set(files.map((f) => f.fileId)).size) throw fieldProblem(422, 'files', 'file_unknown');
          await grantFiles(
            tx,
            files.map((f) => f.fileId),
            located.funderId,
          );
        }
        const row = await tx
          .updateTable('completion_requests')
          .set({ answer: answer.trim(), answer_files: JSON.stringify(files), answered_by: user.userId, answered_at: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const app = await tx.selectFrom('applications').select(['case_number']).where('id', '=', located.id).executeTakeFirstOrThrow();
        await queueMail(ctx, tx, {
          to: found.email,
          subject: found.locale === 'en' ? `Completion received: ${app.case_number}` : `Komplettering inkommen: ${app.case_number}`,
          text:
            found.locale === 'en'
              ? `The applicant has answered your request for ${app.case_number}.\n\n${ctx.config.publicUrl}/applications/${located.id}`
              : `Sökanden har svarat på din begäran om komplettering av ${app.case_number}.\n\n${ctx.config.publicUrl}/applications/${located.id}`,
        });
        await audit(tx, actorOf(user), {
          action: 'application.completion_answered',
          objectType: 'application',
          objectId: located.id,
          funderId: located.funderId,
          organisationId: located.organisationId,
          data: { requestId: id, files: files.length },
        });
        return row;
      });
      return presentRound(round);
    },
  );
}
