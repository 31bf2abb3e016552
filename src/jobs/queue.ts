import type { Tx } from '../db/connection.ts';

/** Background work the request path can hand over inside its own transaction. */
export interface JobQueue {
  sendInTx(tx: Tx, queue: string, data: object[]): Promise<void>;
}

/** The queue of mails to deliver, one job per outbox row. */
export const MAIL_QUEUE = 'mail';
