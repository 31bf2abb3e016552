import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { plannedReports } from '../../domain/follow-up/reports.ts';
import type { ScheduleSpec } from '../../domain/payments/schedule.ts';
import { APP_ROLE } from './0001_foundation.ts';

// Follow-up reports, the participants' anonymous survey, report reminders (issue 13).
export async function up(db: Kysely<unknown>): Promise<void> {
  const role = sql.id(APP_ROLE);
  await sql`
    -- The funder's follow-up settings: the smallest group whose survey results are shown (never below 3),
    -- the share by which a spending row may deviate from the plan unexplained, and how many days before a
    -- report is due its reminder goes out.
    alter table funders
      add column survey_min_group integer not null default 5 check (survey_min_group >= 3),
      add column report_deviation_percent integer not null default 10 check (report_deviation_percent between 1 and 100),
      add column report_reminder_days integer not null default 14 check (report_reminder_days between 1 and 90);

    -- An agreement's interim and final report. Saved as the association types, like an application;
    -- submitted, approved or sent back for completion by the caseworker (completion_requests.report_id).
    create table follow_up_reports (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      agreement_id uuid not null references agreements (id),
      application_id uuid not null references applications (id),
      organisation_id uuid not null references organisations (id),
      kind text not null check (kind in ('interim', 'final')),
      -- The due date in force, and the one the agreement's period gave; they differ when a caseworker moved it.
      due_on date not null,
      planned_due_on date not null,
      due_moved_reason text,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'completion_requested', 'approved')),
      content jsonb not null,
      version integer not null default 1,
      updated_by uuid references users (id),
      updated_at timestamptz not null default now(),
      submitted_by uuid references users (id),
      submitted_at timestamptz,
      approved_by uuid references users (id),
      approved_at timestamptz,
      unique (agreement_id, kind)
    );
    create index follow_up_reports_waiting on follow_up_reports (funder_id, due_on) where status <> 'approved';
    create index follow_up_reports_organisation on follow_up_reports (organisation_id);

    -- A completion round on a report is the applications' completion round, pointing at the report.
    alter table completion_requests add column report_id uuid references follow_up_reports (id);
    create index completion_requests_report on completion_requests (report_id, created_at) where report_id is not null;
    -- A recovery started from an unapproved final report names it.
    alter table recoveries add column report_id uuid references follow_up_reports (id);

    -- One reminder of each kind per report and due date: written in the transaction that queues its mails,
    -- so a job run twice, retried or restarted finds it done and sends nothing again.
    create table report_reminders (
      report_id uuid not null references follow_up_reports (id),
      funder_id uuid not null references funders (id),
      kind text not null check (kind in ('due_soon', 'overdue')),
      due_on date not null,
      sent_on date not null,
      mails integer not null,
      primary key (report_id, kind, due_on)
    );

    -- The participants' survey of an agreement, reached by an unguessable link (token) without signing in.
    create table surveys (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      agreement_id uuid not null unique references agreements (id),
      organisation_id uuid not null references organisations (id),
      token text not null unique,
      status text not null default 'open' check (status in ('open', 'closed')),
      extra_questions jsonb not null default '[]',
      created_at timestamptz not null default now(),
      closed_at timestamptz
    );

    -- One participant's answer. Deliberately without who, where from or when finer than the day: no user,
    -- no IP address, no user agent, no timestamp (docs/architecture.md). The only link back is the SHA-256 of
    -- a random secret kept in the participant's own cookie, so that they, and only they, can change it.
    create table survey_answers (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      survey_id uuid not null references surveys (id),
      answered_on date not null,
      age_band text check (age_band in ('under_13', '13_15', '16_18', '19_25', 'over_25')),
      ratings jsonb not null,
      extra_ratings jsonb not null default '{}',
      free_text text,
      free_text_state text not null default 'none' check (free_text_state in ('none', 'unread', 'read', 'masked')),
      free_text_masked text,
      edit_secret_sha256 text not null unique
    );
    create index survey_answers_survey on survey_answers (survey_id);
  `.execute(db);

  for (const t of ['follow_up_reports', 'surveys']) {
    await sql`alter table ${sql.id(t)} enable row level security`.execute(db);
    await sql`create policy tenant on ${sql.id(t)} using (funder_id = app_funder_id() or organisation_id = any (app_organisation_ids()))`.execute(db);
  }
  await sql`alter table report_reminders enable row level security`.execute(db);
  await sql`create policy tenant on report_reminders using (funder_id = app_funder_id() or report_id in (select id from follow_up_reports))`.execute(db);
  // Answers are read only by the funder's staff (free texts, after reading) and by the server's aggregates;
  // the association sees its results as counts, never rows.
  await sql`alter table survey_answers enable row level security`.execute(db);
  await sql`create policy tenant on survey_answers using (funder_id = app_funder_id())`.execute(db);
  await sql`
    grant select, insert, update on follow_up_reports, surveys, survey_answers to ${role};
    grant select, insert on report_reminders to ${role};
  `.execute(db);

  // Agreements signed before this migration get their reports and survey, as a newly signed one does.
  const { rows } = await sql<{
    id: string;
    funder_id: string;
    application_id: string;
    organisation_id: string;
    content: { periodFrom: string; periodTo: string };
    schedule: ScheduleSpec;
    rules: { followUp?: { reportDueMonths?: number; requireParticipantSurvey?: boolean } };
    budget: { label: string; amount: number }[] | null;
  }>`
    select a.id, a.funder_id, a.application_id, a.organisation_id, a.content, a.schedule, c.rules, ap.content -> 'budget' as budget
      from agreements a join calls c on c.id = a.call_id join applications ap on ap.id = a.application_id
     where a.status = 'signed' order by a.id`.execute(db);
  for (const a of rows) {
    const months = a.rules.followUp?.reportDueMonths ?? 2;
    const content = {
      spending: (a.budget ?? []).map((r) => ({ label: r.label, planned: r.amount, spent: null, fromGrant: null, explanation: '' })),
      activities: [],
      participants: {},
      worked: '',
      didNotWork: '',
      wouldChange: '',
      surveyComment: '',
      attachments: [],
    };
    for (const r of plannedReports({ from: a.content.periodFrom, to: a.content.periodTo }, a.schedule, months)) {
      await sql`
        insert into follow_up_reports (funder_id, agreement_id, application_id, organisation_id, kind, due_on, planned_due_on, content)
        values (${a.funder_id}, ${a.id}, ${a.application_id}, ${a.organisation_id}, ${r.kind}, ${r.dueOn}, ${r.dueOn}, ${JSON.stringify(content)})`.execute(db);
    }
    if (a.rules.followUp?.requireParticipantSurvey) {
      await sql`
        insert into surveys (funder_id, agreement_id, organisation_id, token)
        values (${a.funder_id}, ${a.id}, ${a.organisation_id}, ${randomBytes(16).toString('base64url')})`.execute(db);
    }
  }
}
