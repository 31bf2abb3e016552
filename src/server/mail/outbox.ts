import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/connection.ts';
import type { MailAttachment } from '../../db/schema.ts';
import { MAIL_QUEUE } from '../../jobs/queue.ts';
import type { AppContext } from '../context.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  funderId?: string | null;
  /** Stored files sent along, e.g. a decision letter as it was sent. */
  attachments?: MailAttachment[];
}

export interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  funder_id: string | null;
  attachments: string;
}

/**
 * Outbox rows for mails, with their ids made here, not returned by the insert: an applicant's
 * transaction may write a mail that row-level security does not let it read back.
 */
export function outboxRows(mails: Mail[]): OutboxRow[] {
  return mails.map((mail) => ({
    id: randomUUID(),
    to_address: mail.to,
    subject: mail.subject,
    body_text: mail.text,
    funder_id: mail.funderId ?? null,
    attachments: JSON.stringify(mail.attachments ?? []),
  }));
}

/** The delivery jobs for outbox rows, in the caller's transaction (one statement), when a queue runs. */
export async function enqueueDelivery(ctx: AppContext, tx: Tx, rows: OutboxRow[]): Promise<void> {
  if (rows.length)
    await ctx.jobs?.sendInTx(
      tx,
      MAIL_QUEUE,
      rows.map((r) => ({ outboxId: r.id })),
    );
}

/**
 * Writes mails to the outbox in the caller's transaction, and their delivery
 * jobs too: a mail exists exactly when the change does. Two statements however many mails.
 */
export async function queueMails(ctx: AppContext, tx: Tx, mails: Mail[]): Promise<string[]> {
  if (!mails.length) return [];
  const rows = outboxRows(mails);
  await tx.insertInto('outbox').values(rows).execute();
  await enqueueDelivery(ctx, tx, rows);
  return rows.map((r) => r.id);
}

export async function queueMail(ctx: AppContext, tx: Tx, mail: Mail): Promise<string> {
  const [id] = await queueMails(ctx, tx, [mail]);
  return id as string;
}

/** One mail to each member of an organisation, in the language each has chosen. */
export function mailsToMembers(
  members: readonly { email: string; locale: string }[],
  funderId: string | null,
  write: (lang: 'sv' | 'en') => { subject: string; text: string },
  attachments?: MailAttachment[],
): Mail[] {
  return members.map((m) => ({ to: m.email, funderId, ...write(m.locale === 'en' ? 'en' : 'sv'), ...(attachments ? { attachments } : {}) }));
}
