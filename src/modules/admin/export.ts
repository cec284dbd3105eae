// The account list and the audit log as they are filtered, as spreadsheets
// (/admin/users/export.csv|xlsx, /admin/audit/export.csv|xlsx): every page of the selection, oldest
// first, up to EXPORT_LIMIT rows.
import type { Kysely } from 'kysely';
import { keysetBatches } from '../../db/keyset.ts';
import type { Database, User } from '../../db/schema.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import { type AuditRow, auditAfter, usersAfter } from './listing.ts';
import type { AuditFilter, UserFilter } from './schemas.ts';
import { statusOf } from './vocab.ts';

type Db = Kysely<Database>;

export const EXPORT_LIMIT = 100_000;

export const userColumns: Column<User>[] = [
  { header: 'id', value: (u) => u.id },
  { header: 'name', value: (u) => u.name },
  { header: 'email', value: (u) => u.email },
  { header: 'role', value: (u) => u.role },
  { header: 'status', value: (u) => statusOf(u) },
  { header: 'locale', value: (u) => u.locale },
  { header: 'time_zone', value: (u) => u.time_zone },
  { header: 'email_verified_at', value: (u) => u.email_verified_at },
  { header: 'disabled_at', value: (u) => u.disabled_at },
  { header: 'created_at', value: (u) => u.created_at },
];

export const auditColumns: Column<AuditRow>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'at', value: (e) => e.at },
  { header: 'actor_id', value: (e) => e.actor_id },
  { header: 'actor_name', value: (e) => e.actor_name },
  { header: 'actor_email', value: (e) => e.actor_email },
  { header: 'action', value: (e) => e.action },
  { header: 'subject_type', value: (e) => e.subject_type },
  { header: 'subject_id', value: (e) => e.subject_id },
  { header: 'details', value: (e) => e.details },
  { header: 'ip', value: (e) => e.ip },
  { header: 'request_id', value: (e) => e.request_id },
];

/** The rows of `fetch` in batches by id, up to EXPORT_LIMIT. */
async function collect<R extends { id: number }>(fetch: (after: number, limit: number) => Promise<R[]>) {
  const rows: R[] = [];
  for await (const batch of keysetBatches(fetch)) {
    rows.push(...batch);
    if (rows.length >= EXPORT_LIMIT) break;
  }
  return rows.slice(0, EXPORT_LIMIT);
}

export function exportedUsers(db: Db, filter: UserFilter): Promise<User[]> {
  return collect((after, limit) => usersAfter(db, filter, after, limit));
}

export function exportedAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  return collect((after, limit) => auditAfter(db, filter, after, limit));
}
