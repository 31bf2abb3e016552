import type { FastifyReply } from 'fastify';

/** A PDF shown in the browser (inline), under the name it is saved as. */
export function sendPdf(reply: FastifyReply, name: string, pdf: Buffer) {
  return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
}
