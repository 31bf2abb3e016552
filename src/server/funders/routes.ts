import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped, system } from '../../db/scope.ts';
import type { FunderRole } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { ROLE_LABELS } from '../mail/templates.ts';
import { requireUser, scopeOf, startSession } from '../plugins/session.ts';
import { Email, errorResponses, FunderRoleSchema, Nullable, Ok, OreSchema, Uuid } from '../schemas.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { findInvitation, requireAdmin } from './access.ts';
import { inviteMember } from './invite-member.ts';
import { setDecisionRules } from './set-decision-rules.ts';
import { setMemberRoles } from './set-member-roles.ts';

const FunderParams = Type.Object({ funderId: Uuid });

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
      return setDecisionRules(ctx, user, request.params.funderId, request.body);
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
      await setMemberRoles(ctx, user, request.params, request.body);
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
      const id = await inviteMember(ctx, user, request.params.funderId, { ...request.body, lang: request.lang });
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
      const { funderId, userId } = await acceptInvitation(ctx, request.user, { ...request.body, lang: request.lang });
      // A new account is signed in at once; one already signed in stays in its session.
      const csrfToken = request.user ? null : await startSession(ctx, reply, userId, 'password');
      return { funderId, csrfToken };
    },
  );
}
