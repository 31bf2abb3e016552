import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { FunderRole } from '../domain/roles.ts';

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
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditLogTable {
  seq: number;
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
  audit_head: AuditHeadTable;
  audit_log: AuditLogTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type User = Selectable<UsersTable>;
export type NewOutbox = Insertable<OutboxTable>;
