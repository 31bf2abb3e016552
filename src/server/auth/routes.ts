import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { hash, verify } from '@node-rs/argon2';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import { afterFailedLogin, minutesLocked } from '../../domain/lockout.ts';
import type { AppContext } from '../context.ts';
import { mayReadMailbox } from '../mailbox/access.ts';
import {
  actorOf,
  CSRF_COOKIE,
  cookieOptions,
  issueCsrf,
  LANG_COOKIE,
  principalFor,
  rememberLanguage,
  requireUser,
  SESSION_COOKIE,
  type SignedInUser,
  startSession,
} from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { Email, errorResponses, Lang, Nullable, Ok, Password, SessionUser } from '../schemas.ts';
import { registerAccount } from './register-account.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { setLocale } from './set-locale.ts';

// Verifying against a real hash when the account does not exist keeps the
// answer time the same, so response times do not reveal which e-mails exist.
const DUMMY_HASH = await hash('samverka-timing-equaliser');

function presentUser(u: SignedInUser) {
  return { id: u.userId, email: u.email, name: u.name, locale: u.locale, funders: u.funders, organisations: u.organisations };
}

export function authRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const SessionReply = Type.Object({
    user: Nullable(SessionUser),
    csrfToken: Type.String(),
    mailbox: Type.Boolean({ description: 'Whether this requester may read the local mailbox (demo and development only)' }),
  });
  const mailbox = (request: FastifyRequest) => mayReadMailbox(ctx.config, request.ip);

  app.get(
    '/api/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user (or null) and a fresh CSRF token for state-changing requests',
        response: { 200: SessionReply, ...errorResponses },
      },
    },
    async (request, reply) => {
      const csrfToken = issueCsrf(ctx, reply, request.user?.sessionId ?? null);
      return { user: request.user ? presentUser(request.user) : null, csrfToken, mailbox: mailbox(request) };
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; five failures lock the account for 15 minutes',
        body: Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }), password: Password }, { additionalProperties: false }),
        response: { 200: SessionReply, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const now = new Date();
      const user = await system(ctx.db, (tx) =>
        tx.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst(),
      );
      const locked = minutesLocked(user?.locked_until ?? null, now);
      if (user && locked > 0) throw new Problem(423, 'account_locked', { minutes: locked });
      const valid = await verify(user?.password_hash ?? DUMMY_HASH, password);
      if (!user || !valid || user.disabled_at) {
        if (user) {
          const next = afterFailedLogin(user.failed_logins, now);
          await system(ctx.db, async (tx) => {
            await tx.updateTable('users').set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil }).where('id', '=', user.id).execute();
            await audit(
              tx,
              { userId: null, label: 'anonymous' },
              {
                action: next.lockedUntil ? 'user.locked' : 'user.sign_in_failed',
                objectType: 'user',
                objectId: user.id,
                data: { ip: request.ip },
              },
            );
          });
          if (next.lockedUntil) throw new Problem(423, 'account_locked', { minutes: minutesLocked(next.lockedUntil, now) });
        }
        throw new Problem(401, 'invalid_credentials');
      }
      await system(ctx.db, async (tx) => {
        await tx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
        await audit(
          tx,
          { userId: user.id, label: user.email },
          { action: 'user.signed_in', objectType: 'user', objectId: user.id, data: { via: 'password', ip: request.ip } },
        );
      });
      const csrfToken = await startSession(ctx, reply, user.id, 'password');
      rememberLanguage(ctx, request, reply, user.locale);
      return { user: presentUser(await sessionUser(ctx, user.id)), csrfToken, mailbox: mailbox(request) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out of this browser', response: { 200: Ok, ...errorResponses } } },
    async (request, reply) => {
      const user = request.user;
      if (user) {
        await system(ctx.db, async (tx) => {
          await tx.deleteFrom('sessions').where('id', '=', user.sessionId).execute();
          await audit(tx, actorOf(user), { action: 'user.signed_out', objectType: 'user', objectId: user.userId });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    { schema: { tags: ['auth'], summary: 'End every session of the signed-in user, on all devices', response: { 200: Ok, ...errorResponses } } },
    async (request, reply) => {
      const user = requireUser(request);
      await system(ctx.db, async (tx) => {
        const ended = await tx.deleteFrom('sessions').where('user_id', '=', user.userId).executeTakeFirst();
        await audit(tx, actorOf(user), {
          action: 'user.signed_out_everywhere',
          objectType: 'user',
          objectId: user.userId,
          data: { sessions: Number(ended.numDeletedRows) },
        });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Create an account (for applicants) and sign in',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), email: Email, password: Password }, { additionalProperties: false }),
        response: { 201: SessionReply, ...errorResponses },
      },
    },
    async (request, reply) => {
      const userId = await registerAccount(ctx, { ...request.body, locale: request.lang });
      const csrfToken = await startSession(ctx, reply, userId, 'password');
      reply.code(201);
      return { user: presentUser(await sessionUser(ctx, userId)), csrfToken, mailbox: mailbox(request) };
    },
  );

  app.put(
    '/api/me/locale',
    {
      schema: {
        tags: ['auth'],
        summary: 'Remember the preferred language (sv or en)',
        body: Type.Object({ locale: Lang }, { additionalProperties: false }),
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { locale } = request.body;
      reply.setCookie(LANG_COOKIE, locale, { ...cookieOptions(ctx, false), maxAge: 365 * 86400 });
      if (request.user) await setLocale(ctx, request.user, locale);
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Mail a single-use reset link; answers the same whether or not the account exists',
        body: Type.Object({ email: Email }, { additionalProperties: false }),
        response: { 202: Ok, ...errorResponses },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, { email: request.body.email, ip: request.ip });
      reply.code(202);
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset token; ends every session of the account',
        body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Password }, { additionalProperties: false }),
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      await resetPassword(ctx, request.body);
      return { ok: true };
    },
  );
}

/** Loads the session view of a user right after sign-in, without a cookie round trip. */
function sessionUser(ctx: AppContext, userId: string): Promise<SignedInUser> {
  return system(ctx.db, async (tx) => {
    const user = await tx.selectFrom('users').select(['id', 'email', 'name', 'locale']).where('id', '=', userId).executeTakeFirstOrThrow();
    return principalFor(tx, user, '');
  });
}
