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

/** A place in a chain: an entry's sequence number and hash, or the head row that names the newest entry. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/** What stands before the first entry: the first entry is number 1 and links to the genesis hash. */
export const GENESIS: ChainPoint = { seq: 0, hash: GENESIS_HASH };

export type ChainProblemKind =
  /** Entries are absent between two that are there, or before the first. */
  | 'missing'
  /** An entry's number does not come after the one before it. */
  | 'order'
  /** An entry's previous hash is not the hash of the entry before it. */
  | 'link'
  /** An entry's content does not hash to its hash: it was changed. */
  | 'content'
  /** There is no head row, so nothing says where the chain should end. */
  | 'no_head'
  /** The head names a later entry than the last one there: the newest entries are gone. */
  | 'truncated'
  /** There are entries after the one the head names. */
  | 'beyond_head'
  /** The head names the last entry's number but another hash. */
  | 'head_hash';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The entry where the problem shows, or the first missing one at the end; null for a missing head. */
  seq: number | null;
  /** That entry's id, when there is such an entry. */
  entryId: string | null;
  /** What is wrong, in words an auditor can act on. */
  message: string;
}

export type ChainVerdict =
  | { ok: true; count: number; seq: number; head: string }
  | {
      ok: false;
      /** Entries that hold before the first problem. */
      count: number;
      brokenAt: number | null;
      entryId: string | null;
      /** The first problem's message. */
      problem: string;
      /** Every problem found, in chain order, the head's last. */
      problems: ChainProblem[];
    };

const range = (from: number, to: number) => (from === to ? `entry ${from} is missing` : `entries ${from}–${to} are missing`);

/**
 * Checks a chain's entries one by one, in sequence order, without holding them, and then checks
 * that the chain reaches the head that names its newest entry: the links alone cannot tell that
 * the newest entries were deleted, because what is left is still a well-linked chain.
 * After a problem it carries on from the entry as stored, so each later problem is reported once.
 */
export class ChainChecker {
  #last: ChainPoint & { id: string | null };
  #count = 0;
  #holding = 0;
  readonly #problems: ChainProblem[] = [];

  constructor(from: ChainPoint = GENESIS) {
    this.#last = { ...from, id: null };
  }

  add(e: StoredEntry): void {
    const expected = this.#last.seq + 1;
    const note = (kind: ChainProblemKind, message: string) => this.#problems.push({ kind, seq: e.seq, entryId: e.id, message });
    if (e.seq > expected) {
      note(
        'missing',
        this.#count === 0
          ? `the chain starts at entry ${e.seq}, not ${expected}: ${range(expected, e.seq - 1)}`
          : `${range(expected, e.seq - 1)} (entry ${e.seq} follows entry ${this.#last.seq})`,
      );
    } else if (e.seq < expected) {
      note(
        'order',
        this.#count === 0
          ? `entry ${e.seq} stands before the start of the chain, which is entry ${expected}`
          : `entry ${e.seq} follows entry ${this.#last.seq}: entries are out of order or repeated`,
      );
    } else if (e.prevHash !== this.#last.hash) {
      note(
        'link',
        this.#count === 0
          ? `entry ${e.seq} does not link to the start of the chain: its previous hash is not the starting hash`
          : `entry ${e.seq} does not link to entry ${this.#last.seq}: its previous hash is not that entry's hash, so one of the two was rewritten`,
      );
    }
    // The content is checked against the entry's own previous hash, so a broken link is not reported twice.
    if (auditHash(e.prevHash, stripHashes(e)) !== e.hash) note('content', `entry ${e.seq} does not match its hash: its content was changed`);
    if (this.#problems.length === 0) this.#holding += 1;
    this.#count += 1;
    this.#last = { seq: e.seq, hash: e.hash, id: e.id };
  }

  /** The verdict on the links alone. */
  links(): ChainVerdict {
    return this.#verdict(this.#problems);
  }

  /** The verdict on the links and on whether the chain ends exactly where the head says. */
  against(head: ChainPoint | null): ChainVerdict {
    return this.#verdict([...this.#problems, ...this.#headProblems(head)]);
  }

  #headProblems(head: ChainPoint | null): ChainProblem[] {
    const last = this.#last;
    const end = this.#count === 0 ? 'the chain is empty' : `the chain ends at entry ${last.seq}`;
    if (!head)
      return [
        { kind: 'no_head', seq: null, entryId: null, message: `the head row is missing, so nothing shows whether the newest entries are all there (${end})` },
      ];
    if (head.seq > last.seq) {
      return [{ kind: 'truncated', seq: last.seq + 1, entryId: null, message: `${end} but the head says ${head.seq}: ${range(last.seq + 1, head.seq)}` }];
    }
    if (head.seq < last.seq) {
      const beyond = head.seq + 1 === last.seq ? `entry ${last.seq} comes` : `entries ${head.seq + 1}–${last.seq} come`;
      return [{ kind: 'beyond_head', seq: head.seq + 1, entryId: null, message: `${end} but the head says ${head.seq}: ${beyond} after the head` }];
    }
    if (head.hash !== last.hash) {
      const what = this.#count === 0 ? 'the hash before the first entry' : `entry ${last.seq}'s hash`;
      return [
        {
          kind: 'head_hash',
          seq: this.#count === 0 ? null : last.seq,
          entryId: last.id,
          message: `the head names entry ${head.seq} with hash ${head.hash}, but ${what} is ${last.hash}: the entry or the head was rewritten`,
        },
      ];
    }
    return [];
  }

  #verdict(problems: ChainProblem[]): ChainVerdict {
    if (problems.length === 0) return { ok: true, count: this.#count, seq: this.#last.seq, head: this.#last.hash };
    const [first] = problems;
    return { ok: false, count: this.#holding, brokenAt: first.seq, entryId: first.entryId, problem: first.message, problems };
  }
}

/** Checks the links of a chain's entries only; verifyTrail also checks that the chain reaches its head. */
export function verifyChain(entries: Iterable<StoredEntry>, from: ChainPoint = GENESIS): ChainVerdict {
  const checker = new ChainChecker(from);
  for (const e of entries) checker.add(e);
  return checker.links();
}

/** Checks a whole chain: every link, that it starts right after `from`, and that it ends exactly at the head. */
export function verifyTrail(entries: Iterable<StoredEntry>, head: ChainPoint | null, from: ChainPoint = GENESIS): ChainVerdict {
  const checker = new ChainChecker(from);
  for (const e of entries) checker.add(e);
  return checker.against(head);
}

function stripHashes(e: StoredEntry): AuditContent {
  const { prevHash: _p, hash: _h, ...content } = e;
  return content;
}
