// Idempotency-Key on every state-changing POST of the API, as payment APIs do: a retry of the same request
// with the same key gets the first answer again (the change is not made twice); the same key on any other
// request is refused with 409 naming the key. Keys belong to the signed-in person and are kept for a day.
//
// The key is claimed before the handler runs and its answer stored once the handler has answered with
// success; an answer that is not a success releases the key, so a corrected request may use it again. A
// request whose first attempt is still running is told to retry; one whose first attempt died without an
// answer (the process stopped) is taken over after ABANDONED_MS. Uploads (multipart) are not covered:
// their content is not read before the handler.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { system } from '../../db/scope.ts';
import { canonicalJson } from '../../domain/audit-chain.ts';
import type { AppContext } from '../context.ts';
import { Problem } from '../problem.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEPT_MS = 24 * 60 * 60 * 1000;
const ABANDONED_MS = 2 * 60 * 1000;

const KeySchema = Type.Optional(
  Type.String({
    minLength: 1,
    maxLength: 200,
    description:
      'Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person.',
  }),
);

declare module 'fastify' {
  interface FastifyRequest {
    /** The Idempotency-Key this request claimed, whose answer is stored when it succeeds. */
    idempotencyKey: string | null;
  }
}

/** What the request is, for telling a retry from another request under the same key. */
function fingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(canonicalJson({ method: request.method, url: request.url, body: (request.body as unknown) ?? null }))
    .digest('hex');
}

type Claim = { kind: 'claimed' } | { kind: 'other_request' } | { kind: 'in_progress' } | { kind: 'replay'; status: number; type: string; body: string };

export function installIdempotency(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('idempotencyKey', null);

  // Every POST of the API says in its description that it takes the header.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST') || !route.url.startsWith('/api/')) return;
    route.schema = route.schema ?? {};
    const schema = route.schema as { headers?: { properties?: Record<string, unknown> } };
    schema.headers = Type.Object({ ...(schema.headers?.properties ?? {}), [IDEMPOTENCY_HEADER]: KeySchema }) as never;
  });

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/api/')) return;
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (typeof key !== 'string' || !key || !request.user || request.isMultipart()) return;
    const userId = request.user.userId;
    const print = fingerprint(request);
    const now = new Date();
    const claim = await system(ctx.db, async (tx): Promise<Claim> => {
      await tx
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', userId)
        .where('created_at', '<', new Date(now.getTime() - KEPT_MS))
        .execute();
      const inserted = await tx
        .insertInto('idempotency_keys')
        .values({ user_id: userId, key, fingerprint: print, created_at: now })
        .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (inserted) return { kind: 'claimed' };
      const row = await tx.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).forUpdate().executeTakeFirst();
      if (!row) return { kind: 'in_progress' };
      if (row.fingerprint !== print) return { kind: 'other_request' };
      if (row.status_code !== null) return { kind: 'replay', status: row.status_code, type: row.content_type ?? 'application/json', body: row.body ?? '' };
      if (now.getTime() - row.created_at.getTime() < ABANDONED_MS) return { kind: 'in_progress' };
      await tx.updateTable('idempotency_keys').set({ created_at: now }).where('user_id', '=', userId).where('key', '=', key).execute();
      return { kind: 'claimed' };
    });
    switch (claim.kind) {
      case 'claimed':
        request.idempotencyKey = key;
        return;
      case 'other_request':
        throw new Problem(409, 'idempotency_key_reused', { key });
      case 'in_progress':
        reply.header('retry-after', '1');
        throw new Problem(409, 'idempotency_key_in_progress', { key });
      case 'replay':
        return reply.code(claim.status).type(claim.type).header('idempotent-replayed', 'true').send(claim.body);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.user) return payload;
    request.idempotencyKey = null;
    const userId = request.user.userId;
    const stored = reply.statusCode >= 200 && reply.statusCode < 300 && (typeof payload === 'string' || Buffer.isBuffer(payload));
    await system(ctx.db, async (tx) => {
      if (stored) {
        await tx
          .updateTable('idempotency_keys')
          .set({ status_code: reply.statusCode, content_type: String(reply.getHeader('content-type') ?? 'application/json'), body: payload.toString() })
          .where('user_id', '=', userId)
          .where('key', '=', key)
          .execute();
      } else {
        await tx.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();
      }
    });
    return payload;
  });
}
