// Reminders of follow-up reports, each morning: before a report is due its association's members are
// reminded (those who have not chosen otherwise); once it is overdue every member is told that payments
// are held until it is in, and the funder's caseworkers hear of it as each chose. A report_reminders row,
// unique per report, kind and due date, is written in the same transaction as the mails: a second run,
// one at the same time, a retry or a restart finds it and sends nothing again. A moved due date is a
// new date to be reminded of.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { audit, SYSTEM_ACTOR } from '../db/audit.ts';
import type { Database, Tx } from '../db/connection.ts';
import { system } from '../db/scope.ts';
import { dateInStockholm } from '../domain/deadlines.ts';
import type { ReportKind, ReportStatus } from '../domain/follow-up/reports.ts';
import { type ReportReminderKind, reportReminderDue } from '../domain/notifications.ts';
import type { Lang } from '../i18n/messages.ts';
import { type ReminderAbout, reportDueSoonMail, reportOverdueMail } from '../i18n/report-reminders.ts';
import { eachMailTexts, type Happening, keepForDigest, recipientsIn } from './notifications.ts';
import { MAIL_QUEUE } from './queue.ts';

export interface ReminderOptions {
  db: Database;
  publicUrl: string;
  /** Queues the delivery of outbox rows in the reminder's transaction. */
  enqueue(tx: Tx, queue: string, data: object[]): Promise<void>;
}

export interface RemindersSent {
  /** Reminders written (one per report and kind): what this run did that no run had done. */
  reminders: number;
  /** Mails written to the outbox for them. */
  mails: number;
}

interface Candidate {
  id: string;
}

/** Sends the reminders due at `now` that no run has sent. */
export async function sendReportReminders(options: ReminderOptions, now = new Date()): Promise<RemindersSent> {
  const today = dateInStockholm(now);
  // Drafts inside their funder's reminder window, or past their date, whose reminder for this date and
  // kind is not yet written. Read again, locked, before anything is sent.
  const { rows } = await system(options.db, (tx) =>
    sql<Candidate>`
      select r.id from follow_up_reports r join funders f on f.id = r.funder_id
       where r.status = 'draft' and r.due_on - f.report_reminder_days <= ${today}::date
         and not exists (select 1 from report_reminders m
                          where m.report_id = r.id and m.due_on = r.due_on
                            and m.kind = case when r.due_on < ${today}::date then 'overdue' else 'due_soon' end)
       order by r.due_on, r.id`.execute(tx),
  );
  const sent: RemindersSent = { reminders: 0, mails: 0 };
  for (const { id } of rows) {
    // One report per transaction: a failure for one leaves the others as they are.
    const mails = await system(options.db, (tx) => remind(tx, options, id, today, now));
    if (mails !== null) {
      sent.reminders++;
      sent.mails += mails;
    }
  }
  return sent;
}

interface ReportToRemind {
  id: string;
  funder_id: string;
  organisation_id: string;
  application_id: string;
  kind: ReportKind;
  status: ReportStatus;
  due_on: string;
  reminder_days: number;
  agreement_number: string;
  organisation_name: string;
  funder_name: string;
  case_number: string | null;
  title: string;
  call_title: string;
}

interface Member {
  email: string;
  locale: Lang;
  delivery: string | null;
}

/** Writes one report's reminder and its mails; answers the number of mails, or null when there was nothing to send. */
async function remind(tx: Tx, options: ReminderOptions, reportId: string, today: string, now: Date): Promise<number | null> {
  // Shared, so that a submission or a moved due date in flight is waited for and seen; the payment guards
  // take the same share (src/server/payments/prepare-run.ts).
  const { rows } = await sql<ReportToRemind>`
    select r.id, r.funder_id, r.organisation_id, r.application_id, r.kind, r.status, r.due_on, f.report_reminder_days as reminder_days,
           g.number as agreement_number, o.name as organisation_name, f.name as funder_name,
           a.case_number, a.title, c.title as call_title
      from follow_up_reports r
      join funders f on f.id = r.funder_id
      join agreements g on g.id = r.agreement_id
      join organisations o on o.id = r.organisation_id
      join applications a on a.id = r.application_id
      join calls c on c.id = a.call_id
     where r.id = ${reportId}
       for share of r`.execute(tx);
  const report = rows[0];
  if (!report) return null;
  const kind = reportReminderDue({ status: report.status, dueOn: report.due_on }, today, report.reminder_days);
  if (!kind) return null;

  const { rows: members } = await sql<Member>`
    select u.email, u.locale, p.delivery
      from organisation_memberships m
      join users u on u.id = m.user_id
      left join notification_preferences p on p.user_id = u.id and p.event = 'report_due_soon'
     where m.organisation_id = ${report.organisation_id} and u.disabled_at is null
     order by u.email`.execute(tx);
  const about: ReminderAbout = {
    kind: report.kind,
    dueOn: report.due_on,
    agreementNumber: report.agreement_number,
    organisationName: report.organisation_name,
    funderName: report.funder_name,
    link: `${options.publicUrl}/reports/${report.id}`,
    settings: `${options.publicUrl}/notifications`,
  };
  // Before the date a member may have chosen not to be reminded; the overdue notice goes to every member.
  const write = kind === 'due_soon' ? reportDueSoonMail : reportOverdueMail;
  const toMembers = members
    .filter((m) => kind === 'overdue' || m.delivery !== 'none')
    .map((m) => ({ to: m.email, funderId: report.funder_id, ...write(m.locale, about) }));
  const happening: Happening = {
    event: 'report_overdue',
    funderId: report.funder_id,
    objectId: report.id,
    link: `/reports/${report.id}`,
    about: { caseNumber: report.case_number, title: report.title, organisationName: report.organisation_name, callTitle: report.call_title },
  };
  const caseworkers = kind === 'overdue' ? await recipientsIn(tx, report.funder_id, 'report_overdue') : [];
  // As the commands' notifications: the funder's mail to the association carries the funder, staff's own mail does not.
  const toStaff = eachMailTexts(options.publicUrl, caseworkers, happening).map((m) => ({ ...m, funderId: null }));
  const mails = [...toMembers, ...toStaff];

  // The reminder's row first: a run that finds it written (or waits for another's to commit) sends nothing.
  const written = await tx
    .insertInto('report_reminders')
    .values({ report_id: report.id, funder_id: report.funder_id, kind, due_on: report.due_on, sent_on: today, mails: mails.length })
    .onConflict((oc) => oc.columns(['report_id', 'kind', 'due_on']).doNothing())
    .returning('report_id')
    .executeTakeFirst();
  if (!written) return null;
  const outbox = mails.map((m) => ({ id: randomUUID(), to_address: m.to, subject: m.subject, body_text: m.text, funder_id: m.funderId }));
  if (outbox.length) {
    await tx.insertInto('outbox').values(outbox).execute();
    await options.enqueue(
      tx,
      MAIL_QUEUE,
      outbox.map((o) => ({ outboxId: o.id })),
    );
  }
  await keepForDigest(tx, caseworkers, happening, now);
  await audit(tx, SYSTEM_ACTOR, {
    action: 'report.reminder_sent',
    objectType: 'report',
    objectId: report.id,
    funderId: report.funder_id,
    organisationId: report.organisation_id,
    data: { kind: kind satisfies ReportReminderKind, reportKind: report.kind, dueOn: report.due_on, agreement: report.agreement_number, mails: mails.length },
  });
  return mails.length;
}
