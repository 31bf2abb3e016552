// Choosing which mails to get: the one place that checks each event is one the person's roles or
// membership make them someone to tell and the choice one the event offers, writes the choices that
// changed and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { NOTIFICATION_RULES, type NotificationDelivery, type NotificationEvent } from '../../domain/notifications.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { rulesProblem } from '../problem.ts';
import { eventsOf, type Preference, preferencesOf } from './preferences.ts';

/** Sets the person's choices for these events; answers all their choices as they now stand. */
export async function setNotificationPreferences(
  ctx: AppContext,
  user: SignedInUser,
  choices: { event: NotificationEvent; delivery: NotificationDelivery }[],
  options: CommandOptions = {},
): Promise<Preference[]> {
  const mine = eventsOf(user);
  const problems = choices.flatMap((c, i) =>
    !mine.includes(c.event)
      ? [{ field: `preferences.${i}.event`, code: 'invalid_choice' }]
      : // An association's reminder is sent or not; there is no digest of them.
        NOTIFICATION_RULES[c.event].deliveries.includes(c.delivery)
        ? []
        : [{ field: `preferences.${i}.delivery`, code: 'invalid_choice' }],
  );
  if (problems.length) throw rulesProblem(problems);
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user), async (tx) => {
    const before = await preferencesOf(tx, user);
    const changed = choices.filter((c) => before.find((b) => b.event === c.event)?.delivery !== c.delivery);
    if (!changed.length) return before;
    await tx
      .insertInto('notification_preferences')
      .values(changed.map((c) => ({ user_id: user.userId, event: c.event, delivery: c.delivery, updated_at: now })))
      .onConflict((oc) =>
        oc.columns(['user_id', 'event']).doUpdateSet((eb) => ({ delivery: eb.ref('excluded.delivery'), updated_at: eb.ref('excluded.updated_at') })),
      )
      .execute();
    await audit(tx, actorOf(user), {
      action: 'user.notifications_changed',
      objectType: 'user',
      objectId: user.userId,
      reason: auditReason(options),
      data: { changes: changed.map((c) => ({ event: c.event, before: before.find((b) => b.event === c.event)?.delivery, after: c.delivery })) },
    });
    return preferencesOf(tx, user);
  });
}
