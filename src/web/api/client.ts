// The typed client for the Samverka API: openapi-fetch over the paths generated from the server's
// OpenAPI document (schema.d.ts), with the CSRF header on every state-changing request, a fresh token
// and one retry when the server refused a stale one, and problem+json errors turned into ApiError.
import createClient, { type Middleware } from 'openapi-fetch';
import type { Ore } from '../../domain/money.ts';
import type { components, paths } from './schema.d.ts';

type ServerProblem = components['schemas']['Problem'];
type ServerFieldError = NonNullable<ServerProblem['errors']>[number];
/** A field's problem; the ones the browser finds before sending (components/validation.ts) carry no plain `message`. */
export type FieldError = Omit<ServerFieldError, 'message'> & Partial<Pick<ServerFieldError, 'message'>>;
/** The server's problem+json; the problems the client finds itself (no network, no problem in the answer) have no type or request id. */
export type Problem = Omit<ServerProblem, 'type' | 'requestId' | 'errors'> & Partial<Pick<ServerProblem, 'type' | 'requestId'>> & { errors?: FieldError[] };
export type Messages = Problem['messages'];

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.title);
    this.problem = problem;
  }

  get status() {
    return this.problem.status;
  }

  get code() {
    return this.problem.code;
  }

  /** The session is gone or never was: the user has to sign in (again). */
  get needsSignIn() {
    return this.code === 'session_expired' || this.code === 'not_authenticated';
  }
}

const CSRF_COOKIE = 'samverka_csrf';
let latestCsrf: string | null = null;

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function languageCookie(): string | null {
  return readCookie('samverka_lang');
}

/** The token the server expects in x-csrf-token: the cookie's value, which the latest answer set. */
function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? latestCsrf;
}

/** Remembers the token an answer carried (sign-in, registration and invitations start a new session). */
export function rememberCsrf(token: string | null | undefined) {
  if (token) latestCsrf = token;
}

const NETWORK_PROBLEM: Problem = {
  title: 'network',
  status: 0,
  code: 'network',
  messages: {
    sv: 'Samverka gick inte att nå. Kontrollera anslutningen och försök igen; det du skrivit finns kvar.',
    en: 'Samverka could not be reached. Check the connection and try again; what you typed is kept.',
  },
};

const internalProblem = (response: Response): Problem => ({
  title: response.statusText,
  status: response.status,
  code: 'internal',
  messages: {
    sv: 'Något gick fel hos oss. Inget av det du skrev har försvunnit; försök igen om en stund.',
    en: 'Something went wrong on our side. Nothing you typed is lost; try again in a moment.',
  },
});

const isProblem = (data: unknown): data is Problem => !!data && typeof data === 'object' && 'code' in data;
const changesState = (request: Request) => request.method !== 'GET' && request.method !== 'HEAD';

/** The CSRF token and session, renewed when the server refuses a stale one. */
const session: Middleware = {
  async onRequest({ request, id }) {
    if (!changesState(request)) return;
    if (!csrfToken()) await fetchSession();
    let sent = request;
    // Every state-changing request carries a JSON body, an empty object when there is nothing to say.
    if (request.body === null) {
      const headers = new Headers(request.headers);
      headers.set('content-type', 'application/json');
      sent = new Request(request, { body: '{}', headers });
    }
    const token = csrfToken();
    if (token) sent.headers.set('x-csrf-token', token);
    retryable.set(id, sent.clone());
    return sent;
  },
  async onResponse({ request, response, id, schemaPath }) {
    const original = retryable.get(id);
    retryable.delete(id);
    let answer = response;
    // A stale token, or a session cookie the server no longer knows: with a fresh (anonymous) token
    // a sign-in goes through, and anything else answers not_authenticated.
    if (original && changesState(request) && !response.ok && RENEW.has(await problemCode(response))) {
      await fetchSession();
      const headers = new Headers(original.headers);
      const token = csrfToken();
      if (token) headers.set('x-csrf-token', token);
      try {
        answer = await fetch(new Request(original, { headers }));
      } catch {
        throw new ApiError(NETWORK_PROBLEM);
      }
    }
    if (answer.ok && CARRIES_TOKEN.has(schemaPath)) {
      const data = await answer
        .clone()
        .json()
        .catch(() => null);
      if (data && typeof data === 'object' && 'csrfToken' in data) rememberCsrf((data as { csrfToken: string | null }).csrfToken);
    }
    return answer;
  },
  onError({ id }) {
    retryable.delete(id);
    return new ApiError(NETWORK_PROBLEM);
  },
};

const retryable = new Map<string, Request>();
const RENEW = new Set(['csrf_invalid', 'session_expired']);
/** The answers that start or renew a session carry its new CSRF token. */
const CARRIES_TOKEN = new Set(['/api/session', '/api/auth/login', '/api/auth/register', '/api/invitations/accept']);

async function problemCode(response: Response): Promise<string> {
  const data = await response
    .clone()
    .json()
    .catch(() => null);
  return isProblem(data) ? data.code : '';
}

export const client = createClient<paths>({ credentials: 'same-origin', headers: { accept: 'application/json, application/problem+json' } });
client.use(session);

/** What openapi-fetch answers for one request. */
interface Answered<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer; otherwise the problem the server described, as an ApiError. */
/**
 * The typed client reads answers through a mapped type that turns a branded number (an amount, Ore)
 * into an object with number's methods; this gives amounts their type back, the rest unchanged.
 */
export type Restored<T> = T extends { readonly __brand: 'öre' }
  ? Ore
  : T extends (infer E)[]
    ? Restored<E>[]
    : T extends object
      ? { [K in keyof T]: Restored<T[K]> }
      : T;

export async function unwrap<T>(pending: Promise<Answered<T>>): Promise<Restored<T>> {
  const { data, error, response } = await pending;
  if (response.ok) return data as Restored<T>;
  throw new ApiError(isProblem(error) ? error : internalProblem(response));
}

export type SessionReply = paths['/api/session']['get']['responses'][200]['content']['application/json'];
export type SessionUser = NonNullable<SessionReply['user']>;

export async function fetchSession(): Promise<SessionReply> {
  const reply = await unwrap(client.GET('/api/session'));
  rememberCsrf(reply.csrfToken);
  return reply;
}

/**
 * The address of a path of the API with its parameters filled in, for what the browser fetches itself:
 * downloads, PDFs and the single sign-on redirect.
 */
export function href<P extends keyof paths>(
  path: P,
  params: { path?: Record<string, string>; query?: Record<string, string | number | undefined> } = {},
): string {
  const filled = (path as string).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params.path?.[name] ?? ''));
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params.query ?? {})) if (v !== undefined && v !== '') query.set(k, String(v));
  const search = query.toString();
  return search ? `${filled}?${search}` : filled;
}
