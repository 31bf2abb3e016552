// A small fetch wrapper for the Samverka API: JSON in and out, the CSRF header on
// every state-changing request, and problem+json errors turned into ApiError.

export interface Messages {
  sv: string;
  en: string;
}

export interface FieldError {
  field: string;
  code: string;
  message?: string;
  messages: Messages;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  code: string;
  messages: Messages;
  errors?: FieldError[];
  requestId?: string;
  /** More about the problem, e.g. the version someone else saved (edit_conflict's `current`). */
  details?: Record<string, unknown>;
}

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

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: 'sv' | 'en';
  funders: { funderId: string; funderName: string; role: string }[];
  organisations: { id: string; name: string; orgNumber: string }[];
}

export interface SessionReply {
  user: SessionUser | null;
  csrfToken: string;
  /** Whether the local mailbox is open to this browser (demo and development, on the machine itself). */
  mailbox: boolean;
}

export async function fetchSession(): Promise<SessionReply> {
  const session = await request<SessionReply>('GET', '/api/session');
  rememberCsrf(session.csrfToken);
  return session;
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

async function request<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...extra };
  const form = body instanceof FormData;
  // A FormData body sets its own multipart content type, boundary included.
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(NETWORK_PROBLEM);
  }
  const type = response.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    if (data && typeof data === 'object' && 'code' in data) throw new ApiError(data as Problem);
    throw new ApiError({
      title: response.statusText,
      status: response.status,
      code: 'internal',
      messages: {
        sv: 'Något gick fel hos oss. Inget av det du skrev har försvunnit; försök igen om en stund.',
        en: 'Something went wrong on our side. Nothing you typed is lost; try again in a moment.',
      },
    });
  }
  if (data && typeof data === 'object' && 'csrfToken' in data) rememberCsrf((data as { csrfToken: string | null }).csrfToken);
  return data as T;
}

/**
 * Calls the API. A state-changing request without a token first fetches one;
 * one that is refused for a stale token or an expired session fetches a fresh
 * token and is retried once.
 */
export async function api<T = unknown>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  if (method !== 'GET' && !csrfToken()) await fetchSession();
  try {
    return await request<T>(method, path, method === 'GET' ? undefined : (body ?? {}), headers);
  } catch (error) {
    // A stale token, or a session cookie the server no longer knows: with a fresh
    // (anonymous) token a sign-in goes through, and anything else answers not_authenticated.
    if (method !== 'GET' && error instanceof ApiError && (error.code === 'csrf_invalid' || error.code === 'session_expired')) {
      await fetchSession();
      return request<T>(method, path, body ?? {}, headers);
    }
    throw error;
  }
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) => api<T>('POST', path, body, headers);
export const put = <T>(path: string, body?: unknown) => api<T>('PUT', path, body);

export interface UploadedFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

/** Uploads one file as multipart/form-data (field "file"), with the CSRF header like every other change. */
export function upload(path: string, file: File): Promise<UploadedFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<UploadedFile>('POST', path, body);
}
