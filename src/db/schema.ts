// Every table of the platform as Kysely sees it. Timestamps are ISO 8601 strings in UTC on both
// databases (PostgreSQL's timestamptz is parsed back into that form in db/dialect.ts), so the
// application never meets a Date that differs between SQLite and PostgreSQL. Yes/no facts are
// stored as the time they became true (`email_verified_at`, `disabled_at`), never as booleans.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export const ROLES = ['admin', 'editor', 'moderator', 'member'] as const;
export type Role = (typeof ROLES)[number];

export type Timestamp = string;

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  role: Role;
  locale: string | null;
  time_zone: string | null;
  email_verified_at: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a copy of the database does not let anyone log in. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export const USER_TOKEN_PURPOSES = ['verify_email', 'reset_password', 'change_email', 'sign_in'] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

/** Single-use tokens sent by email. */
export interface UserTokensTable {
  token_hash: string;
  user_id: number;
  purpose: UserTokenPurpose;
  new_email: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** Personal API tokens for scripts and integrations. Only a hash is kept. */
export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** Mail waiting to be sent; written in the same transaction as the change that causes it. */
export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: Timestamp;
  send_after: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  locked_by: string | null;
  locked_until: Timestamp | null;
  sent_at: Timestamp | null;
}

/** Work that runs later or on a schedule (src/platform/jobs); leased like the outbox's rows. */
export interface JobsTable {
  id: Generated<number>;
  name: string;
  /** JSON. */
  payload: ColumnType<string, string | undefined, string>;
  unique_key: string | null;
  schedule: string | null;
  status: ColumnType<'queued' | 'failed', 'queued' | 'failed' | undefined, 'queued' | 'failed'>;
  run_at: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  created_at: Timestamp;
}

/** A stored file no record refers to, since when (src/platform/files/unreferenced.ts). */
export interface UnreferencedFilesTable {
  hash: string;
  since: Timestamp;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  /** Not a foreign key on purpose: the record of who did what outlives the account. */
  actor_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON object with the details of the change (old and new values). */
  details: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: Timestamp;
}

/**
 * Who finds a search entry: everyone, anyone signed in, its owner (and editors), or only those who
 * may read its `scope` (a secret group's members: platform/scopes.ts).
 */
export const VISIBILITIES = ['public', 'members', 'private', 'scoped'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/**
 * One row per searchable record of any module. The matching index beside it is an FTS5 table
 * (`search_fts`, same rowid) on SQLite and the `tsv`/`exact_tsv` columns on PostgreSQL; see
 * db/dialect-search.ts.
 */
export interface SearchDocumentsTable {
  id: Generated<number>;
  type: string;
  record_id: string;
  lang: string | null;
  title: string;
  /** The text as shown in result snippets (cleaned, capped). */
  body: string;
  url: string;
  country: string | null;
  visibility: Visibility;
  /** Who may always see the record, whatever its visibility (its author, for drafts). */
  owner_id: number | null;
  updated_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  api_tokens: ApiTokensTable;
  outbox: OutboxTable;
  jobs: JobsTable;
  unreferenced_files: UnreferencedFilesTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  search_documents: SearchDocumentsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type ApiToken = Selectable<ApiTokensTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type Job = Selectable<JobsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
