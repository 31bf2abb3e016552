import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AgreementContent, AgreementKind } from '../domain/agreements.ts';
import type { ApplicationContent } from '../domain/applications/types.ts';
import type { DecisionOutcome, Reservation, ScreenedRule } from '../domain/assessment/types.ts';
import type { CallRules } from '../domain/calls/types.ts';
import type { BoardMember } from '../domain/eligibility.ts';
import type { AgeBand, ReportContent, ReportKind, ReportStatus } from '../domain/follow-up/reports.ts';
import type { LedgerAccount } from '../domain/ledger.ts';
import type { Ore } from '../domain/money.ts';
import type { NotificationDelivery, NotificationEvent } from '../domain/notifications.ts';
import type { NumberedSeries } from '../domain/numbering.ts';
import type { InstalmentCondition, ScheduleSpec } from '../domain/payments/schedule.ts';
import type { Accounting, PayerSettings } from '../domain/payments/types.ts';
import type { FunderRole } from '../domain/roles.ts';
import type { ExtraQuestion, FreeTextState, ScaleValue, StandardQuestion } from '../domain/surveys/questions.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganisationsTable {
  id: Generated<string>;
  org_number: string;
  name: string;
  legal_form: string;
  municipality: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Generated<'sv' | 'en'>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface FundersTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  kind: 'municipal' | 'state' | 'other';
  case_prefix: string;
  created_at: CreatedAt;
  delegation_limit: Generated<Ore>;
  decision_body: Generated<string>;
  survey_min_group: Generated<number>;
  report_deviation_percent: Generated<number>;
  report_reminder_days: Generated<number>;
}

export interface FunderMembershipsTable {
  id: Generated<string>;
  funder_id: string;
  user_id: string;
  role: FunderRole;
  created_at: CreatedAt;
}

export interface OrganisationMembershipsTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  via: Generated<'password' | 'oidc'>;
}

export interface AuthTokensTable {
  id: Generated<string>;
  token_hash: string;
  kind: 'password_reset' | 'invitation';
  email: string;
  user_id: string | null;
  funder_id: string | null;
  role: FunderRole | null;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface OidcProvidersTable {
  funder_id: string;
  issuer: string;
  client_id: string;
  client_secret_env: string;
  display_name: string;
  enabled: Generated<boolean>;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'local' | 'failed';

export interface OutboxTable {
  id: Generated<string>;
  funder_id: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
  attachments: ColumnType<MailAttachment[], string | undefined, string>;
}

export interface MailAttachment {
  fileId: string;
  name: string;
}

/** The newest entry of one chain: a funder's, or the platform's (PLATFORM_CHAIN). */
export interface AuditHeadsTable {
  chain: string;
  seq: number;
  /** The previous entry's hash, so the append that moves the head can link the new entry to it. */
  prev: string;
  hash: string;
}

export interface AuditLogTable {
  chain: string;
  seq: number;
  /** An order across chains, for reading a trail page by page; not hashed. */
  position: Generated<number>;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  funder_id: string | null;
  organisation_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  reason: string | null;
  data: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

/** A run of draft saves by one person, not yet appended to the chain. */
export interface AuditPendingTable {
  action: string;
  object_type: string;
  object_id: string;
  actor_id: string;
  actor_label: string;
  reason: string | null;
  funder_id: string | null;
  organisation_id: string | null;
  first_at: Date;
  last_at: Date;
  saves: number;
  data: ColumnType<Record<string, unknown>, string, string>;
}

export interface DB {
  organisations: OrganisationsTable;
  users: UsersTable;
  funders: FundersTable;
  funder_memberships: FunderMembershipsTable;
  organisation_memberships: OrganisationMembershipsTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  oidc_providers: OidcProvidersTable;
  outbox: OutboxTable;
  audit_heads: AuditHeadsTable;
  audit_log: AuditLogTable;
  audit_pending: AuditPendingTable;
  programmes: ProgrammesTable;
  budget_lines: BudgetLinesTable;
  calls: CallsTable;
  call_amendments: CallAmendmentsTable;
  activity_types: ActivityTypesTable;
  files: FilesTable;
  eligibility_approvals: EligibilityApprovalsTable;
  applications: ApplicationsTable;
  application_partners: ApplicationPartnersTable;
  numbered_series: NumberedSeriesTable;
  completion_requests: CompletionRequestsTable;
  file_grants: FileGrantsTable;
  screenings: ScreeningsTable;
  review_assignments: ReviewAssignmentsTable;
  review_scores: ReviewScoresTable;
  decision_proposals: DecisionProposalsTable;
  decisions: DecisionsTable;
  idempotency_keys: IdempotencyKeysTable;
  notification_preferences: NotificationPreferencesTable;
  notification_events: NotificationEventsTable;
  notification_digests: NotificationDigestsTable;
  agreements: AgreementsTable;
  agreement_signatures: AgreementSignaturesTable;
  agreement_comments: AgreementCommentsTable;
  agreement_amendments: AgreementAmendmentsTable;
  payout_accounts: PayoutAccountsTable;
  funder_payment_settings: FunderPaymentSettingsTable;
  instalments: InstalmentsTable;
  payment_runs: PaymentRunsTable;
  payments: PaymentsTable;
  recoveries: RecoveriesTable;
  recovery_repayments: RecoveryRepaymentsTable;
  ledger_entries: LedgerEntriesTable;
  follow_up_reports: FollowUpReportsTable;
  report_reminders: ReportRemindersTable;
  surveys: SurveysTable;
  survey_answers: SurveyAnswersTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type NewOutbox = Insertable<OutboxTable>;

export interface ProgrammesTable {
  id: Generated<string>;
  funder_id: string;
  name: string;
  description: Generated<string>;
  start_year: number;
  end_year: number;
  amount: Ore;
  funding_source: Generated<string>;
  created_at: CreatedAt;
}

export interface BudgetLinesTable {
  id: Generated<string>;
  funder_id: string;
  programme_id: string;
  name: string;
  amount: Ore;
  position: number;
  accounting: ColumnType<Accounting | null, string | null | undefined, string | null>;
}

export interface CallsTable {
  id: Generated<string>;
  funder_id: string;
  budget_line_id: string | null;
  status: Generated<'draft' | 'published'>;
  version: Generated<number>;
  title: string;
  amount: Generated<Ore>;
  opens_on: string | null;
  deadline: string | null;
  rules: ColumnType<CallRules, string, string>;
  published_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CallAmendmentsTable {
  id: Generated<string>;
  funder_id: string;
  call_id: string;
  version: number;
  reason: string;
  changes: ColumnType<Record<string, { before: unknown; after: unknown }>, string, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ActivityTypesTable {
  id: Generated<string>;
  funder_id: string | null;
  key: string;
  label_sv: string;
  label_en: string;
  description: Generated<string>;
  status: Generated<'active' | 'proposed' | 'declined'>;
  proposed_by_organisation: string | null;
  decided_by: string | null;
  created_at: CreatedAt;
}

export interface FilesTable {
  id: Generated<string>;
  organisation_id: string;
  funder_id: string | null;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Uint8Array;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface EligibilityApprovalsTable {
  id: Generated<string>;
  funder_id: string;
  organisation_id: string;
  status: 'submitted' | 'needs_more' | 'approved' | 'rejected';
  year: number;
  statutes_file: string | null;
  annual_report_file: string | null;
  accounts_file: string | null;
  board: ColumnType<BoardMember[], string, string>;
  member_count: number | null;
  payout_kind: 'bankgiro' | 'plusgiro' | null;
  payout_number: string | null;
  request_note: string | null;
  submitted_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
  valid_until: string | null;
}

export type ApplicationStatus = 'draft' | 'submitted' | 'withdrawn';

export interface ApplicationsTable {
  id: Generated<string>;
  funder_id: string;
  call_id: string;
  organisation_id: string;
  organisation_name: string;
  status: Generated<ApplicationStatus>;
  title: Generated<string>;
  amount_requested: Generated<Ore>;
  content: ColumnType<ApplicationContent, string, string>;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  case_number: string | null;
  submitted_at: Timestamp | null;
  submitted_content: ColumnType<ApplicationContent | null, string | null, string | null>;
  submit_key: string | null;
  withdrawn_at: Timestamp | null;
  withdraw_reason: string | null;
  search: ColumnType<string, never, never>;
}

export interface ApplicationPartnersTable {
  application_id: string;
  organisation_id: string;
  funder_id: string;
}

export interface NumberedSeriesTable {
  funder_id: string;
  kind: NumberedSeries;
  year: number;
  last: number;
}

export interface CompletionRequestsTable {
  id: Generated<string>;
  funder_id: string;
  application_id: string;
  message: string;
  reply_by: string;
  created_by: string | null;
  created_at: CreatedAt;
  answer: string | null;
  answer_files: ColumnType<{ fileId: string; name: string }[], string | undefined, string>;
  answered_by: string | null;
  answered_at: Timestamp | null;
  request_key: string | null;
  /** Set when the round is about a follow-up report rather than the application. */
  report_id: Generated<string | null>;
}

export interface FileGrantsTable {
  file_id: string;
  funder_id: string;
}

export interface ScreeningsTable {
  id: Generated<string>;
  funder_id: string;
  application_id: string;
  outcome: 'eligible' | 'ineligible';
  rules: ColumnType<ScreenedRule[], string, string>;
  screened_by: string | null;
  screened_at: CreatedAt;
}

export interface ReviewAssignmentsTable {
  funder_id: string;
  application_id: string;
  reviewer_id: string;
  assigned_by: string | null;
  assigned_at: CreatedAt;
  conflict: 'none' | 'conflict' | null;
  conflict_note: string | null;
  declared_at: Date | null;
  submitted_at: Date | null;
}

export interface ReviewScoresTable {
  funder_id: string;
  application_id: string;
  reviewer_id: string;
  criterion_id: string;
  /** Null in a draft that has a comment but no score yet. */
  score: number | null;
  comment: Generated<string>;
}

export interface DecisionProposalsTable {
  id: Generated<string>;
  funder_id: string;
  call_id: string;
  application_id: string;
  amount: Ore;
  reasons: string;
  proposed_by: string | null;
  proposed_at: CreatedAt;
}

export interface DecisionsTable {
  id: Generated<string>;
  funder_id: string;
  call_id: string;
  application_id: string;
  outcome: DecisionOutcome;
  amount: Ore;
  amount_requested: Ore;
  reasons: string;
  conditions: Generated<string>;
  grant_from: string | null;
  grant_to: string | null;
  made_by: 'committee' | 'delegate';
  decision_body: string;
  paragraph: Generated<string>;
  decided_on: string;
  announced_on: string;
  reservations: ColumnType<Reservation[], string | undefined, never>;
  supersedes: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
  letter_file_id: string | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  fingerprint: string;
  /** Null while the first request is being handled. */
  status_code: number | null;
  content_type: string | null;
  body: string | null;
  created_at: Timestamp;
}

export interface NotificationPreferencesTable {
  user_id: string;
  event: NotificationEvent;
  delivery: NotificationDelivery;
  updated_at: Timestamp;
}

/** What a digest line names: the case and who it is about, never a code. */
export interface NotificationData {
  caseNumber?: string | null;
  title?: string | null;
  organisationName?: string | null;
  callTitle?: string | null;
}

export interface NotificationEventsTable {
  id: Generated<string>;
  user_id: string;
  funder_id: string;
  event: NotificationEvent;
  object_id: string;
  data: ColumnType<NotificationData, string, string>;
  /** The page the event's work is done on, as a path of the web app. */
  link: string;
  created_at: Timestamp;
  digest_id: string | null;
}

export interface NotificationDigestsTable {
  id: Generated<string>;
  user_id: string;
  /** The Stockholm date the digest is for. */
  day: ColumnType<string, string, string>;
  outbox_id: string | null;
  events: number;
  created_at: CreatedAt;
}

type Json<T> = ColumnType<T, string, string>;

export interface AgreementsTable {
  id: Generated<string>;
  funder_id: string;
  application_id: string;
  decision_id: string;
  organisation_id: string;
  call_id: string;
  number: string;
  kind: AgreementKind;
  status: Generated<'draft' | 'signed'>;
  version: Generated<number>;
  amount: Ore;
  content: Json<AgreementContent>;
  schedule: Json<ScheduleSpec>;
  content_sha256: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  signed_at: Timestamp | null;
  document_file_id: string | null;
  document_sha256: string | null;
}

export type AgreementParty = 'funder' | 'organisation';

export interface AgreementSignaturesTable {
  id: Generated<string>;
  funder_id: string;
  agreement_id: string;
  party: AgreementParty;
  content_sha256: string;
  user_id: string;
  signer_name: string;
  signer_role: string;
  method: Generated<string>;
  signed_at: Timestamp;
}

export interface AgreementCommentsTable {
  id: Generated<string>;
  funder_id: string;
  agreement_id: string;
  party: AgreementParty;
  author_id: string | null;
  author_name: string;
  body: string;
  created_at: Timestamp;
}

export interface AgreementAmendmentsTable {
  id: Generated<string>;
  funder_id: string;
  agreement_id: string;
  version: number;
  reason: string;
  content: Json<AgreementContent>;
  changes: Json<Record<string, { before: unknown; after: unknown }>>;
  created_by: string | null;
  created_at: Timestamp;
}

export type PayoutAccountStatus = 'pending' | 'approved' | 'rejected' | 'replaced';

export interface PayoutAccountsTable {
  id: Generated<string>;
  funder_id: string;
  organisation_id: string;
  kind: 'bankgiro' | 'plusgiro';
  number: string;
  holder_org_number: string;
  status: PayoutAccountStatus;
  source: 'eligibility' | 'organisation' | 'funder';
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface FunderPaymentSettingsTable {
  funder_id: string;
  debtor_name: string;
  debtor_org_number: string;
  debtor_account_kind: PayerSettings['debtorAccount']['kind'];
  debtor_account_number: string;
  debtor_bic: string | null;
  initiating_party_id: string;
  initiating_party_scheme: string;
  voucher_series: string;
  credit_account: string;
  default_accounting: Json<Accounting>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type InstalmentStatus = 'planned' | 'due' | 'in_run' | 'sent' | 'paid' | 'cancelled';

export interface InstalmentsTable {
  id: Generated<string>;
  funder_id: string;
  agreement_id: string;
  organisation_id: string;
  number: number;
  amount: Ore;
  condition: InstalmentCondition;
  condition_date: string | null;
  due_on: string | null;
  status: Generated<InstalmentStatus>;
  last_reason: string | null;
  paid_on: string | null;
  released_by: string | null;
  released_at: Timestamp | null;
}

export interface RunFiles {
  pain001: string;
  sie: string;
  csv: string;
}

export interface PaymentRunsTable {
  id: Generated<string>;
  funder_id: string;
  number: string;
  status: 'prepared' | 'approved' | 'cancelled';
  execution_date: string;
  count: number;
  total: Ore;
  message_id: string;
  prepared_by: string;
  prepared_at: Timestamp;
  approved_by: string | null;
  approved_at: Timestamp | null;
  cancelled_by: string | null;
  cancelled_at: Timestamp | null;
  /** The bank and accounting settings as they were at approval, so a later copy of a file is the same. */
  settings: ColumnType<PayerSettings | null, string | null | undefined, string | null>;
  /** SHA-256 of each file as sent. */
  files: ColumnType<RunFiles | null, string | null | undefined, string | null>;
}

export type PaymentStatus = 'in_run' | 'sent' | 'paid' | 'rejected' | 'withdrawn';

export interface PaymentsTable {
  id: Generated<string>;
  funder_id: string;
  run_id: string;
  position: number;
  instalment_id: string;
  agreement_id: string;
  organisation_id: string;
  payout_account_id: string;
  amount: Ore;
  payee_name: string;
  payee_org_number: string;
  account_kind: 'bankgiro' | 'plusgiro';
  account_number: string;
  end_to_end_id: string;
  remittance: string;
  agreement_number: string;
  accounting: Json<Accounting>;
  status: PaymentStatus;
  reason_code: string | null;
  reason_text: string | null;
  settled_on: string | null;
}

export type RecoveryGrounds = 'unused' | 'unreported' | 'misused';

export interface RecoveriesTable {
  id: Generated<string>;
  funder_id: string;
  number: string;
  agreement_id: string;
  organisation_id: string;
  amount: Ore;
  grounds: RecoveryGrounds;
  reasons: string;
  pay_by: string;
  decided_on: string;
  decided_by: string | null;
  letter_file_id: string | null;
  created_at: CreatedAt;
  report_id: Generated<string | null>;
}

export interface RecoveryRepaymentsTable {
  id: Generated<string>;
  funder_id: string;
  recovery_id: string;
  amount: Ore;
  received_on: string;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface LedgerEntriesTable {
  id: Generated<string>;
  funder_id: string;
  journal_id: string;
  at: Date;
  account: LedgerAccount;
  amount: Ore;
  budget_line_id: string | null;
  call_id: string;
  application_id: string;
  agreement_id: string | null;
  organisation_id: string;
  source: string;
  source_id: string;
  created_by: string | null;
}

export interface FollowUpReportsTable {
  id: Generated<string>;
  funder_id: string;
  agreement_id: string;
  application_id: string;
  organisation_id: string;
  kind: ReportKind;
  due_on: string;
  planned_due_on: string;
  due_moved_reason: string | null;
  status: Generated<ReportStatus>;
  content: ColumnType<ReportContent, string, string>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  submitted_by: string | null;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
}

export interface ReportRemindersTable {
  report_id: string;
  funder_id: string;
  kind: 'due_soon' | 'overdue';
  due_on: string;
  sent_on: string;
  mails: number;
}

export interface SurveysTable {
  id: Generated<string>;
  funder_id: string;
  agreement_id: string;
  organisation_id: string;
  token: string;
  status: Generated<'open' | 'closed'>;
  extra_questions: ColumnType<ExtraQuestion[], string | undefined, string>;
  created_at: CreatedAt;
  closed_at: Date | null;
  /** When its results were first shown; a released survey is never reopened. */
  released_at: Date | null;
}

/** No user, address, agent or time finer than the day: see the migration 0013_follow_up. */
export interface SurveyAnswersTable {
  id: Generated<string>;
  funder_id: string;
  survey_id: string;
  answered_on: string;
  age_band: AgeBand | null;
  ratings: ColumnType<Partial<Record<StandardQuestion, ScaleValue>>, string, string>;
  extra_ratings: ColumnType<Record<string, ScaleValue>, string | undefined, string>;
  free_text: string | null;
  free_text_state: Generated<FreeTextState>;
  free_text_masked: string | null;
  edit_secret_sha256: string;
}
