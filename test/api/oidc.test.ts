import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/db/scope.ts';
import { startTestServer, type TestApp } from '../support/app.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';

const NORRKOPING = 'Socialnämnden, Norrköpings kommun';
const OREBRO = 'Kommunstyrelsen, Örebro kommun';
const SECRET_ENV = 'TEST_OIDC_SECRET';
const SECOND_SECRET_ENV = 'TEST_OIDC_SECRET_OREBRO';

/** A cookie jar for one site, enough for these flows: name, value, path and deletion. */
class CookieJar {
  readonly #cookies = new Map<string, { name: string; value: string; path: string }>();

  store(url: URL, res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = new Map(
        attributes.map((a) => {
          const i = a.indexOf('=');
          return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
        }),
      );
      const path = attr.get('path') || url.pathname.replace(/\/[^/]*$/, '') || '/';
      const maxAge = attr.has('max-age') ? Number(attr.get('max-age')) : undefined;
      const expires = attr.has('expires') ? Date.parse(attr.get('expires') as string) : undefined;
      const gone = value === '' || (maxAge !== undefined && maxAge <= 0) || (expires !== undefined && expires <= Date.now());
      if (gone) this.#cookies.delete(`${name};${path}`);
      else this.#cookies.set(`${name};${path}`, { name, value, path });
    }
  }

  header(url: URL): string {
    const matches = (path: string) => url.pathname === path || url.pathname.startsWith(path.endsWith('/') ? path : `${path}/`);
    return [...this.#cookies.values()]
      .filter((c) => matches(c.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  set(name: string, value: string, path = '/') {
    this.#cookies.set(`${name};${path}`, { name, value, path });
  }

  get(name: string): string | undefined {
    return [...this.#cookies.values()].find((c) => c.name === name)?.value;
  }
}

/** One request without following redirects, with the jar's cookies, keeping the ones it sets. */
async function call(jar: CookieJar, href: string, init: { method?: string; form?: Record<string, string> } = {}) {
  const url = new URL(href);
  const headers: Record<string, string> = {};
  const cookie = jar.header(url);
  if (cookie) headers.cookie = cookie;
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const res = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
  jar.store(url, res);
  const location = res.headers.get('location');
  return { res, status: res.status, location: location ? new URL(location, url).href : null };
}

const unescapeHtml = (s: string) =>
  s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');

/** The first form of a page: where it posts and its named inputs' values. */
function parseForm(html: string, base: string) {
  const form = html.match(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i);
  if (!form) throw new Error(`no form on the page:\n${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(/<input\b[^>]*>/gi)) {
    const name = input[0].match(/\bname="([^"]*)"/)?.[1];
    if (name) fields[name] = unescapeHtml(input[0].match(/\bvalue="([^"]*)"/)?.[1] ?? '');
  }
  return { action: new URL(unescapeHtml(form[1]), base).href, fields };
}

interface Flow {
  app: CookieJar;
  idp: CookieJar;
  /** The callback URL the provider sent the browser to, with code, state and iss. */
  callback: string;
}

/**
 * Plays the browser from "sign in with your organisation's account" until the
 * provider sends the browser back to the app: the app's start redirect, the
 * provider's login page (any password for a known login) and consent page.
 */
async function authorizeAt(t: TestApp & { url: string }, idp: TestOidcProvider, funderId: string, login: string): Promise<Flow> {
  const app = new CookieJar();
  const idpJar = new CookieJar();
  const start = await call(app, `${t.url}/api/auth/oidc/${funderId}/start`);
  expect(start.status).toBe(302);
  expect(app.get('samverka_oidc')).toBeDefined();
  let next = start.location as string;
  expect(next.startsWith(`${idp.issuer}/`)).toBe(true);
  const authorize = new URL(next).searchParams;
  expect(authorize.get('code_challenge_method')).toBe('S256');
  expect(authorize.get('redirect_uri')).toBe(idp.redirectUri);

  for (let step = 0; step < 12; step++) {
    if (next.startsWith(`${t.url}/`)) return { app, idp: idpJar, callback: next };
    const page = await call(idpJar, next);
    if (page.location) {
      next = page.location;
      continue;
    }
    const html = await page.res.text();
    expect(page.status, html.slice(0, 500)).toBe(200);
    const form = parseForm(html, next);
    if (form.fields.prompt === 'login') Object.assign(form.fields, { login, password: 'any password will do' });
    const submitted = await call(idpJar, form.action, { form: form.fields });
    expect(submitted.location, `the ${form.fields.prompt} form was not accepted`).not.toBeNull();
    next = submitted.location as string;
  }
  throw new Error('the provider never sent the browser back to the app');
}

/** Completes a flow at the app's callback; answers where the app sent the browser. */
async function finish(flow: Flow, callback = flow.callback) {
  const done = await call(flow.app, callback);
  expect(done.status).toBe(302);
  return new URL(done.location as string);
}

async function sessionOf(t: TestApp & { url: string }, jar: CookieJar) {
  const { res } = await call(jar, `${t.url}/api/session`);
  expect(res.status).toBe(200);
  return (await res.json()) as { user: { email: string; funders: { funderName: string; role: string }[] } | null };
}

let t: TestApp & { url: string };
let idp: TestOidcProvider;
let idpWithClaimsInIdToken: TestOidcProvider;
let norrkoping: string;
let orebro: string;

beforeAll(async () => {
  t = await startTestServer();
  idp = await startOidcProvider({
    appUrl: t.url,
    accounts: {
      hanna: { email: 'Handlaggare@Norrkoping.example', name: 'Hanna Handläggare' },
      omar: { email: 'admin@orebro.example', name: 'Omar Örebro' },
      nobody: { email: 'nobody@norrkoping.example', name: 'Nobody' },
      mallory: { email: 'handlaggare@norrkoping.example', name: 'Mallory', emailVerified: false },
    },
  });
  idpWithClaimsInIdToken = await startOidcProvider({
    appUrl: t.url,
    clientId: 'samverka-orebro',
    conformIdTokenClaims: false,
    accounts: { omar: { email: 'admin@orebro.example', name: 'Omar Örebro' } },
  });
  process.env[SECRET_ENV] = idp.clientSecret;
  process.env[SECOND_SECRET_ENV] = idpWithClaimsInIdToken.clientSecret;

  const funders = await system(t.db, (tx) => tx.selectFrom('funders').select(['id', 'name']).execute());
  norrkoping = funders.find((f) => f.name === NORRKOPING)?.id as string;
  orebro = funders.find((f) => f.name === OREBRO)?.id as string;
  await system(t.db, (tx) =>
    tx
      .insertInto('oidc_providers')
      .values([
        { funder_id: norrkoping, issuer: idp.issuer, client_id: idp.clientId, client_secret_env: SECRET_ENV, display_name: 'Norrköpings kommun (test-IdP)' },
        {
          funder_id: orebro,
          issuer: idpWithClaimsInIdToken.issuer,
          client_id: idpWithClaimsInIdToken.clientId,
          client_secret_env: SECOND_SECRET_ENV,
          display_name: 'Örebro kommun (test-IdP)',
        },
      ])
      .execute(),
  );
});

afterAll(async () => {
  await t?.close();
  await idp?.close();
  await idpWithClaimsInIdToken?.close();
  delete process.env[SECRET_ENV];
  delete process.env[SECOND_SECRET_ENV];
});

describe('sign-in with a funder’s identity provider', () => {
  it('offers the provider on the funder list', async () => {
    const res = await fetch(`${t.url}/api/funders`);
    const { funders } = (await res.json()) as { funders: { id: string; oidc: { displayName: string } | null }[] };
    expect(funders.find((f) => f.id === norrkoping)?.oidc).toEqual({ displayName: 'Norrköpings kommun (test-IdP)' });
  });

  it('signs in a staff member through the whole authorization code flow with PKCE', async () => {
    const flow = await authorizeAt(t, idp, norrkoping, 'hanna');
    const callback = new URL(flow.callback);
    expect(callback.pathname).toBe('/api/auth/oidc/callback');
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('iss')).toBe(idp.issuer);

    const flowCookie = flow.app.get('samverka_oidc') as string;
    const landed = await finish(flow);
    expect(landed.pathname).toBe('/');
    expect(landed.search).toBe('');
    expect(flow.app.get('samverka_oidc')).toBeUndefined();

    const session = await sessionOf(t, flow.app);
    expect(session.user?.email).toBe('handlaggare@norrkoping.example');
    expect(session.user?.funders).toContainEqual(expect.objectContaining({ funderName: NORRKOPING, role: 'caseworker' }));

    const user = await system(t.db, (tx) =>
      tx.selectFrom('users').select('id').where('email', '=', 'handlaggare@norrkoping.example').executeTakeFirstOrThrow(),
    );
    const sessions = await system(t.db, (tx) => tx.selectFrom('sessions').select('via').where('user_id', '=', user.id).execute());
    expect(sessions.map((s) => s.via)).toContain('oidc');

    const entries = await system(t.db, (tx) =>
      tx.selectFrom('audit_log').selectAll().where('action', '=', 'user.signed_in').where('actor_id', '=', user.id).orderBy('seq', 'desc').execute(),
    );
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[0].funder_id).toBe(norrkoping);
    expect(entries[0].data).toMatchObject({ via: 'oidc', issuer: idp.issuer });

    // The code is spent: replaying the callback, flow cookie and all, signs nobody in.
    const replay = new CookieJar();
    replay.set('samverka_oidc', flowCookie, '/api/auth/oidc');
    const again = await finish({ ...flow, app: replay });
    expect(again.searchParams.get('error')).toBe('oidc_failed');
    expect(replay.get('samverka_session')).toBeUndefined();
  });

  it('signs in with the e-mail from the ID token too, as Entra ID and Keycloak send it', async () => {
    const flow = await authorizeAt(t, idpWithClaimsInIdToken, orebro, 'omar');
    expect((await finish(flow)).pathname).toBe('/');
    expect((await sessionOf(t, flow.app)).user?.email).toBe('admin@orebro.example');
  });

  it('refuses a person with no role at that funder', async () => {
    for (const login of ['omar', 'nobody']) {
      const flow = await authorizeAt(t, idp, norrkoping, login);
      const landed = await finish(flow);
      expect(landed.pathname).toBe('/sign-in');
      expect(landed.searchParams.get('error')).toBe('oidc_no_account');
      expect(landed.searchParams.get('funder')).toBe(NORRKOPING);
      expect(flow.app.get('samverka_session')).toBeUndefined();
      expect((await sessionOf(t, flow.app)).user).toBeNull();
    }
  });

  it('refuses an e-mail address the provider says is not verified', async () => {
    const flow = await authorizeAt(t, idp, norrkoping, 'mallory');
    const landed = await finish(flow);
    expect(landed.pathname).toBe('/sign-in');
    expect(landed.searchParams.get('error')).toBe('oidc_failed');
    expect((await sessionOf(t, flow.app)).user).toBeNull();
  });

  it('refuses a tampered state', async () => {
    const flow = await authorizeAt(t, idp, norrkoping, 'hanna');
    const tampered = new URL(flow.callback);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    const landed = await finish(flow, tampered.href);
    expect(landed.pathname).toBe('/sign-in');
    expect(landed.searchParams.get('error')).toBe('oidc_failed');
    expect(flow.app.get('samverka_session')).toBeUndefined();
    expect((await sessionOf(t, flow.app)).user).toBeNull();
  });

  it('refuses a callback without the flow cookie of the browser that started it', async () => {
    const flow = await authorizeAt(t, idp, norrkoping, 'hanna');
    const stranger = new CookieJar();
    const done = await call(stranger, flow.callback);
    expect(new URL(done.location as string).searchParams.get('error')).toBe('oidc_failed');
    expect(stranger.get('samverka_session')).toBeUndefined();
  });
});
