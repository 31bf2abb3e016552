// The web app's typed client: the CSRF header on changes, one retry with a fresh token when the server
// refused a stale one, an empty JSON body where there is nothing to send, and problems as ApiError.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

type Sent = { method: string; url: string; headers: Headers; body: string };
let sent: Sent[] = [];
let answers: ((r: Request) => Response)[] = [];

const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, code: string) =>
  json(status, { type: 'about:blank', title: code, status, code, messages: { sv: code, en: code }, requestId: 'r' }, 'application/problem+json');

/** A browser resolves the client's relative paths against the page's address; Node needs one given. */
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, 'http://samverka.test') : input, init);
  }
}

beforeAll(() => {
  vi.stubGlobal('document', { cookie: '' });
  vi.stubGlobal('Request', PageRequest);
  vi.stubGlobal('fetch', async (input: Request) => {
    sent.push({ method: input.method, url: new URL(input.url).pathname, headers: input.headers, body: await input.clone().text() });
    const next = answers.shift();
    if (!next) throw new TypeError('offline');
    return next(input);
  });
});
afterEach(() => {
  sent = [];
  answers = [];
});

const session = (token: string) => () => json(200, { user: null, csrfToken: token, mailbox: false });

describe('the web app’s API client', () => {
  it('fetches a token before its first change, and sends it with an empty JSON body', async () => {
    const { client, unwrap } = await import('../../src/web/api/client.ts');
    answers = [session('t1'), () => json(200, { ok: true })];
    await unwrap(client.POST('/api/auth/logout'));
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /api/session', 'POST /api/auth/logout']);
    expect(sent[1].headers.get('x-csrf-token')).toBe('t1');
    expect(sent[1].headers.get('content-type')).toBe('application/json');
    expect(sent[1].body).toBe('{}');
  });

  it('retries a change once with a fresh token when the token was stale', async () => {
    const { client, unwrap } = await import('../../src/web/api/client.ts');
    answers = [() => problem(403, 'csrf_invalid'), session('t2'), () => json(200, { ok: true })];
    expect(await unwrap(client.PUT('/api/me/locale', { body: { locale: 'en' } }))).toEqual({ ok: true });
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['PUT /api/me/locale', 'GET /api/session', 'PUT /api/me/locale']);
    expect(sent[2].headers.get('x-csrf-token')).toBe('t2');
    expect(JSON.parse(sent[2].body)).toEqual({ locale: 'en' });
  });

  it('turns a problem into an ApiError with its code and field errors, and no answer into a network problem', async () => {
    const { ApiError, client, unwrap } = await import('../../src/web/api/client.ts');
    answers = [
      () =>
        json(422, {
          title: 'x',
          status: 422,
          code: 'validation',
          messages: { sv: 's', en: 'e' },
          errors: [{ field: 'email', code: 'required', message: 'm', messages: { sv: 's', en: 'e' } }],
        }),
    ];
    const refused = await unwrap(client.POST('/api/auth/password-reset', { body: { email: '' } })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as InstanceType<typeof ApiError>).code).toBe('validation');
    expect((refused as InstanceType<typeof ApiError>).problem.errors?.[0].field).toBe('email');
    const offline = await unwrap(client.GET('/api/funders')).catch((e: unknown) => e);
    expect((offline as InstanceType<typeof ApiError>).code).toBe('network');
  });

  it('fills in a path’s parameters for what the browser fetches itself', async () => {
    const { href } = await import('../../src/web/api/client.ts');
    expect(href('/api/applications/{id}/receipt.pdf', { path: { id: 'a b' }, query: { lang: 'en' } })).toBe('/api/applications/a%20b/receipt.pdf?lang=en');
    expect(href('/api/public/grants', { query: { year: undefined } })).toBe('/api/public/grants');
  });
});
