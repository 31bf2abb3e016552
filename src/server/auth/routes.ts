import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { hash, verify } from '@node-rs/argon2';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import { afterFailedLogin, minutesLocked } from '../../domain/lockout.ts';
import type { AppContext } from '../context.ts';
import { queueMail } from '../mail/outbox.ts';
import { passwordResetMail } from '../mail/templates.ts';
import { mayReadMailbox } from '../mailbox/access.ts';
import {
  actorOf,
  CSRF_COOKIE,
  cookieOptions,
  hashToken,
  issueCsrf,
  LANG_COOKIE,
  newToken,
  principalFor,
  rememberLanguage,
  requireUser,
  SESSION_COOKIE,
  type SignedInUser,
  startSession,
} from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { Email, errorResponses, Lang, Nullable, Ok, Password, SessionUser } from '../schemas.ts';
import { assertPassword } from './passwords.ts';

const RESET_MINUTES = 60;
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
      const body = request.body;
      assertPassword(body.password);
      const passwordHash = await hash(body.password);
      const userId = await system(ctx.db, async (tx) => {
        const taken = await tx.selectFrom('users').select('id').where(sql`lower(email)`, '=', body.email.toLowerCase()).executeTakeFirst();
        if (taken) throw fieldProblem(409, 'email', 'email_taken');
        const user = await tx
          .insertInto('users')
          .values({ email: body.email.trim(), name: body.name.trim(), password_hash: passwordHash, locale: request.lang })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit(tx, { userId: user.id, label: body.email }, { action: 'user.registered', objectType: 'user', objectId: user.id });
        return user.id;
      });
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
      const user = request.user;
      if (user && user.locale !== locale) {
        await system(ctx.db, async (tx) => {
          await tx.updateTable('users').set({ locale }).where('id', '=', user.userId).execute();
          await audit(tx, actorOf(user), { action: 'user.locale_changed', objectType: 'user', objectId: user.userId, data: { locale } });
        });
      }
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
      const { email } = request.body;
      await system(ctx.db, async (tx) => {
        const user = await tx
          .selectFrom('users')
          .select(['id', 'email', 'locale'])
          .where(sql`lower(email)`, '=', email.toLowerCase())
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (!user) return;
        const token = newToken();
        await tx
          .insertInto('auth_tokens')
          .values({
            token_hash: hashToken(token),
            kind: 'password_reset',
            email: user.email,
            user_id: user.id,
            expires_at: new Date(Date.now() + RESET_MINUTES * 60_000),
          })
          .execute();
        const mail = passwordResetMail(user.locale, `${ctx.config.publicUrl}/reset-password?token=${token}`, RESET_MINUTES);
        await queueMail(ctx, tx, { to: user.email, ...mail });
        await audit(
          tx,
          { userId: null, label: 'anonymous' },
          { action: 'user.password_reset_requested', objectType: 'user', objectId: user.id, data: { ip: request.ip } },
        );
      });
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
      const { token, password } = request.body;
      assertPassword(password);
      const passwordHash = await hash(password);
      await system(ctx.db, async (tx) => {
        const row = await tx
          .selectFrom('auth_tokens')
          .selectAll()
          .where('token_hash', '=', hashToken(token))
          .where('kind', '=', 'password_reset')
          .forUpdate()
          .executeTakeFirst();
        if (!row || row.used_at || !row.user_id) throw new Problem(400, 'token_invalid');
        if (row.expires_at.getTime() < Date.now()) throw new Problem(400, 'token_expired');
        await tx.updateTable('auth_tokens').set({ used_at: new Date() }).where('id', '=', row.id).execute();
        await tx.updateTable('users').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null }).where('id', '=', row.user_id).execute();
        await tx.deleteFrom('sessions').where('user_id', '=', row.user_id).execute();
        await audit(tx, { userId: row.user_id, label: row.email }, { action: 'user.password_reset', objectType: 'user', objectId: row.user_id });
      });
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
