import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { AGE_CELLS, GROUPINGS } from '../../domain/surveys/anonymity.ts';
import type { AppContext } from '../context.ts';
import { sendCsv } from '../exports.ts';
import { requireUser } from '../plugins/session.ts';
import { errorResponses, Literals, Nullable, Uuid } from '../schemas.ts';
import { agreementSurveyResults, funderSurveySummary } from './results.ts';
import { summaryTable } from './results-csv.ts';

const Counts = Type.Array(Type.Integer({ minimum: 0 }), { minItems: 5, maxItems: 5, description: 'How many gave 1, 2, 3, 4 and 5' });
const Question = Type.Object({
  question: Type.String({ description: 'safe, welcome, come_back, learned, listened; or an extra question’s id' }),
  counts: Counts,
  answered: Type.Integer({ minimum: 0, description: 'How many of the group rated the question' }),
  mean: Nullable(Type.Number({ description: 'The mean on the 1–5 scale, two decimals' })),
});
const HiddenReason = Literals(['too_few_answers', 'age_band_too_small', 'survey_open']);

const AgreementResults = Type.Object({
  survey: Type.Union(
    [
      Type.Null(),
      Type.Object({
        surveyId: Uuid,
        status: Literals(['open', 'closed']),
        minGroup: Type.Integer({ description: 'Results are shown from this many answers (the funder’s setting, never below 3)' }),
        shown: Type.Boolean(),
        reason: Nullable(Literals(['too_few_answers', 'survey_open'], { description: 'survey_open: results are released only once the survey is closed' })),
        n: Nullable(Type.Integer({ description: 'How many answered; null while the results are hidden' })),
        questions: Type.Array(Question),
        extraQuestions: Type.Array(
          Type.Intersect([
            Question,
            Type.Object({ text: Type.Object({ sv: Type.String(), en: Type.Optional(Type.String()), easy: Type.Optional(Type.String()) }) }),
          ]),
        ),
      }),
    ],
    { description: 'null when the agreement has no participant survey' },
  ),
});

const SummaryQuery = Type.Object({
  by: Type.Optional(Literals(GROUPINGS, { description: 'What the groups are: call (default), activity type, area or age band' })),
  callId: Type.Optional(Uuid),
  activity: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  area: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  ageBand: Type.Optional(Literals(AGE_CELLS)),
});

const Summary = Type.Object({
  minGroup: Type.Integer(),
  by: Literals(GROUPINGS),
  groups: Type.Array(
    Type.Object({
      key: Type.String({ description: 'The call’s id, the activity type, the area, the age band, or "all"' }),
      label: Type.String(),
      surveys: Type.Integer({ description: 'Surveys that belong to the group' }),
      included: Type.Integer({ description: 'Of them, the surveys whose answers are counted' }),
      leftOut: Type.Object({
        surveyOpen: Type.Integer({ description: 'Surveys left out: still open (answers are released only once a survey is closed)' }),
        tooFewAnswers: Type.Integer({ description: 'Surveys left out: fewer answers in all than the smallest group' }),
        ageBandTooSmall: Type.Integer({ description: 'Surveys left out of an age view: one of their age bands is too small to show on its own' }),
      }),
      shown: Type.Boolean(),
      reason: Nullable(HiddenReason),
      n: Nullable(Type.Integer({ description: 'Answers in the group; null when hidden' })),
      questions: Type.Array(Question),
    }),
  ),
  facets: Type.Object({
    calls: Type.Array(Type.Object({ id: Uuid, title: Type.String() })),
    activities: Type.Array(Type.String()),
    areas: Type.Array(Type.String()),
  }),
});

/** The participants' survey results: an agreement's, and the funder's summary (as JSON and CSV). */
export function surveyResultRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/agreements/:id/survey/results',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'The agreement’s survey results per question, once the survey is closed and at least the smallest group has answered (the association’s members and the funder’s staff)',
        params: Type.Object({ id: Uuid }),
        response: { 200: AgreementResults, ...errorResponses },
      },
    },
    async (request) => ({ survey: await agreementSurveyResults(ctx, requireUser(request), request.params.id) }),
  );

  app.get(
    '/api/funders/:id/survey-results',
    {
      schema: {
        tags: ['surveys'],
        summary:
          'The funder’s survey results grouped by call, activity type, area or age band, filtered; a group that would show fewer than the smallest group, or let one be worked out, is hidden with its reason (staff)',
        params: Type.Object({ id: Uuid }),
        querystring: SummaryQuery,
        response: { 200: Summary, ...errorResponses },
      },
    },
    async (request) => funderSurveySummary(ctx, requireUser(request), request.params.id, request.query),
  );

  app.get(
    '/api/funders/:id/survey-results.csv',
    {
      schema: {
        tags: ['surveys'],
        summary: 'The same summary as a CSV file: a row per group and question; hidden groups say so (staff)',
        params: Type.Object({ id: Uuid }),
        querystring: SummaryQuery,
        response: { 200: Type.Unknown({ description: 'csv' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const summary = await funderSurveySummary(ctx, requireUser(request), request.params.id, request.query);
      return sendCsv(reply, `enkatresultat-${dateInStockholm(new Date())}`, summaryTable(summary, request.lang));
    },
  );
}
