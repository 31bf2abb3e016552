import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Submitting now shares the application's documents with the funder. Applications submitted before
    -- did not: share their attachments and file answers, where the file is the applying organisation's own.
    insert into file_grants (file_id, funder_id)
    select distinct f.id, a.funder_id
    from applications a
    cross join lateral (
      select x ->> 'fileId' as file_id from jsonb_array_elements(coalesce(a.submitted_content -> 'attachments', '[]'::jsonb)) x
      union
      select v #>> '{}' from jsonb_each(coalesce(a.submitted_content -> 'answers', '{}'::jsonb)) as e(k, v) where jsonb_typeof(v) = 'string'
    ) d
    join files f on f.id::text = d.file_id and f.organisation_id = a.organisation_id
    where a.submitted_content is not null
    on conflict do nothing;
  `.execute(db);
}
