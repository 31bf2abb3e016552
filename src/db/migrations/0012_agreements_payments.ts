import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from './0001_foundation.ts';

// Agreements, payout accounts, payment schedules and runs, the ledger and recoveries (issue 12).
export async function up(db: Kysely<unknown>): Promise<void> {
  const role = sql.id(APP_ROLE);
  await sql`
    -- The agreement made from a granted decision: one per application. Its content is edited only as a
    -- draft; once both parties have signed, changes are amendments (agreement_amendments).
    create table agreements (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      application_id uuid not null unique references applications (id),
      decision_id uuid not null references decisions (id),
      organisation_id uuid not null references organisations (id),
      call_id uuid not null references calls (id),
      number text not null,
      kind text not null check (kind in ('assignment', 'iop')),
      status text not null default 'draft' check (status in ('draft', 'signed')),
      version integer not null default 1,
      amount bigint not null check (amount > 0),
      content jsonb not null,
      schedule jsonb not null,
      -- SHA-256 of what a signature accepts now (kind, amount, content, schedule): src/server/agreements/store.ts.
      content_sha256 text not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      signed_at timestamptz,
      document_file_id uuid references files (id),
      document_sha256 text,
      unique (funder_id, number)
    );
    create index agreements_organisation on agreements (organisation_id);

    -- A signed agreement is never edited: amendments move its version on, and a superseding decision its
    -- amount (recorded as an amendment too).
    create function agreement_is_frozen() returns trigger language plpgsql as $$
    begin
      if old.status = 'signed' and (new.content is distinct from old.content or new.schedule is distinct from old.schedule
          or new.kind is distinct from old.kind or new.status is distinct from old.status) then
        raise exception 'a signed agreement is changed only by an amendment';
      end if;
      return new;
    end $$;
    create trigger agreement_is_frozen before update on agreements for each row execute function agreement_is_frozen();

    -- Each party's acceptance of one exact content (its SHA-256): an edit of the draft leaves older
    -- acceptances behind, and the agreement is signed when both parties have accepted the same content.
    create table agreement_signatures (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      agreement_id uuid not null references agreements (id),
      party text not null check (party in ('funder', 'organisation')),
      content_sha256 text not null,
      user_id uuid not null references users (id),
      signer_name text not null,
      signer_role text not null,
      method text not null default 'in_app',
      signed_at timestamptz not null default now(),
      unique (agreement_id, party, content_sha256)
    );

    create table agreement_comments (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      agreement_id uuid not null references agreements (id),
      party text not null check (party in ('funder', 'organisation')),
      author_id uuid references users (id),
      author_name text not null,
      body text not null,
      created_at timestamptz not null default now()
    );

    create table agreement_amendments (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      agreement_id uuid not null references agreements (id),
      version integer not null,
      reason text not null,
      content jsonb not null,
      changes jsonb not null,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      unique (agreement_id, version)
    );

    -- An organisation's bankgiro or plusgiro as this funder has it. Payments go only to the approved
    -- one; a new one waits for a second person's approval, and while it waits nothing is paid.
    create table payout_accounts (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      organisation_id uuid not null references organisations (id),
      kind text not null check (kind in ('bankgiro', 'plusgiro')),
      number text not null check (number ~ '^[0-9]{2,8}$'),
      holder_org_number text not null,
      status text not null check (status in ('pending', 'approved', 'rejected', 'replaced')),
      source text not null check (source in ('eligibility', 'organisation', 'funder')),
      requested_by uuid references users (id),
      requested_at timestamptz not null default now(),
      decided_by uuid references users (id),
      decided_at timestamptz,
      decision_note text
    );
    create unique index payout_accounts_one_approved on payout_accounts (funder_id, organisation_id) where status = 'approved';
    create unique index payout_accounts_one_pending on payout_accounts (funder_id, organisation_id) where status = 'pending';

    -- Where a budget line's payments are booked: Kommun-Bas account and the funder's own objects.
    alter table budget_lines add column accounting jsonb;

    -- The funder's bank and accounting settings for payment files (each bank's identifiers differ).
    create table funder_payment_settings (
      funder_id uuid primary key references funders (id),
      debtor_name text not null,
      debtor_org_number text not null,
      debtor_account_kind text not null check (debtor_account_kind in ('bankgiro', 'plusgiro', 'iban')),
      debtor_account_number text not null,
      debtor_bic text,
      initiating_party_id text not null,
      initiating_party_scheme text not null default 'BANK',
      voucher_series text not null default 'B',
      credit_account text not null default '2441',
      default_accounting jsonb not null,
      updated_by uuid references users (id),
      updated_at timestamptz not null default now()
    );

    -- An agreement's payment schedule: one row per instalment. due_on is null until its condition is met.
    create table instalments (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      agreement_id uuid not null references agreements (id),
      organisation_id uuid not null references organisations (id),
      number integer not null,
      amount bigint not null check (amount > 0),
      condition text not null check (condition in ('on_signing', 'after_interim_report', 'on_date')),
      condition_date date,
      due_on date,
      status text not null default 'planned' check (status in ('planned', 'due', 'in_run', 'sent', 'paid', 'cancelled')),
      last_reason text,
      paid_on date,
      released_by uuid references users (id),
      released_at timestamptz,
      unique (agreement_id, number)
    );
    create index instalments_due on instalments (funder_id, due_on) where status = 'due';

    -- A payment run: prepared by one person (kontrollattest), approved by another (beslutsattest).
    -- Its files are written again from its payments whenever asked; their hashes at approval prove
    -- that a later copy is the file that was sent.
    create table payment_runs (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      number text not null,
      status text not null check (status in ('prepared', 'approved', 'cancelled')),
      execution_date date not null,
      count integer not null,
      total bigint not null,
      message_id text not null,
      prepared_by uuid not null references users (id),
      prepared_at timestamptz not null,
      approved_by uuid references users (id),
      approved_at timestamptz,
      cancelled_by uuid references users (id),
      cancelled_at timestamptz,
      settings jsonb,
      files jsonb,
      unique (funder_id, number),
      check (approved_by is null or approved_by <> prepared_by)
    );

    -- One attempt to pay one instalment, with the payee and account as they were when the run was made.
    create table payments (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      run_id uuid not null references payment_runs (id),
      position integer not null,
      instalment_id uuid not null references instalments (id),
      agreement_id uuid not null references agreements (id),
      organisation_id uuid not null references organisations (id),
      payout_account_id uuid not null references payout_accounts (id),
      amount bigint not null check (amount > 0),
      payee_name text not null,
      payee_org_number text not null,
      account_kind text not null,
      account_number text not null,
      end_to_end_id text not null,
      remittance text not null,
      agreement_number text not null,
      accounting jsonb not null,
      status text not null check (status in ('in_run', 'sent', 'paid', 'rejected', 'withdrawn')),
      reason_code text,
      reason_text text,
      settled_on date,
      unique (run_id, position),
      unique (funder_id, end_to_end_id)
    );
    -- The last guard against paying twice: an instalment has at most one payment that is not rejected or withdrawn.
    create unique index payments_once on payments (instalment_id) where status in ('in_run', 'sent', 'paid');
    create index payments_run on payments (run_id, position);

    -- Recovery (återkrav): a reasoned decision to reclaim money, and what has come back.
    create table recoveries (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      number text not null,
      agreement_id uuid not null references agreements (id),
      organisation_id uuid not null references organisations (id),
      amount bigint not null check (amount > 0),
      grounds text not null check (grounds in ('unused', 'unreported', 'misused')),
      reasons text not null,
      pay_by date not null,
      decided_on date not null,
      decided_by uuid references users (id),
      letter_file_id uuid references files (id),
      created_at timestamptz not null default now(),
      unique (funder_id, number)
    );
    create table recovery_repayments (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      recovery_id uuid not null references recoveries (id),
      amount bigint not null check (amount > 0),
      received_on date not null,
      recorded_by uuid references users (id),
      recorded_at timestamptz not null default now()
    );

    -- The ledger: append-only journals of lines in öre, each journal summing to zero (src/domain/ledger.ts).
    create table ledger_entries (
      id uuid primary key default gen_random_uuid(),
      funder_id uuid not null references funders (id),
      journal_id uuid not null,
      at timestamptz not null,
      account text not null check (account in ('budget', 'granted', 'committed', 'paid', 'receivable', 'recovered')),
      amount bigint not null,
      budget_line_id uuid references budget_lines (id),
      call_id uuid not null references calls (id),
      application_id uuid not null references applications (id),
      agreement_id uuid references agreements (id),
      organisation_id uuid not null references organisations (id),
      source text not null,
      source_id uuid not null,
      created_by uuid references users (id)
    );
    create index ledger_entries_application on ledger_entries (application_id);
    create index ledger_entries_line on ledger_entries (funder_id, budget_line_id);

    create function ledger_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'ledger entries are appended, never changed';
    end $$;
    create trigger ledger_is_append_only before update or delete on ledger_entries for each row execute function ledger_is_append_only();

    -- Every statement that appends to the ledger appends whole journals: each must sum to zero.
    create function ledger_journals_balance() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from appended group by journal_id having sum(amount) <> 0) then
        raise exception 'a ledger journal does not balance';
      end if;
      return null;
    end $$;
    create trigger ledger_journals_balance after insert on ledger_entries referencing new table as appended
      for each statement execute function ledger_journals_balance();

    -- The accounts already approved with an organisation's eligibility become its verified payout accounts:
    -- the applicant entered them and a caseworker approved them.
    insert into payout_accounts (funder_id, organisation_id, kind, number, holder_org_number, status, source, requested_at, decided_by, decided_at)
    select distinct on (e.funder_id, e.organisation_id) e.funder_id, e.organisation_id, e.payout_kind, regexp_replace(e.payout_number, '[^0-9]', '', 'g'),
           o.org_number, 'approved', 'eligibility', e.submitted_at, e.decided_by, e.decided_at
      from eligibility_approvals e join organisations o on o.id = e.organisation_id
     where e.status = 'approved' and e.payout_kind is not null and e.payout_number is not null
     order by e.funder_id, e.organisation_id, e.decided_at desc;

    -- The ledger of the decisions already taken: what each current decision grants.
    insert into ledger_entries (funder_id, journal_id, at, account, amount, budget_line_id, call_id, application_id, organisation_id, source, source_id, created_by)
    select d.funder_id, d.id, d.recorded_at, x.account, x.amount, c.budget_line_id, d.call_id, d.application_id, a.organisation_id, 'decision', d.id, d.recorded_by
      from decisions d
      join calls c on c.id = d.call_id
      join applications a on a.id = d.application_id
      cross join lateral (values ('budget', -d.amount), ('granted', d.amount)) as x (account, amount)
     where d.amount > 0 and not exists (select 1 from decisions s where s.supersedes = d.id);
  `.execute(db);

  // The funder's staff see their own; the organisation's members see what concerns it.
  for (const t of ['agreements', 'payout_accounts', 'instalments', 'recoveries', 'ledger_entries']) {
    await sql`alter table ${sql.id(t)} enable row level security`.execute(db);
    await sql`create policy tenant on ${sql.id(t)} using (funder_id = app_funder_id() or organisation_id = any (app_organisation_ids()))`.execute(db);
  }
  // Tables whose rows name no organisation: through the agreement or recovery they belong to.
  for (const t of ['agreement_signatures', 'agreement_comments', 'agreement_amendments']) {
    await sql`alter table ${sql.id(t)} enable row level security`.execute(db);
    await sql`create policy tenant on ${sql.id(t)} using (funder_id = app_funder_id() or agreement_id in (select id from agreements))`.execute(db);
  }
  await sql`alter table recovery_repayments enable row level security`.execute(db);
  await sql`create policy tenant on recovery_repayments using (funder_id = app_funder_id() or recovery_id in (select id from recoveries))`.execute(db);
  for (const t of ['funder_payment_settings', 'payment_runs', 'payments']) {
    await sql`alter table ${sql.id(t)} enable row level security`.execute(db);
    await sql`create policy tenant on ${sql.id(t)} using (funder_id = app_funder_id())`.execute(db);
  }
  await sql`
    grant select, insert, update on agreements, payout_accounts, instalments, funder_payment_settings, payment_runs, payments to ${role};
    grant select, insert on agreement_signatures, agreement_comments, agreement_amendments, recoveries, recovery_repayments, ledger_entries to ${role};
  `.execute(db);
}
