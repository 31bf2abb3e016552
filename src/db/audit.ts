import { randomUUID } from 'node:crypto';
import { type RawBuilder, type Selectable, sql } from 'kysely';
import { type AuditContent, ChainChecker, type ChainVerdict, GENESIS, hashedBody, type StoredEntry } from '../domain/audit-chain.ts';
import type { Database, Tx } from './connection.ts';
import type { AuditLogTable } from './schema.ts';

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

/** A value of the entry's data known only inside the statement, such as a number the same statement assigns. */
export interface FilledInSql {
  /** Stands for the value in the data until the database puts it in; unique per call. */
  marker: string;
  /** A text expression over the statement's earlier CTEs. */
  value: RawBuilder<string>;
}

/**
 * The append as CTEs (head, entry, moved) for a statement of the caller's: it locks the chain's
 * head row, so concurrent writers are ordered and the chain never forks, and it holds that lock
 * only from there to commit. The database computes the hash exactly as auditHash does.
 * No RETURNING: row-level security may let a transaction write an entry it cannot read back.
 */
export function auditCtes(actor: Actor, input: AuditInput, fill?: FilledInSql): RawBuilder<unknown> {
  const content: Omit<AuditContent, 'seq'> = {
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
  const body = hashedBody({ ...content, seq: 0 });
  const data = JSON.stringify(content.data);
  // The marker is a JSON string in both texts; to_json gives the value the same JSON spelling.
  const filled = (text: string) => (fill ? sql<string>`replace(${text}, ${JSON.stringify(fill.marker)}, to_json(${fill.value})::text)` : sql<string>`${text}`);
  return sql`
    head as (
      select seq + 1 as seq, hash as prev,
             encode(sha256(convert_to(hash || E'\\n' || (seq + 1)::text || E'\\n' || ${filled(body)}, 'UTF8')), 'hex') as hash
      from audit_head where id = 1 for update
    ),
    entry as (
      insert into audit_log (seq, id, at, actor_id, actor_label, funder_id, organisation_id, action, object_type, object_id, reason, data, prev_hash, hash)
      select head.seq, ${content.id}, ${content.at}::timestamptz, ${content.actorId}, ${content.actorLabel}, ${content.funderId}, ${content.organisationId},
             ${content.action}, ${content.objectType}, ${content.objectId}, ${content.reason}, (${filled(data)})::jsonb, head.prev, head.hash
      from head
    ),
    moved as (
      update audit_head set seq = head.seq, hash = head.hash from head where audit_head.id = 1
    )`;
}

/** Appends one entry to the hash chain inside the caller's transaction, in one statement. */
export async function audit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  await sql`with ${auditCtes(actor, input)} select 1`.execute(tx);
}

/** An audit_log row as the chain's pure functions read it. */
export function storedEntry(r: Selectable<AuditLogTable>): StoredEntry {
  return {
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
  };
}

/**
 * Reads the whole chain in order, as the owner, checks every link, and checks that it ends exactly
 * at the head row: deleting the newest entries leaves a well-linked chain, so only the head shows it.
 * Entries and head are read in one snapshot, so appends committed meanwhile cannot look like tampering.
 */
export async function verifyAuditTrail(db: Database, batch = 5000): Promise<ChainVerdict> {
  return db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      await sql`set transaction read only`.execute(tx);
      const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
      const checker = new ChainChecker(GENESIS);
      let after = Number.MIN_SAFE_INTEGER;
      for (;;) {
        const rows = await tx.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
        for (const r of rows) checker.add(storedEntry(r));
        if (rows.length < batch) break;
        after = rows[rows.length - 1].seq;
      }
      return checker.against(head ?? null);
    });
}
