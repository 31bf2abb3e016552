import { createHash } from 'node:crypto';
import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { errorResponses, Uuid } from '../schemas.ts';

export const MAX_FILE_MB = 10;

/** What may be uploaded, judged from the content's own signature, never from the name. */
const ALLOWED = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/x-cfb',
]);

/** A stored name without path separators or control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  return [...name]
    .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('')
    .slice(0, 200);
}

/** Lets a funder's staff read documents an organisation sent it, alongside every other funder it sent them to. */
export async function grantFiles(tx: Tx, fileIds: string[], funderId: string) {
  if (!fileIds.length) return;
  await tx
    .insertInto('file_grants')
    .values(fileIds.map((file_id) => ({ file_id, funder_id: funderId })))
    .onConflict((oc) => oc.columns(['file_id', 'funder_id']).doNothing())
    .execute();
}

export const FileInfo = Type.Object({ id: Uuid, name: Type.String(), contentType: Type.String(), size: Type.Integer() });

export function fileRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/api/organisations/:organisationId/files',
    {
      schema: {
        tags: ['files'],
        summary: `Upload a document for the organisation (multipart field "file"; PDF, Office, OpenDocument or image; at most ${MAX_FILE_MB} MB)`,
        consumes: ['multipart/form-data'],
        params: Type.Object({ organisationId: Uuid }),
        response: { 201: FileInfo, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { organisationId } = request.params as { organisationId: string };
      if (!policy.actForOrganisation(user, organisationId)) throw new Problem(403, 'forbidden');
      if (!request.isMultipart()) throw fieldProblem(400, 'file', 'file_missing');
      const part = await request.file({ limits: { fileSize: MAX_FILE_MB * 1024 * 1024, files: 1 } });
      if (!part) throw fieldProblem(400, 'file', 'file_missing');
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldProblem(413, 'file', 'file_too_large', { limit: MAX_FILE_MB });
        throw error;
      }
      if (data.length === 0) throw fieldProblem(400, 'file', 'file_missing');
      const type = await fileTypeFromBuffer(data);
      if (!type || !ALLOWED.has(type.mime)) throw fieldProblem(415, 'file', 'file_type_not_allowed');
      const name = safeFileName(part.filename) || `document.${type.ext}`;
      const row = await scoped(ctx.db, scopeOf(user), async (tx) => {
        const f = await tx
          .insertInto('files')
          .values({
            organisation_id: organisationId,
            name,
            content_type: type.mime,
            size: data.length,
            sha256: createHash('sha256').update(data).digest('hex'),
            data,
            created_by: user.userId,
          })
          .returning(['id', 'name', 'content_type', 'size'])
          .executeTakeFirstOrThrow();
        await audit(
          tx,
          { userId: user.userId, label: user.email },
          {
            action: 'file.uploaded',
            objectType: 'file',
            objectId: f.id,
            organisationId,
            data: { name, contentType: type.mime, size: data.length },
          },
        );
        return f;
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
      const { id } = request.params as { id: string };
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
