// The participants' anonymous survey through the real app: answering on the page and through its JSON twin,
// changing one's own answer with the one cookie, what is (not) stored, the rate limit per link and client,
// closed and unknown links, free text that is script or a formula, the association's own questions, free-text
// reading by the caseworker, and the poster.
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import { kronor } from '../../src/domain/money.ts';
import { buildApp } from '../../src/server/app.ts';
import { atOnce, type Org, type World, world } from '../support/agreements.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { pdfText } from '../support/pdf.ts';
import { Phone, surveyOf, type TestSurvey } from '../support/surveys.ts';

let t: TestApp;
let w: World;
let org: Org;

/** A signed agreement of the organisation's and its survey. */
async function newSurvey(o: Org = org): Promise<TestSurvey & { agreementId: string }> {
  const { applicationId } = await w.granted(o, kronor(40_000));
  const agreement = await w.signed(o, applicationId);
  return { ...(await surveyOf(t, agreement.id)), agreementId: agreement.id };
}

const rows = (surveyId: string) => t.db.kysely.selectFrom('survey_answers').selectAll().where('survey_id', '=', surveyId).execute();
const auditCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.db.kysely)).rows[0]?.n);
const setCookies = (res: { headers: Record<string, unknown> }) => {
  const h = res.headers['set-cookie'];
  return (Array.isArray(h) ? h : h ? [h] : []) as string[];
};
const ALL = { 'ratings.safe': '5', 'ratings.welcome': '4', 'ratings.come_back': '5', 'ratings.learned': '3', 'ratings.listened': '4', ageBand: '13_15' };

beforeAll(async () => {
  t = await createTestApp();
  w = await world(t);
  org = await w.organisation('Çağla Öztürks förening Ågården – مريم 🌙');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('answering', () => {
  it('answers on the page, says thank you, and with its one cookie shows and changes the same answer', async () => {
    const s = await newSurvey();
    const phone = new Phone(t.app);
    const first = await phone.page(s.token);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/html');
    expect(first.body).toContain('<html lang="sv">');
    expect(setCookies(first)).toEqual([]);
    // One h1, five questions as fieldsets with legends, the scale as faces and words.
    expect(first.body.match(/<h1>/g)).toHaveLength(1);
    expect(first.body.match(/<fieldset/g)?.length).toBe(6);
    expect(first.body).toContain('<legend>Kände du dig trygg här?</legend>');
    expect(first.body).toContain('<span class="face" aria-hidden="true">😄</span><span>Väldigt mycket</span>');
    expect(first.body).toContain('Du är anonym');

    const sent = await phone.send(s.token, { ...ALL, freeText: 'Bra ledare, Ågården är trygg.' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/s/${s.token}/thanks?lang=sv`);
    const cookies = setCookies(sent);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(new RegExp(`^sv_${s.id}=[A-Za-z0-9_-]{43};`));
    expect(cookies[0]).toContain(`Path=/s/${s.token}`);
    expect(cookies[0]).toContain('HttpOnly');
    expect(cookies[0]).toContain('SameSite=Lax');
    expect(cookies[0]).not.toContain('Secure');

    const thanks = await phone.request('GET', sent.headers.location as string);
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('<h1>Tack för ditt svar!</h1>');
    expect(thanks.body).toContain(`<a href="/s/${s.token}?lang=sv">Ändra ditt svar</a>`);

    const again = await phone.page(s.token);
    expect(again.body).toContain('Du har redan svarat.');
    expect(again.body).toContain('id="ratings-learned-3" value="3" checked');
    expect(again.body).toContain('id="ageBand-13_15" value="13_15" checked');
    expect(again.body).toContain('>Bra ledare, Ågården är trygg.</textarea>');
    expect(again.body).toContain('>Spara ändringen</button>');

    const changed = await phone.send(s.token, { ...ALL, 'ratings.learned': '5', freeText: 'Bra ledare, Ågården är trygg.' });
    expect(changed.statusCode).toBe(303);
    const stored = await rows(s.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.ratings).toEqual({ safe: 5, welcome: 4, come_back: 5, learned: 5, listened: 4 });
    expect(stored[0]?.free_text_state).toBe('unread');

    // Another phone is another answer.
    const other = new Phone(t.app);
    expect((await other.send(s.token, { 'ratings.safe': '2' })).statusCode).toBe(303);
    expect(await rows(s.id)).toHaveLength(2);
  });

  it('answers through the JSON API with the same cookie rules, and changes the same answer', async () => {
    const s = await newSurvey();
    const phone = new Phone(t.app);
    const view = await phone.request('GET', `/api/public/surveys/${s.token}?lang=easy`);
    expect(view.statusCode).toBe(200);
    const v = view.json();
    expect(v.language).toBe('easy');
    expect(v.htmlLang).toBe('sv');
    expect(v.questions.map((q: { field: string }) => q.field)).toEqual([
      'ratings.safe',
      'ratings.welcome',
      'ratings.come_back',
      'ratings.learned',
      'ratings.listened',
    ]);
    expect(v.scale[4]).toEqual({ value: 5, face: '😄', label: 'Ja, jättemycket' });
    expect(v.answer).toBeNull();

    const created = await phone.answer(s.token, {
      ratings: { safe: 4, listened: 5 },
      ageBand: '16_18',
      freeText: 'Kul!',
      questionsVersion: v.questionsVersion,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().outcome).toBe('created');
    const cookies = setCookies(created);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toContain(`Path=/api/public/surveys/${s.token}`);

    const updated = await phone.answer(s.token, { ratings: { safe: 2, listened: 5 }, ageBand: null, freeText: 'Kul!' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().outcome).toBe('updated');
    const stored = await rows(s.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ age_band: null, ratings: { safe: 2, listened: 5 }, free_text: 'Kul!' });
    expect((await phone.request('GET', `/api/public/surveys/${s.token}`)).json().answer).toEqual({
      ageBand: null,
      ratings: { safe: 2, listened: 5 },
      extra: {},
      freeText: 'Kul!',
    });

    // A cookie that matches no answer makes a new answer with a new secret, never the one it came with.
    const forged = new Phone(t.app);
    forged.cookies.set(`sv_${s.id}`, { value: 'A'.repeat(43), path: `/api/public/surveys/${s.token}` });
    expect((await forged.answer(s.token, { ratings: { safe: 3 } })).statusCode).toBe(201);
    expect(forged.cookies.get(`sv_${s.id}`)?.value).not.toBe('A'.repeat(43));
    expect(await rows(s.id)).toHaveLength(2);
  });

  it('refuses an empty answer and bad values on their fields, in the chosen language, keeping what was typed', async () => {
    const s = await newSurvey();
    const phone = new Phone(t.app);
    const empty = await phone.send(s.token, { freeText: '   ' }, 'easy');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('<html lang="sv">');
    expect(empty.body).toContain('Svara på minst en fråga. Sen kan du skicka.');
    expect(empty.body).toContain('<a href="#ratings-safe-1">');
    expect(empty.body).toContain('aria-describedby="ratings-safe-error"');

    const long = 'Å'.repeat(2001);
    const tooLong = await phone.send(s.token, { 'ratings.safe': '4', freeText: long }, 'en');
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('<html lang="en">');
    expect(tooLong.body).toContain('Use at most 2000 characters.');
    expect(tooLong.body).toContain(`>${long}</textarea>`);
    expect(tooLong.body).toContain('id="ratings-safe-4" value="4" checked');

    const bad = await phone.answer(s.token, { ratings: { safe: 9 } }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('ratings.safe');
    const unknown = await phone.answer(s.token, { ratings: { safe: 3 }, ageBand: 'ancient' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('ageBand');
    expect(await rows(s.id)).toHaveLength(0);
  });
});

describe('what is stored', () => {
  it('keeps the day of an answer and nothing else about it: no address, agent, user or time', async () => {
    const columns = await sql<{ column_name: string; data_type: string }>`
      select column_name, data_type from information_schema.columns where table_name = 'survey_answers' order by column_name`.execute(t.db.kysely);
    expect(columns.rows.map((c) => c.column_name)).toEqual([
      'age_band',
      'answered_on',
      'edit_secret_sha256',
      'extra_ratings',
      'free_text',
      'free_text_masked',
      'free_text_state',
      'funder_id',
      'id',
      'ratings',
      'survey_id',
    ]);
    expect(columns.rows.filter((c) => /time|interval|inet|cidr/.test(c.data_type))).toEqual([]);
    expect(columns.rows.find((c) => c.column_name === 'answered_on')?.data_type).toBe('date');

    const s = await newSurvey();
    const before = await auditCount();
    const phone = new Phone(t.app, { ip: '203.0.113.77', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Unik/4711' });
    expect((await phone.send(s.token, ALL)).statusCode).toBe(303);
    expect((await phone.send(s.token, { ...ALL, 'ratings.safe': '1' })).statusCode).toBe(303);
    const [row] = await rows(s.id);
    expect(row?.answered_on).toBe(dateInStockholm(new Date()));
    const text = JSON.stringify(row);
    expect(text).not.toContain('203.0.113.77');
    expect(text).not.toContain('Unik/4711');
    // No audit entry for answering.
    expect(await auditCount()).toBe(before);
  });

  it('writes no address to the request log and keeps no answer in the idempotency store', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp({ db: t.db, config: t.config }, { logger: { level: 'info', stream } });
    await logged.ready();
    try {
      const s = await newSurvey();
      const ip = '198.51.100.23';
      const phone = new Phone(logged, { ip });
      await phone.page(s.token);
      await phone.send(s.token, ALL);
      await phone.answer(s.token, { ratings: { safe: 3 } });
      await phone.request('GET', `/s/${s.token}/thanks`);
      expect(lines.join('')).not.toContain(ip);
      // The same logger does log other requests with their address, so the check above could fail.
      await logged.inject({ method: 'GET', url: '/healthz', remoteAddress: ip });
      expect(lines.join('')).toContain(ip);

      // A signed-in caseworker answering in the same browser with an Idempotency-Key stores nothing there.
      const keys = async () => Number((await sql<{ n: number }>`select count(*)::int as n from idempotency_keys`.execute(t.db.kysely)).rows[0]?.n);
      const before = await keys();
      const staff = new Phone(logged);
      for (const [k, v] of w.caseworker.cookies) staff.cookies.set(k, { value: v, path: '/' });
      const key = { 'idempotency-key': crypto.randomUUID() };
      const version = /name="questionsVersion" value="([^"]*)"/.exec((await staff.page(s.token)).body)?.[1] ?? '';
      expect((await staff.request('POST', `/s/${s.token}`, { form: { ...ALL, questionsVersion: version } }, key)).statusCode).toBe(303);
      expect((await staff.request('PUT', `/api/public/surveys/${s.token}/answer`, { json: { ratings: { safe: 2 } } }, key)).statusCode).toBe(201);
      expect(await keys()).toBe(before);
    } finally {
      await logged.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 to one client after its limit while another on the same link still answers, and stops the link at its ceiling', async () => {
    const limited = await buildApp({ db: t.db, config: { ...t.config, surveyRateLimit: { perClient: 3, perLink: 6, windowSeconds: 60 } } }, { logger: false });
    await limited.ready();
    try {
      const s = await newSurvey();
      // Two phones behind the same address (one NAT), with different user agents.
      const a = new Phone(limited, { ip: '192.0.2.10' });
      const b = new Phone(limited, { ip: '192.0.2.10' });
      expect((await a.answer(s.token, { ratings: { safe: 4 } })).statusCode).toBe(201);
      expect((await a.answer(s.token, { ratings: { safe: 5 } })).statusCode).toBe(200);
      expect((await a.answer(s.token, { ratings: { safe: 3 } })).statusCode).toBe(200);
      const over = await a.answer(s.token, { ratings: { safe: 2 } }, 'en');
      expect(over.statusCode).toBe(429);
      expect(over.headers['retry-after']).toBeDefined();
      expect(over.json()).toMatchObject({
        code: 'survey_rate_limited',
        title: 'Many people are answering right now. Wait a minute and send again; your answers are kept.',
      });
      // The page says so in the chosen language and keeps what was typed.
      const page = await a.request('POST', `/s/${s.token}?lang=easy`, { form: { 'ratings.safe': '4', freeText: 'Jag skrev det här' } });
      expect(page.statusCode).toBe(429);
      expect(page.body).toContain('Många svarar just nu. Vänta en minut.');
      expect(page.body).toContain('>Jag skrev det här</textarea>');
      expect(page.body).toContain('id="ratings-safe-4" value="4" checked');

      expect((await b.answer(s.token, { ratings: { safe: 4 } })).statusCode).toBe(201);
      // The link has taken 3 + 1; two more phones, then the ceiling, whoever asks.
      expect((await new Phone(limited).answer(s.token, { ratings: { safe: 1 } })).statusCode).toBe(201);
      expect((await new Phone(limited).answer(s.token, { ratings: { safe: 1 } })).statusCode).toBe(201);
      expect((await new Phone(limited).answer(s.token, { ratings: { safe: 1 } })).statusCode).toBe(429);
      expect(await rows(s.id)).toHaveLength(4);
      // Another link is not held back by this one's ceiling.
      const other = await newSurvey();
      expect((await new Phone(limited).answer(other.token, { ratings: { safe: 5 } })).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('closed and unknown links', () => {
  const LANGS = ['sv', 'en', 'easy'] as const;

  it('says there is no survey, in all three languages, with the chosen one first', async () => {
    for (const lang of LANGS) {
      const res = await new Phone(t.app).page('NoSuchSurveyToken123', lang);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toMatch(/stack|Error:/);
      expect(res.body.match(/<h1>/g)).toHaveLength(1);
      for (const text of ['Vi hittar inte enkäten', 'We cannot find the survey', 'Enkäten finns inte']) expect(res.body).toContain(text);
      const h1 = /<h1>([^<]*)<\/h1>/.exec(res.body)?.[1];
      expect(h1).toBe({ sv: 'Vi hittar inte enkäten', en: 'We cannot find the survey', easy: 'Enkäten finns inte' }[lang]);
      expect(res.body).toContain(`<html lang="${lang === 'en' ? 'en' : 'sv'}">`);
    }
    expect((await new Phone(t.app).request('GET', '/s/x%3Cscript%3E')).statusCode).toBe(404);
    const api = await new Phone(t.app).request('GET', '/api/public/surveys/NoSuchSurveyToken123');
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('survey_not_found');
  });

  it('says a closed survey is closed, in all three languages, on the page, after sending and in the API, until it is opened again', async () => {
    const s = await newSurvey();
    const phone = new Phone(t.app);
    const version = /name="questionsVersion" value="([^"]*)"/.exec((await phone.page(s.token)).body)?.[1] ?? '';
    const closed = await org.member.post(`/api/surveys/${s.id}/close`);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', can: { close: false, open: true } });
    for (const lang of LANGS) {
      const res = await phone.page(s.token, lang);
      expect(res.statusCode).toBe(410);
      for (const text of ['Enkäten är stängd', 'The survey is closed', 'Du kan inte svara mer. Tack ändå!']) expect(res.body).toContain(text);
    }
    // Someone who had the page open sends anyway.
    const late = await phone.request('POST', `/s/${s.token}?lang=en`, { form: { ...ALL, questionsVersion: version } });
    expect(late.statusCode).toBe(410);
    expect(/<h1>([^<]*)<\/h1>/.exec(late.body)?.[1]).toBe('The survey is closed');
    expect((await phone.answer(s.token, { ratings: { safe: 3 } })).statusCode).toBe(410);
    expect((await phone.request('GET', `/api/public/surveys/${s.token}`)).json().code).toBe('survey_closed');
    expect(await rows(s.id)).toHaveLength(0);

    const opened = await w.caseworker.post(`/api/surveys/${s.id}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body.status).toBe('open');
    expect((await phone.page(s.token)).statusCode).toBe(200);
    const trail = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_label']).where('object_id', '=', s.id).orderBy('seq').execute();
    expect(trail.map((e) => e.action)).toEqual(['survey.closed', 'survey.opened']);
  });
});

describe('free text that is script or a formula', () => {
  it('is shown as text on the page and returned as written by the API', async () => {
    const s = await newSurvey();
    const nasty = '<script>alert("x")</script> =HYPERLINK("http://evil.example","klick") & "citat"';
    const questions = await org.signatory.put(`/api/surveys/${s.id}/questions`, {
      questions: [{ text: { sv: 'Var <img src=x onerror=alert(1)> bra?', en: '=1+1 "quoted"' } }],
    });
    expect(questions.status, JSON.stringify(questions.body)).toBe(200);
    const phone = new Phone(t.app);
    expect((await phone.send(s.token, { ...ALL, 'extra.x1': '4', freeText: nasty })).statusCode).toBe(303);
    const page = (await phone.page(s.token)).body;
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; =HYPERLINK(&quot;http://evil.example&quot;,&quot;klick&quot;) &amp; &quot;citat&quot;</textarea>',
    );
    expect(page).toContain('<legend>Var &lt;img src=x onerror=alert(1)&gt; bra?</legend>');
    const en = (await phone.page(s.token, 'en')).body;
    expect(en).toContain('<legend>=1+1 &quot;quoted&quot;</legend>');
    // The page runs no script at all, whatever gets in.
    const res = await phone.page(s.token);
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(res.headers['content-security-policy'])).not.toContain('script-src');

    // Through the API it is data: JSON carries it as written, for whoever shows it to escape it.
    const app = new Phone(t.app);
    expect((await app.answer(s.token, { ratings: { safe: 3 }, freeText: nasty })).statusCode).toBe(201);
    const api = await app.request('GET', `/api/public/surveys/${s.token}`);
    expect(api.headers['content-type']).toContain('application/json');
    expect(api.json().answer.freeText).toBe(nasty);
    // Staff read it as data too, once there are enough answers to show free texts at all.
    for (let i = 0; i < 3; i++) await new Phone(t.app).answer(s.token, { ratings: { safe: 3 } });
    const list = await w.caseworker.get(`/api/surveys/${s.id}/free-texts`);
    expect(list.headers['content-type']).toContain('application/json');
    expect(list.body.items.map((x: { text: string }) => x.text)).toEqual([nasty, nasty]);
  });
});

describe('the association’s own questions', () => {
  it('takes up to three, with Swedish required, from members and caseworkers, and freezes them at the first answer', async () => {
    const s = await newSurvey();
    const q = (sv: string, en?: string) => ({ text: { sv, ...(en ? { en } : {}) } });
    const four = await org.member.put(`/api/surveys/${s.id}/questions`, { questions: [q('Ett?'), q('Två?'), q('Tre?'), q('Fyra?')] });
    expect(four.status).toBe(422);
    expect(four.body.errors).toEqual([
      expect.objectContaining({ field: 'questions', code: 'survey_too_many_questions', message: 'Föreningen kan ställa högst 3 egna frågor.' }),
    ]);
    const noSwedish = await org.member.put(`/api/surveys/${s.id}/questions`, { questions: [q('  ', 'Only English?')] });
    expect(noSwedish.status).toBe(422);
    expect(noSwedish.body.errors[0].field).toBe('questions.0.text.sv');
    expect((await w.finance.put(`/api/surveys/${s.id}/questions`, { questions: [q('Ekonomins fråga?')] })).status).toBe(403);
    const stranger = await w.organisation('Främlingarnas förening');
    expect((await stranger.member.put(`/api/surveys/${s.id}/questions`, { questions: [q('Främmande?')] })).status).toBe(404);

    const three = await org.member.put(`/api/surveys/${s.id}/questions`, {
      questions: [q('Fick du vara med och bestämma?', 'Did you get a say?'), q('Var maten god?'), q('Kommer du att tipsa en kompis?')],
    });
    expect(three.status, JSON.stringify(three.body)).toBe(200);
    expect(three.body.extraQuestions.map((x: { id: string }) => x.id)).toEqual(['x1', 'x2', 'x3']);
    const byCaseworker = await w.caseworker.put(`/api/surveys/${s.id}/questions`, {
      questions: [q('Fick du vara med och bestämma?', 'Did you get a say?'), q('Var maten god?'), q('Tipsar du en kompis?')],
    });
    expect(byCaseworker.status).toBe(200);
    expect(byCaseworker.body.can.editQuestions).toBe(true);

    // The page shows the English where there is one, and the Swedish marked as Swedish where there is not.
    const phone = new Phone(t.app);
    const en = (await phone.page(s.token, 'en')).body;
    expect(en).toContain('<legend>Did you get a say?</legend>');
    expect(en).toContain('<legend lang="sv">Var maten god?</legend>');
    expect((await phone.send(s.token, { 'extra.x1': '5', 'extra.x3': '4' }, 'en')).statusCode).toBe(303);
    expect((await rows(s.id))[0]?.extra_ratings).toEqual({ x1: 5, x3: 4 });

    const frozen = await org.member.put(`/api/surveys/${s.id}/questions`, { questions: [q('Ändrad?')] });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('survey_questions_frozen');
    const view = await org.member.get(`/api/agreements/${s.agreementId}/survey`);
    expect(view.body).toMatchObject({ answers: 1, questionsFrozen: true, can: { editQuestions: false } });
  });

  it('asks a participant to look again when the questions changed while they answered, keeping the rest', async () => {
    const s = await newSurvey();
    const phone = new Phone(t.app);
    const version = /name="questionsVersion" value="([^"]*)"/.exec((await phone.page(s.token)).body)?.[1] ?? '';
    expect((await org.member.put(`/api/surveys/${s.id}/questions`, { questions: [{ text: { sv: 'Ny fråga?' } }] })).status).toBe(200);
    const res = await phone.request('POST', `/s/${s.token}`, { form: { ...ALL, freeText: 'Mitt svar', questionsVersion: version } });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Föreningen har ändrat sina egna frågor medan du svarade.');
    expect(res.body).toContain('<legend>Ny fråga?</legend>');
    expect(res.body).toContain('>Mitt svar</textarea>');
    expect(await rows(s.id)).toHaveLength(0);
    const api = await phone.answer(s.token, { ratings: { safe: 4 }, questionsVersion: version });
    expect(api.statusCode).toBe(409);
    expect(api.json().code).toBe('survey_questions_changed');
  });

  it('never stores an answer against questions changed at the same moment', async () => {
    const s = await newSurvey();
    const view = (await new Phone(t.app).request('GET', `/api/public/surveys/${s.token}`)).json();
    const phones = Array.from({ length: 6 }, () => new Phone(t.app));
    const results = await atOnce(t, { text: 'select id from surveys where id = $1 for update', values: [s.id] }, 7, () =>
      Promise.all([
        org.member
          .put(`/api/surveys/${s.id}/questions`, { questions: [{ text: { sv: 'Samtidig fråga?' } }] })
          .then((r) => ({ kind: 'questions', status: r.status })),
        ...phones.map((p) =>
          p.answer(s.token, { ratings: { safe: 4 }, questionsVersion: view.questionsVersion }).then((r) => ({ kind: 'answer', status: r.statusCode })),
        ),
      ]),
    );
    const changed = results.find((r) => r.kind === 'questions')?.status === 200;
    const answered = results.filter((r) => r.kind === 'answer' && r.status === 201).length;
    // Either the questions changed and every answer to the old ones was refused, or answers came first and the change was.
    if (changed) expect(answered).toBe(0);
    else expect(results.find((r) => r.kind === 'questions')?.status).toBe(409);
    expect(results.filter((r) => r.kind === 'answer').every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await rows(s.id)).toHaveLength(answered);
    if (engine() === 'postgres') expect(results.length).toBe(7);
  });
});

describe('an answer while the funder lowers its smallest group', () => {
  it('is stored, and the setting saved: the two never deadlock', async () => {
    const s = await newSurvey();
    const admin = await w.client('admin@norrkoping.example');
    const settings = (k: number) =>
      admin.put(`/api/funders/${w.sn}/follow-up-settings`, { surveyMinGroup: k, reportDeviationPercent: 10, reportReminderDays: 14 });
    try {
      // On PostgreSQL both wait on the survey, then run together: the answer holds the survey and, by its
      // foreign key, the funder FOR KEY SHARE while the setting holds the funder and takes the surveys.
      const [answer, saved] = await atOnce(t, { text: 'select id from surveys where id = $1 for update', values: [s.id] }, 2, () =>
        Promise.all([new Phone(t.app).answer(s.token, { ratings: { safe: 4 } }), settings(4)]),
      );
      expect(answer.statusCode).toBe(201);
      expect(saved.status).toBe(200);
      expect(await rows(s.id)).toHaveLength(1);
    } finally {
      expect((await settings(5)).status).toBe(200);
    }
  });
});

describe('free texts', () => {
  it('shows nothing below the smallest group, then unread texts to the caseworker only, read and masked ones to other staff, none to the association', async () => {
    const s = await newSurvey();
    const texts = ['Ledaren Kalle var snäll', 'Bra!', 'Tråkigt ibland', 'مرحبا 🌙 tack', 'Mer fotboll'];
    for (const text of texts.slice(0, 4)) await new Phone(t.app).answer(s.token, { ratings: { safe: 4 }, freeText: text });
    const few = await w.caseworker.get(`/api/surveys/${s.id}/free-texts`);
    expect(few.status).toBe(200);
    expect(few.body).toMatchObject({ answers: 4, minGroup: 5, hidden: true, items: [] });

    await new Phone(t.app).answer(s.token, { ratings: { safe: 5 }, freeText: texts[4] });
    await new Phone(t.app).answer(s.token, { ratings: { safe: 5 } });
    const all = await w.caseworker.get(`/api/surveys/${s.id}/free-texts`);
    expect(all.body.hidden).toBe(false);
    expect(all.body.mayRead).toBe(true);
    expect(all.body.items.map((x: { text: string }) => x.text).sort()).toEqual([...texts].sort());
    expect(all.body.items.every((x: { state: string }) => x.state === 'unread')).toBe(true);
    const ids = all.body.items.map((x: { id: string }) => x.id);
    expect(ids).toEqual([...ids].sort());

    expect((await w.finance.get(`/api/surveys/${s.id}/free-texts`)).body.items).toEqual([]);
    expect((await org.member.get(`/api/surveys/${s.id}/free-texts`)).status).toBe(404);
    const section = await org.member.get(`/api/agreements/${s.agreementId}/survey`);
    expect(section.body).toMatchObject({ answers: 6, unreadFreeTexts: null, can: { seeFreeTexts: false, readFreeTexts: false } });
    expect((await w.caseworker.get(`/api/agreements/${s.agreementId}/survey`)).body.unreadFreeTexts).toBe(5);

    const kalle = all.body.items.find((x: { text: string }) => x.text === texts[0]);
    const bra = all.body.items.find((x: { text: string }) => x.text === texts[1]);
    expect((await w.finance.post(`/api/survey-answers/${bra.id}/free-text`, { action: 'read' })).status).toBe(403);
    const read = await w.caseworker.post(`/api/survey-answers/${bra.id}/free-text`, { action: 'read' });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toEqual({ id: bra.id, state: 'read', text: 'Bra!' });
    expect((await w.caseworker.post(`/api/survey-answers/${bra.id}/free-text`, { action: 'read' })).status).toBe(409);
    const masked = await w.caseworker.post(`/api/survey-answers/${kalle.id}/free-text`, { action: 'mask', masked: 'Ledaren [namn] var snäll' });
    expect(masked.body).toEqual({ id: kalle.id, state: 'masked', text: 'Ledaren [namn] var snäll' });

    const seenByFinance = await w.finance.get(`/api/surveys/${s.id}/free-texts`);
    expect(seenByFinance.body.mayRead).toBe(false);
    expect(seenByFinance.body.items.map((x: { text: string }) => x.text).sort()).toEqual(['Bra!', 'Ledaren [namn] var snäll']);
    // The masked original is gone from the database; the audit trail holds no answer's text.
    const stored = await t.db.kysely
      .selectFrom('survey_answers')
      .select(['free_text', 'free_text_masked'])
      .where('id', '=', kalle.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ free_text: null, free_text_masked: 'Ledaren [namn] var snäll' });
    const trail = await t.db.kysely.selectFrom('audit_log').select(['action', 'data']).where('object_id', '=', s.id).orderBy('seq').execute();
    expect(trail.map((e) => e.action)).toEqual(['survey.free_text_read', 'survey.free_text_masked']);
    expect(JSON.stringify(trail)).not.toMatch(/Kalle|Bra!|\[namn\]/);
    const noText = (await rows(s.id)).find((r) => r.free_text_state === 'none');
    expect((await w.caseworker.post(`/api/survey-answers/${noText?.id}/free-text`, { action: 'read' })).status).toBe(409);
  });
});

describe('management and poster', () => {
  it('gives the association and the caseworker the link, the poster and the count; strangers learn nothing', async () => {
    const s = await newSurvey();
    await new Phone(t.app).answer(s.token, { ratings: { safe: 5 } });
    const mine = await org.member.get(`/api/agreements/${s.agreementId}/survey`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      id: s.id,
      agreementId: s.agreementId,
      status: 'open',
      link: `${t.config.publicUrl}/s/${s.token}`,
      posterUrl: `/api/surveys/${s.id}/poster.pdf`,
      answers: 1,
      minGroup: 5,
      can: { editQuestions: false, close: true, open: false },
    });
    const byFinance = await w.finance.get(`/api/agreements/${s.agreementId}/survey`);
    expect(byFinance.body.can).toEqual({ editQuestions: false, close: false, open: false, seeFreeTexts: true, readFreeTexts: false });
    expect((await w.finance.post(`/api/surveys/${s.id}/close`)).status).toBe(403);
    const stranger = await w.organisation('Grannföreningen');
    expect((await stranger.member.get(`/api/agreements/${s.agreementId}/survey`)).status).toBe(404);
    expect((await stranger.member.get(`/api/surveys/${s.id}/poster.pdf`)).status).toBe(404);
  });

  it('prints the poster with the link and the association’s name as written', async () => {
    const s = await newSurvey();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/surveys/${s.id}/poster.pdf`,
      remoteAddress: org.member.ip,
      headers: { cookie: [...org.member.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { reading } = await pdfText(res.rawPayload);
    const text = reading.join('\n');
    expect(text).toContain(`${t.config.publicUrl}/s/${s.token}`);
    expect(text).toContain('Çağla Öztürks förening Ågården');
    expect(text).toContain('مريم');
    for (const heading of ['Svenska', 'English', 'Lättläst']) expect(reading).toContain(heading);
    expect(text).toContain('Trygghetsvandring med Çağla Öztürks förening Ågården');
  });

  it('says when an agreement has no survey', async () => {
    const { applicationId } = await w.granted(org, kronor(10_000));
    const agreement = await w.signed(org, applicationId);
    await t.db.kysely.deleteFrom('surveys').where('agreement_id', '=', agreement.id).execute();
    const res = await org.member.get(`/api/agreements/${agreement.id}/survey`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('survey_not_found');
  });
});
