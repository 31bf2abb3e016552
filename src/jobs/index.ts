import { CompiledQuery, sql } from 'kysely';
import nodemailer from 'nodemailer';
import { type JobWithMetadata, PgBoss } from 'pg-boss';
import type { Config } from '../config.ts';
import { sealEndedDraftRuns } from '../db/audit.ts';
import type { Database, Tx } from '../db/connection.ts';
import { APP_ROLE } from '../db/migrations/0001_foundation.ts';
import { system } from '../db/scope.ts';
import { DIGEST_HOUR } from '../domain/notifications.ts';
import { sendDigests } from './digest.ts';
import { deliverMail, markFailed, strandedMail } from './mail.ts';
import { type JobQueue, MAIL_QUEUE } from './queue.ts';
import { type RemindersSent, sendReportReminders } from './reminders.ts';

const SWEEP_QUEUE = 'mail-sweep';
/** Appends runs of draft saves whose person has paused to the audit chain (see src/db/audit.ts). */
const SEAL_QUEUE = 'audit-seal';
/** The daily digest of notifications, each morning in Stockholm (see ./digest.ts). */
const DIGEST_QUEUE = 'notification-digest';
/** Reminders of follow-up reports due soon or overdue, each morning in Stockholm (see ./reminders.ts). */
const REMINDER_QUEUE = 'report-reminders';

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
  /** Appends ended runs of draft saves to the audit chain; runs every minute on its own. */
  sealDrafts(): Promise<number>;
  /** Sends the daily digests due at `now`; runs at 07:00 Europe/Stockholm on its own. Answers the mails written. */
  digest(now?: Date): Promise<number>;
  /** Sends the follow-up report reminders due at `now` that no run has sent; runs at 07:00 Europe/Stockholm on its own. */
  reportReminders(now?: Date): Promise<RemindersSent>;
  stop(): Promise<void>;
}

export async function startJobs(db: Database, config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>, options: JobsOptions = {}): Promise<Jobs> {
  const log = options.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));
  const boss = new PgBoss({ db: db.boss, schema: 'pgboss' });
  boss.on('error', (error) => log('job queue error', error));
  await boss.start();
  const retry = { retryLimit: options.retryLimit ?? 10, retryDelay: options.retryDelaySeconds ?? 30, retryBackoff: true, retryDelayMax: 3600 };
  await boss.createQueue(MAIL_QUEUE, retry);
  await boss.createQueue(SWEEP_QUEUE);
  await boss.createQueue(SEAL_QUEUE);
  await boss.createQueue(DIGEST_QUEUE);
  await boss.createQueue(REMINDER_QUEUE);

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
  const sealDrafts = () => system(db, (tx) => sealEndedDraftRuns(tx));
  await boss.work(SEAL_QUEUE, polling, async () => {
    await sealDrafts();
  });
  await boss.schedule(SEAL_QUEUE, '* * * * *');
  await allowAppRoleToEnqueue(db);
  await sweep();

  const queue: JobQueue = {
    async sendInTx(tx: Tx, name: string, data: object[]) {
      if (!data.length) return;
      // One insert for all the jobs, in the caller's transaction.
      await boss.insert(
        name,
        data.map((d) => ({ data: d })),
        { db: { executeSql: (text: string, values?: unknown[]) => tx.executeQuery(CompiledQuery.raw(text, values ?? [])) } },
      );
    },
  };
  const digest = (now?: Date) => sendDigests({ db, publicUrl: config.publicUrl, enqueue: queue.sendInTx }, now);
  await boss.work(DIGEST_QUEUE, polling, async () => {
    await digest();
  });
  // A morning missed while the service was down is sent once when it is back; the digest rows keep it to one a day.
  await boss.schedule(DIGEST_QUEUE, `0 ${DIGEST_HOUR} * * *`, null, { tz: 'Europe/Stockholm', missed: 'once' });
  const reportReminders = (now?: Date) => sendReportReminders({ db, publicUrl: config.publicUrl, enqueue: queue.sendInTx }, now);
  await boss.work(REMINDER_QUEUE, polling, async () => {
    await reportReminders();
  });
  // Like the digest: a morning missed while the service was down runs once when it is back, and the
  // reminder rows keep each reminder to one however often it runs.
  await boss.schedule(REMINDER_QUEUE, `0 ${DIGEST_HOUR} * * *`, null, { tz: 'Europe/Stockholm', missed: 'once' });

  return {
    queue,
    sweep,
    sealDrafts,
    digest,
    reportReminders,
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5000 });
      transport?.close();
    },
  };
}

/**
 * Mails are queued inside request transactions, and tenant transactions run
 * as the application role (`scoped`), which owns nothing in pg-boss's schema:
 * without these grants every mail queued under a funder's scope (an
 * invitation) failed with "permission denied for schema pgboss". The role may
 * enqueue (insert, and read back the new id) and read the queue settings the
 * insert joins; it cannot read job data, fetch, complete or delete jobs.
 * pg-boss creates its schema at start, after our migrations, so the grants
 * are made here; an advisory lock keeps two processes starting at once from
 * granting concurrently ("tuple concurrently updated").
 */
async function allowAppRoleToEnqueue(db: Database): Promise<void> {
  await db.kysely.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('samverka.pgboss-grants'))`.execute(tx);
    const { rows } = await sql<{ table_name: string }>`select distinct table_name from pgboss.queue`.execute(tx);
    const tables = ['job', ...rows.map((r) => r.table_name)].filter((t, i, all) => all.indexOf(t) === i);
    const role = sql.id(APP_ROLE);
    await sql`grant usage on schema pgboss to ${role}`.execute(tx);
    await sql`grant select on pgboss.queue to ${role}`.execute(tx);
    // Reading back the new job's id (and start time, for NOTIFY) is all the insert's RETURNING needs.
    for (const table of tables) await sql`grant insert, select (id, start_after) on ${sql.id('pgboss', table)} to ${role}`.execute(tx);
  });
}
