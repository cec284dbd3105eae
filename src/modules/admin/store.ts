// Queries behind the administration pages: the list of accounts, role changes, disabling, and the
// audit log.
import type { Kysely } from 'kysely';
import { containsInsensitive } from '../../db/dialect.ts';
import type { Database, Role, User } from '../../db/schema.ts';
import { type AuditEvent, recordAudit } from '../../platform/audit.ts';
import { endAllSessions } from '../../platform/sessions.ts';
import { nowIso } from '../../platform/time.ts';

type Db = Kysely<Database>;

export const USER_STATUSES = ['active', 'unverified', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface UserFilter {
  q?: string;
  role?: Role;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

export async function listUsers(db: Db, filter: UserFilter): Promise<{ users: User[]; total: number }> {
  let query = db.selectFrom('users');
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        containsInsensitive(db, eb.ref('users.name'), q),
        containsInsensitive(db, eb.ref('users.email'), q),
      ]),
    );
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.status === 'disabled') query = query.where('disabled_at', 'is not', null);
  if (filter.status === 'unverified') {
    query = query.where('disabled_at', 'is', null).where('email_verified_at', 'is', null);
  }
  if (filter.status === 'active') {
    query = query.where('disabled_at', 'is', null).where('email_verified_at', 'is not', null);
  }
  const [users, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { users, total: Number(count.n) };
}

export type AdminChangeResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'notFound' | 'lastAdmin' | 'self' };

async function activeAdminCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Changes a role; the platform always keeps at least one active admin. */
export async function changeRole(
  db: Db,
  userId: number,
  role: Role,
  origin: Pick<AuditEvent, 'actorId' | 'ip' | 'requestId'>,
): Promise<AdminChangeResult> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) return { ok: false, reason: 'notFound' };
    if (user.role === role) return { ok: true, user };
    if (user.role === 'admin' && !user.disabled_at && (await activeAdminCount(trx)) <= 1) {
      return { ok: false, reason: 'lastAdmin' };
    }
    const updated = await trx
      .updateTable('users')
      .set({ role, updated_at: nowIso() })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...origin,
      action: 'user.role_changed',
      subjectType: 'user',
      subjectId: userId,
      details: { from: user.role, to: role },
    });
    return { ok: true, user: updated };
  });
}

/** Disables (ending every session) or re-enables an account. */
export async function setDisabled(
  db: Db,
  userId: number,
  disabled: boolean,
  origin: Pick<AuditEvent, 'actorId' | 'ip' | 'requestId'>,
): Promise<AdminChangeResult> {
  if (disabled && origin.actorId === userId) return { ok: false, reason: 'self' };
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user) return { ok: false, reason: 'notFound' };
    if (!!user.disabled_at === disabled) return { ok: true, user };
    if (disabled && user.role === 'admin' && (await activeAdminCount(trx)) <= 1) {
      return { ok: false, reason: 'lastAdmin' };
    }
    const updated = await trx
      .updateTable('users')
      .set({ disabled_at: disabled ? nowIso() : null, updated_at: nowIso() })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (disabled) await endAllSessions(trx, userId);
    await recordAudit(trx, {
      ...origin,
      action: disabled ? 'user.disabled' : 'user.enabled',
      subjectType: 'user',
      subjectId: userId,
    });
    return { ok: true, user: updated };
  });
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  /** Show entries older than this id (the "older" link). */
  before?: number;
  limit: number;
}

export async function listAudit(db: Db, filter: AuditFilter) {
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
  if (filter.actor) {
    const actor = filter.actor;
    query = query.where((eb) =>
      eb.or([
        containsInsensitive(db, eb.ref('users.email'), actor),
        containsInsensitive(db, eb.ref('users.name'), actor),
      ]),
    );
  }
  if (filter.subjectType) query = query.where('audit_log.subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('audit_log.subject_id', '=', filter.subjectId);
  if (filter.before) query = query.where('audit_log.id', '<', filter.before);
  const rows = await query
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return { entries: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit };
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
