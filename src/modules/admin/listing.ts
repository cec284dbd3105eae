// The lists of the administration: accounts (search, role, status; by page) and the audit log
// (action, who, record; newest first, older by id), the same selections for their exports, and
// the figures of the overview.
import { type Kysely, type SqlBool, sql } from 'kysely';
import { containsInsensitive } from '../../db/dialect.ts';
import type { Database, User } from '../../db/schema.ts';
import type { AuditFilter, UserFilter } from './schemas.ts';

type Db = Kysely<Database>;

/** An account whose name or address contains `text` (any case; % and _ are plain characters). */
function nameOrEmailContains(db: Db, text: string) {
  const name = containsInsensitive(db, sql.ref('users.name'), text);
  return sql<SqlBool>`(${name} or ${containsInsensitive(db, sql.ref('users.email'), text)})`;
}

/** The accounts the filter selects (the page number aside). */
function usersQuery(db: Db, filter: Omit<UserFilter, 'page'>) {
  let query = db.selectFrom('users');
  if (filter.q) query = query.where(nameOrEmailContains(db, filter.q));
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.status === 'disabled') query = query.where('disabled_at', 'is not', null);
  if (filter.status === 'unverified')
    query = query.where('disabled_at', 'is', null).where('email_verified_at', 'is', null);
  if (filter.status === 'active')
    query = query.where('disabled_at', 'is', null).where('email_verified_at', 'is not', null);
  return query;
}

/** A page of accounts, newest first, and how many the filter selects. */
export async function listUsers(
  db: Db,
  filter: UserFilter,
  pageSize: number,
): Promise<{ users: User[]; total: number }> {
  const query = usersQuery(db, filter);
  const [users, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { users, total: Number(count.n) };
}

/** The selected accounts after id `after`, oldest first (for keysetBatches). */
export function usersAfter(db: Db, filter: Omit<UserFilter, 'page'>, after: number, limit: number) {
  return usersQuery(db, filter).selectAll().where('id', '>', after).orderBy('id').limit(limit).execute();
}

/** The entries the filter selects, with the name and address of who acted. */
function auditQuery(db: Db, filter: Omit<AuditFilter, 'before'>) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_id',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.details',
      'audit_log.ip',
      'audit_log.request_id',
      'users.name as actor_name',
      'users.email as actor_email',
    ]);
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.actor) query = query.where(nameOrEmailContains(db, filter.actor));
  if (filter.subject_type) query = query.where('audit_log.subject_type', '=', filter.subject_type);
  if (filter.subject_id) query = query.where('audit_log.subject_id', '=', filter.subject_id);
  return query;
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>['entries'][number];

/** `limit` entries newest first (older than `before` when given), and whether there are more. */
export async function listAudit(db: Db, filter: AuditFilter, limit: number) {
  let query = auditQuery(db, filter);
  if (filter.before) query = query.where('audit_log.id', '<', filter.before);
  const rows = await query
    .orderBy('audit_log.id', 'desc')
    .limit(limit + 1)
    .execute();
  return { entries: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** The selected entries after id `after`, oldest first (for keysetBatches). */
export function auditAfter(db: Db, filter: Omit<AuditFilter, 'before'>, after: number, limit: number) {
  return auditQuery(db, filter)
    .where('audit_log.id', '>', after)
    .orderBy('audit_log.id')
    .limit(limit)
    .execute();
}

export async function distinctAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
  return rows.map((r) => r.action);
}

export async function countUsersByRole(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('role')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.role, Number(r.n)]));
}

export async function outboxBacklog(db: Db): Promise<{ pending: number; failing: number }> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.countAll<number>().as('pending'),
      eb.fn.sum<number>(eb.case().when('attempts', '>', 0).then(1).else(0).end()).as('failing'),
    ])
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), failing: Number(row.failing ?? 0) };
}
