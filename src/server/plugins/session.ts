import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../db/scope.ts';
import { system } from '../../db/scope.ts';
import type { FunderRole, Principal } from '../../domain/roles.ts';
import { type Lang, pickLang } from '../../i18n/messages.ts';
import type { AppContext } from '../context.ts';
import { Problem } from '../problem.ts';

export const SESSION_COOKIE = 'samverka_session';
export const CSRF_COOKIE = 'samverka_csrf';
export const LANG_COOKIE = 'samverka_lang';
export const CSRF_HEADER = 'x-csrf-token';
const ABSOLUTE_HOURS = 12;

export interface SignedInUser extends Principal {
  sessionId: string;
  email: string;
  name: string;
  locale: Lang;
  funders: { funderId: string; funderName: string; role: FunderRole }[];
  organisations: { id: string; name: string; orgNumber: string }[];
}

/** Who an audit entry says acted: the signed-in person, by id and e-mail. */
export const actorOf = (u: SignedInUser) => ({ userId: u.userId, label: u.email });

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    user: SignedInUser | null;
    /** Set when a session cookie came in but no longer holds. */
    sessionExpired: boolean;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A CSRF token signed for one session (or for none): nonce.hmac. */
export function csrfTokenFor(secret: string, sessionId: string | null): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${csrfMac(secret, sessionId, nonce)}`;
}

function csrfMac(secret: string, sessionId: string | null, nonce: string): string {
  return createHmac('sha256', secret)
    .update(`${sessionId ?? 'anonymous'}.${nonce}`)
    .digest('base64url');
}

function csrfValid(secret: string, sessionId: string | null, header: string | undefined, cookie: string | undefined): boolean {
  if (!header || !cookie || header !== cookie) return false;
  const [nonce, mac] = header.split('.');
  if (!nonce || !mac) return false;
  const expected = Buffer.from(csrfMac(secret, sessionId, nonce));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The scope a signed-in user's transactions run under for one funder (or none). */
export function scopeOf(user: SignedInUser | null, funderId?: string | null): Scope {
  return { userId: user?.userId ?? null, funderId: funderId ?? null, organisationIds: user?.organisationIds ?? [] };
}

export function requireUser(request: FastifyRequest): SignedInUser {
  if (request.user) return request.user;
  throw new Problem(401, request.sessionExpired ? 'session_expired' : 'not_authenticated');
}

export function cookieOptions(ctx: AppContext, httpOnly: boolean) {
  return {
    path: '/',
    httpOnly,
    sameSite: 'lax' as const,
    secure: ctx.config.publicUrl.startsWith('https:'),
  };
}

/** At sign-in the account's language applies, unless the visitor already chose one in this browser. */
export function rememberLanguage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, locale: Lang) {
  if (!request.cookies[LANG_COOKIE]) reply.setCookie(LANG_COOKIE, locale, { ...cookieOptions(ctx, false), maxAge: 365 * 86400 });
}

export async function startSession(ctx: AppContext, reply: FastifyReply, userId: string, via: 'password' | 'oidc') {
  const token = newToken();
  const now = Date.now();
  await system(ctx.db, (tx) =>
    tx
      .insertInto('sessions')
      .values({
        id: hashToken(token),
        user_id: userId,
        via,
        last_seen_at: new Date(now),
        expires_at: new Date(now + ctx.config.sessionIdleMinutes * 60_000),
      })
      .execute(),
  );
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(ctx, true));
  const csrf = csrfTokenFor(ctx.config.sessionSecret, hashToken(token));
  reply.setCookie(CSRF_COOKIE, csrf, cookieOptions(ctx, false));
  return csrf;
}

export function issueCsrf(ctx: AppContext, reply: FastifyReply, sessionId: string | null): string {
  const csrf = csrfTokenFor(ctx.config.sessionSecret, sessionId);
  reply.setCookie(CSRF_COOKIE, csrf, cookieOptions(ctx, false));
  return csrf;
}

type Memberships = Pick<SignedInUser, 'funders' | 'organisations'>;

/** The funders a user works for and the organisations they act for, as subqueries of one statement. */
function membershipsOf(eb: ExpressionBuilder<DB, 'users'>) {
  return [
    jsonArrayFrom(
      eb
        .selectFrom('funder_memberships')
        .innerJoin('funders', 'funders.id', 'funder_memberships.funder_id')
        .select(['funders.id as funderId', 'funders.name as funderName', 'funder_memberships.role'])
        .whereRef('funder_memberships.user_id', '=', 'users.id')
        .orderBy('funders.name'),
    ).as('funders'),
    jsonArrayFrom(
      eb
        .selectFrom('organisation_memberships')
        .innerJoin('organisations', 'organisations.id', 'organisation_memberships.organisation_id')
        .select(['organisations.id', 'organisations.name', 'organisations.org_number as orgNumber'])
        .whereRef('organisation_memberships.user_id', '=', 'users.id')
        .orderBy('organisations.name'),
    ).as('organisations'),
  ] as const;
}

function principal(user: { id: string; email: string; name: string; locale: Lang } & Memberships, sessionId: string): SignedInUser {
  return {
    sessionId,
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    funders: user.funders,
    funderRoles: user.funders.map((f) => ({ funderId: f.funderId, role: f.role })),
    organisations: user.organisations,
    organisationIds: user.organisations.map((o) => o.id),
  };
}

/** The signed-in view of a user: identity, funder roles and organisations. */
export async function principalFor(tx: Kysely<DB>, user: { id: string; email: string; name: string; locale: Lang }, sessionId: string): Promise<SignedInUser> {
  const memberships = await tx
    .selectFrom('users')
    .select((eb) => membershipsOf(eb))
    .where('users.id', '=', user.id)
    .executeTakeFirstOrThrow();
  return principal({ ...user, ...memberships }, sessionId);
}

/**
 * Read on every request: one statement as the owner (the session, the user and their memberships),
 * without a transaction's two extra round trips.
 */
async function loadUser(ctx: AppContext, sessionId: string): Promise<SignedInUser | null> {
  const tx = ctx.db.kysely;
  const row = await tx
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sid',
      'sessions.created_at',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.disabled_at',
    ])
    .select((eb) => membershipsOf(eb))
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  const now = Date.now();
  if (!row || row.disabled_at || row.expires_at.getTime() <= now || row.created_at.getTime() + ABSOLUTE_HOURS * 3_600_000 <= now) {
    if (row) await tx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    return null;
  }
  // Sliding expiry, written at most once a minute to spare the database.
  if (now - row.last_seen_at.getTime() > 60_000) {
    await tx
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now), expires_at: new Date(now + ctx.config.sessionIdleMinutes * 60_000) })
      .where('id', '=', sessionId)
      .execute();
  }
  return principal(row, sessionId);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installSessions(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('lang', 'sv');
  app.decorateRequest('user', null);
  app.decorateRequest('sessionExpired', false);

  // A session cookie the server no longer knows is kept until the next sign-in replaces it,
  // so every request can still say "your session expired" rather than "sign in".
  app.addHook('onRequest', async (request) => {
    request.lang = pickLang(request.cookies[LANG_COOKIE], request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.user = await loadUser(ctx, hashToken(token));
      request.sessionExpired = request.user === null;
    }
    if (request.user && !request.cookies[LANG_COOKIE]) request.lang = request.user.locale;
  });

  // Every state-changing API request carries the CSRF token from the cookie in a header.
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.routeOptions.config.csrf === false) return;
    const sessionId = request.user?.sessionId ?? null;
    const header = request.headers[CSRF_HEADER];
    if (!csrfValid(ctx.config.sessionSecret, sessionId, typeof header === 'string' ? header : undefined, request.cookies[CSRF_COOKIE])) {
      if (request.sessionExpired) throw new Problem(401, 'session_expired');
      throw new Problem(403, 'csrf_invalid');
    }
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false on the few POSTs that cannot carry a token (none today but the OIDC form post). */
    csrf?: boolean;
  }
}
