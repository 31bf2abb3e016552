// Telling a funder's staff of an event as each has chosen: who they are, the mail for those who want one
// each time, and the line kept for the digest of those who want a summary. Shared by the commands
// (src/server/notifications/notify.ts) and the jobs that tell of what no one did: a report become overdue.
import { sql } from 'kysely';
import type { Tx } from '../db/connection.ts';
import type { NotificationData } from '../db/schema.ts';
import { NOTIFICATION_RULES, type NotificationDelivery, type NotificationEvent } from '../domain/notifications.ts';
import type { Lang } from '../i18n/messages.ts';
import { notificationMail } from '../i18n/notifications.ts';

export interface Recipient {
  userId: string;
  email: string;
  locale: Lang;
  delivery: NotificationDelivery;
}

/**
 * The people to tell of an event at a funder: its staff in the roles the event is for, or only those
 * named (a reviewer assigned, the caseworker who asked), with how each wants to hear of it. The one
 * who acted is never told of their own action. Read as the owner.
 */
export async function recipientsIn(
  tx: Tx,
  funderId: string,
  event: NotificationEvent,
  who: { only?: readonly string[]; actorId?: string | null } = {},
): Promise<Recipient[]> {
  if (who.only && !who.only.length) return [];
  const rule = NOTIFICATION_RULES[event];
  const { rows } = await sql<Recipient>`
      select u.id as "userId", u.email, u.locale, coalesce(p.delivery, ${rule.default}) as delivery
      from users u
      left join notification_preferences p on p.user_id = u.id and p.event = ${event}
      where u.disabled_at is null
        and exists (select 1 from funder_memberships m where m.user_id = u.id and m.funder_id = ${funderId} and m.role = any (${sql.val([...rule.roles])}::text[]))
        ${who.only ? sql`and u.id = any (${sql.val([...who.only])}::uuid[])` : sql``}
        ${who.actorId ? sql`and u.id <> ${who.actorId}` : sql``}
      order by u.email`.execute(tx);
  return rows;
}

export interface Happening {
  event: NotificationEvent;
  funderId: string;
  /** The application, eligibility request or report it is about. */
  objectId: string;
  /** The web app's page where the work is done. */
  link: string;
  about: NotificationData;
}

/** The mails for those who chose a mail per event, each in its recipient's language. */
export function eachMailTexts(publicUrl: string, recipients: readonly Recipient[], h: Happening): { to: string; subject: string; text: string }[] {
  return recipients
    .filter((r) => r.delivery === 'each')
    .map((r) => ({ to: r.email, ...notificationMail(r.locale, h.event, h.about, { work: `${publicUrl}${h.link}`, settings: `${publicUrl}/notifications` }) }));
}

/** Keeps the event for the digest of those who chose one. */
export async function keepForDigest(tx: Tx, recipients: readonly Recipient[], h: Happening, at: Date): Promise<void> {
  const rows = recipients
    .filter((r) => r.delivery === 'digest')
    .map((r) => ({
      user_id: r.userId,
      funder_id: h.funderId,
      event: h.event,
      object_id: h.objectId,
      data: JSON.stringify(h.about),
      link: h.link,
      created_at: at,
    }));
  if (rows.length) await tx.insertInto('notification_events').values(rows).execute();
}
