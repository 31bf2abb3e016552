import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- When a closed survey's results were first shown: at its closing with at least the funder's smallest
    -- group of answers, or when the funder lowered that group to its count. A released survey is never
    -- reopened, whatever the smallest group is later set to (src/domain/surveys/anonymity.ts).
    alter table surveys add column released_at timestamptz;
    update surveys s
       set released_at = s.closed_at
     where s.status = 'closed'
       and (select count(*) from survey_answers a where a.survey_id = s.id)
           >= (select greatest(f.survey_min_group, 3) from funders f where f.id = s.funder_id);
  `.execute(db);
}
