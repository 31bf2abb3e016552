// The daily digest: each person who chose one gets one mail listing the events kept for them since
// their last. A digest row, unique per person and Stockholm day, is written in the same transaction as
// the mail and the marking of its events: a second run, a retry or a restart finds the day done.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Database, Tx } from '../db/connection.ts';
import { system } from '../db/scope.ts';
import { dateInStockholm } from '../domain/deadlines.ts';
import type { NotificationEvent } from '../domain/notifications.ts';
import { type DigestLine, digestMail } from '../i18n/notifications.ts';
import { MAIL_QUEUE } from './queue.ts';

export interface DigestOptions {
  db: Database;
  publicUrl: string;
  /** Queues the delivery of outbox rows in the digest's transaction. */
  enqueue(tx: Tx, queue: string, data: object[]): Promise<void>;
}

interface EventRow {
  id: string;
  event: NotificationEvent;
  link: string;
  case_number: string | null;
  title: string | null;
  organisation_name: string | null;
  call_title: string | null;
  delivery: string | null;
}

/** Sends the digests due at `now`; answers how many mails were written. */
export async function sendDigests(options: DigestOptions, now = new Date()): Promise<number> {
  const { db } = options;
  const day = dateInStockholm(now);
  const people = await system(db, (tx) =>
    tx.selectFrom('notification_events').select('user_id').distinct().where('digest_id', 'is', null).where('created_at', '<=', now).execute(),
  );
  let sent = 0;
  for (const { user_id: userId } of people) {
    // One person per transaction: a failure for one leaves the others' digests as they are.
    const wrote = await system(db, (tx) => digestFor(tx, options, userId, day, now));
    if (wrote) sent++;
  }
  return sent;
}

async function digestFor(tx: Tx, options: DigestOptions, userId: string, day: string, now: Date): Promise<boolean> {
  const digest = await tx
    .insertInto('notification_digests')
    .values({ user_id: userId, day, events: 0 })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .returning('id')
    .executeTakeFirst();
  // Today's digest is already written: what came since waits for tomorrow's.
  if (!digest) return false;
  const person = await tx.selectFrom('users').select(['email', 'locale', 'disabled_at']).where('id', '=', userId).executeTakeFirstOrThrow();
  // What each line is about is read now, so the digest names the case as it stands (its case number, its title).
  const { rows } = await sql<EventRow>`
    select e.id, e.event, e.link,
           coalesce(a.case_number, e.data ->> 'caseNumber') as case_number,
           coalesce(a.title, e.data ->> 'title') as title,
           coalesce(a.organisation_name, o.name, e.data ->> 'organisationName') as organisation_name,
           coalesce(c.title, e.data ->> 'callTitle') as call_title,
           p.delivery
    from notification_events e
    left join applications a on a.id = e.object_id
    left join calls c on c.id = a.call_id
    left join eligibility_approvals ea on ea.id = e.object_id
    left join organisations o on o.id = ea.organisation_id
    left join notification_preferences p on p.user_id = e.user_id and p.event = e.event
    where e.user_id = ${userId} and e.digest_id is null and e.created_at <= ${now}
    order by e.created_at, e.id
    for update of e`.execute(tx);
  // An event the person has since chosen to hear nothing of is dropped; so is everything for a closed account.
  const lines: DigestLine[] = person.disabled_at
    ? []
    : rows
        .filter((r) => r.delivery !== 'none')
        .map((r) => ({
          event: r.event,
          link: `${options.publicUrl}${r.link}`,
          caseNumber: r.case_number,
          title: r.title,
          organisationName: r.organisation_name,
          callTitle: r.call_title,
        }));
  let outboxId: string | null = null;
  if (lines.length) {
    const mail = digestMail(person.locale, lines, `${options.publicUrl}/notifications`);
    outboxId = randomUUID();
    await tx.insertInto('outbox').values({ id: outboxId, to_address: person.email, subject: mail.subject, body_text: mail.text }).execute();
    await options.enqueue(tx, MAIL_QUEUE, [{ outboxId }]);
  }
  await tx.updateTable('notification_digests').set({ outbox_id: outboxId, events: lines.length }).where('id', '=', digest.id).execute();
  if (rows.length)
    await tx
      .updateTable('notification_events')
      .set({ digest_id: digest.id })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
  return lines.length > 0;
}
