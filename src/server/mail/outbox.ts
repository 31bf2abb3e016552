import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/connection.ts';
import type { AppContext } from '../context.ts';

export const MAIL_QUEUE = 'mail';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  funderId?: string | null;
}

/**
 * Writes a mail to the outbox in the caller's transaction, and its delivery
 * job too when a queue runs: the mail exists exactly when the change does.
 */
export async function queueMail(ctx: AppContext, tx: Tx, mail: Mail): Promise<string> {
  // The id is made here, not returned by the insert: an applicant's transaction may write
  // a mail that row-level security does not let it read back.
  const id = randomUUID();
  await tx
    .insertInto('outbox')
    .values({ id, to_address: mail.to, subject: mail.subject, body_text: mail.text, funder_id: mail.funderId ?? null })
    .execute();
  await ctx.jobs?.sendInTx(tx, MAIL_QUEUE, { outboxId: id });
  return id;
}
