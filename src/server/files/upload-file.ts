// Uploading a document for an organisation: the one place that checks the user acts for it, judges
// the file by its content (an allowed type; an Office or OpenDocument archive measured unpacked before it
// is stored), keeps it under a safe name and appends the audit entry. The file is read only once the
// user may upload it.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { inspectZip, looksLikeZip, type ZipProblem } from './zip-check.ts';

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

/** The accepted types that are zip archives inside, measured unpacked before they are stored. */
const ZIP_CONTAINERS = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

const MB = 1024 * 1024;

/** What the volunteer is told about an archive that was refused, on the upload's field. */
function zipProblem(problem: ZipProblem): Problem {
  switch (problem.reason) {
    case 'too_many_entries':
      return fieldProblem(422, 'file', 'file_too_many_parts', {
        limit: { sv: problem.limit.toLocaleString('sv-SE'), en: problem.limit.toLocaleString('en-GB') },
      });
    case 'too_large':
      return fieldProblem(422, 'file', 'file_unpacks_too_large', { limit: Math.round(problem.limit / MB) });
    case 'ratio':
      return fieldProblem(422, 'file', 'file_packed_too_tightly', { ratio: problem.limit });
    case 'damaged':
      return fieldProblem(422, 'file', 'file_damaged');
  }
}

/** A stored name without path separators or control characters, at most 200 characters. */
function safeFileName(name: string): string {
  return [...name]
    .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
    .join('')
    .slice(0, 200);
}

/** Stores the file `read` gives, for the organisation; answers it as stored. */
export async function uploadFile(
  ctx: AppContext,
  user: SignedInUser,
  organisationId: string,
  read: () => Promise<{ filename: string; data: Buffer }>,
  options: CommandOptions = {},
) {
  if (!policy.actForOrganisation(user, organisationId)) throw new Problem(403, 'forbidden');
  const { filename, data } = await read();
  const type = await fileTypeFromBuffer(data);
  if (!type || !ALLOWED.has(type.mime)) throw fieldProblem(415, 'file', 'file_type_not_allowed');
  if (ZIP_CONTAINERS.has(type.mime) || looksLikeZip(data)) {
    const verdict = await inspectZip(data);
    if (!verdict.ok) throw zipProblem(verdict);
  }
  const name = safeFileName(filename) || `document.${type.ext}`;
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user), async (tx) => {
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
        created_at: now,
      })
      .returning(['id', 'name', 'content_type', 'size'])
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'file.uploaded',
      objectType: 'file',
      objectId: f.id,
      organisationId,
      reason: auditReason(options),
      data: { name, contentType: type.mime, size: data.length },
    });
    return f;
  });
}
