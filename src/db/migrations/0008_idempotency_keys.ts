import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The Idempotency-Key of a state-changing request: per person, what the request was (a fingerprint of
    -- its method, address and body) and, once it succeeded, the answer a retry gets again. Read and written
    -- by the server as the schema owner only; kept for a day.
    create table idempotency_keys (
      user_id uuid not null references users (id) on delete cascade,
      key text not null,
      fingerprint text not null,
      status_code integer,
      content_type text,
      body text,
      created_at timestamptz not null default now(),
      primary key (user_id, key)
    );
    alter table idempotency_keys enable row level security;
  `.execute(db);
}
