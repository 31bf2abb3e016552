import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from './0001_foundation.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const role = sql.id(APP_ROLE);
  await sql`
    -- How each person wants to hear of each event; no row: the event's default (src/domain/notifications.ts).
    create table notification_preferences (
      user_id uuid not null references users (id) on delete cascade,
      event text not null,
      delivery text not null check (delivery in ('each', 'digest', 'none')),
      updated_at timestamptz not null default now(),
      primary key (user_id, event)
    );
    alter table notification_preferences enable row level security;
    create policy own on notification_preferences using (user_id = app_user_id()) with check (user_id = app_user_id());
    grant select, insert, update, delete on notification_preferences to ${role};

    -- Events waiting for their person's daily digest. The texts are made when the digest is, in the
    -- person's language then, from what the event names here.
    create table notification_events (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      funder_id uuid not null references funders (id),
      event text not null,
      object_id uuid not null,
      data jsonb not null,
      link text not null,
      created_at timestamptz not null default now(),
      digest_id uuid
    );
    create index notification_events_waiting on notification_events (user_id, created_at) where digest_id is null;
    alter table notification_events enable row level security;
    -- Written by the command of the event, whoever acts (an applicant submitting); read only by the digest job.
    create policy queue on notification_events for insert with check (true);
    grant insert on notification_events to ${role};

    -- One digest per person and day: the row is written in the same transaction as the digest's mail,
    -- so a job run twice, or after a restart, finds the day done.
    create table notification_digests (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      day date not null,
      outbox_id uuid,
      events integer not null,
      created_at timestamptz not null default now(),
      unique (user_id, day)
    );

    -- The caseworkers' queue of approval requests waiting (src/server/work/queues.ts), oldest first.
    create index eligibility_approvals_waiting on eligibility_approvals (funder_id, submitted_at) where status = 'submitted';
  `.execute(db);
}
