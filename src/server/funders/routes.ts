import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { scoped, system } from '../../db/scope.ts';
import { type FunderRole, policy } from '../../domain/roles.ts';
import { assertPassword, hashPassword } from '../auth/passwords.ts';
import type { AppContext } from '../context.ts';
import { queueMail } from '../mail/outbox.ts';
import { invitationMail, ROLE_LABELS } from '../mail/templates.ts';
import { actorOf, hashToken, newToken, requireUser, type SignedInUser, scopeOf, startSession } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { Email, errorResponses, FunderRoleSchema, Nullable, Ok, OreSchema, Uuid } from '../schemas.ts';

const INVITATION_DAYS = 7;
const FunderParams = Type.Object({ funderId: Uuid });

function requireAdmin(user: SignedInUser, funderId: string) {
  if (!policy.manageUsers(user, funderId)) throw new Problem(403, 'forbidden');
}

export function funderRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/funders',
    {
      schema: {
        tags: ['funders'],
        summary: 'All funders, with how their staff can sign in',
        response: {
          200: Type.Object({
            funders: Type.Array(
              Type.Object({
                id: Uuid,
                name: Type.String(),
                kind: Type.String(),
                organisationName: Type.String(),
                decisionBody: Type.String({ description: 'The committee that decides the funder’s grants' }),
                delegationLimit: OreSchema({ description: 'What a delegate may decide alone (delegation rules)' }),
                oidc: Nullable(Type.Object({ displayName: Type.String() })),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const rows = await system(ctx.db, (tx) =>
        tx
          .selectFrom('funders')
          .innerJoin('organisations', 'organisations.id', 'funders.organisation_id')
          .leftJoin('oidc_providers', (j) => j.onRef('oidc_providers.funder_id', '=', 'funders.id').on('oidc_providers.enabled', '=', true))
          .select([
            'funders.id',
            'funders.name',
            'funders.kind',
            'funders.decision_body',
            'funders.delegation_limit',
            'organisations.name as organisationName',
            'oidc_providers.display_name as oidcName',
          ])
          .orderBy('funders.name')
          .execute(),
      );
      return {
        funders: rows.map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind,
          organisationName: r.organisationName,
          decisionBody: r.decision_body,
          delegationLimit: r.delegation_limit,
          oidc: r.oidcName ? { displayName: r.oidcName } : null,
        })),
      };
    },
  );

  app.put(
    '/api/funders/:funderId/decision-rules',
    {
      schema: {
        tags: ['funders'],
        summary: 'Set who decides the funder’s grants: the committee’s name, and the most a delegate may decide alone (administrators)',
        params: FunderParams,
        body: Type.Object({ decisionBody: Type.String({ maxLength: 200 }), delegationLimit: OreSchema({ minimum: 0 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ decisionBody: Type.String(), delegationLimit: OreSchema() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { funderId } = request.params;
      requireAdmin(user, funderId);
      const { decisionBody, delegationLimit } = request.body;
      if (!decisionBody.trim()) throw fieldProblem(422, 'decisionBody', 'required');
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const before = await tx
          .selectFrom('funders')
          .select(['decision_body', 'delegation_limit'])
          .where('id', '=', funderId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        await tx.updateTable('funders').set({ decision_body: decisionBody.trim(), delegation_limit: delegationLimit }).where('id', '=', funderId).execute();
        await audit(tx, actorOf(user), {
          action: 'funder.decision_rules_changed',
          objectType: 'funder',
          objectId: funderId,
          funderId,
          data: {
            before: { decisionBody: before.decision_body, delegationLimit: before.delegation_limit },
            after: { decisionBody: decisionBody.trim(), delegationLimit },
          },
        });
        return { decisionBody: decisionBody.trim(), delegationLimit };
      });
    },
  );

  app.get(
    '/api/funders/:funderId/members',
    {
      schema: {
        tags: ['funders'],
        summary: "A funder's users and their roles, and open invitations (administrators)",
        params: FunderParams,
        response: {
          200: Type.Object({
            members: Type.Array(Type.Object({ userId: Uuid, name: Type.String(), email: Type.String(), roles: Type.Array(FunderRoleSchema) })),
            invitations: Type.Array(Type.Object({ id: Uuid, email: Type.String(), role: FunderRoleSchema, expiresAt: Type.String({ format: 'date-time' }) })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { funderId } = request.params;
      requireAdmin(user, funderId);
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const rows = await tx
          .selectFrom('funder_memberships')
          .innerJoin('users', 'users.id', 'funder_memberships.user_id')
          .select(['users.id', 'users.name', 'users.email', 'funder_memberships.role'])
          .where('funder_memberships.funder_id', '=', funderId)
          .orderBy('users.name')
          .execute();
        const members = new Map<string, { userId: string; name: string; email: string; roles: FunderRole[] }>();
        for (const r of rows) {
          const m = members.get(r.id) ?? { userId: r.id, name: r.name, email: r.email, roles: [] };
          m.roles.push(r.role);
          members.set(r.id, m);
        }
        const invitations = await tx
          .selectFrom('auth_tokens')
          .select(['id', 'email', 'role', 'expires_at'])
          .where('funder_id', '=', funderId)
          .where('kind', '=', 'invitation')
          .where('used_at', 'is', null)
          .where('expires_at', '>', new Date())
          .orderBy('created_at')
          .execute();
        return {
          members: [...members.values()],
          invitations: invitations.map((i) => ({ id: i.id, email: i.email, role: i.role as FunderRole, expiresAt: i.expires_at.toISOString() })),
        };
      });
    },
  );

  app.put(
    '/api/funders/:funderId/members/:userId/roles',
    {
      schema: {
        tags: ['funders'],
        summary: "Set a user's roles at the funder (an empty list removes them); at least one administrator remains",
        params: Type.Object({ funderId: Uuid, userId: Uuid }),
        body: Type.Object(
          { roles: Type.Array(FunderRoleSchema, { uniqueItems: true }), reason: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { funderId, userId } = request.params;
      const { roles, reason } = request.body;
      requireAdmin(user, funderId);
      await scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const before = await tx
          .selectFrom('funder_memberships')
          .select('role')
          .where('funder_id', '=', funderId)
          .where('user_id', '=', userId)
          .forUpdate()
          .execute();
        if (before.length === 0) throw new Problem(404, 'not_found');
        if (!roles.includes('administrator') && before.some((r) => r.role === 'administrator')) {
          // Lock the admin rows so two admins cannot demote each other at once.
          const admins = await tx
            .selectFrom('funder_memberships')
            .select('user_id')
            .where('funder_id', '=', funderId)
            .where('role', '=', 'administrator')
            .forUpdate()
            .execute();
          if (admins.length <= 1) throw fieldProblem(409, 'roles', 'last_administrator');
        }
        await tx.deleteFrom('funder_memberships').where('funder_id', '=', funderId).where('user_id', '=', userId).execute();
        if (roles.length) {
          await tx
            .insertInto('funder_memberships')
            .values(roles.map((role) => ({ funder_id: funderId, user_id: userId, role })))
            .execute();
        }
        await audit(tx, actorOf(user), {
          action: 'funder.roles_changed',
          objectType: 'user',
          objectId: userId,
          funderId,
          reason: reason ?? null,
          data: { before: before.map((r) => r.role).sort(), after: [...roles].sort() },
        });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/funders/:funderId/invitations',
    {
      schema: {
        tags: ['funders'],
        summary: 'Invite a colleague by e-mail to a role at the funder (administrators)',
        params: FunderParams,
        body: Type.Object({ email: Email, role: FunderRoleSchema }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { funderId } = request.params;
      const { email, role } = request.body;
      requireAdmin(user, funderId);
      const id = await scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const funder = await tx.selectFrom('funders').select('name').where('id', '=', funderId).executeTakeFirstOrThrow();
        const existing = await tx
          .selectFrom('funder_memberships')
          .innerJoin('users', 'users.id', 'funder_memberships.user_id')
          .select('users.locale')
          .where('funder_memberships.funder_id', '=', funderId)
          .where('funder_memberships.role', '=', role)
          .where(sql`lower(users.email)`, '=', email.toLowerCase())
          .executeTakeFirst();
        if (existing) throw fieldProblem(409, 'email', 'already_member', { email, role: ROLE_LABELS[role][request.lang] });
        const token = newToken();
        const row = await tx
          .insertInto('auth_tokens')
          .values({
            token_hash: hashToken(token),
            kind: 'invitation',
            email: email.trim(),
            funder_id: funderId,
            role,
            created_by: user.userId,
            expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const mail = invitationMail(request.lang, {
          funderName: funder.name,
          inviterName: user.name,
          roleLabel: ROLE_LABELS[role][request.lang],
          link: `${ctx.config.publicUrl}/invitation?token=${token}`,
          validDays: INVITATION_DAYS,
        });
        await queueMail(ctx, tx, { to: email.trim(), funderId, ...mail });
        await audit(tx, actorOf(user), {
          action: 'funder.user_invited',
          objectType: 'funder',
          objectId: funderId,
          funderId,
          data: { email: email.trim(), role },
        });
        return row.id;
      });
      reply.code(201);
      return { id };
    },
  );

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags: ['funders'],
        summary: 'What an invitation link offers',
        params: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }),
        response: {
          200: Type.Object({
            funderName: Type.String(),
            email: Type.String(),
            role: FunderRoleSchema,
            roleLabel: Type.Object({ sv: Type.String(), en: Type.String() }),
            accountExists: Type.Boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { token } = request.params;
      const inv = await findInvitation(ctx, token);
      return {
        funderName: inv.funderName,
        email: inv.email,
        role: inv.role,
        roleLabel: ROLE_LABELS[inv.role],
        accountExists: inv.userId !== null,
      };
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['funders'],
        summary: 'Accept an invitation: creates the account when there is none (name and password), or adds the role to the signed-in account',
        body: Type.Object(
          {
            token: Type.String({ minLength: 10, maxLength: 200 }),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            password: Type.Optional(Type.String({ maxLength: 256 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ funderId: Uuid, csrfToken: Nullable(Type.String()) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const inv = await findInvitation(ctx, body.token);
      let userId = inv.userId;
      let passwordHash: string | null = null;
      if (userId) {
        if (request.user?.userId !== userId) throw new Problem(401, 'not_authenticated');
      } else {
        if (request.user) throw new Problem(409, 'signed_in_as_other', { email: request.user.email });
        const fields = [];
        if (!body.name?.trim()) fields.push({ field: 'name', code: 'required' as const });
        if (!body.password) fields.push({ field: 'password', code: 'required' as const });
        if (fields.length) throw new Problem(400, 'validation_failed', {}, fields);
        assertPassword(body.password as string);
        passwordHash = await hashPassword(body.password as string);
      }
      userId = await system(ctx.db, async (tx) => {
        const token = await tx.selectFrom('auth_tokens').select(['used_at']).where('id', '=', inv.id).forUpdate().executeTakeFirstOrThrow();
        if (token.used_at) throw new Problem(400, 'token_invalid');
        const uid =
          userId ??
          (
            await tx
              .insertInto('users')
              .values({ email: inv.email, name: (body.name as string).trim(), password_hash: passwordHash, locale: request.lang })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        await tx.updateTable('auth_tokens').set({ used_at: new Date(), user_id: uid }).where('id', '=', inv.id).execute();
        await tx
          .insertInto('funder_memberships')
          .values({ funder_id: inv.funderId, user_id: uid, role: inv.role })
          .onConflict((oc) => oc.columns(['funder_id', 'user_id', 'role']).doNothing())
          .execute();
        await audit(
          tx,
          { userId: uid, label: inv.email },
          {
            action: 'funder.invitation_accepted',
            objectType: 'user',
            objectId: uid,
            funderId: inv.funderId,
            data: { role: inv.role, newAccount: userId === null },
          },
        );
        return uid;
      });
      const csrfToken = request.user ? null : await startSession(ctx, reply, userId, 'password');
      return { funderId: inv.funderId, csrfToken };
    },
  );
}

async function findInvitation(ctx: AppContext, token: string) {
  const row = await system(ctx.db, (tx) =>
    tx
      .selectFrom('auth_tokens')
      .innerJoin('funders', 'funders.id', 'auth_tokens.funder_id')
      .leftJoin('users', (j) => j.on(sql`lower(users.email)`, '=', sql`lower(auth_tokens.email)`))
      .select([
        'auth_tokens.id',
        'auth_tokens.email',
        'auth_tokens.role',
        'auth_tokens.funder_id',
        'auth_tokens.used_at',
        'auth_tokens.expires_at',
        'funders.name as funderName',
        'users.id as userId',
      ])
      .where('auth_tokens.token_hash', '=', hashToken(token))
      .where('auth_tokens.kind', '=', 'invitation')
      .executeTakeFirst(),
  );
  if (!row || row.used_at || !row.funder_id || !row.role) throw new Problem(400, 'token_invalid');
  if (row.expires_at.getTime() < Date.now()) throw new Problem(400, 'token_expired');
  return { id: row.id, email: row.email, role: row.role, funderId: row.funder_id, funderName: row.funderName, userId: row.userId };
}
