import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A draft review keeps a comment on a criterion not yet scored; a submitted review scores every criterion.
    alter table review_scores alter column score drop not null;
  `.execute(db);
}
