import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql } from 'kysely';
import * as oidc from 'openid-client';
import { Type } from 'typebox';
import { audit } from '../../db/audit.ts';
import { system } from '../../db/scope.ts';
import type { AppContext } from '../context.ts';
import { cookieOptions, rememberLanguage, startSession } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Uuid } from '../schemas.ts';

const FLOW_COOKIE = 'samverka_oidc';
const CACHE_MS = 10 * 60_000;
const cache = new Map<string, { at: number; config: oidc.Configuration }>();

interface Provider {
  funderId: string;
  issuer: string;
  clientId: string;
  clientSecretEnv: string;
  funderName: string;
}

function isLoopback(url: URL) {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** Discovery is cached per funder: the IdP's metadata changes rarely. */
async function configurationFor(ctx: AppContext, p: Provider): Promise<oidc.Configuration> {
  const hit = cache.get(p.funderId);
  if (hit && hit.at + CACHE_MS > Date.now() && hit.config.serverMetadata().issuer === p.issuer) return hit.config;
  const secret = process.env[p.clientSecretEnv];
  if (!secret) throw new Problem(503, 'oidc_not_configured', { funder: p.funderName });
  const issuer = new URL(p.issuer);
  // Plain http is accepted only for an identity provider on this machine outside production (tests, demos).
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer) && !ctx.config.production;
  const config = await oidc.discovery(issuer, p.clientId, secret, undefined, insecure ? { execute: [oidc.allowInsecureRequests] } : undefined);
  cache.set(p.funderId, { at: Date.now(), config });
  return config;
}

async function providerFor(ctx: AppContext, funderId: string): Promise<Provider | null> {
  const row = await system(ctx.db, (tx) =>
    tx
      .selectFrom('oidc_providers')
      .innerJoin('funders', 'funders.id', 'oidc_providers.funder_id')
      .select(['oidc_providers.issuer', 'oidc_providers.client_id', 'oidc_providers.client_secret_env', 'funders.name'])
      .where('oidc_providers.funder_id', '=', funderId)
      .where('oidc_providers.enabled', '=', true)
      .executeTakeFirst(),
  );
  return row ? { funderId, issuer: row.issuer, clientId: row.client_id, clientSecretEnv: row.client_secret_env, funderName: row.name } : null;
}

function fail(reply: FastifyReply, code: string, params: Record<string, string> = {}) {
  const query = new URLSearchParams({ error: code, ...params });
  return reply.redirect(`/sign-in?${query}`);
}

export function oidcRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const redirectUri = () => `${ctx.config.publicUrl}/api/auth/oidc/callback`;

  app.get(
    '/api/auth/oidc/:funderId/start',
    {
      schema: {
        tags: ['auth'],
        summary: "Begin sign-in with the funder's own identity provider (OpenID Connect, PKCE)",
        params: Type.Object({ funderId: Uuid }),
        response: { 302: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { funderId } = request.params;
      const provider = await providerFor(ctx, funderId);
      if (!provider) throw new Problem(404, 'oidc_not_configured', { funder: funderId });
      const config = await configurationFor(ctx, provider);
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(),
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      reply.setCookie(FLOW_COOKIE, JSON.stringify({ funderId, verifier, state, nonce }), {
        ...cookieOptions(ctx, true),
        signed: true,
        maxAge: 600,
        path: '/api/auth/oidc',
      });
      return reply.redirect(url.href);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the user back; starts a session for an invited staff member',
        querystring: Type.Record(Type.String(), Type.String()),
        response: { 302: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const raw = request.cookies[FLOW_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : null;
      reply.clearCookie(FLOW_COOKIE, { path: '/api/auth/oidc' });
      if (!unsigned?.valid || !unsigned.value) return fail(reply, 'oidc_failed');
      const flow = JSON.parse(unsigned.value) as { funderId: string; verifier: string; state: string; nonce: string };
      const provider = await providerFor(ctx, flow.funderId);
      if (!provider) return fail(reply, 'oidc_failed');
      let email: string;
      try {
        const config = await configurationFor(ctx, provider);
        const current = new URL(request.url, ctx.config.publicUrl);
        const tokens = await oidc.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
        });
        const claims = tokens.claims();
        if (!claims) throw new Error('no ID token');
        // OpenID Connect Core 5.4: when an access token is issued, a conformant provider may
        // return the claims asked for by scope (email) only from the userinfo endpoint.
        const person: Record<string, unknown> = claims.email ? claims : await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        email = typeof person.email === 'string' ? person.email : '';
        if (!email) throw new Error('no e-mail claim');
        // Staff are matched by e-mail: never on an address the provider itself says it has not verified.
        if (person.email_verified === false) throw new Error('e-mail address not verified by the identity provider');
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC sign-in failed');
        return fail(reply, 'oidc_failed');
      }
      const user = await system(ctx.db, async (tx) => {
        const found = await tx
          .selectFrom('users')
          .innerJoin('funder_memberships', 'funder_memberships.user_id', 'users.id')
          .select(['users.id', 'users.email', 'users.locale'])
          .where(sql`lower(users.email)`, '=', email.toLowerCase())
          .where('funder_memberships.funder_id', '=', flow.funderId)
          .where('users.disabled_at', 'is', null)
          .executeTakeFirst();
        if (found) {
          await audit(
            tx,
            { userId: found.id, label: found.email },
            {
              action: 'user.signed_in',
              objectType: 'user',
              objectId: found.id,
              funderId: flow.funderId,
              data: { via: 'oidc', issuer: provider.issuer },
            },
          );
        }
        return found;
      });
      if (!user) return fail(reply, 'oidc_no_account', { email, funder: provider.funderName });
      await startSession(ctx, reply, user.id, 'oidc');
      rememberLanguage(ctx, request, reply, user.locale);
      return reply.redirect('/');
    },
  );
}
