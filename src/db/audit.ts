import { randomUUID } from 'node:crypto';
import { type AuditContent, auditHash } from '../domain/audit-chain.ts';
import type { Tx } from './connection.ts';

export interface Actor {
  userId: string | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

export interface AuditInput {
  action: string;
  objectType: string;
  objectId: string | null;
  funderId?: string | null;
  organisationId?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends one entry to the hash chain inside the caller's transaction. The
 * head row's lock orders concurrent writers, so the chain never forks.
 */
export async function audit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const content: AuditContent = {
    seq: head.seq + 1,
    id: randomUUID(),
    at: new Date().toISOString(),
    actorId: actor.userId,
    actorLabel: actor.label,
    funderId: input.funderId ?? null,
    organisationId: input.organisationId ?? null,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    reason: input.reason ?? null,
    data: input.data ?? {},
  };
  const hash = auditHash(head.hash, content);
  await tx
    .insertInto('audit_log')
    .values({
      seq: content.seq,
      id: content.id,
      at: new Date(content.at),
      actor_id: content.actorId,
      actor_label: content.actorLabel,
      funder_id: content.funderId,
      organisation_id: content.organisationId,
      action: content.action,
      object_type: content.objectType,
      object_id: content.objectId,
      reason: content.reason,
      data: JSON.stringify(content.data),
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await tx.updateTable('audit_head').set({ seq: content.seq, hash }).where('id', '=', 1).execute();
}
