import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table programmes (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      name text not null,
      description text not null default '',
      start_year integer not null,
      end_year integer not null check (end_year >= start_year),
      amount bigint not null check (amount >= 0),
      funding_source text not null default '',
      created_at timestamptz not null default now()
    );

    create table budget_lines (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      programme_id uuid not null references programmes (id),
      name text not null,
      amount bigint not null check (amount >= 0),
      position integer not null
    );
    create index budget_lines_programme on budget_lines (programme_id, position);

    create table calls (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      budget_line_id uuid references budget_lines (id),
      status text not null default 'draft' check (status in ('draft', 'published')),
      version integer not null default 1,
      title text not null,
      amount bigint not null default 0 check (amount >= 0),
      opens_on date,
      deadline date,
      rules jsonb not null,
      published_at timestamptz,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index calls_funder on calls (funder_id, status);
    create index calls_public on calls (deadline) where status = 'published';

    create table call_amendments (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      call_id uuid not null references calls (id),
      version integer not null,
      reason text not null,
      changes jsonb not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      unique (call_id, version)
    );

    create table activity_types (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid references funders (id),
      key text not null,
      label_sv text not null,
      label_en text not null,
      description text not null default '',
      status text not null default 'active' check (status in ('active', 'proposed', 'declined')),
      proposed_by_organisation uuid references organisations (id),
      decided_by uuid references users (id),
      created_at timestamptz not null default now()
    );
    create unique index activity_types_base_key on activity_types (key) where funder_id is null;
    create unique index activity_types_funder_key on activity_types (funder_id, key) where funder_id is not null;

    create table files (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      funder_id uuid references funders (id),
      name text not null,
      content_type text not null,
      size integer not null,
      sha256 text not null,
      data bytea not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now()
    );

    create table eligibility_approvals (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      organisation_id uuid not null references organisations (id),
      status text not null check (status in ('submitted', 'needs_more', 'approved', 'rejected')),
      year integer not null,
      statutes_file uuid references files (id),
      annual_report_file uuid references files (id),
      accounts_file uuid references files (id),
      board jsonb not null default '[]',
      member_count integer,
      payout_kind text check (payout_kind in ('bankgiro', 'plusgiro')),
      payout_number text,
      request_note text,
      submitted_at timestamptz not null default now(),
      decided_at timestamptz,
      decided_by uuid references users (id),
      valid_until date,
      unique (funder_id, organisation_id, year)
    );
  `.execute(db);

  await sql`
    alter table programmes enable row level security;
    create policy tenant on programmes using (funder_id = app_funder_id());
    alter table budget_lines enable row level security;
    create policy tenant on budget_lines using (funder_id = app_funder_id());
    alter table calls enable row level security;
    create policy tenant on calls using (funder_id = app_funder_id());
    alter table call_amendments enable row level security;
    create policy tenant on call_amendments using (funder_id = app_funder_id());

    alter table activity_types enable row level security;
    create policy read on activity_types for select
      using (funder_id is null or funder_id = app_funder_id() or proposed_by_organisation = any (app_organisation_ids()));
    create policy propose on activity_types for insert
      with check (funder_id = app_funder_id() or (status = 'proposed' and proposed_by_organisation = any (app_organisation_ids())));
    create policy decide on activity_types for update using (funder_id = app_funder_id());

    alter table files enable row level security;
    create policy owner_or_funder on files
      using (organisation_id = any (app_organisation_ids()) or funder_id = app_funder_id());

    alter table eligibility_approvals enable row level security;
    create policy owner_or_funder on eligibility_approvals
      using (organisation_id = any (app_organisation_ids()) or funder_id = app_funder_id());

    -- An organisation's own actions (a proposal, an eligibility submission) are audited under its funder too.
    drop policy tenant_write on audit_log;
    create policy tenant_write on audit_log for insert
      with check (funder_id is null or funder_id = app_funder_id() or organisation_id = any (app_organisation_ids()));

    grant select, insert, update on programmes, budget_lines, calls, call_amendments, activity_types, files, eligibility_approvals to samverka_app;
  `.execute(db);
}
