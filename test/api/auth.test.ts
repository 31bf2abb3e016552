import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const auditActions = async (objectId: string) =>
  (await t.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', objectId).orderBy('seq').execute()).map((r) => r.action);

describe('sign-in', () => {
  it('signs in a demo user, who then sees their roles', async () => {
    const c = new Client(t.app);
    const user = await c.login('handlaggare@norrkoping.example');
    expect(user.funders).toEqual([expect.objectContaining({ funderName: 'Socialnämnden, Norrköpings kommun', role: 'caseworker' })]);
    const session = await c.get('/api/session');
    expect(session.body.user.email).toBe('handlaggare@norrkoping.example');
    expect(await auditActions(user.id)).toContain('user.signed_in');
  });

  it('sets the session cookie HttpOnly and SameSite, and never readable by scripts', async () => {
    const c = await new Client(t.app).open();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: `samverka_csrf=${c.csrf}`, 'x-csrf-token': c.csrf as string, 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'bedomare@norrkoping.example', password: 'samverka-demo' }),
    });
    const cookie = res.cookies.find((k) => k.name === 'samverka_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('refuses a wrong password with a message in the user’s language', async () => {
    const c = await new Client(t.app).open();
    const sv = await c.post('/api/auth/login', { email: 'namnd@norrkoping.example', password: 'fel-lösenord' });
    expect(sv.status).toBe(401);
    expect(sv.headers['content-type']).toContain('application/problem+json');
    expect(sv.body).toMatchObject({ code: 'invalid_credentials', title: 'Fel e-postadress eller lösenord.' });
    c.lang = 'en';
    const en = await c.post('/api/auth/login', { email: 'nobody@nowhere.example', password: 'whatever' });
    expect(en.body).toMatchObject({ status: 401, code: 'invalid_credentials', title: 'Wrong e-mail address or password.' });
    expect(JSON.stringify(en.body)).not.toMatch(/at \w+ \(|stack/);
  });

  it('locks the account after five failures, even for the right password, and says for how long', async () => {
    const c = await new Client(t.app).open();
    for (let i = 0; i < 4; i++) expect((await c.post('/api/auth/login', { email: 'ekonomi@norrkoping.example', password: `wrong-${i}` })).status).toBe(401);
    const fifth = await c.post('/api/auth/login', { email: 'ekonomi@norrkoping.example', password: 'wrong-5' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.title).toContain('15 minuter');
    const right = await c.post('/api/auth/login', { email: 'ekonomi@norrkoping.example', password: 'samverka-demo' });
    expect(right.status).toBe(423);
    const user = await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'ekonomi@norrkoping.example').executeTakeFirstOrThrow();
    expect(await auditActions(user.id)).toContain('user.locked');
    // When the lock has run out, the right password works again.
    await t.db.kysely
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', user.id)
      .execute();
    expect((await c.post('/api/auth/login', { email: 'ekonomi@norrkoping.example', password: 'samverka-demo' })).status).toBe(200);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    const c = await new Client(t.app).open();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await c.post('/api/auth/login', { email: `x${i}@example.se`, password: 'x' })).status);
    expect(statuses).toContain(429);
    const limited = await c.post('/api/auth/login', { email: 'x@example.se', password: 'x' });
    expect(limited.body.code).toBe('rate_limited');
  });
});

describe('sessions and CSRF', () => {
  it('refuses a state-changing request without the CSRF token, or with another session’s token', async () => {
    const a = new Client(t.app);
    await a.login('strateg@norrkoping.example');
    const noToken = await a.request('POST', '/api/auth/logout-everywhere', {}, { 'x-csrf-token': '' });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('csrf_invalid');
    const b = await new Client(t.app).open();
    const foreign = await a.request('POST', '/api/auth/logout-everywhere', {}, { 'x-csrf-token': b.csrf as string });
    expect(foreign.status).toBe(403);
    // The anonymous token from before sign-in is no longer valid either.
    expect((await a.get('/api/session')).body.user.email).toBe('strateg@norrkoping.example');
  });

  it('tells an expired session apart from no session', async () => {
    const c = new Client(t.app);
    const user = await c.login('admin@orebro.example');
    await t.db.kysely
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    const res = await c.post('/api/organisations', { orgNumber: '802479-4953', name: 'X', legalForm: 'ideell_forening' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('session_expired');
    expect(res.body.title).toContain('det du skrivit finns kvar');
    const anonymous = await new Client(t.app).open();
    expect((await anonymous.post('/api/organisations', { orgNumber: '802479-4953', name: 'X', legalForm: 'ideell_forening' })).body.code).toBe(
      'not_authenticated',
    );
  });

  it('signs out everywhere: every other device’s session ends', async () => {
    const phone = new Client(t.app);
    const laptop = new Client(t.app);
    await phone.login('admin@delmos.example');
    await laptop.login('admin@delmos.example');
    expect((await laptop.post('/api/auth/logout-everywhere')).status).toBe(200);
    expect((await phone.get('/api/session')).body.user).toBeNull();
    expect((await laptop.get('/api/session')).body.user).toBeNull();
  });

  it('signs out this browser only', async () => {
    const a = new Client(t.app);
    const b = new Client(t.app);
    await a.login('ledare@vivalla.example');
    await b.login('ledare@vivalla.example');
    await a.post('/api/auth/logout');
    expect((await a.get('/api/session')).body.user).toBeNull();
    expect((await b.get('/api/session')).body.user.email).toBe('ledare@vivalla.example');
  });
});

describe('accounts', () => {
  it('registers an applicant account and refuses the same e-mail twice, on the field', async () => {
    const c = await new Client(t.app).open();
    const res = await c.post('/api/auth/register', { name: 'Vera Volontär', email: 'vera@forening.example', password: 'lång och säker fras' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: 'vera@forening.example', funders: [], organisations: [] });
    const again = await new Client(t.app).open();
    const dup = await again.post('/api/auth/register', { name: 'Vera', email: 'VERA@forening.example', password: 'lång och säker fras' });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'email_taken' })]);
  });

  it('refuses a short password and a malformed e-mail on their fields', async () => {
    const c = await new Client(t.app).open();
    const short = await c.post('/api/auth/register', { name: 'Kim', email: 'kim@forening.example', password: 'kort' });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ field: 'password', code: 'password_too_short' });
    const bad = await c.post('/api/auth/register', { name: 'Kim', email: 'inte-en-adress', password: 'lång och säker fras' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'invalid_email' })]);
    const count = await t.db.kysely.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).where('email', 'like', 'kim@%').executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('resets a password with a single-use e-mailed token, ending all sessions', async () => {
    const old = new Client(t.app);
    await old.login('forening@nattvandrarna.example');
    const c = await new Client(t.app).open();
    expect((await c.post('/api/auth/password-reset', { email: 'forening@nattvandrarna.example' })).status).toBe(202);
    expect((await c.post('/api/auth/password-reset', { email: 'okand@nowhere.example' })).status).toBe(202);
    // The demo reminded this association of its reports long ago: the newest mail is the reset.
    const mail = await t.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'forening@nattvandrarna.example')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Återställ ditt lösenord i Samverka');
    const token = /token=([\w-]+)/.exec(mail.body_text)?.[1] as string;
    expect((await c.post('/api/auth/password-reset/confirm', { token, password: 'ett nytt långt lösenord' })).status).toBe(200);
    const reused = await c.post('/api/auth/password-reset/confirm', { token, password: 'ett annat långt lösenord' });
    expect(reused.body.code).toBe('token_invalid');
    expect((await old.get('/api/session')).body.user).toBeNull();
    await new Client(t.app).login('forening@nattvandrarna.example', 'ett nytt långt lösenord');
    expect(await t.db.kysely.selectFrom('outbox').select('id').where('to_address', '=', 'okand@nowhere.example').execute()).toHaveLength(0);
  });

  it('refuses an expired reset token', async () => {
    const c = await new Client(t.app).open();
    await c.post('/api/auth/password-reset', { email: 'admin@orebro.example' });
    const mail = await t.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'admin@orebro.example')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('auth_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'admin@orebro.example')
      .execute();
    const token = /token=([\w-]+)/.exec(mail.body_text)?.[1] as string;
    const res = await c.post('/api/auth/password-reset/confirm', { token, password: 'ett nytt långt lösenord' });
    expect(res.body.code).toBe('token_expired');
  });

  it('remembers the chosen language for the user and answers in it', async () => {
    const c = new Client(t.app);
    await c.login('bedomare@norrkoping.example');
    expect((await c.put('/api/me/locale', { locale: 'en' })).status).toBe(200);
    expect(c.cookies.get('samverka_lang')).toBe('en');
    const missing = await c.get('/api/nowhere');
    expect(missing.body.title).toBe('The address /api/nowhere does not exist in the Samverka API.');
    const fresh = new Client(t.app);
    const user = await fresh.login('bedomare@norrkoping.example');
    expect(user.locale).toBe('en');
  });
});

describe('bad requests', () => {
  it('answers malformed JSON, an oversize body and an unknown route with a clear 4xx', async () => {
    const c = await new Client(t.app).open();
    const malformed = await c.request('POST', '/api/auth/login', '{"email": ', {});
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('invalid_json');
    const big = await c.request('POST', '/api/auth/login', JSON.stringify({ email: 'a@b.se', password: 'x'.repeat(300_000) }));
    expect(big.status).toBe(413);
    expect(big.body.title).toContain('för stort');
    const unknown = await c.get('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('route_not_found');
    const wrongType = await c.request('POST', '/api/auth/login', '<email/>', { 'content-type': 'application/xml' });
    expect(wrongType.status).toBe(415);
  });

  it('names every missing field', async () => {
    const c = await new Client(t.app).open();
    const res = await c.post('/api/auth/register', {});
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'name', 'password']);
    expect(res.body.errors[0].messages.en).toBe('Please fill in this field.');
  });
});

describe('server fixes found from the browser', () => {
  it('answers an unknown session cookie with session_expired, and still lets its owner sign in', async () => {
    const c = new Client(t.app);
    await c.login('admin@delmos.example');
    await t.db.kysely.deleteFrom('sessions').execute();
    await c.open();
    const res = await c.post('/api/organisations', { orgNumber: '802479-4953', name: 'X', legalForm: 'ideell_forening' });
    expect(res.body.code).toBe('session_expired');
    expect((await c.post('/api/auth/login', { email: 'admin@delmos.example', password: 'samverka-demo' })).status).toBe(200);
  });

  it('keeps the language a visitor chose before signing in', async () => {
    const c = await new Client(t.app).open();
    await c.put('/api/me/locale', { locale: 'en' });
    await c.login('handlaggare@norrkoping.example');
    expect(c.cookies.get('samverka_lang')).toBe('en');
  });
});
