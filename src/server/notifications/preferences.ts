// How a person has chosen to hear of each event they can be told of: their choice, or the event's default.
// Staff choose for the events of their roles; an association's members for the association's reminders.
import type { Tx } from '../../db/connection.ts';
import { eventsFor, NOTIFICATION_RULES, type NotificationDelivery, type NotificationEvent } from '../../domain/notifications.ts';
import type { SignedInUser } from '../plugins/session.ts';

/** The events the person's roles, at any funder, and their membership of an organisation make them someone to tell. */
export const eventsOf = (user: SignedInUser): NotificationEvent[] =>
  eventsFor(
    user.funderRoles.map((g) => g.role),
    user.organisationIds.length > 0,
  );

export interface Preference {
  event: NotificationEvent;
  delivery: NotificationDelivery;
  default: NotificationDelivery;
}

export async function preferencesOf(tx: Tx, user: SignedInUser): Promise<Preference[]> {
  const chosen = await tx.selectFrom('notification_preferences').select(['event', 'delivery']).where('user_id', '=', user.userId).execute();
  return eventsOf(user).map((event) => ({
    event,
    delivery: chosen.find((c) => c.event === event)?.delivery ?? NOTIFICATION_RULES[event].default,
    default: NOTIFICATION_RULES[event].default,
  }));
}
