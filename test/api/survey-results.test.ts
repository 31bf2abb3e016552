// Where survey results go, and that the anonymity rule holds on the way: an agreement's results for the
// association and the funder's staff, the funder's summary per call, activity type, area and age band, its
// CSV, and the funder's smallest group. Agreements are made and signed through the API, and participants
// answer on their own phones through the survey's public answer route; answers are released only once the
// survey is closed, and a survey whose results are released is never opened again. Runs on PGlite and PostgreSQL.

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgeBand } from '../../src/domain/follow-up/reports.ts';
import { type Ore, ore } from '../../src/domain/money.ts';
import { STANDARD_QUESTIONS } from '../../src/domain/surveys/questions.ts';
import { type Org, type World, world } from '../support/agreements.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { Phone, surveyOf } from '../support/surveys.ts';

let t: TestApp;
let w: World;
let admin: Client;
let org: Org;

const kr = (n: number) => ore(n * 100) as Ore;
/** A word no other test's agreements use, so the funder's summary can be filtered to this file's surveys. */
const run = randomBytes(3).toString('hex');

interface Made {
  agreementId: string;
  surveyId: string;
  token: string;
  callId: string;
}

/** A signed agreement of `who` with these activity types and areas, and its participant survey. */
async function agreement(who: Org, activities: string[], areas: string[]): Promise<Made> {
  const g = await w.granted(who, kr(40_000));
  const drafted = await w.caseworker.post(`/api/applications/${g.applicationId}/agreement`);
  expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
  const a = drafted.body;
  const saved = await w.caseworker.put(`/api/agreements/${a.id}`, {
    version: a.version,
    kind: a.kind,
    content: { ...a.content, activities, areas },
    schedule: a.schedule,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const hash = saved.body.contentSha256;
  expect((await who.signatory.post(`/api/agreements/${a.id}/sign`, { contentSha256: hash })).status).toBe(200);
  const signed = await w.delegate.post(`/api/agreements/${a.id}/sign`, { contentSha256: hash });
  expect(signed.body.status).toBe('signed');
  const survey = await surveyOf(t, a.id);
  return { agreementId: a.id, surveyId: survey.id, token: survey.token, callId: g.callId };
}

/** `n` participants, each on their own phone, in an age band, rating every standard question `value` (and the extra ones given). */
async function answer(m: Made, ageBand: AgeBand | null, n: number, value: number, extra: Record<string, number> = {}) {
  for (let i = 0; i < n; i++) {
    const res = await new Phone(t.app).answer(m.token, {
      ageBand,
      ratings: Object.fromEntries(STANDARD_QUESTIONS.map((q) => [q, value])),
      extra,
      freeText: i === 0 ? 'Ledarna var schyssta 👍 =1+1' : null,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

/** Closes the survey, as its association does when the activity has ended: that releases its results. */
async function close(m: Made, as: Client = org.member) {
  const res = await as.post(`/api/surveys/${m.surveyId}/close`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.status).toBe('closed');
}

async function setMinGroup(k: number) {
  const res = await admin.put(`/api/funders/${w.sn}/follow-up-settings`, { surveyMinGroup: k, reportDeviationPercent: 10, reportReminderDays: 14 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const summary = (query: Record<string, string>, as: Client = w.caseworker) => as.get(`/api/funders/${w.sn}/survey-results?${new URLSearchParams(query)}`);
const csv = (query: Record<string, string>, as: Client = w.caseworker) => as.get(`/api/funders/${w.sn}/survey-results.csv?${new URLSearchParams(query)}`);

beforeAll(async () => {
  t = await createTestApp();
  w = await world(t);
  admin = await w.client('admin@norrkoping.example');
  org = await w.organisation('Föreningen Trygga Nätter i Navestad');
});

afterAll(async () => {
  await t?.close();
});

describe('a survey with fewer answers than the smallest group', () => {
  let small: Made;
  beforeAll(async () => {
    small = await agreement(org, ['Nattvandring'], [`Ringdansen ${run}`]);
    await answer(small, '13_15', 2, 5);
    await answer(small, null, 1, 1);
    await close(small);
  });

  it('is hidden to the association and the caseworker, without saying how many answered', async () => {
    for (const who of [org.member, org.signatory, w.caseworker]) {
      const res = await who.get(`/api/agreements/${small.agreementId}/survey/results`);
      expect(res.status).toBe(200);
      expect(res.body.survey).toEqual({
        surveyId: small.surveyId,
        status: 'closed',
        minGroup: 5,
        shown: false,
        reason: 'too_few_answers',
        n: null,
        questions: [],
        extraQuestions: [],
      });
    }
  });

  it('is hidden in every grouping of the funder’s summary, and in its CSV', async () => {
    for (const by of ['call', 'activity', 'area', 'age_band']) {
      const res = await summary({ by, callId: small.callId });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.minGroup).toBe(5);
      expect(res.body.groups.length).toBeGreaterThan(0);
      for (const g of res.body.groups) {
        expect(g).toMatchObject({ shown: false, reason: 'too_few_answers', n: null, questions: [] });
      }
    }
    const call = await summary({ by: 'call', callId: small.callId });
    expect(call.body.groups).toMatchObject([{ key: small.callId, surveys: 1, included: 0, leftOut: { surveyOpen: 0, tooFewAnswers: 1, ageBandTooSmall: 0 } }]);
    const file = await csv({ by: 'call', callId: small.callId });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    const lines = file.body
      .toString()
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Dold: färre än 5 svar"');
    // Nothing but the count of surveys left out is a number on a hidden group's row.
    expect(lines[1]?.split(';').slice(3)).toEqual(['""', '0', '1', '""', '""', '""', '""', '""', '""', '""', '""']);
    w.caseworker.cookies.set('samverka_lang', 'en');
    const english = await csv({ by: 'call', callId: small.callId });
    w.caseworker.cookies.delete('samverka_lang');
    expect(english.body.toString()).toContain('"Hidden: fewer than 5 answers"');
  });

  it('may be opened again while its results were never shown, and is then left out until closed again', async () => {
    const opened = await org.member.post(`/api/surveys/${small.surveyId}/open`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', can: { close: true, open: false } });
    expect((await w.caseworker.get(`/api/agreements/${small.agreementId}/survey/results`)).body.survey).toMatchObject({
      status: 'open',
      shown: false,
      reason: 'survey_open',
      n: null,
    });
    expect((await summary({ by: 'call', callId: small.callId })).body.groups).toMatchObject([
      { shown: false, reason: 'survey_open', leftOut: { surveyOpen: 1, tooFewAnswers: 0 } },
    ]);
    await close(small, w.caseworker);
    expect((await summary({ by: 'call', callId: small.callId })).body.groups).toMatchObject([
      { shown: false, reason: 'too_few_answers', leftOut: { surveyOpen: 0, tooFewAnswers: 1 } },
    ]);
  });
  it('follows the funder’s smallest group as it is lowered and raised', async () => {
    await setMinGroup(3);
    try {
      const shown = await org.member.get(`/api/agreements/${small.agreementId}/survey/results`);
      expect(shown.body.survey).toMatchObject({ minGroup: 3, shown: true, reason: null, n: 3 });
      expect(shown.body.survey.questions[0]).toEqual({ question: 'safe', counts: [1, 0, 0, 0, 2], answered: 3, mean: 3.67 });
      const call = await summary({ by: 'call', callId: small.callId });
      expect(call.body.groups).toMatchObject([{ shown: true, n: 3, included: 1 }]);
      const file = await csv({ by: 'call', callId: small.callId });
      expect(file.body.toString()).toContain('"Kände sig trygg";3;1;0;0;0;2;3.67');
      // Split by age it is not: one band has 2, one "not stated" 1, and 2 < 3.
      const ages = await summary({ by: 'age_band', callId: small.callId });
      expect(ages.body.groups.every((g: { shown: boolean }) => !g.shown)).toBe(true);
      expect(ages.body.groups.find((g: { key: string }) => g.key === '13_15')).toMatchObject({ reason: 'age_band_too_small' });

      await setMinGroup(4);
      const hidden = await w.caseworker.get(`/api/agreements/${small.agreementId}/survey/results`);
      expect(hidden.body.survey).toMatchObject({ minGroup: 4, shown: false, n: null });
      expect((await summary({ by: 'call', callId: small.callId })).body.groups).toMatchObject([{ shown: false, reason: 'too_few_answers' }]);
      // Its results were shown while the group was 3: it stays released, so no answer can be added to them
      // and found by comparing.
      expect((await org.member.get(`/api/agreements/${small.agreementId}/survey`)).body.can).toMatchObject({ open: false });
      const reopened = await org.member.post(`/api/surveys/${small.surveyId}/open`);
      expect(reopened.status).toBe(409);
      expect(reopened.body.code).toBe('survey_results_released');
      const change = await t.db.kysely
        .selectFrom('audit_log')
        .select('data')
        .where('action', '=', 'funder.follow_up_settings_changed')
        .where('object_id', '=', w.sn)
        .orderBy('position', 'desc')
        .limit(2)
        .execute();
      const released = change.map((e) => (e.data as { releasedSurveys?: string[] }).releasedSurveys);
      expect(released[0]).toBeUndefined();
      expect(released[1]).toContain(small.surveyId);
    } finally {
      await setMinGroup(5);
    }
  });
});

describe('a survey closed at the moment the smallest group is lowered to its answers', () => {
  it('is released whichever comes first, and so never opened again', async () => {
    const m = await agreement(org, ['Nattvandring'], [`Berget ${run}`]);
    await answer(m, '16_18', 3, 3);
    try {
      // On PostgreSQL the two race: the setting waits for the survey's lock, or the closing reads the new group.
      const [closed, lowered] = await Promise.all([
        org.member.post(`/api/surveys/${m.surveyId}/close`),
        admin.put(`/api/funders/${w.sn}/follow-up-settings`, { surveyMinGroup: 3, reportDeviationPercent: 10, reportReminderDays: 14 }),
      ]);
      expect([closed.status, lowered.status]).toEqual([200, 200]);
      const row = await t.db.kysely.selectFrom('surveys').select(['status', 'released_at']).where('id', '=', m.surveyId).executeTakeFirstOrThrow();
      expect(row.status).toBe('closed');
      expect(row.released_at).not.toBeNull();
    } finally {
      await setMinGroup(5);
    }
    expect((await org.member.post(`/api/surveys/${m.surveyId}/open`)).body.code).toBe('survey_results_released');
  });
});

describe('an open survey with enough answers', () => {
  let m: Made;
  const area = `Skäggetorp ${run}`;
  beforeAll(async () => {
    m = await agreement(org, ['Fritidsgård'], [area]);
    await answer(m, '13_15', 6, 4);
  });

  it('shows nothing but that results come when it is closed, while the count of answers so far is told to staff and the association', async () => {
    for (const who of [org.member, w.caseworker]) {
      const res = await who.get(`/api/agreements/${m.agreementId}/survey/results`);
      expect(res.status).toBe(200);
      expect(res.body.survey).toEqual({
        surveyId: m.surveyId,
        status: 'open',
        minGroup: 5,
        shown: false,
        reason: 'survey_open',
        n: null,
        questions: [],
        extraQuestions: [],
      });
      expect((await who.get(`/api/agreements/${m.agreementId}/survey`)).body).toMatchObject({ status: 'open', answers: 6 });
    }
    for (const by of ['call', 'activity', 'area', 'age_band']) {
      const res = await summary({ by, area });
      expect(res.status).toBe(200);
      expect(res.body.groups.length).toBeGreaterThan(0);
      for (const g of res.body.groups) {
        expect(g).toMatchObject({ shown: false, reason: 'survey_open', n: null, questions: [], included: 0, leftOut: { surveyOpen: 1, tooFewAnswers: 0 } });
      }
    }
    const file = (await csv({ by: 'area', area })).body.toString();
    expect(file).toContain('"Dold: resultaten visas när enkäterna har stängts"');
    // No count of answers anywhere on the row: the surveys left out (1) is its only number.
    const row =
      file
        .replace(/^\ufeff/, '')
        .trim()
        .split(/\r?\n/)[1] ?? '';
    expect(row.split(';').slice(3)).toEqual(['""', '0', '1', '""', '""', '""', '""', '""', '""', '""', '""']);
    w.caseworker.cookies.set('samverka_lang', 'en');
    const english = (await csv({ by: 'area', area })).body.toString();
    w.caseworker.cookies.delete('samverka_lang');
    expect(english).toContain('"Hidden: results are shown once the surveys are closed"');
  });

  it('releases its results when closed, and then cannot be opened again', async () => {
    await close(m);
    const res = await org.member.get(`/api/agreements/${m.agreementId}/survey/results`);
    expect(res.body.survey).toMatchObject({ status: 'closed', shown: true, reason: null, n: 6 });
    expect(res.body.survey.questions[0]).toEqual({ question: 'safe', counts: [0, 0, 0, 6, 0], answered: 6, mean: 4 });
    expect((await summary({ by: 'area', area })).body.groups).toMatchObject([{ key: area, shown: true, n: 6, included: 1, leftOut: { surveyOpen: 0 } }]);
    expect((await org.member.get(`/api/agreements/${m.agreementId}/survey`)).body.can).toMatchObject({ close: false, open: false });

    for (const who of [org.member, w.caseworker]) {
      const reopened = await who.post(`/api/surveys/${m.surveyId}/open`);
      expect(reopened.status).toBe(409);
      expect(reopened.body.code).toBe('survey_results_released');
      expect(reopened.body.messages).toMatchObject({
        sv: expect.stringContaining('räkna fram genom att jämföra'),
        en: expect.stringContaining('worked out by comparing'),
      });
    }
    expect((await org.member.get(`/api/agreements/${m.agreementId}/survey`)).body.status).toBe('closed');
    const trail = await t.db.kysely.selectFrom('audit_log').select(['action', 'data']).where('object_id', '=', m.surveyId).orderBy('position').execute();
    expect(trail).toEqual([{ action: 'survey.closed', data: { agreementId: m.agreementId, answers: 6, released: true } }]);
    // A smallest group raised above its answers hides them from now on, and still it is not reopened.
    await setMinGroup(7);
    try {
      expect((await org.member.get(`/api/agreements/${m.agreementId}/survey/results`)).body.survey).toMatchObject({ shown: false, n: null });
      expect((await org.member.post(`/api/surveys/${m.surveyId}/open`)).body.code).toBe('survey_results_released');
      expect((await org.member.get(`/api/agreements/${m.agreementId}/survey`)).body.can).toMatchObject({ open: false });
    } finally {
      await setMinGroup(5);
    }
    // A participant who still has the page cannot add an answer to the released results.
    const late = await new Phone(t.app).answer(m.token, { ageBand: '13_15', ratings: { safe: 1 }, extra: {}, freeText: null });
    expect(late.statusCode).not.toBe(201);
    expect((await org.member.get(`/api/agreements/${m.agreementId}/survey/results`)).body.survey).toMatchObject({ n: 6 });
  });
});

describe('a survey big enough in all, with one small age band', () => {
  let uneven: Made;
  let even: Made;
  const area = `Hageby ${run}`;
  beforeAll(async () => {
    uneven = await agreement(org, ['Nattvandring', 'Läxhjälp'], [area]);
    const own = await org.member.put(`/api/surveys/${uneven.surveyId}/questions`, {
      questions: [{ text: { sv: 'Fick du vara med och bestämma? 🙋', en: 'Did you get a say?' } }],
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    await answer(uneven, '13_15', 5, 5, { x1: 4 });
    await answer(uneven, '16_18', 1, 1, { x1: 2 });
    even = await agreement(org, ['Läxhjälp'], [area, `Navestad ${run}`]);
    await answer(even, '13_15', 5, 4);
    await answer(even, '16_18', 5, 2);
    await close(uneven);
    await close(even, w.caseworker);
  });

  it('is shown whole, standard questions and the association’s own', async () => {
    const res = await org.member.get(`/api/agreements/${uneven.agreementId}/survey/results`);
    expect(res.body.survey).toMatchObject({ shown: true, n: 6, minGroup: 5 });
    expect(res.body.survey.questions.map((q: { question: string }) => q.question)).toEqual([...STANDARD_QUESTIONS]);
    expect(res.body.survey.questions[4]).toEqual({ question: 'listened', counts: [1, 0, 0, 0, 5], answered: 6, mean: 4.33 });
    expect(res.body.survey.extraQuestions).toEqual([
      { question: 'x1', text: { sv: 'Fick du vara med och bestämma? 🙋', en: 'Did you get a say?' }, counts: [0, 1, 0, 5, 0], answered: 6, mean: 3.67 },
    ]);
  });

  it('hides a view filtered to its big age band, which would leave the one other answer to be worked out', async () => {
    const filtered = await summary({ by: 'call', callId: uneven.callId, ageBand: '13_15' });
    expect(filtered.body.groups).toMatchObject([{ shown: false, reason: 'age_band_too_small', n: null, leftOut: { ageBandTooSmall: 1 } }]);
    const byAge = await summary({ by: 'age_band', callId: uneven.callId });
    expect(byAge.body.groups.map((g: { key: string }) => g.key)).toEqual(['under_13', '13_15', '16_18', '19_25', 'over_25', 'not_stated']);
    for (const g of byAge.body.groups) expect(g).toMatchObject({ shown: false, reason: 'age_band_too_small' });
    const file = await csv({ by: 'age_band', callId: uneven.callId });
    expect(file.body.toString()).toContain('"13–15 år";"Dold: någon åldersgrupp i enkäterna har färre än 5 svar"');
    // The whole survey, unfiltered, is shown: it is one block of six.
    expect((await summary({ by: 'call', callId: uneven.callId })).body.groups).toMatchObject([{ shown: true, n: 6 }]);
  });

  it('shows age groups of a survey whose every age band is big enough, and leaves the other out of them', async () => {
    const byAge = await summary({ by: 'age_band', area });
    const shown = byAge.body.groups.filter((g: { shown: boolean }) => g.shown);
    expect(shown).toMatchObject([
      { key: '13_15', n: 5, included: 1, leftOut: { ageBandTooSmall: 1, tooFewAnswers: 0 } },
      { key: '16_18', n: 5, included: 1 },
    ]);
    expect(shown[0].questions[0]).toEqual({ question: 'safe', counts: [0, 0, 0, 5, 0], answered: 5, mean: 4 });
  });

  it('groups by activity type and area, a survey under each of its own', async () => {
    const byActivity = await summary({ by: 'activity', area });
    expect(byActivity.body.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      ['Läxhjälp', 16],
      ['Nattvandring', 6],
    ]);
    const night = byActivity.body.groups[1];
    expect(night.questions[0]).toEqual({ question: 'safe', counts: [1, 0, 0, 0, 5], answered: 6, mean: 4.33 });
    const byArea = await summary({ by: 'area', activity: 'Läxhjälp', area });
    expect(byArea.body.groups.map((g: { key: string; n: number }) => [g.key, g.n])).toEqual([
      [area, 16],
      [`Navestad ${run}`, 10],
    ]);
    expect(byArea.body.facets.areas).toEqual(expect.arrayContaining([area, `Navestad ${run}`]));
    expect(byArea.body.facets.calls).toEqual(expect.arrayContaining([{ id: even.callId, title: expect.any(String) }]));
  });

  it('writes text typed into an agreement into the CSV as text, never as a formula', async () => {
    const formula = `=HYPERLINK("http://evil.example";"${run}")`;
    const m = await agreement(org, ['@SUM(1+1)'], [formula]);
    await answer(m, '19_25', 5, 3);
    await close(m);
    const file = (await csv({ by: 'area', area: formula })).body.toString();
    expect(file).toContain(`"'=HYPERLINK(""http://evil.example"";""${run}"")"`);
    const byActivity = (await csv({ by: 'activity', area: formula })).body.toString();
    expect(byActivity).toContain(`"'@SUM(1+1)"`);
  });
});

describe('who may read results', () => {
  let m: Made;
  beforeAll(async () => {
    m = await agreement(org, ['Nattfotboll'], [`Vivalla ${run}`]);
    await answer(m, '16_18', 6, 4);
    await close(m);
  });

  it('an agreement’s: its association and the funder’s staff; anyone else is told it does not exist', async () => {
    expect((await org.member.get(`/api/agreements/${m.agreementId}/survey/results`)).body.survey).toMatchObject({ shown: true, n: 6 });
    expect((await w.finance.get(`/api/agreements/${m.agreementId}/survey/results`)).status).toBe(200);
    const other = await w.organisation('Ungdomens Hus i Örebro');
    expect((await other.member.get(`/api/agreements/${m.agreementId}/survey/results`)).status).toBe(404);
    const orebro = await w.client('admin@orebro.example');
    expect((await orebro.get(`/api/agreements/${m.agreementId}/survey/results`)).status).toBe(404);
    expect((await new Client(t.app).get(`/api/agreements/${m.agreementId}/survey/results`)).status).toBe(401);
  });

  it('the funder’s summary and its CSV: the funder’s staff only', async () => {
    const orebro = await w.client('admin@orebro.example');
    for (const who of [orebro, org.member]) {
      expect((await summary({}, who)).status).toBe(403);
      expect((await csv({}, who)).status).toBe(403);
    }
    expect((await new Client(t.app).get(`/api/funders/${w.sn}/survey-results`)).status).toBe(401);
    expect((await summary({ area: `Vivalla ${run}` }, w.delegate)).body.groups).toMatchObject([{ shown: true, n: 6 }]);
  });

  it('an agreement without a survey answers that it has none', async () => {
    const g = await w.granted(org, kr(10_000));
    const a = (await w.caseworker.post(`/api/applications/${g.applicationId}/agreement`)).body;
    expect((await w.caseworker.get(`/api/agreements/${a.id}/survey/results`)).body).toEqual({ survey: null });
  });
});

describe('the funder’s follow-up settings', () => {
  it('are read by its staff and set by its administrators, audited', async () => {
    const read = await w.caseworker.get(`/api/funders/${w.sn}/follow-up-settings`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ surveyMinGroup: 5, reportDeviationPercent: 10, reportReminderDays: 14 });
    const set = await admin.put(`/api/funders/${w.sn}/follow-up-settings`, { surveyMinGroup: 7, reportDeviationPercent: 15, reportReminderDays: 21 });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ surveyMinGroup: 7, reportDeviationPercent: 15, reportReminderDays: 21 });
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'funder.follow_up_settings_changed')
      .where('object_id', '=', w.sn)
      .orderBy('position', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.data).toMatchObject({ before: { surveyMinGroup: 5 }, after: { surveyMinGroup: 7, reportDeviationPercent: 15, reportReminderDays: 21 } });
    await setMinGroup(5);
    expect(
      (await w.caseworker.put(`/api/funders/${w.sn}/follow-up-settings`, { surveyMinGroup: 5, reportDeviationPercent: 10, reportReminderDays: 14 })).status,
    ).toBe(403);
    const orebro = await w.client('admin@orebro.example');
    expect((await orebro.get(`/api/funders/${w.sn}/follow-up-settings`)).status).toBe(403);
    expect(
      (await orebro.put(`/api/funders/${w.sn}/follow-up-settings`, { surveyMinGroup: 5, reportDeviationPercent: 10, reportReminderDays: 14 })).status,
    ).toBe(403);
  });

  it('refuse a smallest group below 3, on the field, and every other value out of bounds', async () => {
    const two = await admin.put(`/api/funders/${w.sn}/follow-up-settings`, { surveyMinGroup: 2, reportDeviationPercent: 10, reportReminderDays: 14 });
    expect(two.status).toBe(422);
    expect(two.body.errors).toEqual([
      expect.objectContaining({
        field: 'surveyMinGroup',
        code: 'survey_min_group_too_low',
        message: expect.stringContaining('Aldrig lägre än 3'),
        messages: expect.objectContaining({ en: expect.stringContaining('Never lower than 3') }),
      }),
    ]);
    const bad = await admin.put(`/api/funders/${w.sn}/follow-up-settings`, { surveyMinGroup: 4.5, reportDeviationPercent: 0, reportReminderDays: 91 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['surveyMinGroup', 'whole_number'],
      ['reportDeviationPercent', 'number_below_min'],
      ['reportReminderDays', 'number_above_max'],
    ]);
    expect((await w.caseworker.get(`/api/funders/${w.sn}/follow-up-settings`)).body.surveyMinGroup).toBe(5);
  });
});
