import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { FOLLOW_UP_LIMITS } from '../../domain/follow-up-settings.ts';
import type { AppContext } from '../context.ts';
import { requireUser } from '../plugins/session.ts';
import { errorResponses, Uuid } from '../schemas.ts';
import { getFollowUpSettings, setFollowUpSettings } from './follow-up-settings.ts';

const { surveyMinGroup, reportDeviationPercent, reportReminderDays } = FOLLOW_UP_LIMITS;

// The bounds are checked by the command, so that a value out of them is refused on its field in words
// (2 → "never lower than 3"), not by the schema's generic message.
const Settings = Type.Object(
  {
    surveyMinGroup: Type.Number({
      description: `The smallest group of survey answers whose results are shown anywhere: ${surveyMinGroup.min}–${surveyMinGroup.max}, never lower than ${surveyMinGroup.min}`,
    }),
    reportDeviationPercent: Type.Number({
      description: `How far (in per cent, ${reportDeviationPercent.min}–${reportDeviationPercent.max}) a report's spending row may deviate from the plan without an explanation`,
    }),
    reportReminderDays: Type.Number({
      description: `How many days (${reportReminderDays.min}–${reportReminderDays.max}) before a report is due the association is reminded`,
    }),
  },
  { additionalProperties: false },
);

export function followUpSettingsRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const params = Type.Object({ id: Uuid });

  app.get(
    '/api/funders/:id/follow-up-settings',
    {
      schema: {
        tags: ['funders'],
        summary: "The funder's follow-up settings: the survey's smallest group, the deviation a report may have unexplained, the reminder's lead (staff)",
        params,
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => getFollowUpSettings(ctx, requireUser(request), request.params.id),
  );

  app.put(
    '/api/funders/:id/follow-up-settings',
    {
      schema: {
        tags: ['funders'],
        summary: "Set the funder's follow-up settings (administrators); audited with what they were",
        params,
        body: Settings,
        response: { 200: Settings, ...errorResponses },
      },
    },
    async (request) => setFollowUpSettings(ctx, requireUser(request), request.params.id, request.body),
  );
}
