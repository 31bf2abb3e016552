// Telling staff of work that arrives, as each has chosen: a mail now (in the outbox, in the command's
// own transaction), a line in tomorrow morning's digest, or nothing. Who is told is read before the
// command's transaction opens, as the owner: an applicant's transaction may not read the funder's staff.
import type { Tx } from '../../db/connection.ts';
import type { NotificationData } from '../../db/schema.ts';
import { system } from '../../db/scope.ts';
import type { NotificationEvent } from '../../domain/notifications.ts';
import { eachMailTexts, type Happening, keepForDigest, type Recipient, recipientsIn } from '../../jobs/notifications.ts';
import { type CommandOptions, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import type { Mail } from '../mail/outbox.ts';

export type { Happening, Recipient };

/**
 * The people to tell of an event at a funder: its staff in the roles the event is for, or only those
 * named (a reviewer assigned, the caseworker who asked), with how each wants to hear of it. The one
 * who acted is never told of their own action.
 */
export async function recipientsOf(
  ctx: AppContext,
  funderId: string,
  event: NotificationEvent,
  who: { only?: readonly string[]; actorId?: string | null } = {},
): Promise<Recipient[]> {
  if (who.only && !who.only.length) return [];
  return system(ctx.db, (tx) => recipientsIn(tx, funderId, event, who));
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

/** The mails for those who chose a mail per event, each in its recipient's language. */
export function eachMails(ctx: AppContext, recipients: readonly Recipient[], h: Happening): Mail[] {
  return eachMailTexts(ctx.config.publicUrl, recipients, h);
}

/** Keeps the event for the digest of those who chose one. Replayed history is nobody's news. */
export async function queueForDigest(tx: Tx, options: CommandOptions, recipients: readonly Recipient[], h: Happening, at: Date): Promise<void> {
  if (!options.replay) await keepForDigest(tx, recipients, h, at);
}

/** Tells the recipients of an event as each chose, in the command's transaction. */
export async function notify(ctx: AppContext, tx: Tx, options: CommandOptions, recipients: readonly Recipient[], h: Happening, at: Date): Promise<void> {
  await mailFor(ctx, tx, options, eachMails(ctx, recipients, h));
  await queueForDigest(tx, options, recipients, h, at);
}
