import { sql } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/connection.ts';
import { system } from '../db/scope.ts';

/** A claim older than this is taken to be a crashed sender's, and may be tried again. */
export const STALE_CLAIM_MINUTES = 10;

export interface DeliveryOptions {
  db: Database;
  /** null: no SMTP server; mails go to the local mailbox. */
  transport: Transporter | null;
  from: string;
}

export type DeliveryResult = 'sent' | 'local' | 'already-handled';

/**
 * Delivers one outbox mail. The row is claimed first in its own short
 * transaction, so a mail being sent is never picked up by a second worker,
 * and one that was sent is never sent again.
 */
export async function deliverMail(options: DeliveryOptions, outboxId: string): Promise<DeliveryResult> {
  const mail = await system(options.db, (tx) =>
    tx
      .updateTable('outbox')
      .set((eb) => ({ status: 'sending', claimed_at: new Date(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', outboxId)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', sql<Date>`now() - make_interval(mins => ${STALE_CLAIM_MINUTES})`)]),
        ]),
      )
      .returningAll()
      .executeTakeFirst(),
  );
  if (!mail) return 'already-handled';
  if (!options.transport) {
    await system(options.db, (tx) => tx.updateTable('outbox').set({ status: 'local', sent_at: new Date() }).where('id', '=', mail.id).execute());
    return 'local';
  }
  const files = mail.attachments.length
    ? await system(options.db, (tx) =>
        tx
          .selectFrom('files')
          .select(['id', 'content_type', 'data'])
          .where(
            'id',
            'in',
            mail.attachments.map((a) => a.fileId),
          )
          .execute(),
      )
    : [];
  const attachments = mail.attachments.flatMap((a) => {
    const file = files.find((f) => f.id === a.fileId);
    return file ? [{ filename: a.name, content: Buffer.from(file.data), contentType: file.content_type }] : [];
  });
  try {
    await options.transport.sendMail({
      from: options.from,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.body_text,
      attachments,
      // A stable Message-ID lets receiving servers drop a copy should a crash ever make us resend.
      messageId: `<${mail.id}@samverka>`,
    });
  } catch (error) {
    await system(options.db, (tx) =>
      tx
        .updateTable('outbox')
        .set({ status: 'pending', last_error: String((error as Error).message).slice(0, 500) })
        .where('id', '=', mail.id)
        .execute(),
    );
    throw error;
  }
  await system(options.db, (tx) => tx.updateTable('outbox').set({ status: 'sent', sent_at: new Date(), last_error: null }).where('id', '=', mail.id).execute());
  return 'sent';
}

/** Gives up on a mail after its last retry, so it shows as failed instead of waiting forever. */
export async function markFailed(db: Database, outboxId: string): Promise<void> {
  await system(db, (tx) => tx.updateTable('outbox').set({ status: 'failed' }).where('id', '=', outboxId).where('status', '=', 'pending').execute());
}

/** Mails that never got a delivery job (written before the queue ran) or whose sender crashed. */
export async function strandedMail(db: Database): Promise<string[]> {
  const rows = await system(db, (tx) =>
    tx
      .selectFrom('outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('claimed_at', 'is', null)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', sql<Date>`now() - make_interval(mins => ${STALE_CLAIM_MINUTES})`)]),
        ]),
      )
      .orderBy('created_at')
      .limit(1000)
      .execute(),
  );
  return rows.map((r) => r.id);
}
