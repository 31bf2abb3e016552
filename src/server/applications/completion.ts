import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context.ts';
import { requireUser } from '../plugins/session.ts';
import { errorResponses, Uuid } from '../schemas.ts';
import { answerCompletion } from './answer-completion.ts';
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
      const round = await answerCompletion(ctx, user, request.params.id, request.body);
      return presentRound(round);
    },
  );
}
