import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { locateAgreement } from '../agreements/store.ts';
import { presentRound } from '../applications/present.ts';
import { CompletionRound } from '../applications/schema.ts';
import type { AppContext } from '../context.ts';
import { requireUser, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Literals, RefTo, Uuid } from '../schemas.ts';
import { inReportScope, locateReport } from './access.ts';
import { approveReport } from './approve-report.ts';
import { listFunderReports, REPORT_FILTERS, REPORT_LIST_LIMIT } from './list.ts';
import { moveReportDueDate } from './move-due-date.ts';
import { presentReport } from './present.ts';
import { requestReportCompletion } from './request-report-completion.ts';
import { saveReport } from './save-report.ts';
import { ReportContentSchema, ReportView } from './schema.ts';
import { submitReport } from './submit-report.ts';

const Params = Type.Object({ id: Uuid });
const Reports = Type.Object({ reports: Type.Array(ReportView) });
const FunderReport = Type.Pick(ReportView, [
  'id',
  'agreementId',
  'agreementNumber',
  'organisationId',
  'organisationName',
  'applicationId',
  'caseNumber',
  'title',
  'kind',
  'status',
  'dueOn',
  'overdue',
  'submittedAt',
]);

/** Follow-up reports: the association writes and submits them, the caseworker approves or asks for more. */
export function reportRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(ReportContentSchema);

  async function view(user: SignedInUser, id: string) {
    const located = await locateReport(ctx, user, id);
    return inReportScope(ctx, located, async (tx) => {
      const r = await tx.selectFrom('follow_up_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return presentReport(tx, r, user, located.access);
    });
  }

  app.get(
    '/api/agreements/:id/reports',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'The agreement’s follow-up reports, the interim before the final (the funder’s staff and the organisation’s members)',
        params: Params,
        response: { 200: Reports, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const located = await locateAgreement(ctx, user, request.params.id);
      return scoped(ctx.db, located.scope, async (tx) => {
        const rows = await tx.selectFrom('follow_up_reports').selectAll().where('agreement_id', '=', located.id).orderBy('kind', 'desc').execute();
        const reports = [];
        for (const r of rows) reports.push(await presentReport(tx, r, user, located.access));
        return { reports };
      });
    },
  );

  app.get(
    '/api/organisations/:id/reports',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'The organisation’s follow-up reports on all its agreements, the next due first (members)',
        params: Params,
        response: { 200: Reports, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const orgId = request.params.id;
      if (!policy.actForOrganisation(user, orgId)) throw new Problem(404, 'not_found');
      return scoped(ctx.db, scopeOf(user), async (tx) => {
        const rows = await tx
          .selectFrom('follow_up_reports')
          .selectAll()
          .where('organisation_id', '=', orgId)
          .orderBy('due_on')
          .orderBy('kind', 'desc')
          .execute();
        const reports = [];
        for (const r of rows) reports.push(await presentReport(tx, r, user, 'organisation'));
        return { reports };
      });
    },
  );

  app.get(
    '/api/funders/:id/reports',
    {
      schema: {
        tags: ['follow-up'],
        summary: `The funder’s follow-up reports (its staff): to review (submitted), overdue (drafts past their due date) or all; the overdue first, then by due date; at most ${REPORT_LIST_LIMIT}, count says how many there are`,
        params: Params,
        querystring: Type.Object({ status: Type.Optional(Literals(REPORT_FILTERS)) }),
        response: {
          200: Type.Object({
            reports: Type.Array(FunderReport),
            count: Type.Integer({ minimum: 0, description: 'How many reports the filter picks, listed or not' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const funderId = request.params.id;
      if (!policy.readFunder(user, funderId)) throw new Problem(403, 'forbidden');
      return scoped(ctx.db, scopeOf(user, funderId), (tx) => listFunderReports(tx, funderId, request.query.status ?? 'all', dateInStockholm(new Date())));
    },
  );

  app.get(
    '/api/reports/:id',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'One follow-up report with its completion rounds, what the rules still ask of it and what you may do with it',
        params: Params,
        response: { 200: ReportView, ...errorResponses },
      },
    },
    async (request) => view(requireUser(request), request.params.id),
  );

  app.put(
    '/api/reports/:id',
    {
      schema: {
        tags: ['follow-up'],
        summary:
          'Save the report as it is typed (the organisation’s members). Send the version you edited; if someone saved since, 409 edit_conflict carries theirs. Only impossible amounts and counts are refused while a draft.',
        params: Params,
        body: Type.Object({ content: RefTo(ReportContentSchema), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: ReportView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await saveReport(ctx, user, request.params.id, request.body);
      return view(user, request.params.id);
    },
  );

  app.post(
    '/api/reports/:id/submit',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Submit the report to the funder (the organisation’s members); 422 names every problem on its field. The caseworker is told.',
        params: Params,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: ReportView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await submitReport(ctx, user, request.params.id, request.body);
      return view(user, request.params.id);
    },
  );

  app.post(
    '/api/reports/:id/approve',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Approve a submitted report (caseworker); an approved interim report makes the instalment that waits for it due',
        params: Params,
        response: { 200: ReportView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await approveReport(ctx, user, request.params.id);
      return view(user, request.params.id);
    },
  );

  app.post(
    '/api/reports/:id/completion-requests',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Ask the association to complete a submitted report by a date (caseworker); its members are mailed and answer the round',
        params: Params,
        body: Type.Object(
          { message: Type.String({ minLength: 1, maxLength: 5000 }), replyBy: Type.String({ maxLength: 10 }) },
          { additionalProperties: false },
        ),
        response: { 200: CompletionRound, 201: CompletionRound, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const key = request.headers['idempotency-key'];
      const { round, repeated } = await requestReportCompletion(ctx, user, request.params.id, request.body, typeof key === 'string' ? key : null);
      reply.code(repeated ? 200 : 201);
      return presentRound(round);
    },
  );

  app.put(
    '/api/reports/:id/due-date',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Move the report’s due date, with a reason (caseworker); the date the agreement gave is kept beside it',
        params: Params,
        body: Type.Object({ dueOn: Type.String({ maxLength: 10 }), reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: ReportView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await moveReportDueDate(ctx, user, request.params.id, request.body);
      return view(user, request.params.id);
    },
  );
}
