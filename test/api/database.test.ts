import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, SYSTEM_ACTOR, verifyAuditTrail } from '../../src/db/audit.ts';
import type { Database } from '../../src/db/connection.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { migrate } from '../../src/db/migrate.ts';
import { scoped } from '../../src/db/scope.ts';
import { seedIfEmpty } from '../../src/seed/demo.ts';
import { createTestDatabase, engine } from '../support/db.ts';

let db: Database;
let norrkoping: string;
let orebro: string;
beforeAll(async () => {
  db = await createTestDatabase({ demo: true });
  await seedIfEmpty(db);
  const funders = await db.kysely.selectFrom('funders').select(['id', 'case_prefix']).execute();
  norrkoping = funders.find((f) => f.case_prefix === 'SN')?.id as string;
  orebro = funders.find((f) => f.case_prefix === 'KS')?.id as string;
});
afterAll(() => db.close());

const tick = () => new Promise((r) => setTimeout(r, 2));

describe('concurrent transactions', () => {
  it('neither interleave visibly nor lose writes, and a rollback undoes only its own', async () => {
    const n = 40;
    const events: string[] = [];
    const outcomes = await Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        db.kysely.transaction().execute(async (tx) => {
          events.push(`begin ${i}`);
          await tx
            .insertInto('organisations')
            .values({ org_number: `tx-${i}`, name: `pending-${i}`, legal_form: 'annan' })
            .execute();
          await tick();
          // Another transaction's uncommitted row must never be visible here.
          const visible = await tx.selectFrom('organisations').select('name').where('name', 'like', 'pending-%').execute();
          expect(visible.map((r) => r.name)).toEqual([`pending-${i}`]);
          await tx
            .updateTable('organisations')
            .set({ name: `done-${i}` })
            .where('org_number', '=', `tx-${i}`)
            .execute();
          events.push(`end ${i}`);
          if (i % 3 === 0) throw new Error(`roll back ${i}`);
        }),
      ),
    );
    const committed = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
    expect(committed).toEqual(Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0));
    const rows = await db.kysely.selectFrom('organisations').select('org_number').where('org_number', 'like', 'tx-%').execute();
    expect(rows.map((r) => Number(r.org_number.slice(3))).sort((a, b) => a - b)).toEqual(committed);
    if (engine() === 'pglite') {
      // One session: each transaction runs start to end before the next begins.
      for (let k = 0; k < events.length; k += 2) expect(events[k + 1]).toBe(events[k].replace('begin', 'end'));
    }
  });

  it('keeps the audit chain unforked under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        db.kysely.transaction().execute(async (tx) => {
          await tick();
          await audit(tx, SYSTEM_ACTOR, { action: 'test.concurrent', objectType: 'test', objectId: null, data: { i } });
        }),
      ),
    );
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });

  it('writes no audit entry when the change rolls back', async () => {
    const heads = await db.kysely.selectFrom('audit_heads').selectAll().orderBy('chain').execute();
    await expect(
      db.kysely.transaction().execute(async (tx) => {
        await audit(tx, SYSTEM_ACTOR, { action: 'test.rolled_back', objectType: 'test', objectId: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.kysely.selectFrom('audit_heads').selectAll().orderBy('chain').execute()).toEqual(heads);
    expect(await db.kysely.selectFrom('audit_log').select('seq').where('action', '=', 'test.rolled_back').execute()).toEqual([]);
  });
});

describe('row-level security (the wall behind the application’s checks)', () => {
  it('shows a funder’s transaction only that funder’s memberships, even with no filter', async () => {
    const rows = await scoped(db, { funderId: orebro }, (tx) => tx.selectFrom('funder_memberships').select('funder_id').execute());
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.funder_id))).toEqual(new Set([orebro]));
  });

  it('refuses to write another funder’s rows', async () => {
    await expect(
      scoped(db, { funderId: orebro }, (tx) =>
        audit(tx, SYSTEM_ACTOR, { action: 'test.cross_tenant', objectType: 'test', objectId: null, funderId: norrkoping }),
      ),
    ).rejects.toThrow(/row-level security/);
    const user = await db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    await expect(
      scoped(db, { funderId: orebro }, (tx) =>
        tx.insertInto('funder_memberships').values({ funder_id: norrkoping, user_id: user.id, role: 'administrator' }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('hides mail and audit entries of other funders', async () => {
    await db.kysely.insertInto('outbox').values({ to_address: 'x@norrkoping.example', subject: 's', body_text: 't', funder_id: norrkoping }).execute();
    const mails = await scoped(db, { funderId: orebro }, (tx) => tx.selectFrom('outbox').select('funder_id').execute());
    expect(mails.every((m) => m.funder_id === orebro)).toBe(true);
    const entries = await scoped(db, { funderId: orebro }, (tx) => tx.selectFrom('audit_log').select('funder_id').execute());
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.funder_id === orebro)).toBe(true);
  });

  it('keeps the audit trail append-only, for the application role and the owner alike', async () => {
    await expect(scoped(db, { funderId: orebro }, (tx) => sql`update audit_log set reason = 'x'`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(scoped(db, { funderId: orebro }, (tx) => sql`delete from audit_log`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(sql`delete from audit_log`.execute(db.kysely)).rejects.toThrow(/append-only/);
  });
});

describe('numbered series', () => {
  it('numbers each funder’s kinds and years on their own, without gaps, and writes them in one way', async () => {
    const take = (funder: string, kind: string, year: number) =>
      scoped(db, { funderId: funder }, async (tx) => {
        const r = await sql<{
          label: string;
        }>`select series_label(f.case_prefix, ${kind}, ${year}, next_number(${funder}, ${kind}, ${year})) as label from funders f where f.id = ${funder}`.execute(
          tx,
        );
        return r.rows[0]?.label;
      });
    expect(await take(norrkoping, 'agreement', 2031)).toBe('SN A2031/00001');
    expect(await take(norrkoping, 'agreement', 2031)).toBe('SN A2031/00002');
    expect(await take(norrkoping, 'payment_run', 2031)).toBe('SN U2031/00001');
    expect(await take(norrkoping, 'recovery', 2031)).toBe('SN R2031/00001');
    expect(await take(norrkoping, 'application', 2031)).toBe('SN 2031/00001');
    expect(await take(norrkoping, 'agreement', 2032)).toBe('SN A2032/00001');
    expect(await take(orebro, 'agreement', 2031)).toMatch(/^KS A2031\/00001$/);
    // A number taken in a transaction that rolls back is given back.
    await expect(
      scoped(db, { funderId: norrkoping }, async (tx) => {
        await sql`select next_number(${norrkoping}, 'agreement', 2031)`.execute(tx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await take(norrkoping, 'agreement', 2031)).toBe('SN A2031/00003');
    await expect(take(norrkoping, 'invoice', 2031)).rejects.toThrow();
  });
});

describe('npm run audit:verify', () => {
  // Slow by nature: a data directory of its own, the demo replayed into it, and the command run twice in processes of its own.
  it('reports an intact chain, then names the first entry someone tampered with', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverka-audit-'));
    const local = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    await migrate(local);
    await seedIfEmpty(local);
    await local.close();
    const run = () =>
      spawnSync(process.execPath, ['src/cli/audit-verify.ts'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/Audit trail intact: \d+ entries/);

    const again = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    const target = await again.kysely.selectFrom('audit_log').select(['chain', 'id']).where('seq', '=', 7).limit(1).executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(again.kysely);
    await sql`update audit_log set actor_label = 'someone else' where chain = ${target.chain} and seq = 7`.execute(again.kysely);
    await again.close();
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`BROKEN at entry #7 (id ${target.id})`);
  }, 120_000);
});
