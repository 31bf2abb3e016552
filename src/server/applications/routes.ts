import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { receiptPdf } from '../../documents/receipt.ts';
import { shownStatus } from '../../domain/applications/status.ts';
import { type ApplicationContent, documentsOf } from '../../domain/applications/types.ts';
import type { Ore } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import { translate } from '../../i18n/messages.ts';
import { isCurrent } from '../budget/guard.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { errorResponses, Nullable, OreSchema, RefTo, Uuid } from '../schemas.ts';
import { inScope, locate } from './access.ts';
import { checkApplication, ELIGIBILITY_CODES } from './check.ts';
import { callInfo, view } from './present.ts';
import { saveDraft } from './save-draft.ts';
import { ApplicationContentSchema, ApplicationView, ShownStatus } from './schema.ts';
import { startApplication } from './start-application.ts';
import { submitApplication } from './submit-application.ts';
import { withdrawApplication } from './withdraw-application.ts';

const Params = Type.Object({ id: Uuid });

export function applicationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(ApplicationContentSchema);

  app.post(
    '/api/calls/:callId/applications',
    {
      schema: {
        tags: ['applications'],
        summary: "Start an application to an open call for one of the user's organisations (or continue its draft)",
        params: Type.Object({ callId: Uuid }),
        body: Type.Object({ organisationId: Uuid }, { additionalProperties: false }),
        response: { 200: ApplicationView, 201: ApplicationView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { created, row } = await startApplication(ctx, user, { callId: request.params.callId, organisationId: request.body.organisationId });
      const result = { created, body: await scoped(ctx.db, scopeOf(user), (tx) => view(tx, row, 'applicant')) };
      reply.code(result.created ? 201 : 200);
      return result.body;
    },
  );

  app.get(
    '/api/organisations/:organisationId/applications',
    {
      schema: {
        tags: ['applications'],
        summary: "The organisation's applications, and those it takes part in as co-applicant",
        params: Type.Object({ organisationId: Uuid }),
        response: {
          200: Type.Object({
            applications: Type.Array(
              Type.Object({
                id: Uuid,
                callId: Uuid,
                callTitle: Type.String(),
                funderName: Type.String(),
                organisationName: Type.String(),
                role: Type.Union([Type.Literal('applicant'), Type.Literal('partner')]),
                status: Type.String(),
                shownStatus: ShownStatus,
                title: Type.String(),
                caseNumber: Nullable(Type.String()),
                amountRequested: OreSchema(),
                deadline: Nullable(Type.String()),
                updatedAt: Type.String({ format: 'date-time' }),
                /** The current decision, once there is one. */
                decision: Nullable(Type.Object({ outcome: Type.String(), amount: OreSchema() })),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { organisationId } = request.params;
      if (!policy.actForOrganisation(user, organisationId)) throw new Problem(403, 'forbidden');
      const rows = await scoped(ctx.db, scopeOf(user), (tx) =>
        tx
          .selectFrom('applications')
          .innerJoin('calls', 'calls.id', 'applications.call_id')
          .innerJoin('funders', 'funders.id', 'applications.funder_id')
          .select([
            'applications.id',
            'applications.call_id',
            'calls.title as callTitle',
            'calls.deadline',
            'funders.name as funderName',
            'applications.organisation_id',
            'applications.organisation_name',
            'applications.status',
            'applications.title',
            'applications.case_number',
            'applications.amount_requested',
            'applications.updated_at',
            sql<boolean>`exists (select 1 from completion_requests r where r.application_id = applications.id and r.report_id is null and r.answered_at is null)`.as(
              'awaiting',
            ),
            sql<{ outcome: string; amount: Ore } | null>`(select jsonb_build_object('outcome', d.outcome, 'amount', d.amount) from decisions d
              where d.application_id = applications.id and ${isCurrent})`.as('decision'),
          ])
          .where((eb) =>
            eb.or([
              eb('applications.organisation_id', '=', organisationId),
              eb('applications.id', 'in', eb.selectFrom('application_partners').select('application_id').where('organisation_id', '=', organisationId)),
            ]),
          )
          .orderBy('applications.updated_at', 'desc')
          .execute(),
      );
      return {
        applications: rows.map((r) => ({
          id: r.id,
          callId: r.call_id,
          callTitle: r.callTitle,
          funderName: r.funderName,
          organisationName: r.organisation_name,
          role: r.organisation_id === organisationId ? ('applicant' as const) : ('partner' as const),
          status: r.status,
          shownStatus: shownStatus({ status: r.status, awaitingCompletion: r.awaiting, outcome: r.decision?.outcome ?? null }),
          title: r.title,
          caseNumber: r.case_number,
          amountRequested: r.amount_requested,
          deadline: r.deadline,
          updatedAt: r.updated_at.toISOString(),
          decision: r.decision,
        })),
      };
    },
  );

  app.get(
    '/api/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'One application with its completion rounds',
        params: Params,
        response: { 200: ApplicationView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const located = await locate(ctx, user, id);
      return inScope(ctx, located, async (tx) =>
        view(tx, await tx.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), located.access),
      );
    },
  );

  app.put(
    '/api/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'Save a draft. Send the version you started from: if someone saved since, 409 edit_conflict returns their version in details.current',
        params: Params,
        body: Type.Object({ content: RefTo(ApplicationContentSchema), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: ApplicationView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const saved = await saveDraft(ctx, user, id, request.body);
      return scoped(ctx.db, scopeOf(user), (tx) => view(tx, saved, 'applicant'));
    },
  );

  const CheckResult = Type.Object({
    ready: Type.Boolean(),
    eligibility: Type.Array(Type.Object({ rule: Type.String(), ok: Type.Boolean(), code: Type.String(), message: Type.String() })),
    problems: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
  });

  app.get(
    '/api/applications/:id/check',
    {
      schema: {
        tags: ['applications'],
        summary: "The self-check before submission: the call's rules for the organisation, and what the application still lacks, each explained",
        params: Params,
        response: { 200: CheckResult, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const located = await locate(ctx, user, id);
      const { check } = await inScope(ctx, located, (tx) => checkApplication(tx, located, new Date()));
      const problem = rulesProblem(check.problems);
      const lang = request.lang;
      return {
        ready: check.ready,
        eligibility: check.eligibility.map((r) => {
          const code = r.ok ? 'ok' : r.rule === 'call_open' && r.params?.phase === 'closed' ? 'deadline_passed' : ELIGIBILITY_CODES[r.rule];
          return {
            rule: r.rule,
            ok: r.ok,
            code,
            message: code === 'ok' ? '' : translate(code as 'deadline_passed', lang, { deadline: r.params?.deadline, opensOn: r.params?.opensOn }),
          };
        }),
        problems: problem.fields.map((f) => ({ field: f.field, code: f.code, message: translate(f.code, lang, f.params) })),
      };
    },
  );

  app.post(
    '/api/applications/:id/submit',
    {
      schema: {
        tags: ['applications'],
        summary:
          'Submit: the deadline is checked on the server, a case number in the funder’s series is given, the version is frozen, and a receipt is mailed. A retry returns the first answer.',
        params: Params,
        response: {
          200: Type.Object({ id: Uuid, caseNumber: Type.String(), submittedAt: Type.String({ format: 'date-time' }), receiptUrl: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const key = request.headers['idempotency-key'];
      const submitted = await submitApplication(ctx, user, id, typeof key === 'string' ? key : null);
      return { ...submitted, submittedAt: submitted.submittedAt.toISOString(), receiptUrl: `/api/applications/${submitted.id}/receipt.pdf` };
    },
  );

  app.get(
    '/api/applications/:id/receipt.pdf',
    {
      schema: {
        tags: ['applications'],
        summary: 'The receipt of a submitted application as a PDF, with what was submitted (Swedish; ?lang=en for English)',
        params: Params,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('sv'), Type.Literal('en')])) }),
        response: { 200: Type.Unknown({ description: 'application/pdf' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { lang } = request.query;
      const located = await locate(ctx, user, id);
      const data = await inScope(ctx, located, async (tx) => {
        const row = await tx.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        if (row.status === 'draft' || !row.submitted_content || !row.case_number || !row.submitted_at) throw new Problem(404, 'not_found');
        const types = await tx.selectFrom('activity_types').select(['key', 'label_sv', 'label_en']).execute();
        const call = await callInfo(tx, row.call_id);
        // A file question's answer is the file's id; the receipt names the file instead.
        const ids = documentsOf(row.submitted_content as ApplicationContent, call.rules.questions).map((d) => d.fileId);
        const files = ids.length ? await tx.selectFrom('files').select(['id', 'name']).where('id', 'in', ids).execute() : [];
        return { row, call, types, files };
      });
      const receiptLang = lang ?? request.lang;
      const pdf = await receiptPdf(receiptLang, {
        funderName: data.call.funderName,
        callTitle: data.call.title,
        caseNumber: data.row.case_number as string,
        submittedAt: data.row.submitted_at as Date,
        organisationName: data.row.organisation_name,
        content: data.row.submitted_content as ApplicationContent,
        questions: data.call.rules.questions,
        activityTypes: Object.fromEntries(data.types.map((a) => [a.key, receiptLang === 'en' ? a.label_en : a.label_sv])),
        fileNames: Object.fromEntries(data.files.map((f) => [f.id, f.name])),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="kvitto-${(data.row.case_number as string).replace(/[^\w-]+/g, '-')}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      schema: {
        tags: ['applications'],
        summary: 'Withdraw an application (until it is decided); the withdrawal and its reason are kept',
        params: Params,
        body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: ApplicationView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const saved = await withdrawApplication(ctx, user, id, request.body);
      return scoped(ctx.db, scopeOf(user), (tx) => view(tx, saved, 'applicant'));
    },
  );
}
