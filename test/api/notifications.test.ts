// Notification mails staff choose: a mail per event through the outbox, a daily digest sent once a day,
// or nothing; chosen per event through GET/PUT /api/me/notifications.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/db/scope.ts';
import type { Jobs } from '../../src/jobs/index.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';
import { submitApplication } from '../support/submit.ts';

const CASEWORKER = 'handlaggare@norrkoping.example';
const REVIEWER = 'bedomare@norrkoping.example';
const COMMITTEE = 'namnd@norrkoping.example';

let smtp: TestSmtp;
let t: TestApp;
let jobs: Jobs;
let sn: string;
let openCall: string;
const orgs: Record<string, string> = {};
const people: Record<string, Client> = {};

async function waitFor<T>(fn: () => Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** When the demo was in place: the mails it wrote of its own history are not this test's. */
let since: Date;
const outboxTo = (to: string) =>
  system(t.db, (tx) =>
    tx
      .selectFrom('outbox')
      .select(['id', 'subject', 'body_text', 'status'])
      .where('to_address', '=', to)
      .where('created_at', '>=', since)
      .orderBy('created_at')
      .execute(),
  );

/** Internal codes a person must never read in a mail. */
const CODES = /application_submitted|eligibility_requested|completion_answered|review_assigned|proposal_ready|\bdigest\b|\bnone\b/;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url }, jobs: { retryDelaySeconds: 1 } });
  jobs = t.jobs as Jobs;
  since = new Date();
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  openCall = (await t.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow()).id;
  for (const o of await t.db.kysely.selectFrom('organisations').select(['id', 'org_number']).execute()) orgs[o.org_number] = o.id;
  for (const email of [CASEWORKER, REVIEWER, COMMITTEE, 'forening@nattvandrarna.example', 'diakon@matteus.example']) {
    people[email] = new Client(t.app);
    await people[email].login(email);
  }
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('notification preferences', () => {
  it('offer each person the events of their roles with sensible defaults, and keep a change with its audit entry', async () => {
    const caseworker = await people[CASEWORKER].get('/api/me/notifications');
    expect(caseworker.body.preferences).toEqual([
      { event: 'application_submitted', delivery: 'digest', default: 'digest' },
      { event: 'eligibility_requested', delivery: 'digest', default: 'digest' },
      { event: 'completion_answered', delivery: 'each', default: 'each' },
      { event: 'review_assigned', delivery: 'each', default: 'each' },
      { event: 'report_submitted', delivery: 'each', default: 'each' },
      { event: 'report_overdue', delivery: 'digest', default: 'digest' },
    ]);
    expect((await people[REVIEWER].get('/api/me/notifications')).body.preferences).toEqual([{ event: 'review_assigned', delivery: 'each', default: 'each' }]);
    // An association's member chooses only whether to be reminded before a report is due.
    expect((await people['forening@nattvandrarna.example'].get('/api/me/notifications')).body.preferences).toEqual([
      { event: 'report_due_soon', delivery: 'each', default: 'each' },
    ]);
    expect((await new Client(t.app).get('/api/me/notifications')).status).toBe(401);

    const notMine = await people[REVIEWER].put('/api/me/notifications', { preferences: [{ event: 'proposal_ready', delivery: 'each' }] });
    expect(notMine.status).toBe(422);
    expect(notMine.body.errors[0]).toMatchObject({ field: 'preferences.0.event', code: 'invalid_choice' });
    const badChoice = await people[REVIEWER].put('/api/me/notifications', { preferences: [{ event: 'review_assigned', delivery: 'weekly' }] });
    expect(badChoice.status).toBe(400);

    // The caseworker's staff events do not include the association's reminder, nor the member the staff's.
    const notStaff = await people[CASEWORKER].put('/api/me/notifications', { preferences: [{ event: 'report_due_soon', delivery: 'none' }] });
    expect(notStaff.status).toBe(422);
    expect(notStaff.body.errors[0]).toMatchObject({ field: 'preferences.0.event', code: 'invalid_choice' });
    const notMember = await people['forening@nattvandrarna.example'].put('/api/me/notifications', {
      preferences: [{ event: 'report_overdue', delivery: 'none' }],
    });
    expect(notMember.status).toBe(422);
    expect(notMember.body.errors[0]).toMatchObject({ field: 'preferences.0.event', code: 'invalid_choice' });

    const changed = await people[COMMITTEE].put('/api/me/notifications', { preferences: [{ event: 'proposal_ready', delivery: 'each' }] });
    expect(changed.status).toBe(200);
    expect(changed.body.preferences.find((p: { event: string }) => p.event === 'proposal_ready')).toEqual({
      event: 'proposal_ready',
      delivery: 'each',
      default: 'digest',
    });
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.object_id')
      .select('audit_log.data')
      .where('audit_log.action', '=', 'user.notifications_changed')
      .where('users.email', '=', COMMITTEE)
      .executeTakeFirstOrThrow();
    expect(entry.data).toEqual({ changes: [{ event: 'proposal_ready', before: 'digest', after: 'each' }] });
  });

  it('let an association’s member turn the reminder before a report is due off and on, but not gather it in a digest', async () => {
    const member = people['forening@nattvandrarna.example'];
    // A reminder is sent or not: there is no daily digest of an association's reminders. The refusal names the choice.
    const digest = await member.put('/api/me/notifications', { preferences: [{ event: 'report_due_soon', delivery: 'digest' }] });
    expect(digest.status).toBe(422);
    expect(digest.body.errors).toEqual([
      expect.objectContaining({
        field: 'preferences.0.delivery',
        code: 'invalid_choice',
        messages: { sv: 'Välj ett av alternativen.', en: 'Choose one of the options.' },
      }),
    ]);

    const off = await member.put('/api/me/notifications', { preferences: [{ event: 'report_due_soon', delivery: 'none' }] });
    expect(off.status).toBe(200);
    expect(off.body.preferences).toEqual([{ event: 'report_due_soon', delivery: 'none', default: 'each' }]);
    expect((await member.get('/api/me/notifications')).body.preferences).toEqual([{ event: 'report_due_soon', delivery: 'none', default: 'each' }]);
    const on = await member.put('/api/me/notifications', { preferences: [{ event: 'report_due_soon', delivery: 'each' }] });
    expect(on.body.preferences).toEqual([{ event: 'report_due_soon', delivery: 'each', default: 'each' }]);
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.object_id')
      .select('audit_log.data')
      .where('audit_log.action', '=', 'user.notifications_changed')
      .where('users.email', '=', 'forening@nattvandrarna.example')
      .orderBy('audit_log.at')
      .execute();
    expect(entries.map((e) => e.data)).toEqual([
      { changes: [{ event: 'report_due_soon', before: 'each', after: 'none' }] },
      { changes: [{ event: 'report_due_soon', before: 'none', after: 'each' }] },
    ]);
  });
});

describe('notification mails', () => {
  it('mail the reviewer assigned at once in their language, and nobody who chose none', async () => {
    expect((await people[REVIEWER].put('/api/me/locale', { locale: 'en' })).status).toBe(200);
    const first = await submitApplication(people['forening@nattvandrarna.example'], openCall, orgs['802000-1239'], {
      title: 'Nattfotboll i Navestad',
      contact: { name: 'Fatima Föreningsaktiv', email: 'forening@nattvandrarna.example' },
    });
    // The caseworker chose nothing yet: a submission waits for the digest, no mail now.
    expect(await outboxTo(CASEWORKER)).toEqual([]);

    const reviewers = (await people[CASEWORKER].get(`/api/funders/${sn}/reviewers`)).body.reviewers as { userId: string; name: string }[];
    const bo = reviewers.find((r) => r.name === 'Bo Bedömare')?.userId;
    expect((await people[CASEWORKER].put(`/api/applications/${first.id}/reviewers`, { reviewerIds: [bo] })).status).toBe(200);
    const [mail] = await outboxTo(REVIEWER);
    await waitFor(async () => smtp.messages.find((m) => m.messageId === `<${mail.id}@samverka>`), 'the mail to the reviewer');
    const received = smtp.messages.filter((m) => m.to.includes(REVIEWER));
    expect(received).toHaveLength(1);
    expect(received[0].subject).toBe(`You have been asked to review an application: ${first.caseNumber}`);
    expect(received[0].text).toContain('Organisation: Nattvandrarna Norrköping');
    expect(received[0].text).toContain(`${t.config.publicUrl}/applications/${first.id}/review`);
    expect(received[0].text).toContain(`${t.config.publicUrl}/notifications`);
    expect(received[0].text).not.toMatch(CODES);

    // Bo chooses none: the next assignment mails nobody and keeps nothing for a digest.
    expect((await people[REVIEWER].put('/api/me/notifications', { preferences: [{ event: 'review_assigned', delivery: 'none' }] })).status).toBe(200);
    // The caseworker now wants a mail for each application: it names the case number the submission took.
    expect((await people[CASEWORKER].put('/api/me/notifications', { preferences: [{ event: 'application_submitted', delivery: 'each' }] })).status).toBe(200);
    // Matteus församling, approved as eligible this year, applies too (the demo's other organisations already have).
    const request = await t.db.kysely
      .selectFrom('eligibility_approvals')
      .select('id')
      .where('organisation_id', '=', orgs['252003-1002'])
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    expect((await people[CASEWORKER].post(`/api/eligibility/${request.id}/decision`, { decision: 'approve' })).status).toBe(200);
    const second = await submitApplication(people['diakon@matteus.example'], openCall, orgs['252003-1002'], {
      title: 'Läxläsning i Marielund',
      contact: { name: 'Maja Diakon', email: 'diakon@matteus.example' },
    });
    const arrived = await outboxTo(CASEWORKER);
    expect(arrived.map((m) => m.subject)).toEqual([`En ansökan har kommit in: ${second.caseNumber}`]);
    expect(arrived[0].body_text).toContain(`Diarienummer: ${second.caseNumber}\nOrganisation: Matteus församling Norrköping\nTitel: Läxläsning i Marielund`);
    expect(arrived[0].body_text).toContain(`${t.config.publicUrl}/applications/${second.id}/assessment`);
    expect(arrived[0].body_text).not.toMatch(/case-number-|application_submitted/);
    expect((await people[CASEWORKER].put(`/api/applications/${second.id}/reviewers`, { reviewerIds: [bo] })).status).toBe(200);
    expect(await outboxTo(REVIEWER)).toHaveLength(1);
    const kept = await system(t.db, (tx) =>
      tx
        .selectFrom('notification_events')
        .select('event')
        .where('user_id', '=', bo as string)
        .execute(),
    );
    expect(kept).toEqual([]);

    // The committee member who chose each one hears of the proposal at once.
    expect(
      (await people[CASEWORKER].post(`/api/applications/${second.id}/proposal`, { amount: 0, reasons: 'Ligger utanför utlysningens inriktning.' })).status,
    ).toBeLessThan(300);
    const toCommittee = await outboxTo(COMMITTEE);
    expect(toCommittee.map((m) => m.subject)).toEqual([`Ett beslutsförslag väntar på beslut: ${second.caseNumber}`]);
  });

  it('send the daily digest once, listing what came since, even when the job runs twice', async () => {
    const morning = new Date(Date.now() + 60_000);
    expect(await jobs.digest(morning)).toBe(1);
    expect(await jobs.digest(morning)).toBe(0);
    const digests = (await outboxTo(CASEWORKER)).filter((m) => m.subject.startsWith('Samverka:'));
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    // The first application came while the caseworker wanted a digest; the second was mailed at once.
    // The demo's two applications this year took 00001 and 00002.
    expect(digest.subject).toBe('Samverka: 1 händelse för dig sedan förra sammanfattningen');
    const year = new Date().getFullYear();
    expect(digest.body_text).toContain(
      `En ansökan har kommit in (1)\n• SN ${year}/00003 – Nattvandrarna Norrköping – Nattfotboll i Navestad\n  ${t.config.publicUrl}/applications/`,
    );
    expect(digest.body_text).not.toContain(`SN ${year}/00004`);
    expect(digest.body_text).not.toMatch(CODES);
    await waitFor(async () => smtp.messages.find((m) => m.messageId === `<${digest.id}@samverka>`), 'the digest to be sent');
    expect(smtp.countByMessageId(`<${digest.id}@samverka>`)).toBe(1);

    // Something new the same day waits for tomorrow's digest; tomorrow it is sent, once.
    const lateNews = await people['forening@nattvandrarna.example'].post(`/api/organisations/${orgs['802000-1239']}/eligibility`, {
      funderId: sn,
      year: year + 1,
      statutesFileId: null,
      annualReportFileId: null,
      accountsFileId: null,
      board: [{ name: 'Fatima Föreningsaktiv', role: 'ordförande' }],
      memberCount: 40,
      payoutKind: 'bankgiro',
      payoutNumber: '5050 1055',
    });
    expect(lateNews.status).toBe(200);
    const later = new Date(morning.getTime() + 60_000);
    expect(await jobs.digest(later)).toBe(0);
    const tomorrow = new Date(morning.getTime() + 86_400_000);
    // Two runs at once (a retry overlapping the schedule) write one digest between them.
    expect((await Promise.all([jobs.digest(tomorrow), jobs.digest(tomorrow)])).sort()).toEqual([0, 1]);
    expect(await jobs.digest(tomorrow)).toBe(0);
    const next = (await outboxTo(CASEWORKER)).filter((m) => m.subject.startsWith('Samverka:'));
    expect(next).toHaveLength(2);
    expect(next[1].subject).toBe('Samverka: 1 händelse för dig sedan förra sammanfattningen');
    expect(next[1].body_text).toContain('En organisation ber om att bli godkänd som bidragsberättigad (1)\n• Nattvandrarna Norrköping');
    expect(next[1].body_text).toContain(`/funders/${sn}/eligibility`);
  });
});
