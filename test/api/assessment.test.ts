import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/db/audit.ts';
import { SCREENING_RULES } from '../../src/domain/assessment/types.ts';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { allOk, asking, decision, demoTemplate, publishedCall, receivedApplication, type Template } from '../support/fixtures.ts';

let t: TestApp;
let sn: string;
let caseworker: Client;
let reviewer: Client;
let committee: Client;
let applicant: Client;
let template: Template;
const today = dateInStockholm(new Date());

beforeAll(async () => {
  t = await createTestApp();
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  [caseworker, reviewer, committee, applicant] = await Promise.all(
    ['handlaggare@norrkoping.example', 'bedomare@norrkoping.example', 'namnd@norrkoping.example', 'forening@nattvandrarna.example'].map(signedIn),
  );
  template = await demoTemplate(t.db);
});
afterAll(() => t.close());

/** Amounts are formatted with no-break spaces. */
const plain = (text: string) => text.replace(/\s/gu, ' ');

async function signedIn(email: string) {
  const client = new Client(t.app);
  await client.login(email);
  return client;
}

/** A published call of the funder's with this budget, and n submitted applications from new associations asking for `requested` each. */
async function callWithApplications(n: number, budget: number, requested: number) {
  const call = await publishedCall(t.db, template, { title: `Prövning ${Math.random()}`, amount: ore(budget) });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const caseNumber = `SN 2099/${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    ids.push(
      (
        await receivedApplication(t.db, template, call.id, {
          organisation: { name: `Förening ${i}` },
          caseNumber,
          content: asking(ore(requested), `Uppdrag ${i}`),
        })
      ).id,
    );
  }
  return { callId: call.id, ids };
}

describe('the demo: the 2022 call assessed and decided', () => {
  it('is decided within its 3 000 000 kr with two grants in full, one in part, one rejection with reasons and a reservation', async () => {
    const call = (await t.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Uppdragsbidrag för ökad trygghet 2022').executeTakeFirstOrThrow()).id;
    const res = await committee.get(`/api/calls/${call}/assessment`);
    expect(res.status).toBe(200);
    expect(res.body.budget).toMatchObject({ amount: 300_000_000, granted: 87_000_000, remaining: 213_000_000 });
    const byCase = Object.fromEntries(res.body.applications.map((a: { caseNumber: string }) => [a.caseNumber, a]));
    expect(byCase['SN 2022/00001'].decision).toMatchObject({ outcome: 'partially_approved', amount: 25_000_000 });
    expect(byCase['SN 2022/00002'].decision).toMatchObject({ outcome: 'approved', amount: 50_000_000 });
    expect(byCase['SN 2022/00003'].decision).toMatchObject({ outcome: 'rejected', amount: 0 });
    expect(byCase['SN 2022/00003'].reviewers.find((r: { name: string }) => r.name === 'Nils Nämndordförande').conflict).toBe('conflict');
    expect(byCase['SN 2022/00002'].scores.count).toBe(3);

    const matteus = byCase['SN 2022/00003'].id;
    const matteusMember = await t.db.kysely.selectFrom('decisions').select('reservations').where('application_id', '=', matteus).executeTakeFirstOrThrow();
    expect(matteusMember.reservations).toEqual([
      { kind: 'reservation', by: 'Karin Lind (KD)', text: 'Till förmån för eget yrkande om bifall med 150 000 kr.' },
    ]);

    const grants = await new Client(t.app).get('/api/public/grants');
    expect(grants.body.grants.map((g: { caseNumber: string; amount: number }) => [g.caseNumber, g.amount])).toEqual([
      ['SN 2022/00001', 25_000_000],
      ['SN 2022/00002', 50_000_000],
      ['SN 2022/00004', 12_000_000],
    ]);
    expect(grants.body.grants[0]).toMatchObject({ organisationName: 'Nattvandrarna Norrköping', decidedOn: '2022-03-24', areas: ['Navestad', 'Hageby'] });
    expect(grants.body).toMatchObject({ total: 87_000_000, count: 3, years: [2022] });
    expect((await new Client(t.app).get('/api/public/grants?year=2023')).body).toMatchObject({ grants: [], total: 0, count: 0, years: [2022] });

    const minutes = await committee.get(`/api/calls/${call}/minutes.pdf?decidedOn=2022-03-24`);
    expect(minutes.status).toBe(200);
    expect(String(minutes.headers['content-type'])).toBe('application/pdf');
    const basis = await committee.get(`/api/calls/${call}/decision-basis.pdf`);
    expect(basis.status).toBe(200);
  });

  it('lets the applicant read the decision and its letter, in Swedish and English, with the appeal deadline', async () => {
    const id = (await t.db.kysely.selectFrom('applications').select('id').where('case_number', '=', 'SN 2022/00001').executeTakeFirstOrThrow()).id;
    const res = await applicant.get(`/api/applications/${id}/decisions`);
    expect(res.status).toBe(200);
    expect(res.body.decisions).toHaveLength(1);
    expect(res.body.decisions[0]).toMatchObject({
      outcome: 'partially_approved',
      appeal: { law: 'kommunallagen', from: '2022-03-29', deadline: '2022-04-19' },
    });
    for (const lang of ['sv', 'en']) {
      const pdf = await applicant.get(`${res.body.decisions[0].letterUrl}?lang=${lang}`);
      expect(pdf.status).toBe(200);
      expect(String(pdf.body).slice(0, 5)).toBe('%PDF-');
    }
    const withdraw = await applicant.post(`/api/applications/${id}/withdraw`, { reason: 'Ångrar oss' });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.code).toBe('application_decided');
    const stranger = await signedIn('ledare@vivalla.example');
    expect((await stranger.get(res.body.decisions[0].letterUrl)).status).toBe(404);
    // The organisation's list of applications says how each was decided.
    const organisationId = (await t.db.kysely.selectFrom('applications').select('organisation_id').where('id', '=', id).executeTakeFirstOrThrow())
      .organisation_id;
    const listed = (await applicant.get(`/api/organisations/${organisationId}/applications`)).body.applications;
    expect(listed.find((a: { id: string }) => a.id === id).decision).toEqual({ outcome: 'partially_approved', amount: 25_000_000 });
    expect(listed.filter((a: { status: string }) => a.status === 'draft').every((a: { decision: unknown }) => a.decision === null)).toBe(true);
  });
});

describe('screening, review and decision', () => {
  it('screens with the self-check’s rules, and an override needs a reason', async () => {
    const { ids } = await callWithApplications(1, 100_000_000, 10_000_000);
    const id = ids[0] as string;
    const auto = await caseworker.get(`/api/applications/${id}/screening`);
    expect(auto.status).toBe(200);
    expect(auto.body.automatic.map((r: { rule: string }) => r.rule)).toEqual([...SCREENING_RULES]);
    expect(auto.body.latest).toBeNull();
    const failing = auto.body.automatic.find((r: { ok: boolean }) => !r.ok);
    const choices = auto.body.automatic.map((r: { rule: string; ok: boolean }) => ({ rule: r.rule, ok: true, reason: r === failing ? '' : null }));
    if (failing) {
      const refused = await caseworker.post(`/api/applications/${id}/screening`, { rules: choices });
      expect(refused.status).toBe(422);
      expect(refused.body.errors[0]).toMatchObject({ field: `rules.${failing.rule}.reason`, code: 'override_reason_needed' });
    }
    const missing = await caseworker.post(`/api/applications/${id}/screening`, { rules: choices.slice(1) });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe(`rules.${SCREENING_RULES[0]}`);
    const ok = await caseworker.post(`/api/applications/${id}/screening`, allOk());
    expect(ok.status).toBe(201);
    expect(ok.body.latest.outcome).toBe('eligible');
    expect((await reviewer.post(`/api/applications/${id}/screening`, allOk())).status).toBe(403);
  });

  it('makes reviewers declare conflict of interest first, and shows others’ scores only after submitting', async () => {
    const { ids } = await callWithApplications(1, 100_000_000, 10_000_000);
    const id = ids[0] as string;
    const users = await t.db.kysely
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', 'in', ['bedomare@norrkoping.example', 'namnd@norrkoping.example', 'handlaggare@norrkoping.example'])
      .execute();
    const userId = (email: string) => users.find((u) => u.email === email)?.id as string;
    const candidates = await caseworker.get(`/api/funders/${sn}/reviewers`);
    expect(candidates.body.reviewers.map((r: { name: string }) => r.name)).toEqual(['Bo Bedömare', 'Hanna Handläggare', 'Nils Nämndordförande']);
    expect((await reviewer.get(`/api/funders/${sn}/reviewers`)).status).toBe(403);
    const assigned = await caseworker.put(`/api/applications/${id}/reviewers`, {
      reviewerIds: [userId('bedomare@norrkoping.example'), userId('namnd@norrkoping.example'), userId('handlaggare@norrkoping.example')],
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.reviewers).toHaveLength(3);
    const outsider = (await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'ledare@vivalla.example').executeTakeFirstOrThrow()).id;
    const wrong = await caseworker.put(`/api/applications/${id}/reviewers`, { reviewerIds: [outsider] });
    expect(wrong.body.errors[0]).toMatchObject({ field: 'reviewerIds.0', code: 'reviewer_unknown' });

    const scores = { need: { score: 4, comment: 'Tydligt behov' }, complement: { score: 3, comment: '' }, capacity: { score: 5, comment: '' } };
    const early = await reviewer.put(`/api/applications/${id}/review`, { scores });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('conflict_not_declared');

    expect((await reviewer.post(`/api/applications/${id}/review/declaration`, { conflict: false })).status).toBe(200);
    const outOfRange = await reviewer.put(`/api/applications/${id}/review`, { scores: { ...scores, need: { score: 6, comment: '' } }, submit: true });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.errors).toEqual([expect.objectContaining({ field: 'scores.need.score', code: 'score_out_of_range' })]);
    const incomplete = await reviewer.put(`/api/applications/${id}/review`, { scores: { need: scores.need }, submit: true });
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual(['scores.complement.score', 'scores.capacity.score']);
    expect(incomplete.body.errors[0].message).toBe('Välj ett betyg från 1 till 5.');
    // A draft keeps a comment on a criterion not yet scored; submitting it still needs the score.
    const commentOnly = { need: scores.need, complement: { score: null, comment: 'Oklart hur det skiljer sig från fältassistenterna' } };
    const draft = await reviewer.put(`/api/applications/${id}/review`, { scores: commentOnly });
    expect(draft.status).toBe(200);
    expect((await reviewer.get(`/api/applications/${id}/review`)).body.scores).toEqual(commentOnly);
    const unscored = await reviewer.put(`/api/applications/${id}/review`, { scores: { ...commentOnly, capacity: scores.capacity }, submit: true });
    expect(unscored.body.errors.map((e: { field: string }) => e.field)).toEqual(['scores.complement.score']);
    expect((await reviewer.get(`/api/applications/${id}/review`)).body.submittedAt).toBeNull();

    // The committee member finds a conflict of interest after declaring none and saving a draft:
    // the draft's scores are not kept, and no scoring or others' scores follow.
    expect((await committee.post(`/api/applications/${id}/review/declaration`, { conflict: false })).status).toBe(200);
    expect((await committee.put(`/api/applications/${id}/review`, { scores: { need: scores.need } })).status).toBe(200);
    const noNote = await committee.post(`/api/applications/${id}/review/declaration`, { conflict: true });
    expect(noNote.body.errors[0]).toMatchObject({ field: 'note', code: 'conflict_note_needed' });
    const declared = await committee.post(`/api/applications/${id}/review/declaration`, { conflict: true, note: 'Sitter i föreningens styrelse' });
    expect(declared.body).toMatchObject({ conflict: 'conflict', others: null, scores: {} });
    const committeeId = userId('namnd@norrkoping.example');
    const kept = await t.db.kysely
      .selectFrom('review_scores')
      .select('criterion_id')
      .where('application_id', '=', id)
      .where('reviewer_id', '=', committeeId)
      .execute();
    expect(kept).toEqual([]);
    const trail = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('object_id', '=', id)
      .where('actor_id', '=', committeeId)
      .orderBy('seq')
      .execute();
    expect(trail).toEqual([
      { action: 'review.no_conflict_declared', reason: null },
      { action: 'review.draft_saved', reason: null },
      { action: 'review.conflict_declared', reason: 'Sitter i föreningens styrelse' },
    ]);
    expect((await committee.post(`/api/applications/${id}/review/declaration`, { conflict: false })).body.code).toBe('conflict_declared');
    const barred = await committee.put(`/api/applications/${id}/review`, { scores });
    expect(barred.status).toBe(403);
    expect(barred.body.code).toBe('reviewer_has_conflict');

    const caseworkerScores = { need: { score: 2, comment: '' }, complement: { score: 2, comment: '' }, capacity: { score: 2, comment: '' } };
    await caseworker.post(`/api/applications/${id}/review/declaration`, { conflict: false });
    await caseworker.put(`/api/applications/${id}/review`, { scores: caseworkerScores, submit: true });

    const before = await reviewer.get(`/api/applications/${id}/review`);
    expect(before.body.weighted).toBeNull();
    expect(before.body.others).toBeNull();
    const submitted = await reviewer.put(`/api/applications/${id}/review`, { scores, submit: true });
    expect(submitted.status).toBe(200);
    expect(submitted.body.others.map((o: { name: string; weighted: number }) => [o.name, o.weighted])).toEqual([['Hanna Handläggare', 2]]);
    // Weights 40/35/25: 0.4·4 + 0.35·3 + 0.25·5 = 3.9
    expect(submitted.body.summary.mean).toBeCloseTo((3.9 + 2) / 2, 10);
    expect(submitted.body.weighted).toBeCloseTo(3.9, 10);
    expect((await reviewer.put(`/api/applications/${id}/review`, { scores, submit: true })).body.code).toBe('review_submitted');

    const all = await caseworker.get(`/api/applications/${id}/reviews`);
    expect(all.body.summary).toMatchObject({ count: 2, min: 2, max: 3.9 });
    expect(all.body.summary.spread).toBeCloseTo(0.95, 10);
  });

  it('takes no review, proposal or decision on a withdrawn application', async () => {
    const { ids } = await callWithApplications(1, 100_000_000, 10_000_000);
    const id = ids[0] as string;
    const bo = (await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'bedomare@norrkoping.example').executeTakeFirstOrThrow()).id;
    await caseworker.put(`/api/applications/${id}/reviewers`, { reviewerIds: [bo] });
    await t.db.kysely.updateTable('applications').set({ status: 'withdrawn', withdrawn_at: new Date() }).where('id', '=', id).execute();
    expect((await reviewer.post(`/api/applications/${id}/review/declaration`, { conflict: false })).body.code).toBe('application_withdrawn');
    expect((await caseworker.post(`/api/applications/${id}/proposal`, { amount: 0, reasons: 'Återtagen' })).body.code).toBe('application_withdrawn');
    expect((await caseworker.post(`/api/applications/${id}/decisions`, decision(0))).body.code).toBe('application_withdrawn');
  });

  it('refuses a proposal or a decision above the amount applied for, on the amount field', async () => {
    const { ids } = await callWithApplications(1, 100_000_000, 10_000_000);
    const id = ids[0] as string;
    await caseworker.post(`/api/applications/${id}/screening`, allOk());
    const proposal = await caseworker.post(`/api/applications/${id}/proposal`, { amount: 10_000_001, reasons: 'För mycket' });
    expect(proposal.status).toBe(422);
    expect(proposal.body.errors[0]).toMatchObject({ field: 'amount', code: 'amount_above_requested' });
    expect(plain(proposal.body.errors[0].message)).toBe('Beloppet får inte vara större än det sökta, 100 000 kr.');
    const over = await caseworker.post(`/api/applications/${id}/decisions`, decision(10_000_001));
    expect(over.body.errors[0]).toMatchObject({ field: 'amount', code: 'amount_above_requested' });
    expect((await caseworker.post(`/api/applications/${id}/proposal`, { amount: 8_000_000, reasons: 'Delvis' })).status).toBe(201);
  });

  it('refuses a decision above the remaining budget, naming what is left; supersedes without editing; mails the applicant', async () => {
    const { callId, ids } = await callWithApplications(3, 25_000_000, 10_000_000);
    for (const id of ids) await caseworker.post(`/api/applications/${id}/screening`, allOk());
    const [a, b, c] = ids as [string, string, string];
    expect((await caseworker.post(`/api/applications/${a}/decisions`, decision(10_000_000))).status).toBe(201);
    expect(
      (
        await committee.post(
          `/api/applications/${b}/decisions`,
          decision(10_000_000, { reservations: [{ kind: 'dissent', by: 'Per Ek (V)', text: 'Hela beloppet borde gå till a.' }] }),
        )
      ).status,
    ).toBe(201);
    const over = await caseworker.post(`/api/applications/${c}/decisions`, decision(10_000_000));
    expect(over.status).toBe(422);
    expect(over.body.errors[0]).toMatchObject({ field: 'amount', code: 'budget_exceeded' });
    expect(plain(over.body.errors[0].message)).toBe('Beloppet ryms inte i budgeten. Det finns 50 000 kr kvar att besluta om.');
    const partial = await caseworker.post(`/api/applications/${c}/decisions`, decision(5_000_000, { announcedOn: null }));
    expect(partial.body).toMatchObject({ outcome: 'partially_approved', announcedOn: today });

    // A second decision must supersede the first; it frees the first's amount.
    const again = await caseworker.post(`/api/applications/${a}/decisions`, decision(0, { reasons: 'Föreningen har upplösts.' }));
    expect(again.status).toBe(409);
    const first = again.body.details.currentDecisionId;
    const replaced = await caseworker.post(`/api/applications/${a}/decisions`, decision(0, { reasons: 'Föreningen har upplösts.', supersedes: first }));
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ outcome: 'rejected', supersedes: first });
    const history = await caseworker.get(`/api/applications/${a}/decisions`);
    expect(history.body.decisions.map((d: { id: string; supersededBy: string | null }) => [d.id, d.supersededBy])).toEqual([
      [first, replaced.body.id],
      [replaced.body.id, null],
    ]);
    const overview = await caseworker.get(`/api/calls/${callId}/assessment`);
    expect(overview.body.budget).toMatchObject({ granted: 15_000_000, remaining: 10_000_000 });

    // Decisions are never edited, not even by the owner.
    await expect(sql`update decisions set amount = 1 where id = ${first}`.execute(t.db.kysely)).rejects.toThrow(/never changed/);
    await expect(sql`delete from decisions where id = ${first}`.execute(t.db.kysely)).rejects.toThrow(/never changed/);

    const delegate = await caseworker.post(
      `/api/applications/${c}/decisions`,
      decision(0, { madeBy: 'delegate', supersedes: (await caseworker.get(`/api/applications/${c}/decisions`)).body.decisions[0].id }),
    );
    expect(delegate.status).toBe(403);
    expect(delegate.body.errors[0]).toMatchObject({ field: 'madeBy', code: 'not_a_delegate' });
    const current = (await caseworker.get(`/api/applications/${b}/decisions`)).body.decisions[0].id;
    const future = await caseworker.post(`/api/applications/${b}/decisions`, decision(0, { decidedOn: '2099-01-01', supersedes: current }));
    expect(future.body.errors[0]).toMatchObject({ field: 'decidedOn', code: 'date_in_future' });

    const caseNumber = (await t.db.kysely.selectFrom('applications').select('case_number').where('id', '=', a).executeTakeFirstOrThrow()).case_number;
    const mails = await t.db.kysely
      .selectFrom('outbox')
      .select(['to_address', 'body_text'])
      .where('subject', '=', `Beslut om er ansökan ${caseNumber}`)
      .execute();
    expect(mails).toHaveLength(2);
    expect(plain(mails[0]?.body_text ?? '')).toContain(': beviljad med 100 000 kr.');
    expect(mails[1]?.body_text).toContain('avslag');
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
    const audited = await t.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', a).orderBy('seq').execute();
    expect(audited.map((e) => e.action)).toEqual(['application.screened', 'decision.recorded', 'decision.superseded']);
  });

  it(`lets only the decisions that fit pass when 50 are made at once (${engine()})`, async () => {
    // 50 applications of 100 000 kr on a call of 2 000 000 kr: exactly 20 fit.
    const { callId, ids } = await callWithApplications(50, 200_000_000, 10_000_000);
    for (const id of ids) await caseworker.post(`/api/applications/${id}/screening`, allOk());
    const results = await Promise.all(ids.map((id) => caseworker.post(`/api/applications/${id}/decisions`, decision(10_000_000))));
    const passed = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(passed).toHaveLength(20);
    expect(refused.every((r) => r.status === 422 && r.body.errors[0].code === 'budget_exceeded')).toBe(true);
    const sum = await t.db.kysely
      .selectFrom('decisions')
      .select((eb) => eb.fn.sum<number>('amount').as('s'))
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(Number(sum.s)).toBe(200_000_000);
  });
});

describe('the optimizer', () => {
  /** Screened applications with one submitted review each, scoring `scores[i]` on every criterion. */
  async function scoredCall(budget: number, requested: number, scores: number[]) {
    const { callId, ids } = await callWithApplications(scores.length, budget, requested);
    const reviewerId = (await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'bedomare@norrkoping.example').executeTakeFirstOrThrow()).id;
    for (const [i, id] of ids.entries()) {
      await caseworker.post(`/api/applications/${id}/screening`, allOk());
      await caseworker.put(`/api/applications/${id}/reviewers`, { reviewerIds: [reviewerId] });
      await reviewer.post(`/api/applications/${id}/review/declaration`, { conflict: false });
      const s = scores[i] as number;
      const submitted = await reviewer.put(`/api/applications/${id}/review`, {
        scores: { need: { score: s, comment: '' }, complement: { score: s, comment: '' }, capacity: { score: s, comment: '' } },
        submit: true,
      });
      expect(submitted.status).toBe(200);
    }
    return { callId, ids };
  }

  it('proposes the best-scoring set within what is left of the budget, explains each, and prices each constraint', async () => {
    // 300 000 kr; three ask 150 000 kr each, scoring 5, 4 and 3: the two best fit in full.
    const { callId, ids } = await scoredCall(30_000_000, 15_000_000, [5, 4, 3]);
    const res = await caseworker.post(`/api/calls/${callId}/optimizer`, { constraints: [] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'optimal', budget: 30_000_000, total: 30_000_000 });
    const amounts = Object.fromEntries(res.body.applications.map((a: { id: string; amount: number }) => [a.id, a.amount]));
    expect([amounts[ids[0] as string], amounts[ids[1] as string], amounts[ids[2] as string]]).toEqual([15_000_000, 15_000_000, 0]);
    const byId = (id: unknown) => res.body.applications.find((a: { id: string }) => a.id === id);
    expect(byId(ids[0]).reasons[0].code).toBe('funded_full');
    expect(byId(ids[2]).reasons[0].code).toMatch(/^out_/);
    expect(byId(ids[2]).reasons[0].message).toContain('poäng');
    // Both languages come along, so the page can follow a change of language.
    expect(byId(ids[2]).reasons[0].messages.sv).toBe(byId(ids[2]).reasons[0].message);
    expect(byId(ids[2]).reasons[0].messages.en).toContain('score');

    // Locking out the best costs score, and the explanation names the lock.
    const locked = await caseworker.post(`/api/calls/${callId}/optimizer`, { constraints: [{ id: 'ut', kind: 'lock_out', applicationId: ids[0] }] });
    expect(locked.status).toBe(200);
    const first = locked.body.applications.find((a: { id: string }) => a.id === ids[0]);
    expect(first).toMatchObject({ amount: 0, reasons: [expect.objectContaining({ code: 'locked_out' })] });
    expect(locked.body.constraintCosts).toEqual([expect.objectContaining({ constraintId: 'ut', exact: true })]);
    expect(locked.body.constraintCosts[0].cost).toBeGreaterThan(0);
    // What the lock displaces, in money and applications: without it the best (ids[0]) gets its
    // 150 000 kr and the third (ids[2]), funded in its place, nothing.
    const cost = locked.body.constraintCosts[0];
    const third = locked.body.applications.find((a: { id: string }) => a.id === ids[2]);
    expect(cost).toMatchObject({
      displacedAmount: 15_000_000,
      displaced: [{ id: ids[0], caseNumber: first.caseNumber, organisationName: first.organisationName, title: first.title, with: 0, without: 15_000_000 }],
      favoured: [{ id: ids[2], caseNumber: third.caseNumber, with: 15_000_000, without: 0 }],
    });
    expect(first.organisationName).toMatch(/^Förening \d$/);
    expect(cost.messages.sv).toMatch(/tränger undan 150\s000\skr.*andra ansökningar/);
    expect(cost.messages.en).toMatch(/displaces SEK\s150,000/);

    // The optimizer only proposes: nothing is decided or proposed by it.
    expect(
      Number(
        (
          await t.db.kysely
            .selectFrom('decisions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('call_id', '=', callId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(0);
    expect((await reviewer.post(`/api/calls/${callId}/optimizer`, { constraints: [] })).status).toBe(404);
  });

  it('names the constraints that conflict when they cannot all hold', async () => {
    const { callId, ids } = await scoredCall(20_000_000, 15_000_000, [5, 4]);
    const res = await caseworker.post(`/api/calls/${callId}/optimizer`, {
      constraints: [
        { id: 'a', kind: 'lock_in', applicationId: ids[0], amount: 15_000_000 },
        { id: 'b', kind: 'lock_in', applicationId: ids[1], amount: 15_000_000 },
        { id: 'c', kind: 'max_org_share', share: 1 },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('optimizer_infeasible');
    expect(res.body.details.conflicts.sort()).toEqual(['a', 'b']);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['constraints.0', 'constraints.1']);
    expect(res.body.messages.sv).toContain('ska beviljas med 150');
  });
});
