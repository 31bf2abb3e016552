import { createHash } from 'node:crypto';

/** The hash that stands before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  funderId: string | null;
  organisationId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  reason: string | null;
  data: unknown;
}

/** JSON with object keys sorted, so that a jsonb round trip hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What an entry's hash covers besides the previous hash and its sequence number. */
export function hashedBody(content: AuditContent): string {
  const { seq: _seq, ...rest } = content;
  return canonicalJson(rest);
}

/**
 * Each entry's hash covers the previous entry's hash, its sequence number and
 * all of its content: sha256(prev + "\n" + seq + "\n" + body). The database
 * computes the same when it appends, so the append is one statement.
 */
export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${content.seq}\n${hashedBody(content)}`)
    .digest('hex');
}

export interface StoredEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainVerdict = { ok: true; count: number; head: string } | { ok: false; count: number; brokenAt: number; entryId: string; problem: string };

/** Walks the chain in order and names the first entry that does not hold. */
export function verifyChain(entries: Iterable<StoredEntry>): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const e of entries) {
    const problem =
      e.seq !== expectedSeq
        ? `sequence gap: expected ${expectedSeq}, found ${e.seq}`
        : e.prevHash !== prev
          ? 'previous hash does not match the entry before it'
          : auditHash(prev, stripHashes(e)) !== e.hash
            ? 'content does not match its hash'
            : null;
    if (problem) return { ok: false, count, brokenAt: e.seq, entryId: e.id, problem };
    prev = e.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, count, head: prev };
}

function stripHashes(e: StoredEntry): AuditContent {
  const { prevHash: _p, hash: _h, ...content } = e;
  return content;
}
