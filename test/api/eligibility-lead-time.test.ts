import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_TIME_FALLBACK_DAYS, LEAD_TIME_MIN_HISTORY } from '../../src/domain/eligibility.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let ks: string;
let sn: string;
beforeAll(async () => {
  t = await createTestApp();
  ks = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'KS').executeTakeFirstOrThrow()).id;
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const DAY = 86_400_000;

describe('how long eligibility approval usually takes, for anyone before applying', () => {
  it('states the fallback while the funder has decided too few requests, then the median of its own decisions', async () => {
    const visitor = new Client(t.app);
    const before = await visitor.get(`/api/funders/${ks}/eligibility/lead-time`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      days: LEAD_TIME_FALLBACK_DAYS,
      basis: 'fallback',
      decided: 0,
      minimumHistory: LEAD_TIME_MIN_HISTORY,
      fallbackDays: LEAD_TIME_FALLBACK_DAYS,
    });

    // Five decided requests that waited 3, 5, 9, 10 and 40 days; a pending one and one asked to complete do not count.
    const organisations = await t.db.kysely.selectFrom('organisations').select('id').orderBy('name').limit(7).execute();
    expect(organisations.length).toBe(7);
    const decidedAt = new Date('2026-06-01T10:00:00Z');
    const waits = [3, 5, 9, 10, 40];
    await t.db.kysely
      .insertInto('eligibility_approvals')
      .values([
        ...waits.map((w, i) => ({
          funder_id: ks,
          organisation_id: organisations[i].id,
          status: i === 4 ? ('rejected' as const) : ('approved' as const),
          year: 2026,
          board: '[]',
          submitted_at: new Date(decidedAt.getTime() - w * DAY),
          decided_at: decidedAt,
        })),
        { funder_id: ks, organisation_id: organisations[5].id, status: 'submitted' as const, year: 2026, board: '[]', submitted_at: new Date('2026-01-01') },
        { funder_id: ks, organisation_id: organisations[6].id, status: 'needs_more' as const, year: 2026, board: '[]', submitted_at: new Date('2026-01-01') },
      ])
      .execute();
    const after = await visitor.get(`/api/funders/${ks}/eligibility/lead-time`);
    expect(after.body).toMatchObject({ days: 9, basis: 'history', decided: 5 });
  });

  it('answers an unknown funder with not found, and a malformed id on its field', async () => {
    const visitor = new Client(t.app);
    expect((await visitor.get('/api/funders/00000000-0000-4000-8000-000000000000/eligibility/lead-time')).status).toBe(404);
    expect((await visitor.get('/api/funders/not-a-funder/eligibility/lead-time')).status).toBe(400);
  });

  it("shows the caseworker each requesting organisation's number, so they can check whom they approve", async () => {
    const caseworker = new Client(t.app);
    await caseworker.login('handlaggare@norrkoping.example');
    const waiting = await caseworker.get(`/api/funders/${sn}/eligibility?status=submitted`);
    expect(waiting.body.approvals[0]).toMatchObject({
      organisationName: 'Matteus församling Norrköping',
      organisationNumber: expect.stringMatching(/^\d{6}-\d{4}$/),
    });
  });
});
