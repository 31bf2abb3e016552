// What every command takes besides the acting user and its input: when the action takes place, and
// whether it is history being replayed (the demo seed builds its 2022 cases through the same commands).
import type { Tx } from '../db/connection.ts';
import type { AppContext } from './context.ts';
import { type Mail, queueMails } from './mail/outbox.ts';

export interface CommandOptions {
  /** When the action takes place; defaults to the moment the command runs. */
  now?: Date;
  /**
   * The action already happened and is being replayed (the demo seed): its audit entries carry this
   * reason, and nobody is mailed, since whoever a mail was for was told when it happened.
   */
  replay?: { reason: string };
}

/** The command's clock. */
export const clockOf = (options: CommandOptions): Date => options.now ?? new Date();

/** The audit entry's reason: the action's own, or why a replayed entry exists. */
export const auditReason = (options: CommandOptions, own: string | null = null): string | null => own ?? options.replay?.reason ?? null;

/** Queues the action's mails, unless it is replayed history. */
export async function mailFor(ctx: AppContext, tx: Tx, options: CommandOptions, mails: Mail[]): Promise<void> {
  if (!options.replay) await queueMails(ctx, tx, mails);
}
