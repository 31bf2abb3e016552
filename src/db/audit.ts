import { randomUUID } from 'node:crypto';
import { type RawBuilder, type Selectable, sql } from 'kysely';
import { type AuditContent, ChainChecker, type ChainVerdict, GENESIS, GENESIS_HASH, hashedBody, type StoredEntry } from '../domain/audit-chain.ts';
import type { Database, Tx } from './connection.ts';
import { PLATFORM_CHAIN } from './migrations/0010_audit_chains.ts';
import type { AuditLogTable, AuditPendingTable } from './schema.ts';

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
  /** When it happened, if not now: a run of draft saves is dated by its last save. */
  at?: Date;
}

/** A value of the entry's data known only inside the statement, such as a number the same statement assigns. */
export interface FilledInSql {
  /** Stands for the value in the data until the database puts it in; unique per call. */
  marker: string;
  /** A text expression over the statement's earlier CTEs. */
  value: RawBuilder<string>;
}

/** The chain of platform-level events (accounts, organisations) and of the entries made before chains were per funder. */
export { PLATFORM_CHAIN };

/** The chain an entry is appended to: its funder's, or the platform's. */
export const chainOf = (funderId: string | null | undefined): string => funderId ?? PLATFORM_CHAIN;

/**
 * The append as CTEs (head, entry) for a statement of the caller's. One upsert takes the head row of
 * the entry's chain (the funder's, or the platform's) and moves it on, computing the new hash as
 * auditHash does; the row's lock orders concurrent writers to that chain, so it never forks, and is
 * held from there to commit. Writers to other funders' chains never wait for it.
 * No RETURNING: row-level security may let a transaction write an entry it cannot read back.
 */
export function auditCtes(actor: Actor, input: AuditInput, fill?: FilledInSql): RawBuilder<unknown> {
  const content: Omit<AuditContent, 'seq'> = {
    id: randomUUID(),
    at: (input.at ?? new Date()).toISOString(),
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
  const chain = chainOf(content.funderId);
  const body = hashedBody({ ...content, seq: 0 });
  const data = JSON.stringify(content.data);
  // The marker is a JSON string in both texts; to_json gives the value the same JSON spelling.
  const filled = (text: string) => (fill ? sql<string>`replace(${text}, ${JSON.stringify(fill.marker)}, to_json(${fill.value})::text)` : sql<string>`${text}`);
  return sql`
    head as (
      insert into audit_heads as h (chain, seq, prev, hash)
      select ${chain}::uuid, 1, ${GENESIS_HASH}, encode(sha256(convert_to(${GENESIS_HASH} || E'\n1\n' || ${filled(body)}, 'UTF8')), 'hex')
      on conflict (chain) do update
        set seq = h.seq + 1, prev = h.hash,
            hash = encode(sha256(convert_to(h.hash || E'\n' || (h.seq + 1)::text || E'\n' || ${filled(body)}, 'UTF8')), 'hex')
      returning seq, prev, hash
    ),
    entry as (
      insert into audit_log (chain, seq, id, at, actor_id, actor_label, funder_id, organisation_id, action, object_type, object_id, reason, data, prev_hash, hash)
      select ${chain}::uuid, head.seq, ${content.id}, ${content.at}::timestamptz, ${content.actorId}, ${content.actorLabel}, ${content.funderId}, ${content.organisationId},
             ${content.action}, ${content.objectType}, ${content.objectId}, ${content.reason}, (${filled(data)})::jsonb, head.prev, head.hash
      from head
    )`;
}

/**
 * Appends one entry to its chain inside the caller's transaction. Draft saves of the same object
 * that are still gathered outside the chain are appended first, so the chain keeps the order in
 * which things happened (a draft's saves before its submission, a reviewer's draft before their
 * declaration of a conflict).
 */
export async function audit(tx: Tx, actor: Actor, input: AuditInput): Promise<void> {
  if (input.objectId && GATHERED_OBJECT_TYPES.has(input.objectType)) await sealDraftSaves(tx, input.objectType, input.objectId);
  await sql`with ${auditCtes(actor, input)} select 1`.execute(tx);
}

// Draft saves while someone types are gathered per draft, person and action, outside the chain, and
// appended as one entry that says how many saves it stands for: so typing never takes a chain's head.
// A run is appended when anything else happens to the object (audit seals it first), or by the
// minute's sweep once the person has paused, or once the run is old, whichever comes first.

/** The actions gathered into runs, and the kind of object they are about. */
export const GATHERED_ACTIONS = ['application.draft_saved', 'review.draft_saved', 'report.draft_saved'] as const;
const GATHERED_OBJECT_TYPES = new Set(['application', 'report']);
/** A run ends when its person has not saved for this long… */
export const DRAFT_RUN_PAUSE_MS = 2 * 60_000;
/** …or when it began this long ago, so no save stays outside the chain for long. */
export const DRAFT_RUN_MAX_MS = 15 * 60_000;

export interface DraftSave extends AuditInput {
  action: (typeof GATHERED_ACTIONS)[number];
  objectId: string;
  /** The parts of the draft this save changed; a run records every part any of its saves changed. */
  data: Record<string, unknown> & { changed?: string[] };
}

/**
 * Records a save of a draft: added to the person's current run in one statement that locks only the
 * run's own row, or, when the run has ended (a pause, or its age), after appending that run to the chain.
 */
export async function auditDraftSave(tx: Tx, actor: Actor, input: DraftSave, now = new Date()): Promise<void> {
  if (!actor.userId) throw new Error('a draft is saved by a person');
  const key = { action: input.action, objectType: input.objectType, objectId: input.objectId, actorId: actor.userId };
  const pausedSince = new Date(now.getTime() - DRAFT_RUN_PAUSE_MS);
  const startedSince = new Date(now.getTime() - DRAFT_RUN_MAX_MS);
  const upsert = () =>
    sql<{ saves: number }>`
    insert into audit_pending as p (action, object_type, object_id, actor_id, actor_label, reason, funder_id, organisation_id, first_at, last_at, saves, data)
    values (${key.action}, ${key.objectType}, ${key.objectId}, ${key.actorId}, ${actor.label}, ${input.reason ?? null}, ${input.funderId ?? null}, ${input.organisationId ?? null},
            ${now}, ${now}, 1, ${JSON.stringify(input.data)}::jsonb)
    on conflict (object_type, object_id, actor_id, action) do update
      set last_at = excluded.last_at, saves = p.saves + 1, actor_label = excluded.actor_label, reason = excluded.reason,
          data = case when excluded.data ? 'changed'
                      then excluded.data || jsonb_build_object('changed', (
                        select coalesce(jsonb_agg(part order by first_seen), '[]'::jsonb)
                        from (select part, min(n) as first_seen
                              from jsonb_array_elements_text(coalesce(p.data -> 'changed', '[]'::jsonb) || (excluded.data -> 'changed')) with ordinality as c(part, n)
                              group by part) parts))
                      else excluded.data end
      where p.last_at > ${pausedSince} and p.first_at > ${startedSince}
    returning saves`.execute(tx);
  if ((await upsert()).rows.length) return;
  // The run this save would join has ended: it goes into the chain, and this save begins the next.
  await sealDraftSaves(tx, key.objectType, key.objectId, key);
  await upsert();
}

type PendingRow = Selectable<AuditPendingTable>;

/** Appends a gathered run to its chain as one entry, dated by its last save. */
async function appendRun(tx: Tx, run: PendingRow): Promise<void> {
  await sql`with ${auditCtes(
    { userId: run.actor_id, label: run.actor_label },
    {
      action: run.action,
      objectType: run.object_type,
      objectId: run.object_id,
      funderId: run.funder_id,
      organisationId: run.organisation_id,
      reason: run.reason,
      at: run.last_at,
      data: { ...run.data, saves: run.saves, firstSavedAt: run.first_at.toISOString() },
    },
  )} select 1`.execute(tx);
}

/** Appends the gathered draft saves of one object (or of one person's run on it) to the chain, oldest first. */
export async function sealDraftSaves(tx: Tx, objectType: string, objectId: string, only?: { action: string; actorId: string }): Promise<number> {
  const runs = await sql<PendingRow>`
    delete from audit_pending
    where object_type = ${objectType} and object_id = ${objectId}
      ${only ? sql`and action = ${only.action} and actor_id = ${only.actorId}` : sql``}
    returning *`.execute(tx);
  const ordered = [...runs.rows].sort((a, b) => a.last_at.getTime() - b.last_at.getTime());
  for (const run of ordered) await appendRun(tx, run);
  return ordered.length;
}

/**
 * The sweep: appends every run whose person has paused or that is old, and answers how many.
 * A run someone is saving to right now is skipped (it is locked) and taken by a later sweep.
 */
export async function sealEndedDraftRuns(tx: Tx, now = new Date()): Promise<number> {
  const runs = await sql<PendingRow>`
    delete from audit_pending
    where (object_type, object_id, actor_id, action) in (
      select object_type, object_id, actor_id, action from audit_pending
      where last_at <= ${new Date(now.getTime() - DRAFT_RUN_PAUSE_MS)} or first_at <= ${new Date(now.getTime() - DRAFT_RUN_MAX_MS)}
      for update skip locked)
    returning *`.execute(tx);
  const ordered = [...runs.rows].sort((a, b) => a.last_at.getTime() - b.last_at.getTime());
  for (const run of ordered) await appendRun(tx, run);
  return ordered.length;
}

/** Draft saves of one object not yet in the chain, as the object's trail shows them. */
export function draftRunsOf(tx: Tx, objectType: string, objectId: string) {
  return tx.selectFrom('audit_pending').selectAll().where('object_type', '=', objectType).where('object_id', '=', objectId).orderBy('last_at').execute();
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

/** One chain's verdict: the platform's, or a funder's (with its name, when the funder is known). */
export interface ChainReport {
  chain: string;
  funderName: string | null;
  verdict: ChainVerdict;
}

export interface TrailsVerdict {
  /** Every chain holds and ends exactly at its head. */
  ok: boolean;
  /** Entries in all chains. */
  count: number;
  /** The platform's chain first, then the funders' by name. */
  chains: ChainReport[];
}

/**
 * Reads every chain in order, as the owner, checks every link, and checks that each chain ends
 * exactly at its head row: deleting the newest entries leaves a well-linked chain, so only the head
 * shows it. A chain with entries and no head, or a head with no entries, is reported too.
 * Entries and heads are read in one snapshot, so appends committed meanwhile cannot look like tampering.
 */
export async function verifyAuditTrail(db: Database, batch = 5000): Promise<TrailsVerdict> {
  return db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      await sql`set transaction read only`.execute(tx);
      const heads = await tx.selectFrom('audit_heads').select(['chain', 'seq', 'hash']).execute();
      const names = new Map((await tx.selectFrom('funders').select(['id', 'name']).execute()).map((f) => [f.id, f.name]));
      const checkers = new Map<string, ChainChecker>();
      let after: { chain: string; seq: number } | null = null;
      for (;;) {
        const from: { chain: string; seq: number } | null = after;
        const rows: Selectable<AuditLogTable>[] = await tx
          .selectFrom('audit_log')
          .selectAll()
          .$if(from !== null, (qb) => qb.where((eb) => eb(eb.refTuple('chain', 'seq'), '>', eb.tuple(from?.chain ?? '', from?.seq ?? 0))))
          .orderBy('chain')
          .orderBy('seq')
          .limit(batch)
          .execute();
        for (const r of rows) {
          const checker = checkers.get(r.chain) ?? new ChainChecker(GENESIS);
          checkers.set(r.chain, checker);
          checker.add(storedEntry(r));
        }
        if (rows.length < batch) break;
        const last: Selectable<AuditLogTable> = rows[rows.length - 1];
        after = { chain: last.chain, seq: last.seq };
      }
      const chains = [...new Set([...heads.map((h) => h.chain), ...checkers.keys()])].map((chain): ChainReport => {
        const head = heads.find((h) => h.chain === chain);
        const verdict = (checkers.get(chain) ?? new ChainChecker(GENESIS)).against(head ? { seq: head.seq, hash: head.hash } : null);
        return { chain, funderName: names.get(chain) ?? null, verdict };
      });
      chains.sort((a, b) =>
        a.chain === PLATFORM_CHAIN ? -1 : b.chain === PLATFORM_CHAIN ? 1 : (a.funderName ?? a.chain).localeCompare(b.funderName ?? b.chain, 'sv'),
      );
      return { ok: chains.every((c) => c.verdict.ok), count: chains.reduce((n, c) => n + c.verdict.count, 0), chains };
    });
}
