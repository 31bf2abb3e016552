import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Numbered series per funder, kind and year: applications' case numbers today, agreements, payment
    -- runs and recoveries next. Each number is taken under the series row's lock, and a rolled-back
    -- transaction gives its number back, so a series has no gaps and no duplicates.
    create table numbered_series (
      funder_id uuid not null references funders (id),
      kind text not null check (kind in ('application', 'agreement', 'payment_run', 'recovery')),
      year integer not null,
      last integer not null default 0,
      primary key (funder_id, kind, year)
    );
    insert into numbered_series (funder_id, kind, year, last) select funder_id, 'application', year, last from case_number_series;
    alter table numbered_series enable row level security;
    create policy tenant on numbered_series using (funder_id = app_funder_id());
    grant select on numbered_series to samverka_app;

    -- Applicants' transactions cannot see the funder's series; this takes the next number for them.
    create function next_number(funder uuid, series text, for_year integer) returns integer language sql volatile security definer set search_path = public as $$
      insert into numbered_series as s (funder_id, kind, year, last) values (funder, series, for_year, 1)
      on conflict (funder_id, kind, year) do update set last = s.last + 1
      returning last
    $$;
    revoke all on function next_number(uuid, text, integer) from public;
    grant execute on function next_number(uuid, text, integer) to samverka_app;

    -- How a number of a series is written, in one place: the funder's prefix, the year and five digits
    -- ("SN 2022/00123" for an application); a kind other than applications puts its letter before the year.
    create function series_label(prefix text, series text, for_year integer, n integer) returns text language sql immutable as $$
      select prefix || ' ' || case series when 'application' then '' when 'agreement' then 'A' when 'payment_run' then 'U' else 'R' end
             || for_year::text || '/' || lpad(n::text, 5, '0')
    $$;
    grant execute on function series_label(text, text, integer, integer) to samverka_app;

    drop function next_case_number(uuid, integer);
    drop table case_number_series;
  `.execute(db);
}
