import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditReport } from '../../src/cli/audit-verify.ts';
import { audit, PLATFORM_CHAIN, SYSTEM_ACTOR, storedEntry, verifyAuditTrail } from '../../src/db/audit.ts';
import type { Database, Tx } from '../../src/db/connection.ts';
import { auditHash, type ChainProblem } from '../../src/domain/audit-chain.ts';
import { seedIfEmpty } from '../../src/seed/demo.ts';
import { createTestDatabase } from '../support/db.ts';

// The real verifier on the demo's real trail (a few hundred entries), tampered with as someone with
// the schema owner's rights would: the application role may not update or delete entries at all, and
// the owner meets a trigger that refuses both, so the attacker switches the trigger off first.

let db: Database;
/** The chain tampered with: Norrköping's, the demo's longest. */
let chain: string;
let funderName: string;
/** The newest entry's number in that chain when the demo is loaded. */
let newest: number;

beforeAll(async () => {
  db = await createTestDatabase({ demo: true });
  await seedIfEmpty(db);
  const funder = await db.kysely.selectFrom('funders').select(['id', 'name']).where('case_prefix', '=', 'SN').executeTakeFirstOrThrow();
  chain = funder.id;
  funderName = funder.name;
  newest = (await db.kysely.selectFrom('audit_heads').select('seq').where('chain', '=', chain).executeTakeFirstOrThrow()).seq;
  // An untouched copy of the trail and its heads, put back after every test.
  await sql`create table pristine_log as select * from audit_log`.execute(db.kysely);
  await sql`create table pristine_head as select * from audit_heads`.execute(db.kysely);
});

afterEach(async () => {
  await asAttacker(async (tx) => {
    await sql`delete from audit_log`.execute(tx);
    await sql`insert into audit_log select * from pristine_log`.execute(tx);
    await sql`delete from audit_heads`.execute(tx);
    await sql`insert into audit_heads select * from pristine_head`.execute(tx);
  });
  expect(await verdictOf()).toMatchObject({ ok: true, seq: newest });
  expect((await verifyAuditTrail(db)).ok).toBe(true);
});

afterAll(() => db.close());

/** Changes the trail with the owner's rights: the append-only trigger is disabled, for this transaction only. */
function asAttacker(change: (tx: Tx) => Promise<unknown>) {
  return db.kysely.transaction().execute(async (tx) => {
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(tx);
    await change(tx);
    await sql`alter table audit_log enable trigger audit_log_no_change`.execute(tx);
  });
}

/** The verdict on the chain under test. */
async function verdictOf(batch?: number) {
  const found = (await verifyAuditTrail(db, batch)).chains.find((c) => c.chain === chain);
  if (!found) throw new Error('the chain under test is not reported');
  return found.verdict;
}

const deleteEntries = (...seqs: number[]) => asAttacker((tx) => tx.deleteFrom('audit_log').where('chain', '=', chain).where('seq', 'in', seqs).execute());

/** Changes what an entry records and leaves its hash: what a careless attacker does. */
const changeData = (seq: number) =>
  asAttacker((tx) =>
    sql`update audit_log set data = data || '{"amount": 1}'::jsonb, reason = 'ändrad i efterhand' where chain = ${chain} and seq = ${seq}`.execute(tx),
  );

/** Changes what an entry records and gives it the hash of its new content: what a careful attacker does. */
async function rewrite(seq: number) {
  const row = await db.kysely.selectFrom('audit_log').selectAll().where('chain', '=', chain).where('seq', '=', seq).executeTakeFirstOrThrow();
  const { prevHash, hash: _old, ...content } = storedEntry(row);
  const changed = { ...content, reason: 'ändrad i efterhand' };
  const hash = auditHash(prevHash, changed);
  await asAttacker((tx) => tx.updateTable('audit_log').set({ reason: changed.reason, hash }).where('chain', '=', chain).where('seq', '=', seq).execute());
  return hash;
}

const idOf = async (seq: number) =>
  (await db.kysely.selectFrom('audit_log').select('id').where('chain', '=', chain).where('seq', '=', seq).executeTakeFirstOrThrow()).id;

/** The verifier's problems, that only the chain under test is broken, and that the command names them and fails. */
async function problemsFound(): Promise<ChainProblem[]> {
  const trails = await verifyAuditTrail(db);
  expect(trails.chains.filter((c) => !c.verdict.ok).map((c) => c.chain)).toEqual([chain]);
  const verdict = await verdictOf();
  if (verdict.ok) throw new Error('the verifier found the tampered trail intact');
  const report = await auditReport(db);
  expect(report.exitCode).toBe(1);
  expect(report.text.split('\n')[0]).toBe(`Audit trail BROKEN in 1 of ${trails.chains.length} chains (${funderName})`);
  for (const p of verdict.problems) expect(report.text).toContain(p.message);
  return verdict.problems;
}

describe('the audit trail verifier', () => {
  it('finds every chain intact, each ending exactly at its head, and the command says so and succeeds', async () => {
    const heads = await db.kysely.selectFrom('audit_heads').selectAll().execute();
    const counts = await db.kysely
      .selectFrom('audit_log')
      .select(['chain', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('chain')
      .execute();
    // The demo fills the platform's chain and a chain per funder; every entry is in its funder's chain.
    expect(heads.length).toBeGreaterThanOrEqual(3);
    expect(counts.map((c) => c.chain).sort()).toEqual(heads.map((h) => h.chain).sort());
    const misplaced = await db.kysely
      .selectFrom('audit_log')
      .select('seq')
      .where((eb) =>
        eb.or([
          eb.and([eb('funder_id', 'is not', null), eb('chain', '!=', eb.ref('funder_id'))]),
          eb.and([eb('funder_id', 'is', null), eb('chain', '!=', PLATFORM_CHAIN)]),
        ]),
      )
      .execute();
    expect(misplaced).toEqual([]);
    const head = heads.find((h) => h.chain === chain);
    expect(newest).toBeGreaterThan(20);
    expect(Number(counts.find((c) => c.chain === chain)?.n)).toBe(newest);
    const trails = await verifyAuditTrail(db);
    expect(trails.ok).toBe(true);
    expect(trails.count).toBe(counts.reduce((n, c) => n + Number(c.n), 0));
    expect(trails.chains[0].chain).toBe(PLATFORM_CHAIN);
    expect(await verdictOf()).toEqual({ ok: true, count: newest, seq: newest, head: head?.hash });
    const report = await auditReport(db);
    expect(report.exitCode).toBe(0);
    expect(report.text.split('\n')).toEqual([
      `Audit trail intact: ${trails.count} entries in ${heads.length} chains, each ending where its head says`,
      ...trails.chains.map((c) => {
        const h = heads.find((x) => x.chain === c.chain);
        const n = Number(counts.find((x) => x.chain === c.chain)?.n);
        return `  - ${c.chain === PLATFORM_CHAIN ? 'the platform' : c.funderName}: ${n} entries, ending at entry ${h?.seq}, head ${h?.hash}`;
      }),
    ]);
    expect(report.text).toContain(`  - ${funderName}: ${newest} entries, ending at entry ${newest}, head ${head?.hash}`);
  });

  it('is tampered with only by someone who switches off the append-only trigger', async () => {
    await expect(sql`delete from audit_log where chain = ${chain} and seq = ${newest}`.execute(db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set reason = 'x' where seq = 1`.execute(db.kysely)).rejects.toThrow(/append-only/);
  });

  describe('at the start', () => {
    it('notices the first entry deleted', async () => {
      await deleteEntries(1);
      expect(await problemsFound()).toEqual([
        { kind: 'missing', seq: 2, entryId: await idOf(2), message: 'the chain starts at entry 2, not 1: entry 1 is missing' },
      ]);
    });

    it('notices the first entries deleted', async () => {
      await deleteEntries(1, 2, 3);
      expect(await problemsFound()).toEqual([
        { kind: 'missing', seq: 4, entryId: await idOf(4), message: 'the chain starts at entry 4, not 1: entries 1–3 are missing' },
      ]);
    });

    it('notices the first entry changed', async () => {
      await changeData(1);
      expect(await problemsFound()).toEqual([
        { kind: 'content', seq: 1, entryId: await idOf(1), message: 'entry 1 does not match its hash: its content was changed' },
      ]);
    });
  });

  describe('in the middle', () => {
    const k = 12;

    it('notices entry k changed', async () => {
      await changeData(k);
      expect(await problemsFound()).toEqual([
        { kind: 'content', seq: k, entryId: await idOf(k), message: `entry ${k} does not match its hash: its content was changed` },
      ]);
    });

    it('notices entry k changed and given a fresh hash, at the entry after it', async () => {
      await rewrite(k);
      expect(await problemsFound()).toEqual([
        {
          kind: 'link',
          seq: k + 1,
          entryId: await idOf(k + 1),
          message: `entry ${k + 1} does not link to entry ${k}: its previous hash is not that entry's hash, so one of the two was rewritten`,
        },
      ]);
    });

    it('notices entry k deleted', async () => {
      await deleteEntries(k);
      expect(await problemsFound()).toEqual([
        { kind: 'missing', seq: k + 1, entryId: await idOf(k + 1), message: `entry ${k} is missing (entry ${k + 1} follows entry ${k - 1})` },
      ]);
    });
  });

  describe('at the end', () => {
    it('notices the newest entry deleted, though what is left is a well-linked chain', async () => {
      await deleteEntries(newest);
      expect(await problemsFound()).toEqual([
        {
          kind: 'truncated',
          seq: newest,
          entryId: null,
          message: `the chain ends at entry ${newest - 1} but the head says ${newest}: entry ${newest} is missing`,
        },
      ]);
      expect((await auditReport(db)).text).toContain(`${funderName}: BROKEN at entry #${newest}: the chain ends at entry ${newest - 1}`);
    });

    it('notices the newest three entries deleted', async () => {
      await deleteEntries(newest - 2, newest - 1, newest);
      expect(await problemsFound()).toEqual([
        {
          kind: 'truncated',
          seq: newest - 2,
          entryId: null,
          message: `the chain ends at entry ${newest - 3} but the head says ${newest}: entries ${newest - 2}–${newest} are missing`,
        },
      ]);
    });

    it('notices the newest entry changed', async () => {
      await changeData(newest);
      expect(await problemsFound()).toEqual([
        { kind: 'content', seq: newest, entryId: await idOf(newest), message: `entry ${newest} does not match its hash: its content was changed` },
      ]);
    });

    it('notices the newest entry changed and given a fresh hash, at the head', async () => {
      const head = await db.kysely.selectFrom('audit_heads').select('hash').where('chain', '=', chain).executeTakeFirstOrThrow();
      const forged = await rewrite(newest);
      expect(await problemsFound()).toEqual([
        {
          kind: 'head_hash',
          seq: newest,
          entryId: await idOf(newest),
          message: `the head names entry ${newest} with hash ${head.hash}, but entry ${newest}'s hash is ${forged}: the entry or the head was rewritten`,
        },
      ]);
    });
  });

  describe('at the head', () => {
    it('reports a missing head row', async () => {
      await asAttacker((tx) => tx.deleteFrom('audit_heads').where('chain', '=', chain).execute());
      expect(await problemsFound()).toEqual([
        {
          kind: 'no_head',
          seq: null,
          entryId: null,
          message: `the head row is missing, so nothing shows whether the newest entries are all there (the chain ends at entry ${newest})`,
        },
      ]);
      expect((await auditReport(db)).text).toContain(`${funderName}: BROKEN at its head: the head row is missing`);
    });

    it('reports a head that points past the last entry', async () => {
      await asAttacker((tx) =>
        tx
          .updateTable('audit_heads')
          .where('chain', '=', chain)
          .set({ seq: newest + 2 })
          .execute(),
      );
      expect(await problemsFound()).toEqual([
        {
          kind: 'truncated',
          seq: newest + 1,
          entryId: null,
          message: `the chain ends at entry ${newest} but the head says ${newest + 2}: entries ${newest + 1}–${newest + 2} are missing`,
        },
      ]);
    });

    it('reports entries after the one the head names', async () => {
      const before = await db.kysely
        .selectFrom('audit_log')
        .select('hash')
        .where('chain', '=', chain)
        .where('seq', '=', newest - 1)
        .executeTakeFirstOrThrow();
      await asAttacker((tx) =>
        tx
          .updateTable('audit_heads')
          .where('chain', '=', chain)
          .set({ seq: newest - 1, hash: before.hash })
          .execute(),
      );
      expect(await problemsFound()).toEqual([
        {
          kind: 'beyond_head',
          seq: newest,
          entryId: null,
          message: `the chain ends at entry ${newest} but the head says ${newest - 1}: entry ${newest} comes after the head`,
        },
      ]);
    });

    it('reports a head whose hash differs from the newest entry’s', async () => {
      const entry = await db.kysely.selectFrom('audit_log').select('hash').where('chain', '=', chain).where('seq', '=', newest).executeTakeFirstOrThrow();
      await asAttacker((tx) =>
        tx
          .updateTable('audit_heads')
          .where('chain', '=', chain)
          .set({ hash: 'f'.repeat(64) })
          .execute(),
      );
      expect(await problemsFound()).toEqual([
        {
          kind: 'head_hash',
          seq: newest,
          entryId: await idOf(newest),
          message: `the head names entry ${newest} with hash ${'f'.repeat(64)}, but entry ${newest}'s hash is ${entry.hash}: the entry or the head was rewritten`,
        },
      ]);
    });
  });

  it('reports every place tampered with, in chain order, and the command lists them all', async () => {
    await changeData(3);
    await deleteEntries(20, newest);
    const problems = await problemsFound();
    expect(problems.map((p) => [p.kind, p.seq])).toEqual([
      ['content', 3],
      ['missing', 21],
      ['truncated', newest],
    ]);
    const lines = (await auditReport(db)).text.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${funderName}: BROKEN`));
    expect(lines.slice(at, at + 2)).toEqual([
      `${funderName}: BROKEN at entry #3 (id ${await idOf(3)}): entry 3 does not match its hash: its content was changed. 2 entries before it hold.`,
      '  3 problems:',
    ]);
    // The other chains are reported intact.
    expect(lines.filter((l) => / intact, \d+ entries/.test(l)).length).toBeGreaterThanOrEqual(2);
  });

  it('reads entries and head in one snapshot, so appends committed while it reads are never taken for tampering', async () => {
    const verdicts: Promise<unknown>[] = [];
    const appends: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      // Small batches, so one verification reads over many statements while the appends commit.
      if (i % 5 === 0) verdicts.push(verifyAuditTrail(db, 50));
      // Into the chain under test and into the platform's, both at once.
      const funderId = i % 2 === 0 ? chain : null;
      appends.push(
        db.kysely
          .transaction()
          .execute((tx) => audit(tx, SYSTEM_ACTOR, { action: 'test.appended', objectType: 'test', objectId: null, funderId, data: { i } })),
      );
    }
    await Promise.all(appends);
    for (const v of await Promise.all(verdicts)) expect(v).toMatchObject({ ok: true });
    expect(await verdictOf()).toMatchObject({ ok: true, seq: newest + 15 });
  });
});
