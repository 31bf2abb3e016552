// Telling staff of work that arrives, as each has chosen: a mail now (in the outbox, in the command's
// own transaction), a line in tomorrow morning's digest, or nothing. Who is told is read before the
// command's transaction opens, as the owner: an applicant's transaction may not read the funder's staff.
import { sql } from 'kysely';
import type { Tx } from '../../db/connection.ts';
import type { NotificationData } from '../../db/schema.ts';
import { system } from '../../db/scope.ts';
import { NOTIFICATION_RULES, type NotificationDelivery, type NotificationEvent } from '../../domain/notifications.ts';
import type { Lang } from '../../i18n/messages.ts';
import { notificationMail } from '../../i18n/notifications.ts';
import { type CommandOptions, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import type { Mail } from '../mail/outbox.ts';

/** What telling people needs of the app: its address for links, and the queue that delivers mail (a job has these too). */
export interface MailContext {
  config: Pick<AppContext['config'], 'publicUrl'>;
  jobs?: AppContext['jobs'];
}

export interface Recipient {
  userId: string;
  email: string;
  locale: Lang;
  delivery: NotificationDelivery;
}

/**
 * The people to tell of an event at a funder: its staff in the roles the event is for, or only those
 * named (a reviewer assigned, the caseworker who asked), with how each wants to hear of it. The one
 * who acted is never told of their own action.
 */
export async function recipientsOf(
  ctx: Pick<AppContext, 'db'>,
  funderId: string,
  event: NotificationEvent,
  who: { only?: readonly string[]; actorId?: string | null } = {},
): Promise<Recipient[]> {
  if (who.only && !who.only.length) return [];
  return system(ctx.db, (tx) => recipientsIn(tx, funderId, event, who));
}

/** The same, read in a transaction of the owner's that is already open (a background job's). */
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
  /** The application or eligibility request it is about. */
  objectId: string;
  /** The web app's page where the work is done. */
  link: string;
  about: NotificationData;
}

/** What a notification of an application names: its case number, title, organisation and call. */
export async function applicationAbout(tx: Tx, applicationId: string): Promise<NotificationData> {
  const a = await tx
    .selectFrom('applications')
    .innerJoin('calls', 'calls.id', 'applications.call_id')
    .select(['applications.case_number', 'applications.title', 'applications.organisation_name', 'calls.title as call_title'])
    .where('applications.id', '=', applicationId)
    .executeTakeFirstOrThrow();
  return { caseNumber: a.case_number, title: a.title, organisationName: a.organisation_name, callTitle: a.call_title };
}

/** The settings page every notification mail links to. */
export const settingsUrl = (ctx: MailContext) => `${ctx.config.publicUrl}/notifications`;

/** The mails for those who chose a mail per event, each in its recipient's language. */
export function eachMails(ctx: MailContext, recipients: readonly Recipient[], h: Happening): Mail[] {
  return recipients
    .filter((r) => r.delivery === 'each')
    .map((r) => ({ to: r.email, ...notificationMail(r.locale, h.event, h.about, { work: `${ctx.config.publicUrl}${h.link}`, settings: settingsUrl(ctx) }) }));
}

/** Keeps the event for the digest of those who chose one. Replayed history is nobody's news. */
export async function queueForDigest(tx: Tx, options: CommandOptions, recipients: readonly Recipient[], h: Happening, at: Date): Promise<void> {
  if (options.replay) return;
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

/** Tells the recipients of an event as each chose, in the command's transaction. */
export async function notify(ctx: MailContext, tx: Tx, options: CommandOptions, recipients: readonly Recipient[], h: Happening, at: Date): Promise<void> {
  await mailFor(ctx, tx, options, eachMails(ctx, recipients, h));
  await queueForDigest(tx, options, recipients, h, at);
}
