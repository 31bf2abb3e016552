// Reminders of follow-up reports, sent by the morning job: before a report is due to the association's
// members who did not choose otherwise, once it is overdue to every member (payments are held) and to the
// funder's caseworkers as each chose. Never twice: a second run, two runs at once (on PostgreSQL really at
// once) or a run after a restart sends nothing again; a moved due date is reminded of anew. Mails are read
// from the outbox, one through a real SMTP server.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateInStockholm } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { formatLongDate } from '../../src/i18n/report-reminders.ts';
import { type Jobs, startJobs } from '../../src/jobs/index.ts';
import { atOnce, type Org, type World, world } from '../support/agreements.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { codesIn, internalCodes } from '../support/internal-codes.ts';
import { reportOf, setReport } from '../support/report-rows.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';

const DEMO_CASEWORKER = 'handlaggare@norrkoping.example';
const FUNDER = 'Socialnämnden, Norrköpings kommun';

let smtp: TestSmtp;
let t: TestApp;
let w: World;
let jobs: Jobs;
let org: Org;
let codes: Set<string>;
/** A member who chose not to be reminded before a report is due. */
let optedOut: { email: string; client: Client };
/** A caseworker who chose a mail for each overdue report. */
let eachCaseworker: { email: string; client: Client };

const now = new Date();
const today = dateInStockholm(now);
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url }, jobs: { retryDelaySeconds: 1 } });
  jobs = t.jobs as Jobs;
  w = await world(t);
  codes = internalCodes((await w.caseworker.get('/api/openapi.json')).body);
  org = await w.organisation('Föreningen Ümit & Łódź 🌙');
  // Łukasz reads Samverka in English; Çağla, the signatory, in Swedish.
  expect((await org.member.put('/api/me/locale', { locale: 'en' })).status).toBe(200);
  optedOut = await w.user('نور الهدى', { organisationId: org.id });
  const off = await optedOut.client.put('/api/me/notifications', { preferences: [{ event: 'report_due_soon', delivery: 'none' }] });
  expect(off.status).toBe(200);
  eachCaseworker = await w.user('Åsa Ödegård', { role: 'caseworker' });
  const each = await eachCaseworker.client.put('/api/me/notifications', { preferences: [{ event: 'report_overdue', delivery: 'each' }] });
  expect(each.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

/** A signed agreement of the association with its report of `kind` due on `dueOn`. */
async function agreementWithReport(kind: 'interim' | 'final', dueOn: string) {
  const g = await w.granted(org, ore(4_000_000));
  const a = await w.signed(org, g.applicationId);
  const reportId = await reportOf(t, a.id, kind, dueOn);
  const app = await t.db.kysely.selectFrom('applications').select('case_number').where('id', '=', g.applicationId).executeTakeFirstOrThrow();
  return { agreementId: a.id as string, number: a.number as string, caseNumber: app.case_number as string, reportId };
}

/** The mails to a person about a report (they link to it), oldest first. */
const mailsAbout = (to: string, reportId: string) =>
  t.db.kysely
    .selectFrom('outbox')
    .select(['id', 'subject', 'body_text', 'funder_id'])
    .where('to_address', '=', to)
    .where('body_text', 'like', `%/reports/${reportId}%`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

const remindersOf = (reportId: string) =>
  t.db.kysely
    .selectFrom('report_reminders')
    .select(['kind', 'due_on', 'sent_on', 'mails'])
    .where('report_id', '=', reportId)
    .orderBy('due_on')
    .orderBy('kind')
    .execute();

async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(`report reminders (${engine()})`, () => {
  it('remind the members who did not opt out before a report is due, once, each in their own language', async () => {
    const dueOn = addDays(today, 10);
    const soon = await agreementWithReport('final', dueOn);
    // Not yet inside the funder's 14 days, and one already submitted: neither is reminded of.
    const notYet = await agreementWithReport('final', addDays(today, 20));
    const submitted = await agreementWithReport('final', addDays(today, 3));
    await setReport(t, submitted.reportId, { status: 'submitted' });

    const first = await jobs.reportReminders(now);
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    expect(await remindersOf(soon.reportId)).toEqual([{ kind: 'due_soon', due_on: dueOn, sent_on: today, mails: 2 }]);
    expect(await remindersOf(notYet.reportId)).toEqual([]);
    expect(await remindersOf(submitted.reportId)).toEqual([]);

    const [sv] = await mailsAbout(org.signatoryEmail, soon.reportId);
    expect(sv.subject).toBe(`Påminnelse: slutrapporten för överenskommelse ${soon.number} ska lämnas senast ${formatLongDate('sv', dueOn)}`);
    expect(sv.body_text).toContain(
      `Förening: Föreningen Ümit & Łódź 🌙\nÖverenskommelse: ${soon.number} med ${FUNDER}\nRapport: Slutrapport\nSka lämnas senast: ${formatLongDate('sv', dueOn)}`,
    );
    expect(sv.body_text).toContain(`${t.config.publicUrl}/reports/${soon.reportId}`);
    expect(sv.body_text).toContain(`Du kan välja bort påminnelser innan en rapport ska lämnas: ${t.config.publicUrl}/notifications`);
    expect(sv.funder_id).toBe(w.sn);
    const [en] = await mailsAbout(org.memberEmail, soon.reportId);
    expect(en.subject).toBe(`Reminder: the final report on agreement ${soon.number} is due by ${formatLongDate('en', dueOn)}`);
    expect(en.body_text).toContain(`Association: Föreningen Ümit & Łódź 🌙\nAgreement: ${soon.number} with ${FUNDER}\nReport: Final report`);
    expect(en.body_text).toContain(`${t.config.publicUrl}/reports/${soon.reportId}`);
    // The one who chose none gets nothing before the date; no caseworker hears of a report not yet due.
    expect(await mailsAbout(optedOut.email, soon.reportId)).toEqual([]);
    expect(await mailsAbout(eachCaseworker.email, soon.reportId)).toEqual([]);
    for (const m of [sv, en]) expect(codesIn(`${m.subject}\n${m.body_text}`, codes)).toEqual([]);
    for (const x of [notYet, submitted]) expect(await mailsAbout(org.signatoryEmail, x.reportId)).toEqual([]);

    // Again the same morning, and the next: nothing more.
    expect(await jobs.reportReminders(now)).toEqual({ reminders: 0, mails: 0 });
    await jobs.reportReminders(later(1));
    expect(await mailsAbout(org.signatoryEmail, soon.reportId)).toHaveLength(1);
    expect(await mailsAbout(org.memberEmail, soon.reportId)).toHaveLength(1);
    expect(await remindersOf(soon.reportId)).toHaveLength(1);

    // Through the real mail server, once.
    // The queue delivers the mails of the signings before it, a couple a second.
    const received = await waitFor(() => smtp.messages.find((m) => m.messageId === `<${sv.id}@samverka>`), 'the reminder to arrive', 60_000);
    expect(received.to).toEqual([org.signatoryEmail]);
    expect(received.subject).toBe(sv.subject);
    expect(received.text).toContain(`/reports/${soon.reportId}`);
    expect(smtp.countByMessageId(`<${sv.id}@samverka>`)).toBe(1);

    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select(['actor_label', 'funder_id', 'organisation_id', 'data'])
      .where('action', '=', 'report.reminder_sent')
      .where('object_id', '=', soon.reportId)
      .execute();
    expect(entries).toEqual([
      {
        actor_label: 'system',
        funder_id: w.sn,
        organisation_id: org.id,
        data: { kind: 'due_soon', reportKind: 'final', dueOn, agreement: soon.number, mails: 2 },
      },
    ]);
  });

  it('tell every member the day after the due date that payments are held, and the caseworkers as each chose', async () => {
    const dueOn = addDays(today, -1);
    const late = await agreementWithReport('interim', dueOn);
    await jobs.reportReminders(now);
    // Found only once past its date: the overdue notice alone, to all three members and the caseworker who chose each.
    expect(await remindersOf(late.reportId)).toEqual([{ kind: 'overdue', due_on: dueOn, sent_on: today, mails: 4 }]);

    const [sv] = await mailsAbout(org.signatoryEmail, late.reportId);
    expect(sv.subject).toBe(`Försenad delrapport: överenskommelse ${late.number} – utbetalningar stoppas`);
    expect(sv.body_text).toContain(`Delrapporten för överenskommelsen ${late.number} skulle ha lämnats in senast ${formatLongDate('sv', dueOn)}`);
    expect(sv.body_text).toContain('Inga utbetalningar görs på överenskommelsen förrän rapporten är inlämnad.');
    expect(sv.body_text).toContain(`Lämna in rapporten här: ${t.config.publicUrl}/reports/${late.reportId}`);
    expect(sv.body_text).toContain('Det här brevet skickas alltid, eftersom det får följder för utbetalningarna.');
    const [en] = await mailsAbout(org.memberEmail, late.reportId);
    expect(en.subject).toBe(`Overdue: the interim report on agreement ${late.number} – payments are held`);
    expect(en.body_text).toContain('No payments are made on the agreement until the report is submitted.');
    expect(en.body_text).toContain(`Was due by: ${formatLongDate('en', dueOn)}`);
    // Mandatory: the member who turned reminders off is told too.
    const toOptedOut = await mailsAbout(optedOut.email, late.reportId);
    expect(toOptedOut.map((m) => m.subject)).toEqual([sv.subject]);
    for (const m of [sv, en]) expect(codesIn(`${m.subject}\n${m.body_text}`, codes)).toEqual([]);

    // The caseworker who chose each gets a mail now; the demo's caseworker (digest, the default) finds it in the morning's summary.
    const [toCaseworker] = await mailsAbout(eachCaseworker.email, late.reportId);
    expect(toCaseworker.subject).toBe(`En uppföljningsrapport är försenad: ${late.caseNumber}`);
    expect(toCaseworker.body_text).toContain('Organisation: Föreningen Ümit & Łódź 🌙');
    expect(toCaseworker.body_text).toContain(`${t.config.publicUrl}/reports/${late.reportId}`);
    expect(await mailsAbout(DEMO_CASEWORKER, late.reportId)).toEqual([]);
    const kept = await t.db.kysely
      .selectFrom('notification_events as e')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['u.email', 'e.link'])
      .where('e.event', '=', 'report_overdue')
      .where('e.object_id', '=', late.reportId)
      .execute();
    expect(kept.map((k) => k.email)).toContain(DEMO_CASEWORKER);
    expect(kept.map((k) => k.email)).not.toContain(eachCaseworker.email);
    expect(new Set(kept.map((k) => k.link))).toEqual(new Set([`/reports/${late.reportId}`]));
    expect(await jobs.digest(later(0.01))).toBeGreaterThanOrEqual(1);
    const digest = await t.db.kysely
      .selectFrom('outbox')
      .select('body_text')
      .where('to_address', '=', DEMO_CASEWORKER)
      .where('subject', 'like', 'Samverka:%')
      // The newest: the demo's own history had its digests in 2022.
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(digest.body_text).toContain('En uppföljningsrapport är försenad (');
    expect(digest.body_text).toContain(`• ${late.caseNumber} – Föreningen Ümit & Łódź 🌙`);
    expect(digest.body_text).toContain(`${t.config.publicUrl}/reports/${late.reportId}`);

    // Overdue stays overdue: later mornings send nothing more.
    await jobs.reportReminders(later(1));
    await jobs.reportReminders(later(7));
    expect(await remindersOf(late.reportId)).toHaveLength(1);
    expect(await mailsAbout(org.signatoryEmail, late.reportId)).toHaveLength(1);
    expect(await mailsAbout(eachCaseworker.email, late.reportId)).toHaveLength(1);
  });

  it('remind anew of a moved due date: before the new date and after it, never again of the old one', async () => {
    const first = addDays(today, 5);
    const moved = await agreementWithReport('final', first);
    await jobs.reportReminders(now);
    expect(await remindersOf(moved.reportId)).toEqual([{ kind: 'due_soon', due_on: first, sent_on: today, mails: 2 }]);

    // The caseworker gives the association a month more: 14 days before the new date is three weeks away.
    const next = addDays(today, 35);
    const move = await w.caseworker.put(`/api/reports/${moved.reportId}/due-date`, { dueOn: next, reason: 'Ledaren Åsa är föräldraledig.' });
    expect(move.status, JSON.stringify(move.body)).toBe(200);
    await jobs.reportReminders(later(6));
    expect(await remindersOf(moved.reportId)).toHaveLength(1);
    await jobs.reportReminders(later(21));
    await jobs.reportReminders(later(22));
    await jobs.reportReminders(later(36));
    expect(await remindersOf(moved.reportId)).toEqual([
      { kind: 'due_soon', due_on: first, sent_on: today, mails: 2 },
      { kind: 'due_soon', due_on: next, sent_on: addDays(today, 21), mails: 2 },
      { kind: 'overdue', due_on: next, sent_on: addDays(today, 36), mails: 4 },
    ]);
    const subjects = (await mailsAbout(org.signatoryEmail, moved.reportId)).map((m) => m.subject);
    expect(subjects).toEqual([
      `Påminnelse: slutrapporten för överenskommelse ${moved.number} ska lämnas senast ${formatLongDate('sv', first)}`,
      `Påminnelse: slutrapporten för överenskommelse ${moved.number} ska lämnas senast ${formatLongDate('sv', next)}`,
      `Försenad slutrapport: överenskommelse ${moved.number} – utbetalningar stoppas`,
    ]);
  });

  it('send one set of mails when two runs meet, and nothing when the service has restarted', async () => {
    const soon = await agreementWithReport('final', addDays(today, 3));
    const late = await agreementWithReport('interim', addDays(today, -2));
    const ids = [soon.reportId, late.reportId];
    const written = () =>
      t.db.kysely
        .selectFrom('report_reminders')
        .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.coalesce(eb.fn.sum<string>('mails'), sql<string>`0`).as('mails')])
        .executeTakeFirstOrThrow();
    const before = await written();
    // On PostgreSQL both runs are held at the reports' lock and let go together, so they really meet.
    const runs = await atOnce(t, { text: 'select id from follow_up_reports where id = any($1::uuid[]) for update', values: [ids] }, 2, () =>
      Promise.all([jobs.reportReminders(now), jobs.reportReminders(now)]),
    );
    // Between them the runs wrote each reminder once and counted each mail once.
    const after = await written();
    expect(Number(after.n) - Number(before.n)).toBeGreaterThanOrEqual(2);
    expect(runs[0].reminders + runs[1].reminders).toBe(Number(after.n) - Number(before.n));
    expect(runs[0].mails + runs[1].mails).toBe(Number(after.mails) - Number(before.mails));
    expect((await remindersOf(soon.reportId)).map((r) => r.kind)).toEqual(['due_soon']);
    expect((await remindersOf(late.reportId)).map((r) => r.kind)).toEqual(['overdue']);
    for (const x of [soon, late]) {
      expect(await mailsAbout(org.signatoryEmail, x.reportId)).toHaveLength(1);
      expect(await mailsAbout(org.memberEmail, x.reportId)).toHaveLength(1);
    }
    expect(await mailsAbout(eachCaseworker.email, late.reportId)).toHaveLength(1);
    const events = await t.db.kysely.selectFrom('notification_events').select('user_id').where('object_id', '=', late.reportId).execute();
    expect(events.length).toBe(new Set(events.map((e) => e.user_id)).size);

    // A new process on the same database (a restart, or a second server) finds every reminder written.
    const again = await startJobs(t.db, t.config, { pollingIntervalSeconds: 0.5, log: () => {} });
    try {
      expect(await again.reportReminders(now)).toEqual({ reminders: 0, mails: 0 });
    } finally {
      await again.stop();
    }
    for (const x of [soon, late]) expect(await mailsAbout(org.signatoryEmail, x.reportId)).toHaveLength(1);
  });

  it('run each morning at 07:00 in Stockholm, and once for mornings missed while the service was down', async () => {
    const { rows } = await sql<{ cron: string; timezone: string; options: { missed?: string } }>`
      select cron, timezone, options from pgboss.schedule where name = 'report-reminders'`.execute(t.db.kysely);
    expect(rows).toEqual([expect.objectContaining({ cron: '0 7 * * *', timezone: 'Europe/Stockholm' })]);
    expect(rows[0].options.missed).toBe('once');
  });
});
