import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- What a delegate may decide alone (öre); larger grants go to the committee.
    alter table funders add column delegation_limit bigint not null default 0 check (delegation_limit >= 0);
    -- The committee that decides the funder's grants, named in decisions and letters.
    alter table funders add column decision_body text not null default '';

    -- Each screening is kept; the latest is the application's.
    create table screenings (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      application_id uuid not null references applications (id),
      outcome text not null check (outcome in ('eligible', 'ineligible')),
      rules jsonb not null,
      screened_by uuid references users (id),
      screened_at timestamptz not null default now()
    );
    create index screenings_application on screenings (application_id, screened_at desc);

    create table review_assignments (
      funder_id uuid not null references funders (id),
      application_id uuid not null references applications (id),
      reviewer_id uuid not null references users (id),
      assigned_by uuid references users (id),
      assigned_at timestamptz not null default now(),
      conflict text check (conflict in ('none', 'conflict')),
      conflict_note text,
      declared_at timestamptz,
      submitted_at timestamptz,
      primary key (application_id, reviewer_id),
      -- Nobody scores without first declaring that they have no conflict of interest.
      check (submitted_at is null or conflict = 'none')
    );
    create index review_assignments_reviewer on review_assignments (reviewer_id, assigned_at desc);

    create table review_scores (
      funder_id uuid not null references funders (id),
      application_id uuid not null,
      reviewer_id uuid not null,
      criterion_id text not null,
      score integer not null check (score between 1 and 5),
      comment text not null default '',
      primary key (application_id, reviewer_id, criterion_id),
      foreign key (application_id, reviewer_id) references review_assignments (application_id, reviewer_id)
    );

    -- Each proposal is kept; the latest is the caseworker's current one.
    create table decision_proposals (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      call_id uuid not null references calls (id),
      application_id uuid not null references applications (id),
      amount bigint not null check (amount >= 0),
      reasons text not null,
      proposed_by uuid references users (id),
      proposed_at timestamptz not null default now()
    );
    create index decision_proposals_application on decision_proposals (application_id, proposed_at desc);

    -- A decision is never edited: a later one supersedes it, and both remain.
    create table decisions (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      call_id uuid not null references calls (id),
      application_id uuid not null references applications (id),
      outcome text not null check (outcome in ('approved', 'partially_approved', 'rejected')),
      amount bigint not null check (amount >= 0),
      amount_requested bigint not null,
      reasons text not null,
      conditions text not null default '',
      grant_from date,
      grant_to date,
      made_by text not null check (made_by in ('committee', 'delegate')),
      decision_body text not null,
      paragraph text not null default '',
      decided_on date not null,
      announced_on date not null,
      reservations jsonb not null default '[]',
      supersedes uuid unique references decisions (id),
      recorded_by uuid references users (id),
      recorded_at timestamptz not null default now(),
      check ((outcome = 'rejected') = (amount = 0)),
      check (amount <= amount_requested),
      check (grant_to is null or grant_from <= grant_to)
    );
    create index decisions_call on decisions (call_id, decided_on);
    create index decisions_application on decisions (application_id, recorded_at);

    create function refuse_change() returns trigger language plpgsql as $$
      begin raise exception '% rows are never changed: record a new one', tg_table_name using errcode = 'P0001'; end
    $$;
    create trigger decisions_are_final before update or delete on decisions for each row execute function refuse_change();

    alter table screenings enable row level security;
    create policy tenant on screenings using (funder_id = app_funder_id());
    alter table review_assignments enable row level security;
    create policy tenant on review_assignments using (funder_id = app_funder_id());
    alter table review_scores enable row level security;
    create policy tenant on review_scores using (funder_id = app_funder_id());
    alter table decision_proposals enable row level security;
    create policy tenant on decision_proposals using (funder_id = app_funder_id());
    alter table decisions enable row level security;
    -- The applicant reads the decisions on their own applications.
    create policy tenant on decisions using (funder_id = app_funder_id() or application_id in (select id from applications));

    grant select, insert on screenings, decision_proposals, decisions to samverka_app;
    grant select, insert, update on review_assignments, review_scores to samverka_app;
    grant delete on review_assignments, review_scores to samverka_app;
  `.execute(db);
}
