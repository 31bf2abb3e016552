import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { scoped, system } from '../../db/scope.ts';
import { decisionBasisPdf, minutesPdf } from '../../documents/decision-basis.ts';
import { decisionLetterPdf } from '../../documents/decision-letter.ts';
import { appealInfo } from '../../domain/assessment/decisions.ts';
import type { DecisionInput } from '../../domain/assessment/types.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { ZERO_ORE } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import { inScope, locate } from '../applications/access.ts';
import { callAssessment } from '../assessment/overview.ts';
import { DecisionOutcome } from '../assessment/schema.ts';
import { assessedApplication } from '../assessment/store.ts';
import { isCurrent } from '../budget/guard.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { sendPdf } from '../reply.ts';
import { errorResponses, Nullable, OreSchema, Uuid } from '../schemas.ts';
import { letterData, letterName } from './letter.ts';
import { recordDecision } from './record-decision.ts';
import { type DecisionRow, decisionsOf } from './store.ts';
import { supersedeDecision } from './supersede-decision.ts';

const Params = Type.Object({ id: Uuid });
const LangQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('sv'), Type.Literal('en')])) });
const ReservationSchema = Type.Object(
  { kind: Type.Union([Type.Literal('reservation'), Type.Literal('dissent')]), by: Type.String({ maxLength: 200 }), text: Type.String({ maxLength: 4000 }) },
  { additionalProperties: false },
);
const MaybeDate = Nullable(Type.String({ maxLength: 10 }));

const DecisionView = Type.Object({
  id: Uuid,
  applicationId: Uuid,
  outcome: DecisionOutcome,
  amount: OreSchema(),
  amountRequested: OreSchema(),
  reasons: Type.String(),
  conditions: Type.String(),
  grantFrom: MaybeDate,
  grantTo: MaybeDate,
  madeBy: Type.Union([Type.Literal('committee'), Type.Literal('delegate')]),
  decisionBody: Type.String(),
  paragraph: Type.String(),
  decidedOn: Type.String(),
  announcedOn: Type.String(),
  reservations: Type.Array(ReservationSchema),
  supersedes: Nullable(Uuid),
  supersededBy: Nullable(Uuid),
  recordedAt: Type.String({ format: 'date-time' }),
  appeal: Type.Object({ law: Type.Union([Type.Literal('kommunallagen'), Type.Literal('forvaltningslagen')]), from: Type.String(), deadline: Type.String() }),
  letterUrl: Type.String(),
});

function present(d: DecisionRow) {
  return {
    id: d.id,
    applicationId: d.application_id,
    outcome: d.outcome,
    amount: d.amount,
    amountRequested: d.amount_requested,
    reasons: d.reasons,
    conditions: d.conditions,
    grantFrom: d.grant_from,
    grantTo: d.grant_to,
    madeBy: d.made_by,
    decisionBody: d.decision_body,
    paragraph: d.paragraph,
    decidedOn: d.decided_on,
    announcedOn: d.announced_on,
    reservations: d.reservations,
    supersedes: d.supersedes,
    supersededBy: d.superseded_by ?? null,
    recordedAt: d.recorded_at.toISOString(),
    appeal: appealInfo(d.funder_kind, { decidedOn: d.decided_on, announcedOn: d.announced_on }, dateInStockholm(d.recorded_at)),
    letterUrl: `/api/decisions/${d.id}/letter.pdf`,
  };
}

/** Decisions: recorded within the budget (which cannot be overspent), never edited, only superseded; letters, basis and minutes as PDFs. */
export function decisionRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/applications/:id/decisions',
    {
      schema: {
        tags: ['decisions'],
        summary:
          'Record the decision on an application (committee or delegate). The amount may not exceed what was applied for or what is left of the budget; a decision is never edited — pass supersedes to replace the current one.',
        params: Params,
        body: Type.Object(
          {
            amount: OreSchema({ minimum: 0 }),
            reasons: Type.String({ maxLength: 10000 }),
            conditions: Type.Optional(Type.String({ maxLength: 10000 })),
            grantFrom: Type.Optional(MaybeDate),
            grantTo: Type.Optional(MaybeDate),
            madeBy: Type.Union([Type.Literal('committee'), Type.Literal('delegate')]),
            decisionBody: Type.String({ maxLength: 200 }),
            paragraph: Type.Optional(Type.String({ maxLength: 40 })),
            decidedOn: Type.String({ maxLength: 10 }),
            announcedOn: Type.Optional(MaybeDate),
            reservations: Type.Optional(Type.Array(ReservationSchema, { maxItems: 50 })),
            supersedes: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 201: DecisionView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      const input: DecisionInput = {
        amount: body.amount,
        reasons: body.reasons.trim(),
        conditions: body.conditions?.trim() ?? '',
        // An empty date (a null the schema's coercion turned into "") is no date.
        grantFrom: body.grantFrom || null,
        grantTo: body.grantTo || null,
        madeBy: body.madeBy,
        decisionBody: body.decisionBody.trim(),
        paragraph: body.paragraph?.trim() ?? '',
        decidedOn: body.decidedOn,
        announcedOn: body.announcedOn || null,
        reservations: (body.reservations ?? []).map((r) => ({ kind: r.kind, by: r.by.trim(), text: r.text.trim() })),
      };
      const { id } = request.params;
      const decision = body.supersedes ? await supersedeDecision(ctx, user, id, body.supersedes, input) : await recordDecision(ctx, user, id, input);
      reply.code(201);
      return present(decision);
    },
  );

  app.get(
    '/api/applications/:id/decisions',
    {
      schema: {
        tags: ['decisions'],
        summary:
          'Every decision on an application, oldest first; the current one is the one not superseded (the applicant, co-applicants and the funder’s staff)',
        params: Params,
        response: { 200: Type.Object({ decisions: Type.Array(DecisionView) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const located = await locate(ctx, user, request.params.id);
      return inScope(ctx, located, async (tx) => ({ decisions: (await decisionsOf(tx, located.id)).map(present) }));
    },
  );

  app.get(
    '/api/decisions/:id/letter.pdf',
    {
      schema: {
        tags: ['decisions'],
        summary: 'The decision letter as a PDF, in Swedish (?lang=en for English)',
        params: Params,
        querystring: LangQuery,
        response: { 200: Type.String({ description: 'application/pdf' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = request.params;
      const lang = request.query.lang ?? 'sv';
      const found = await ctx.db.kysely.selectFrom('decisions').select('application_id').where('id', '=', id).executeTakeFirst();
      if (!found) throw new Problem(404, 'not_found');
      const located = await locate(ctx, user, found.application_id);
      const letter = await inScope(ctx, located, async (tx) => {
        const history = await decisionsOf(tx, located.id);
        const d = history.find((x) => x.id === id);
        if (!d) throw new Problem(404, 'not_found');
        const a = await assessedApplication(tx, located.id);
        // The Swedish letter is the one that was sent, as it was sent.
        if (lang === 'sv' && d.letter_file_id) {
          const stored = await tx.selectFrom('files').select('data').where('id', '=', d.letter_file_id).executeTakeFirst();
          if (stored) return { name: letterName(a.caseNumber), pdf: Buffer.from(stored.data) };
        }
        const org = await tx.selectFrom('organisations').select('org_number').where('id', '=', a.organisation_id).executeTakeFirst();
        const call = await tx.selectFrom('calls').select('title').where('id', '=', a.call_id).executeTakeFirstOrThrow();
        const data = letterData(a, d, {
          orgNumber: org?.org_number ?? '',
          callTitle: call.title,
          letterDate: dateInStockholm(d.recorded_at),
          previous: d.supersedes ? history.find((x) => x.id === d.supersedes) : undefined,
        });
        return { name: letterName(a.caseNumber), pdf: await decisionLetterPdf(lang, data) };
      });
      return sendPdf(reply, letter.name, letter.pdf);
    },
  );

  app.get(
    '/api/calls/:id/decision-basis.pdf',
    {
      schema: {
        tags: ['decisions'],
        summary: 'The decision basis (beslutsunderlag) for the committee as a PDF: every proposal with its scores, amounts and reasons, and the budget left',
        params: Params,
        querystring: LangQuery,
        response: { 200: Type.String({ description: 'application/pdf' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const lang = request.query.lang ?? 'sv';
      const o = await callAssessment(ctx, user, request.params.id);
      const pdf = await decisionBasisPdf(lang, {
        funderName: o.call.funderName,
        decisionBody: o.call.decisionBody,
        callTitle: o.call.title,
        budget: o.budget,
        rows: o.applications.filter((r) => r.status === 'submitted'),
        printedOn: dateInStockholm(new Date()),
      });
      return sendPdf(reply, 'beslutsunderlag.pdf', pdf);
    },
  );

  app.get(
    '/api/calls/:id/minutes.pdf',
    {
      schema: {
        tags: ['decisions'],
        summary: 'The record of a meeting’s decisions on the call (protokollsutdrag) as a PDF',
        params: Params,
        querystring: Type.Object({ decidedOn: Type.String({ maxLength: 10 }), lang: Type.Optional(Type.Union([Type.Literal('sv'), Type.Literal('en')])) }),
        response: { 200: Type.String({ description: 'application/pdf' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { decidedOn, lang = 'sv' } = request.query;
      if (!isCalendarDate(decidedOn)) throw fieldProblem(400, 'decidedOn', 'invalid_date');
      const call = await ctx.db.kysely.selectFrom('calls').select(['funder_id']).where('id', '=', id).executeTakeFirst();
      if (!call || !policy.viewAssessment(user, call.funder_id)) throw new Problem(404, 'not_found');
      const data = await scoped(ctx.db, scopeOf(user, call.funder_id), async (tx) => {
        const head = await tx
          .selectFrom('calls')
          .innerJoin('funders', 'funders.id', 'calls.funder_id')
          .select(['calls.title', 'funders.name', 'funders.decision_body'])
          .where('calls.id', '=', id)
          .executeTakeFirstOrThrow();
        const rows = await tx
          .selectFrom('decisions')
          .innerJoin('applications', 'applications.id', 'decisions.application_id')
          .select([
            'decisions.paragraph',
            'applications.case_number',
            'applications.organisation_name',
            'decisions.outcome',
            'decisions.amount',
            'decisions.reasons',
            'decisions.reservations',
          ])
          .where('decisions.call_id', '=', id)
          .where('decisions.decided_on', '=', decidedOn)
          .where('decisions.made_by', '=', 'committee')
          .orderBy('decisions.paragraph')
          .orderBy('applications.case_number')
          .execute();
        return { head, rows };
      });
      if (!data.rows.length) throw fieldProblem(404, 'decidedOn', 'no_decisions_that_day', { date: decidedOn });
      const pdf = await minutesPdf(lang, {
        funderName: data.head.name,
        decisionBody: data.head.decision_body,
        callTitle: data.head.title,
        decidedOn,
        rows: data.rows.map((r) => ({
          paragraph: r.paragraph,
          caseNumber: r.case_number ?? '',
          organisationName: r.organisation_name,
          outcome: r.outcome,
          amount: r.amount,
          reasons: r.reasons,
          reservations: r.reservations,
        })),
      });
      return sendPdf(reply, `protokollsutdrag-${decidedOn}.pdf`, pdf);
    },
  );

  app.get(
    '/api/public/grants',
    {
      schema: {
        tags: ['public'],
        summary: 'Awarded grants, public once decided: organisation, amount, purpose, area and date (current decisions only)',
        querystring: Type.Object({ funderId: Type.Optional(Uuid), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: {
          200: Type.Object({
            grants: Type.Array(
              Type.Object({
                decisionId: Uuid,
                funderId: Uuid,
                funderName: Type.String(),
                callTitle: Type.String(),
                caseNumber: Type.String(),
                organisationName: Type.String(),
                amount: OreSchema(),
                purpose: Type.String(),
                areas: Type.Array(Type.String()),
                focusAreas: Type.Array(Type.String()),
                decidedOn: Type.String(),
              }),
            ),
            total: OreSchema({ description: 'All awarded grants that match (also beyond the listed ones)' }),
            count: Type.Integer({ description: 'How many grants match; at most 1 000 are listed' }),
            years: Type.Array(Type.Integer(), { description: 'The years with awarded grants, newest first' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { funderId, year } = request.query;
      const { rows, totals, years } = await system(ctx.db, async (tx) => {
        let q = tx
          .selectFrom('decisions as d')
          .innerJoin('applications', 'applications.id', 'd.application_id')
          .innerJoin('calls', 'calls.id', 'd.call_id')
          .innerJoin('funders', 'funders.id', 'd.funder_id')
          .select([
            'd.id',
            'd.funder_id',
            'funders.name as funder_name',
            'calls.title as call_title',
            'applications.case_number',
            'applications.organisation_name',
            'applications.submitted_content',
            'd.amount',
            'd.decided_on',
          ])
          .where('d.amount', '>', ZERO_ORE)
          .where(isCurrent)
          .orderBy('d.decided_on', 'desc')
          .orderBy('applications.case_number');
        let awarded = tx.selectFrom('decisions as d').where('d.amount', '>', ZERO_ORE).where(isCurrent);
        if (funderId) awarded = awarded.where('d.funder_id', '=', funderId);
        const years = await awarded.select(sql<number>`extract(year from d.decided_on)::int`.as('year')).distinct().orderBy('year', 'desc').execute();
        if (funderId) q = q.where('d.funder_id', '=', funderId);
        if (year) {
          q = q.where('d.decided_on', '>=', `${year}-01-01`).where('d.decided_on', '<=', `${year}-12-31`);
          awarded = awarded.where('d.decided_on', '>=', `${year}-01-01`).where('d.decided_on', '<=', `${year}-12-31`);
        }
        const totals = await awarded
          .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('d.amount'), eb.lit(0)).as('total'), eb.fn.countAll<number>().as('count')])
          .executeTakeFirstOrThrow();
        return { rows: await q.limit(1000).execute(), totals, years: years.map((y) => Number(y.year)) };
      });
      const grants = rows.map((r) => ({
        decisionId: r.id,
        funderId: r.funder_id,
        funderName: r.funder_name,
        callTitle: r.call_title,
        caseNumber: r.case_number ?? '',
        organisationName: r.organisation_name,
        amount: r.amount,
        purpose: r.submitted_content?.title ?? '',
        areas: [...new Set((r.submitted_content?.activities ?? []).flatMap((a) => a.areas))],
        focusAreas: r.submitted_content?.focusAreas ?? [],
        decidedOn: r.decided_on,
      }));
      return { grants, total: Number(totals.total), count: Number(totals.count), years };
    },
  );
}
