import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table applications (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      call_id uuid not null references calls (id),
      organisation_id uuid not null references organisations (id),
      organisation_name text not null,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'withdrawn')),
      title text not null default '',
      amount_requested bigint not null default 0,
      content jsonb not null,
      version integer not null default 1,
      created_by uuid references users (id),
      updated_by uuid references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      case_number text,
      submitted_at timestamptz,
      submitted_content jsonb,
      submit_key text,
      withdrawn_at timestamptz,
      withdraw_reason text,
      search tsvector generated always as (to_tsvector('simple', coalesce(title, '') || ' ' || organisation_name)) stored,
      unique (funder_id, case_number)
    );
    create unique index applications_one_per_call on applications (call_id, organisation_id) where status <> 'withdrawn';
    create index applications_inbox on applications (funder_id, submitted_at desc, id desc) where status <> 'draft';
    create index applications_search on applications using gin (search);

    create table application_partners (
      application_id uuid not null references applications (id),
      organisation_id uuid not null references organisations (id),
      funder_id uuid not null references funders (id),
      primary key (application_id, organisation_id)
    );

    create table case_number_series (
      funder_id uuid not null references funders (id),
      year integer not null,
      last integer not null default 0,
      primary key (funder_id, year)
    );

    create table completion_requests (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      application_id uuid not null references applications (id),
      message text not null,
      reply_by date not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      answer text,
      answer_files jsonb not null default '[]',
      answered_by uuid references users (id),
      answered_at timestamptz,
      request_key text
    );
    create unique index completion_requests_key on completion_requests (application_id, request_key) where request_key is not null;
    create index completion_requests_application on completion_requests (application_id, created_at);
  `.execute(db);

  await sql`
    create function app_partner_application_ids() returns setof uuid language sql stable security definer set search_path = public as
      $$ select application_id from application_partners where organisation_id = any (app_organisation_ids()) $$;

    -- A document goes to each funder it is submitted to; no funder's access takes another's away.
    create table file_grants (
      file_id uuid not null references files (id),
      funder_id uuid not null references funders (id),
      primary key (file_id, funder_id)
    );
    insert into file_grants (file_id, funder_id) select id, funder_id from files where funder_id is not null;
    create function app_granted_file_ids() returns setof uuid language sql stable security definer set search_path = public as
      $$ select file_id from file_grants where funder_id = app_funder_id() $$;
    create function app_own_file_ids() returns setof uuid language sql stable security definer set search_path = public as
      $$ select id from files where organisation_id = any (app_organisation_ids()) $$;
    alter table file_grants enable row level security;
    create policy tenant on file_grants using (funder_id = app_funder_id() or file_id in (select app_own_file_ids()));
    drop policy owner_or_funder on files;
    create policy owner_or_funder on files
      using (organisation_id = any (app_organisation_ids()) or funder_id = app_funder_id() or id in (select app_granted_file_ids()));
    grant select, insert on file_grants to samverka_app;

    -- A published call is public: applicants' transactions read its rules.
    create policy published_read on calls for select using (status = 'published');

    alter table applications enable row level security;
    create policy tenant on applications
      using (funder_id = app_funder_id() or organisation_id = any (app_organisation_ids()) or id in (select app_partner_application_ids()));

    alter table application_partners enable row level security;
    create policy tenant on application_partners
      using (funder_id = app_funder_id() or organisation_id = any (app_organisation_ids())
        or application_id in (select id from applications where organisation_id = any (app_organisation_ids())));

    alter table case_number_series enable row level security;
    create policy tenant on case_number_series using (funder_id = app_funder_id());

    alter table completion_requests enable row level security;
    create policy tenant on completion_requests
      using (funder_id = app_funder_id() or application_id in (select id from applications));

    -- Applicants' transactions cannot see the funder's series; this takes the next number for them.
    -- The row lock orders concurrent submissions, and a rolled-back submission gives its number back,
    -- so the series has no gaps and no duplicates.
    create function next_case_number(funder uuid, for_year integer) returns integer language sql volatile security definer set search_path = public as $$
      insert into case_number_series as s (funder_id, year, last) values (funder, for_year, 1)
      on conflict (funder_id, year) do update set last = s.last + 1
      returning last
    $$;
    revoke all on function next_case_number(uuid, integer) from public;
    grant execute on function next_case_number(uuid, integer) to samverka_app;

    grant select, insert, update on applications, application_partners, completion_requests to samverka_app;
    grant delete on application_partners to samverka_app;
    grant select on case_number_series to samverka_app;
  `.execute(db);
}
