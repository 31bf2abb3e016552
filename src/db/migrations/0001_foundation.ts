import { type Kysely, sql } from 'kysely';

export const APP_ROLE = 'samverka_app';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      if not exists (select from pg_roles where rolname = 'samverka_app') then
        create role samverka_app nologin;
      end if;
    end $$;
  `.execute(db);
  // The connecting owner must be able to SET ROLE to the application role;
  // a superuser can already, a plain owner needs membership.
  await sql`
    do $$ begin
      if not (select rolsuper from pg_roles where rolname = current_user) then
        execute format('grant samverka_app to %I', current_user);
      end if;
    end $$;
  `.execute(db);

  await sql`
    create function app_funder_id() returns uuid language sql stable as
      $$ select nullif(current_setting('app.funder_id', true), '')::uuid $$;
    create function app_user_id() returns uuid language sql stable as
      $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;
    create function app_organisation_ids() returns uuid[] language sql stable as
      $$ select coalesce(string_to_array(nullif(current_setting('app.organisation_ids', true), ''), ',')::uuid[], '{}') $$;

    create table organisations (
      id uuid primary key default gen_random_uuid(),
      org_number text not null unique,
      name text not null,
      legal_form text not null,
      municipality text,
      created_at timestamptz not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      password_hash text,
      locale text not null default 'sv' check (locale in ('sv', 'en')),
      failed_logins integer not null default 0,
      locked_until timestamptz,
      disabled_at timestamptz,
      created_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));

    create table funders (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      name text not null,
      kind text not null check (kind in ('municipal', 'state', 'other')),
      case_prefix text not null,
      created_at timestamptz not null default now()
    );

    create table funder_memberships (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      user_id uuid not null references users (id),
      role text not null check (role in ('caseworker', 'reviewer', 'decision_maker', 'finance', 'analyst', 'administrator')),
      created_at timestamptz not null default now(),
      unique (funder_id, user_id, role)
    );

    create table organisation_memberships (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      user_id uuid not null references users (id),
      created_at timestamptz not null default now(),
      unique (organisation_id, user_id)
    );

    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      via text not null default 'password'
    );
    create index sessions_user on sessions (user_id);

    create table auth_tokens (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      kind text not null check (kind in ('password_reset', 'invitation')),
      email text not null,
      user_id uuid references users (id),
      funder_id uuid references funders (id),
      role text,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );

    create table oidc_providers (
      funder_id uuid primary key references funders (id),
      issuer text not null,
      client_id text not null,
      client_secret_env text not null,
      display_name text not null,
      enabled boolean not null default true
    );

    create table outbox (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid references funders (id),
      to_address text not null,
      subject text not null,
      body_text text not null,
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'local', 'failed')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      claimed_at timestamptz,
      sent_at timestamptz
    );
    create index outbox_pending on outbox (created_at) where status in ('pending', 'sending');

    create table audit_head (
      id integer primary key check (id = 1),
      seq bigint not null,
      hash text not null
    );
    insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));

    create table audit_log (
      seq bigint primary key,
      id uuid not null unique,
      at timestamptz not null,
      actor_id uuid,
      actor_label text not null,
      funder_id uuid,
      organisation_id uuid,
      action text not null,
      object_type text not null,
      object_id uuid,
      reason text,
      data jsonb not null,
      prev_hash text not null,
      hash text not null
    );
    create index audit_log_object on audit_log (object_type, object_id, seq);

    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$;
    create trigger audit_log_no_change before update or delete on audit_log
      for each statement execute function audit_log_is_append_only();
  `.execute(db);

  // Row-level security: the second wall behind the application's own checks.
  await sql`
    alter table funder_memberships enable row level security;
    create policy tenant on funder_memberships
      using (funder_id = app_funder_id() or user_id = app_user_id());

    alter table auth_tokens enable row level security;
    create policy tenant on auth_tokens using (funder_id = app_funder_id());

    alter table oidc_providers enable row level security;
    create policy tenant on oidc_providers using (funder_id = app_funder_id());

    alter table outbox enable row level security;
    create policy tenant_read on outbox for select using (funder_id = app_funder_id());
    create policy tenant_write on outbox for insert
      with check (funder_id is null or funder_id = app_funder_id());

    alter table audit_log enable row level security;
    create policy tenant_read on audit_log for select
      using (funder_id = app_funder_id()
        or organisation_id = any (app_organisation_ids())
        or (funder_id is null and organisation_id is null and actor_id = app_user_id()));
    create policy tenant_write on audit_log for insert
      with check (funder_id is null or funder_id = app_funder_id());

    alter table organisation_memberships enable row level security;
    create policy member on organisation_memberships
      using (user_id = app_user_id() or organisation_id = any (app_organisation_ids()));

    grant usage on schema public to samverka_app;
    grant select, insert, update, delete on organisations, users, funders, funder_memberships,
      organisation_memberships, sessions, auth_tokens, oidc_providers, outbox to samverka_app;
    grant select, insert on audit_log to samverka_app;
    grant select, update on audit_head to samverka_app;
  `.execute(db);
}
