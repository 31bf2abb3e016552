import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_EVENTS } from '../../domain/notifications.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { errorResponses, Literals } from '../schemas.ts';
import { preferencesOf } from './preferences.ts';
import { setNotificationPreferences } from './set-notification-preferences.ts';

const Event = Literals(NOTIFICATION_EVENTS);
const Delivery = Literals(NOTIFICATION_DELIVERIES, {
  description: 'each: a mail per event; digest: one mail a day at 07:00 listing them (staff events only); none: no mail',
});
const Preferences = Type.Object({
  preferences: Type.Array(Type.Object({ event: Event, delivery: Delivery, default: Delivery }), {
    description:
      'The events the person’s roles at a funder, or their membership of an organisation, make them someone to tell, with their choice (or the default). Mails that are always sent are not listed.',
  }),
});

/** The signed-in person's choice of notification mails. */
export function notificationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Which mails the signed-in person gets, per event: staff choose a mail each time, a daily digest or nothing for new work; an association’s members choose whether to be reminded before a report is due',
        response: { 200: Preferences, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { preferences: await scoped(ctx.db, scopeOf(user), (tx) => preferencesOf(tx, user)) };
    },
  );

  app.put(
    '/api/me/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Chooses how the signed-in person is told of these events; others stay as they were. A choice an event does not offer is refused on its field.',
        body: Type.Object(
          { preferences: Type.Array(Type.Object({ event: Event, delivery: Delivery }, { additionalProperties: false }), { maxItems: 50 }) },
          { additionalProperties: false },
        ),
        response: { 200: Preferences, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { preferences: await setNotificationPreferences(ctx, user, request.body.preferences) };
    },
  );
}
