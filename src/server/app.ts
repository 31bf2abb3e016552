import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { agreementRoutes } from './agreements/routes.ts';
import { completionRoutes } from './applications/completion.ts';
import { inboxRoutes } from './applications/inbox.ts';
import { applicationRoutes } from './applications/routes.ts';
import { optimizerRoutes } from './assessment/optimizer.ts';
import { reviewRoutes } from './assessment/reviews.ts';
import { assessmentRoutes } from './assessment/routes.ts';
import { closeOptimizer } from './assessment/solver.ts';
import { auditRoutes } from './audit/routes.ts';
import { oidcRoutes } from './auth/oidc.ts';
import { authRoutes } from './auth/routes.ts';
import { publicCallRoutes } from './calls/public.ts';
import { callRoutes } from './calls/routes.ts';
import { catalogueRoutes } from './catalogue/routes.ts';
import type { AppContext } from './context.ts';
import { decisionRoutes } from './decisions/routes.ts';
import { eligibilityRoutes } from './eligibility/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { reportRoutes } from './follow-up/routes.ts';
import { funderRoutes } from './funders/routes.ts';
import { healthRoutes } from './health.ts';
import { mailboxRoutes } from './mailbox/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { paymentRoutes } from './payments/routes.ts';
import { payoutAccountRoutes } from './payout-accounts/routes.ts';
import { installErrorHandling, sendProblem } from './plugins/errors.ts';
import { installIdempotency } from './plugins/idempotency.ts';
import { CSRF_HEADER, installSessions } from './plugins/session.ts';
import { Problem } from './problem.ts';
import { programmeRoutes } from './programmes/routes.ts';
import { ProblemSchema } from './schemas.ts';
import { sendShell } from './web/shell.ts';
import { workRoutes } from './work/routes.ts';

export const BODY_LIMIT = 256 * 1024;

export interface AppOptions {
  logger?: boolean | object;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: BODY_LIMIT,
    trustProxy: process.env.TRUST_PROXY === 'true',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // A schema on every route: one without a response schema fails at start, not in production.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; response?: object } | undefined;
    const ours = route.url.startsWith('/api/') || route.url.startsWith('/healthz') || route.url.startsWith('/readyz');
    if (ours && !route.url.startsWith('/api/docs') && route.method !== 'HEAD' && !schema?.hide && !schema?.response) {
      throw new Error(`route ${route.method} ${route.url} has no response schema`);
    }
  });
  app.addSchema(ProblemSchema);
  installErrorHandling(app, BODY_LIMIT);
  await app.register(cookie, { secret: ctx.config.sessionSecret });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  installSessions(app, ctx);
  installIdempotency(app, ctx);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samverka API',
        version: '0.1.0',
        description:
          'Grants and partnerships for crime prevention, safety and social cohesion. Sign in with POST /api/auth/login; ' +
          `send the token from GET /api/session in the ${CSRF_HEADER} header on every state-changing request. ` +
          'Errors are application/problem+json with a stable code and messages in Swedish and English.',
      },
      tags: [
        { name: 'auth' },
        { name: 'public', description: 'No sign-in needed' },
        { name: 'organisations' },
        { name: 'eligibility' },
        { name: 'files' },
        { name: 'funders' },
        { name: 'programmes' },
        { name: 'calls' },
        { name: 'catalogue' },
        { name: 'applications' },
        { name: 'audit' },
        { name: 'mail' },
        { name: 'operations' },
      ],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'samverka_session' } } },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, ctx);
  authRoutes(app, ctx);
  oidcRoutes(app, ctx);
  organisationRoutes(app, ctx);
  funderRoutes(app, ctx);
  auditRoutes(app, ctx);
  mailboxRoutes(app, ctx);
  programmeRoutes(app, ctx);
  callRoutes(app, ctx);
  publicCallRoutes(app, ctx);
  catalogueRoutes(app, ctx);
  fileRoutes(app, ctx);
  eligibilityRoutes(app, ctx);
  applicationRoutes(app, ctx);
  completionRoutes(app, ctx);
  inboxRoutes(app, ctx);
  assessmentRoutes(app, ctx);
  reviewRoutes(app, ctx);
  optimizerRoutes(app, ctx);
  decisionRoutes(app, ctx);
  workRoutes(app, ctx);
  notificationRoutes(app, ctx);
  agreementRoutes(app, ctx);
  payoutAccountRoutes(app, ctx);
  paymentRoutes(app, ctx);
  reportRoutes(app, ctx);

  const hasWeb = existsSync(join(ctx.config.webDir, 'index.html'));
  if (hasWeb) {
    // The built files come brotli- and gzip-compressed beside themselves (vite.config.ts). Those under
    // /assets/ have their content's hash in their names, so a browser may keep them for a year.
    await app.register(fastifyStatic, { root: ctx.config.webDir, wildcard: true, index: false, maxAge: '1h', preCompressed: true });
    if (existsSync(join(ctx.config.webDir, 'assets'))) {
      await app.register(fastifyStatic, {
        root: join(ctx.config.webDir, 'assets'),
        prefix: '/assets/',
        decorateReply: false,
        wildcard: true,
        index: false,
        maxAge: '365d',
        immutable: true,
        preCompressed: true,
      });
    }
  }
  // The static plugin answers a directory (the site root) with 403; the root is the app's shell.
  if (hasWeb) app.get('/', { schema: { hide: true } }, (request, reply) => sendShell(ctx, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (request.method === 'GET' && hasWeb && !path.startsWith('/api/') && !path.includes('.')) {
      // The web app routes on the client: every page address serves its shell.
      return sendShell(ctx, request, reply);
    }
    const problem = path.startsWith('/api/') ? new Problem(404, 'route_not_found', { url: path }) : new Problem(404, 'not_found');
    return sendProblem(request, reply, problem);
  });

  // The optimizer keeps a warm worker thread between calls; it goes with the app.
  app.addHook('onClose', () => closeOptimizer());
  return app;
}
