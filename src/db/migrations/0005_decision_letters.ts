import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Documents sent with a mail (the decision letter as it was sent): [{ "fileId": uuid, "name": text }].
    alter table outbox add column attachments jsonb not null default '[]';
    -- The letter as sent is kept with the decision; the applicant's organisation and the funder can read it.
    alter table decisions add column letter_file_id uuid references files (id);
  `.execute(db);
}
