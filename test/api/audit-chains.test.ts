import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  audit,
  auditDraftSave,
  DRAFT_RUN_MAX_MS,
  DRAFT_RUN_PAUSE_MS,
  PLATFORM_CHAIN,
  SYSTEM_ACTOR,
  sealEndedDraftRuns,
  verifyAuditTrail,
} from '../../src/db/audit.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';

// One hash chain per funder and one for the platform: a funder's writes wait only for that funder's
// head, and saves of a draft while someone types wait for no head at all.

let t: TestApp;
let norrkoping: string;
let orebro: string;
let openCall: string;

beforeAll(async () => {
  t = await createTestApp();
  const funders = await t.db.kysely.selectFrom('funders').select(['id', 'case_prefix']).execute();
  norrkoping = funders.find((f) => f.case_prefix === 'SN')?.id as string;
  orebro = funders.find((f) => f.case_prefix === 'KS')?.id as string;
  openCall = (await t.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const headOf = async (chain: string) =>
  (await t.db.kysely.selectFrom('audit_heads').select(['seq', 'hash']).where('chain', '=', chain).executeTakeFirst()) ?? null;
const append = (funderId: string | null, i: number) =>
  t.db.kysely.transaction().execute((tx) => audit(tx, SYSTEM_ACTOR, { action: 'test.appended', objectType: 'test', objectId: null, funderId, data: { i } }));

/**
 * On PostgreSQL, holds the head row of `chain` locked from a connection of its own while `work` runs,
 * and answers whether `work` finished while it was held. PGlite runs one transaction at a time, so
 * there nothing can be held beside the work: it runs as it is and counts as not waiting.
 */
async function whileHeadHeld<T>(chain: string, work: () => Promise<T>): Promise<{ result: T; finishedWhileHeld: boolean }> {
  if (engine() !== 'postgres') return { result: await work(), finishedWhileHeld: true };
  const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(t.db.kysely);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${rows[0]?.db}`;
  const holder = new pg.Client({ connectionString: url.href });
  await holder.connect();
  try {
    await holder.query('begin');
    const held = await holder.query('select seq from audit_heads where chain = $1 for update', [chain]);
    expect(held.rowCount).toBe(1);
    let finished = false;
    const running = work().then((r) => {
      finished = true;
      return r;
    });
    // Long enough for the work to finish many times over if nothing holds it up.
    await Promise.race([running, new Promise((r) => setTimeout(r, 3_000))]);
    const finishedWhileHeld = finished;
    await holder.query('commit');
    return { result: await running, finishedWhileHeld };
  } finally {
    await holder.end();
  }
}

describe(`audit chains per funder (${engine()})`, () => {
  it('appends each funder’s entries to its own chain, so one funder’s writes never wait for another’s head', async () => {
    const before = { sn: await headOf(norrkoping), ks: await headOf(orebro), platform: await headOf(PLATFORM_CHAIN) };
    // Örebro's and the platform's appends go through while Norrköping's head is held…
    const other = await whileHeadHeld(norrkoping, () => Promise.all([append(orebro, 1), append(null, 2)]));
    expect(other.finishedWhileHeld).toBe(true);
    // …and Norrköping's own append waits for it on PostgreSQL, then goes through.
    const own = await whileHeadHeld(norrkoping, () => append(norrkoping, 3));
    expect(own.finishedWhileHeld).toBe(engine() !== 'postgres');
    expect((await headOf(orebro))?.seq).toBe((before.ks?.seq ?? 0) + 1);
    expect((await headOf(PLATFORM_CHAIN))?.seq).toBe((before.platform?.seq ?? 0) + 1);
    expect((await headOf(norrkoping))?.seq).toBe((before.sn?.seq ?? 0) + 1);

    // Many appends to both funders and the platform at once: no chain forks, each ends at its head.
    await Promise.all(Array.from({ length: 30 }, (_, i) => append([norrkoping, orebro, null][i % 3], i)));
    const trails = await verifyAuditTrail(t.db);
    expect(trails.ok).toBe(true);
    expect((await headOf(orebro))?.seq).toBe((before.ks?.seq ?? 0) + 11);
    const entries = await t.db.kysely.selectFrom('audit_log').select(['chain', 'funder_id']).where('action', '=', 'test.appended').execute();
    expect(entries).toHaveLength(33);
    for (const e of entries) expect(e.chain).toBe(e.funder_id ?? PLATFORM_CHAIN);
  });

  it('gathers a draft’s saves while someone types without taking the chain’s head, and seals them before the submission', async () => {
    const applicant = new Client(t.app);
    const user = await applicant.login('ledare@vivalla.example');
    const organisationId = user.organisations[0].id;
    const draft = await applicant.post(`/api/calls/${openCall}/applications`, { organisationId });
    expect(draft.status).toBe(201);
    const id = draft.body.id as string;
    const head = await headOf(norrkoping);
    // Three saves while the funder's head is held by someone else: none of them waits for it.
    const typed = await whileHeadHeld(norrkoping, async () => {
      let version = draft.body.version as number;
      for (const title of ['Nattfotboll', 'Nattfotboll i Navestad', 'Nattfotboll i Navestad och Hageby']) {
        const saved = await applicant.put(`/api/applications/${id}`, { content: { ...draft.body.content, title, description: title }, version });
        expect(saved.status).toBe(200);
        version = saved.body.version;
      }
      return version;
    });
    expect(typed.finishedWhileHeld).toBe(true);
    expect(await headOf(norrkoping)).toEqual(head);
    expect(
      await t.db.kysely.selectFrom('audit_log').select('seq').where('object_id', '=', id).where('action', '=', 'application.draft_saved').execute(),
    ).toEqual([]);
    // The trail shows the run at once, as not yet sealed into the chain.
    const trail = await applicant.get(`/api/audit?objectType=application&objectId=${id}`);
    expect(trail.body.entries.map((e: { action: string; sealed: boolean; seq: number | null }) => [e.action, e.sealed, e.seq === null])).toEqual([
      ['application.started', true, false],
      ['application.draft_saved', false, true],
    ]);
    expect(trail.body.entries[1].data).toMatchObject({ saves: 3, version: typed.result, changed: ['title', 'description'] });

    // Anything else that happens to the draft seals the run first, so the chain keeps the order.
    await t.db.kysely
      .transaction()
      .execute((tx) => audit(tx, SYSTEM_ACTOR, { action: 'test.touched', objectType: 'application', objectId: id, funderId: norrkoping, organisationId }));
    const sealed = await t.db.kysely.selectFrom('audit_log').select(['action', 'seq', 'data']).where('object_id', '=', id).orderBy('position').execute();
    expect(sealed.map((e) => e.action)).toEqual(['application.started', 'application.draft_saved', 'test.touched']);
    expect(sealed[1].data).toMatchObject({ saves: 3, version: typed.result });
    expect(await t.db.kysely.selectFrom('audit_pending').select('object_id').where('object_id', '=', id).execute()).toEqual([]);
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });

  it('ends a run when its person pauses or when it grows old, and the sweep seals what has ended', async () => {
    const objectId = crypto.randomUUID();
    const actor = { userId: (await t.db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow()).id, label: 'Sara Skrivande' };
    const t0 = new Date('2026-03-02T09:00:00+01:00').getTime();
    const save = (ms: number, changed: string[]) =>
      t.db.kysely
        .transaction()
        .execute((tx) =>
          auditDraftSave(
            tx,
            actor,
            { action: 'application.draft_saved', objectType: 'application', objectId, funderId: orebro, data: { changed } },
            new Date(t0 + ms),
          ),
        );
    const sealedRuns = () =>
      t.db.kysely.selectFrom('audit_log').select(['at', 'data']).where('object_id', '=', objectId).orderBy('position').execute() as Promise<
        { at: Date; data: { saves: number; changed: string[]; firstSavedAt: string } }[]
      >;
    // Saves 30 s apart are one run.
    await save(0, ['title']);
    await save(30_000, ['budget']);
    await save(60_000, ['title']);
    expect(await sealedRuns()).toEqual([]);
    // A save after a pause longer than the run allows seals the run and begins the next.
    await save(60_000 + DRAFT_RUN_PAUSE_MS + 1, ['activities']);
    expect(await sealedRuns()).toEqual([
      { at: new Date(t0 + 60_000), data: { changed: ['title', 'budget'], saves: 3, firstSavedAt: new Date(t0).toISOString() } },
    ]);
    // Saving steadily never pauses, but a run is sealed once it is old.
    const start = 60_000 + DRAFT_RUN_PAUSE_MS + 1;
    for (let at = start + 60_000; at <= start + DRAFT_RUN_MAX_MS + 60_000; at += 60_000) await save(at, ['description']);
    const runs = await sealedRuns();
    expect(runs).toHaveLength(2);
    expect(runs[1].data.saves).toBe(DRAFT_RUN_MAX_MS / 60_000);
    // The sweep leaves a run whose person is still typing, and seals it once they have paused.
    const last = start + DRAFT_RUN_MAX_MS + 60_000;
    expect(await t.db.kysely.transaction().execute((tx) => sealEndedDraftRuns(tx, new Date(t0 + last + 1_000)))).toBe(0);
    expect(await t.db.kysely.transaction().execute((tx) => sealEndedDraftRuns(tx, new Date(t0 + last + DRAFT_RUN_PAUSE_MS)))).toBe(1);
    expect(await sealedRuns()).toHaveLength(3);
    expect(await t.db.kysely.selectFrom('audit_pending').select('saves').where('object_id', '=', objectId).execute()).toEqual([]);
    const total = (await sealedRuns()).reduce((n, r) => n + r.data.saves, 0);
    expect(total).toBe(3 + 1 + DRAFT_RUN_MAX_MS / 60_000 + 1);
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
  });
});
