import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from './0001_foundation.ts';

/** The chain of platform-level events (accounts, organisations) and of every entry made before chains were per funder. */
export const PLATFORM_CHAIN = '00000000-0000-0000-0000-000000000000';

export async function up(db: Kysely<unknown>): Promise<void> {
  const role = sql.id(APP_ROLE);
  await sql`
    -- One hash chain per funder and one for the platform, so one funder's writes never wait for
    -- another's: each chain has its own head row, locked only by appends to that chain.
    create table audit_heads (
      chain uuid primary key,
      seq bigint not null,
      prev text not null,
      hash text not null
    );
    -- The entries made so far stay in one chain, as they were hashed: the platform's.
    insert into audit_heads (chain, seq, prev, hash)
      select ${sql.lit(PLATFORM_CHAIN)}::uuid, h.seq, coalesce((select l.prev_hash from audit_log l where l.seq = h.seq), repeat('0', 64)), h.hash
      from audit_head h;
    drop table audit_head;
    grant select, insert, update on audit_heads to ${role};

    alter table audit_log add column chain uuid not null default ${sql.lit(PLATFORM_CHAIN)}::uuid;
    alter table audit_log alter column chain drop default;
    -- An order across chains, for reading one object's trail page by page (an object's entries may
    -- come from more than one chain: a person's, an organisation's). Not hashed: the chains are.
    alter table audit_log add column position bigint;
    alter table audit_log disable trigger audit_log_no_change;
    update audit_log set position = seq;
    alter table audit_log enable trigger audit_log_no_change;
    create sequence audit_log_position owned by audit_log.position;
    select setval('audit_log_position', coalesce((select max(position) from audit_log), 0) + 1, false);
    alter table audit_log alter column position set default nextval('audit_log_position');
    alter table audit_log alter column position set not null;
    grant usage on sequence audit_log_position to ${role};
    alter table audit_log drop constraint audit_log_pkey;
    alter table audit_log add primary key (chain, seq);
    create unique index audit_log_position_key on audit_log (position);
    drop index audit_log_object;
    create index audit_log_object on audit_log (object_type, object_id, position);

    -- Saves of a draft while someone types, gathered per draft and person and appended to the chain
    -- as one entry: when the draft is submitted, when the person has paused, or when the run grows
    -- old. So typing never waits for the chain's head.
    create table audit_pending (
      action text not null,
      object_type text not null,
      object_id uuid not null,
      actor_id uuid not null,
      actor_label text not null,
      reason text,
      funder_id uuid,
      organisation_id uuid,
      first_at timestamptz not null,
      last_at timestamptz not null,
      saves integer not null,
      data jsonb not null,
      primary key (object_type, object_id, actor_id, action)
    );
    create index audit_pending_due on audit_pending (last_at);
    alter table audit_pending enable row level security;
    create policy tenant on audit_pending
      using (funder_id = app_funder_id() or organisation_id = any (app_organisation_ids()) or actor_id = app_user_id())
      with check (funder_id is null or funder_id = app_funder_id() or organisation_id = any (app_organisation_ids()));
    grant select, insert, update, delete on audit_pending to ${role};
  `.execute(db);
}
