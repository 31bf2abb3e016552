import { randomUUID } from 'node:crypto';
import { type AuditContent, auditHash, type ChainVerdict, type StoredEntry, verifyChain } from '../domain/audit-chain.ts';
import type { Database, Tx } from './connection.ts';

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

/** Reads the whole chain in order, as the owner, and checks every link. */
export async function verifyAuditTrail(db: Database, batch = 5000): Promise<ChainVerdict> {
  const entries: StoredEntry[] = [];
  let after = 0;
  for (;;) {
    const rows = await db.kysely.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    for (const r of rows) {
      entries.push({
        seq: r.seq,
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        funderId: r.funder_id,
        organisationId: r.organisation_id,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        reason: r.reason,
        data: r.data,
        prevHash: r.prev_hash,
        hash: r.hash,
      });
    }
    if (rows.length < batch) break;
    after = rows[rows.length - 1].seq;
  }
  return verifyChain(entries);
}
