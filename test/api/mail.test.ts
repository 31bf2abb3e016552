import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connection.ts';
import { system } from '../../src/db/scope.ts';
import { type Jobs, startJobs } from '../../src/jobs/index.ts';
import { deliverMail } from '../../src/jobs/mail.ts';
import { MAIL_QUEUE } from '../../src/jobs/queue.ts';
import { buildApp } from '../../src/server/app.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';

const CASEWORKER = 'handlaggare@norrkoping.example';
const ADMIN = 'admin@norrkoping.example';
const STRATEG = 'strateg@norrkoping.example';
const NORRKOPING = 'Socialnämnden, Norrköpings kommun';

/** Polls until fn gives a truthy value, and returns it; fails after timeoutMs. */
async function waitFor<T>(fn: () => Promise<T> | T, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const outboxRows = (db: Database, to?: string) =>
  system(db, (tx) => {
    let q = tx.selectFrom('outbox').selectAll().orderBy('created_at');
    if (to) q = q.where('to_address', '=', to);
    return q.execute();
  });

const outboxRow = (db: Database, id: string) => system(db, (tx) => tx.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

/** Delivery jobs in pg-boss's own table, in whatever state. */
async function mailJobs(db: Database): Promise<{ id: string; state: string; outboxId: string }[]> {
  const { rows } = await sql<{ id: string; state: string; outboxId: string }>`
    select id::text, state::text, data->>'outboxId' as "outboxId" from pgboss.job where name = ${MAIL_QUEUE}`.execute(db.kysely);
  return rows;
}

const messageIdOf = (outboxId: string) => `<${outboxId}@samverka>`;

/** Writes mails straight into the outbox, as a process without a job queue (or a seed) would. */
async function writeStrandedMails(db: Database, count: number, extra: { status?: 'sending'; claimed_at?: Date; attempts?: number } = {}) {
  return system(db, async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const row = await tx
        .insertInto('outbox')
        .values({ to_address: `stranded-${i}@example.org`, subject: `Stranded ${i}`, body_text: `Mail number ${i}`, ...extra })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids;
  });
}

let smtp: TestSmtp;
let t: TestApp;
let jobs: Jobs;
let funderId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url }, jobs: { retryDelaySeconds: 1 } });
  jobs = t.jobs as Jobs;
  const funders = await new Client(t.app).get('/api/funders');
  funderId = funders.body.funders.find((f: { name: string }) => f.name === NORRKOPING).id;
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('mail through a real SMTP server', () => {
  it('mails a password reset once, with a link whose token works once', async () => {
    const before = await outboxRows(t.db, CASEWORKER);
    const c = await new Client(t.app).open();
    expect((await c.post('/api/auth/password-reset', { email: CASEWORKER })).status).toBe(202);

    const rows = await outboxRows(t.db, CASEWORKER);
    expect(rows).toHaveLength(before.length + 1);
    const mail = rows[rows.length - 1];

    await waitFor(async () => (await outboxRow(t.db, mail.id)).status === 'sent', 10_000, 'the mail to be sent');
    const received = smtp.messages.filter((m) => m.messageId === messageIdOf(mail.id));
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual([CASEWORKER]);
    expect(received[0].subject).toBe('Återställ ditt lösenord i Samverka');

    const link = received[0].text.match(/(\S+\/reset-password\?token=([A-Za-z0-9_-]+))/);
    expect(link).not.toBeNull();
    expect(link?.[1].startsWith(`${t.config.publicUrl}/reset-password?token=`)).toBe(true);
    const token = link?.[2] as string;

    // The sweeper finds nothing left to do for a sent mail, so it is not sent again.
    await jobs.sweep();
    expect(smtp.countByMessageId(messageIdOf(mail.id))).toBe(1);

    const first = await c.post('/api/auth/password-reset/confirm', { token, password: 'ett helt nytt lösenord' });
    expect(first.status).toBe(200);
    const second = await c.post('/api/auth/password-reset/confirm', { token, password: 'ett annat nytt lösenord' });
    expect(second.status).toBe(400);
    expect(second.body.code).toBe('token_invalid');

    const signIn = new Client(t.app);
    await signIn.login(CASEWORKER, 'ett helt nytt lösenord');
  });

  it('keeps retrying with backoff while the SMTP server is down, and delivers once when it is back', async () => {
    await smtp.stop();
    try {
      const c = await new Client(t.app).open();
      expect((await c.post('/api/auth/password-reset', { email: ADMIN })).status).toBe(202);
      const rows = await outboxRows(t.db, ADMIN);
      expect(rows).toHaveLength(1);
      const id = rows[0].id;

      // Two failed attempts: the first at once, the second after the retry delay.
      const failing = await waitFor(
        async () => {
          const row = await outboxRow(t.db, id);
          return row.attempts >= 2 && row.status === 'pending' ? row : null;
        },
        15_000,
        'two failed attempts',
      );
      expect(failing.status).toBe('pending');
      expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(failing.sent_at).toBeNull();
      const [job] = (await mailJobs(t.db)).filter((j) => j.outboxId === id);
      expect(['retry', 'active', 'created']).toContain(job.state);
      // Each retry waits longer than the one before (doubling from 1 s, in tests).
      const { rows: settings } = await sql<{ retry_backoff: boolean; retry_delay: number; retry_count: number }>`
        select retry_backoff, retry_delay, retry_count from pgboss.job where id = ${job.id}::uuid`.execute(t.db.kysely);
      expect(settings[0]).toMatchObject({ retry_backoff: true, retry_delay: 1 });
      expect(settings[0].retry_count).toBeGreaterThanOrEqual(1);
      expect(smtp.countByMessageId(messageIdOf(id))).toBe(0);

      await smtp.restart();
      const sent = await waitFor(
        async () => {
          const row = await outboxRow(t.db, id);
          return row.status === 'sent' ? row : null;
        },
        20_000,
        'delivery after the server came back',
      );
      expect(sent.attempts).toBeGreaterThanOrEqual(3);
      expect(sent.last_error).toBeNull();
      expect(smtp.countByMessageId(messageIdOf(id))).toBe(1);
      await waitFor(async () => (await mailJobs(t.db)).find((j) => j.outboxId === id)?.state === 'completed', 5_000, 'the job to complete');
    } finally {
      await smtp.restart();
    }
  });

  it('keeps the local mailbox closed when an SMTP server is configured', async () => {
    const res = await new Client(t.app).get('/api/mailbox');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('mailbox_disabled');
  });
});

describe('mail belongs to the transaction that writes it', () => {
  it('leaves no mail and no job behind when an invitation is refused', async () => {
    const admin = new Client(t.app);
    await admin.login(ADMIN);
    const mailsBefore = (await outboxRows(t.db)).length;
    const jobsBefore = (await mailJobs(t.db)).length;

    const res = await admin.post(`/api/funders/${funderId}/invitations`, { email: CASEWORKER, role: 'caseworker' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('already_member');

    expect(await outboxRows(t.db)).toHaveLength(mailsBefore);
    expect(await mailJobs(t.db)).toHaveLength(jobsBefore);
  });

  it('rolls back the mail and its job when the change fails after they were written', async () => {
    const admin = new Client(t.app);
    await admin.login(ADMIN);
    const email = 'rollback@example.org';
    const mailsBefore = (await outboxRows(t.db)).length;
    const jobsBefore = (await mailJobs(t.db)).length;
    // The invitation writes its token, then its mail and delivery job, then its audit entry: refuse the audit entry.
    await sql`
      create function refuse_invitation_audit() returns trigger language plpgsql as $$
      begin
        raise exception 'audit refused for the test';
      end $$;
      create trigger refuse_invitation_audit before insert on audit_log
        for each row when (new.action = 'funder.user_invited') execute function refuse_invitation_audit();
    `.execute(t.db.kysely);
    try {
      const res = await admin.post(`/api/funders/${funderId}/invitations`, { email, role: 'reviewer' });
      expect(res.status).toBe(500);
    } finally {
      await sql`drop trigger refuse_invitation_audit on audit_log; drop function refuse_invitation_audit();`.execute(t.db.kysely);
    }
    expect(await outboxRows(t.db)).toHaveLength(mailsBefore);
    expect(await mailJobs(t.db)).toHaveLength(jobsBefore);
    const tokens = await system(t.db, (tx) => tx.selectFrom('auth_tokens').select('id').where('email', '=', email).execute());
    expect(tokens).toHaveLength(0);
  });

  it('writes the mail and its job together when an invitation succeeds', async () => {
    const admin = new Client(t.app);
    await admin.login(ADMIN);
    const email = 'ny.kollega@example.org';
    const jobsBefore = (await mailJobs(t.db)).length;

    const res = await admin.post(`/api/funders/${funderId}/invitations`, { email, role: 'reviewer' });
    expect(res.status).toBe(201);
    const [mail] = await outboxRows(t.db, email);
    expect(mail).toBeDefined();
    const jobsAfter = await mailJobs(t.db);
    expect(jobsAfter).toHaveLength(jobsBefore + 1);
    expect(jobsAfter.filter((j) => j.outboxId === mail.id)).toHaveLength(1);

    await waitFor(async () => (await outboxRow(t.db, mail.id)).status === 'sent', 10_000, 'the invitation to be sent');
    const [received] = smtp.messages.filter((m) => m.messageId === messageIdOf(mail.id));
    expect(received.to).toEqual([email]);
    expect(received.text).toContain(`${t.config.publicUrl}/invitation?token=`);
    expect(smtp.countByMessageId(messageIdOf(mail.id))).toBe(1);
  });
});

describe('mail nobody queued', () => {
  it('is picked up by the sweeper when it was written where no job queue ran, and delivered once', async () => {
    // A second app process on the same database, started without the job queue (as a one-off script would be).
    const queueless = await buildApp({ db: t.db, config: t.config }, { logger: false });
    let id: string;
    try {
      const c = await new Client(queueless).open();
      expect((await c.post('/api/auth/password-reset', { email: STRATEG })).status).toBe(202);
      const [mail] = await outboxRows(t.db, STRATEG);
      expect(mail).toMatchObject({ status: 'pending', claimed_at: null });
      id = mail.id;
    } finally {
      await queueless.close();
    }
    expect((await mailJobs(t.db)).filter((j) => j.outboxId === id)).toHaveLength(0);

    expect(await jobs.sweep()).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await outboxRow(t.db, id)).status === 'sent', 10_000, 'the stranded mail to be sent');
    expect(smtp.countByMessageId(messageIdOf(id))).toBe(1);
    expect(smtp.messages.find((m) => m.messageId === messageIdOf(id))?.to).toEqual([STRATEG]);
    expect(await jobs.sweep()).toBe(0);
  });

  it('takes over a mail whose sender crashed mid-delivery, but not one being sent right now', async () => {
    const [crashed] = await writeStrandedMails(t.db, 1, { status: 'sending', claimed_at: new Date(Date.now() - 11 * 60_000), attempts: 1 });
    const [busy] = await writeStrandedMails(t.db, 1, { status: 'sending', claimed_at: new Date(), attempts: 1 });

    expect(await jobs.sweep()).toBe(1);
    await waitFor(async () => (await outboxRow(t.db, crashed)).status === 'sent', 10_000, 'the crashed mail to be sent');
    expect(smtp.countByMessageId(messageIdOf(crashed))).toBe(1);
    expect((await outboxRow(t.db, crashed)).attempts).toBe(2);
    expect((await outboxRow(t.db, busy)).status).toBe('sending');
    expect(smtp.countByMessageId(messageIdOf(busy))).toBe(0);
    // Not ours to finish: mark it so later sweeps in this file leave it alone.
    await system(t.db, (tx) => tx.updateTable('outbox').set({ status: 'failed' }).where('id', '=', busy).execute());
  });
});

describe('two workers on one database', () => {
  it('never deliver the same mail twice', async () => {
    const second = await startJobs(t.db, t.config, { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, log: () => {} });
    try {
      const ids = await writeStrandedMails(t.db, 4);
      // Each worker's queue gets a job for every mail: every mail is offered twice, to whichever worker fetches first.
      await system(t.db, async (tx) => {
        await jobs.queue.sendInTx(
          tx,
          MAIL_QUEUE,
          ids.map((outboxId) => ({ outboxId })),
        );
        await second.queue.sendInTx(
          tx,
          MAIL_QUEUE,
          ids.map((outboxId) => ({ outboxId })),
        );
      });

      await waitFor(
        async () => {
          const rows = await system(t.db, (tx) => tx.selectFrom('outbox').select('status').where('id', 'in', ids).execute());
          return rows.every((r) => r.status === 'sent');
        },
        20_000,
        'all mails to be sent',
      );
      await waitFor(
        async () => (await mailJobs(t.db)).filter((j) => ids.includes(j.outboxId)).every((j) => j.state === 'completed'),
        10_000,
        'every offered job to finish',
      );
      for (const id of ids) expect(smtp.countByMessageId(messageIdOf(id)), id).toBe(1);
      const offered = (await mailJobs(t.db)).filter((j) => ids.includes(j.outboxId));
      expect(offered.length).toBeGreaterThanOrEqual(2 * ids.length);
    } finally {
      await second.stop();
    }
  });

  it('sends the decision letter, as kept with the decision, attached to the decision mail', async () => {
    // The committee's chair records it (the caseworker's password was changed above).
    const caseworker = new Client(t.app);
    await caseworker.login('namnd@norrkoping.example');
    // The demo's partial grant is replaced by a new decision, which is mailed with its letter.
    const app = await t.db.kysely.selectFrom('applications').select('id').where('case_number', '=', 'SN 2022/00001').executeTakeFirstOrThrow();
    const current = (await caseworker.get(`/api/applications/${app.id}/decisions`)).body.decisions[0];
    const res = await caseworker.post(`/api/applications/${app.id}/decisions`, {
      amount: 35_000_000,
      reasons: 'Efter omprövning beviljas hela beloppet.',
      grantFrom: '2022-04-01',
      grantTo: '2023-03-31',
      madeBy: 'committee',
      decisionBody: 'Socialnämnden',
      paragraph: '§ 40',
      decidedOn: '2022-04-21',
      supersedes: current.id,
    });
    expect(res.status).toBe(201);
    const mail = await system(t.db, (tx) =>
      tx.selectFrom('outbox').selectAll().where('subject', '=', 'Beslut om er ansökan SN 2022/00001').executeTakeFirstOrThrow(),
    );
    await waitFor(async () => (await outboxRow(t.db, mail.id)).status === 'sent', 10_000, 'the decision mail to be sent');
    const received = smtp.messages.find((m) => m.messageId === messageIdOf(mail.id));
    const attachment = received?.parsed.attachments[0];
    expect(attachment?.filename).toBe('beslut-SN-2022-00001.pdf');
    expect(attachment?.contentType).toBe('application/pdf');
    const letter = await t.app.inject({
      method: 'GET',
      url: res.body.letterUrl,
      headers: { cookie: [...caseworker.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(letter.rawPayload.equals(attachment?.content as Buffer)).toBe(true);
  });

  it('lets exactly one of several simultaneous deliveries of a mail send it', async () => {
    const [id] = await writeStrandedMails(t.db, 1);
    const transport = nodemailer.createTransport(smtp.url);
    try {
      const results = await Promise.all(Array.from({ length: 6 }, () => deliverMail({ db: t.db, transport, from: t.config.mailFrom }, id)));
      expect(results.filter((r) => r === 'sent')).toHaveLength(1);
      expect(results.filter((r) => r === 'already-handled')).toHaveLength(5);
      expect(smtp.countByMessageId(messageIdOf(id))).toBe(1);
    } finally {
      transport.close();
    }
  });
});

describe('without an SMTP server', () => {
  let local: TestApp;
  beforeAll(async () => {
    local = await createTestApp({ jobs: { retryDelaySeconds: 1 } });
  });
  afterAll(() => local?.close());

  it('keeps mails in the local mailbox', async () => {
    const c = await new Client(local.app).open();
    expect((await c.post('/api/auth/password-reset', { email: CASEWORKER })).status).toBe(202);
    // The newest: the demo's history has mailed this caseworker before.
    const rows = await outboxRows(local.db, CASEWORKER);
    const mail = rows[rows.length - 1];
    await waitFor(async () => (await outboxRow(local.db, mail.id)).status === 'local', 10_000, 'the mail to reach the local mailbox');
    expect((await outboxRow(local.db, mail.id)).sent_at).not.toBeNull();

    const box = await c.get(`/api/mailbox?to=${encodeURIComponent(CASEWORKER)}`);
    expect(box.status).toBe(200);
    const shown = box.body.mails.filter((m: { id: string }) => m.id === mail.id);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ id: mail.id, to: CASEWORKER, status: 'local', subject: 'Återställ ditt lösenord i Samverka' });
    expect(shown[0].text).toContain(`${local.config.publicUrl}/reset-password?token=`);
    expect(smtp.countByMessageId(messageIdOf(mail.id))).toBe(0);
  });
});
