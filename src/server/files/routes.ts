import type {} from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { errorResponses, Uuid } from '../schemas.ts';
import { uploadFile } from './upload-file.ts';
import { ZIP_LIMITS } from './zip-check.ts';

const MAX_FILE_MB = 10;

const MB = 1024 * 1024;

/**
 * The one file of a multipart upload, read into memory. The API takes one file per request (the response describes
 * one file), so a second file is refused rather than silently dropped.
 */
async function readOneFile(request: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  let file: { filename: string; data: Buffer } | null = null;
  try {
    // With `files: 1` the parser reports a second file as FST_FILES_LIMIT instead of buffering it.
    for await (const part of request.parts({ limits: { fileSize: MAX_FILE_MB * MB, files: 1 } })) {
      if (part.type !== 'file') continue;
      if (file) throw fieldProblem(422, 'file', 'file_one_at_a_time');
      file = { filename: part.filename, data: await part.toBuffer() };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fieldProblem(413, 'file', 'file_too_large', { limit: MAX_FILE_MB });
    if (code === 'FST_FILES_LIMIT') throw fieldProblem(422, 'file', 'file_one_at_a_time');
    throw error;
  }
  if (!file || file.data.length === 0) throw fieldProblem(400, 'file', 'file_missing');
  return file;
}

const FileInfo = Type.Object({ id: Uuid, name: Type.String(), contentType: Type.String(), size: Type.Integer() });

export function fileRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/organisations/:organisationId/files',
    {
      schema: {
        tags: ['files'],
        summary: 'Upload one document for the organisation: one file per request, in the multipart field "file"',
        description:
          `PDF, Office, OpenDocument or image (JPEG, PNG), judged by content; at most ${MAX_FILE_MB} MB. ` +
          `An Office or OpenDocument file may unpack to at most ${ZIP_LIMITS.maxInflatedBytes / MB} MB in ` +
          `at most ${ZIP_LIMITS.maxEntries} parts, none packed more than ${ZIP_LIMITS.maxRatio} times once past ${ZIP_LIMITS.ratioFreeBytes / MB} MB; ` +
          'otherwise 422 (file_unpacks_too_large, file_too_many_parts, file_packed_too_tightly, file_damaged). ' +
          'A second file in the same request is refused with 422 file_one_at_a_time; upload files one at a time.',
        consumes: ['multipart/form-data'],
        params: Type.Object({ organisationId: Uuid }),
        response: { 201: FileInfo, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const row = await uploadFile(ctx, user, request.params.organisationId, () => {
        if (!request.isMultipart()) throw fieldProblem(400, 'file', 'file_missing');
        return readOneFile(request);
      });
      reply.code(201);
      return { id: row.id, name: row.name, contentType: row.content_type, size: row.size };
    },
  );

  app.get(
    '/api/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: "Download a document (the organisation's members, and staff of a funder it was submitted to)",
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Unknown({ description: 'the file' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = request.params;
      // Read once per funder the user works for, and once as organisation member; row-level security decides.
      const scopes = [scopeOf(user), ...user.funderRoles.map((r) => scopeOf(user, r.funderId))];
      for (const scope of scopes) {
        const file = await scoped(ctx.db, scope, (tx) =>
          tx.selectFrom('files').select(['name', 'content_type', 'data']).where('id', '=', id).executeTakeFirst(),
        );
        if (file) {
          return reply
            .type(file.content_type)
            .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
            .header('x-content-type-options', 'nosniff')
            .send(Buffer.from(file.data));
        }
      }
      throw new Problem(404, 'not_found');
    },
  );
}
