import { CompiledQuery } from 'kysely';
import nodemailer from 'nodemailer';
import { type JobWithMetadata, PgBoss } from 'pg-boss';
import type { Config } from '../config.ts';
import type { Database, Tx } from '../db/connection.ts';
import type { JobQueue } from '../server/context.ts';
import { MAIL_QUEUE } from '../server/mail/outbox.ts';
import { deliverMail, markFailed, strandedMail } from './mail.ts';

const SWEEP_QUEUE = 'mail-sweep';

export interface JobsOptions {
  /** Seconds before the first retry of a failed delivery; doubles each time (with jitter). */
  retryDelaySeconds?: number;
  retryLimit?: number;
  pollingIntervalSeconds?: number;
  log?: (message: string, detail?: unknown) => void;
}

export interface Jobs {
  queue: JobQueue;
  /** Enqueues mails that have no delivery job; runs every minute on its own. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

export async function startJobs(db: Database, config: Pick<Config, 'smtpUrl' | 'mailFrom'>, options: JobsOptions = {}): Promise<Jobs> {
  const log = options.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));
  const boss = new PgBoss({ db: db.boss, schema: 'pgboss' });
  boss.on('error', (error) => log('job queue error', error));
  await boss.start();
  const retry = { retryLimit: options.retryLimit ?? 10, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true, retryDelayMax: 3600 };
  await boss.createQueue(MAIL_QUEUE, retry);
  await boss.createQueue(SWEEP_QUEUE);

  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const delivery = { db, transport, from: config.mailFrom };
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  await boss.work<{ outboxId: string }>(MAIL_QUEUE, { ...polling, includeMetadata: true as const }, async (jobs) => {
    const job = jobs[0] as JobWithMetadata<{ outboxId: string }>;
    try {
      await deliverMail(delivery, job.data.outboxId);
    } catch (error) {
      if (job.retryCount >= job.retryLimit) await markFailed(db, job.data.outboxId);
      throw error;
    }
  });

  const sweep = async () => {
    const ids = await strandedMail(db);
    for (const outboxId of ids) await boss.send(MAIL_QUEUE, { outboxId }, { singletonKey: outboxId });
    return ids.length;
  };
  await boss.work(SWEEP_QUEUE, polling, async () => {
    await sweep();
  });
  await boss.schedule(SWEEP_QUEUE, '* * * * *');
  await sweep();

  return {
    queue: {
      async sendInTx(tx: Tx, queue: string, data: object) {
        await boss.send(queue, data, {
          db: { executeSql: (text: string, values?: unknown[]) => tx.executeQuery(CompiledQuery.raw(text, values ?? [])) },
        });
      },
    },
    sweep,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5000 });
      transport?.close();
    },
  };
}
