// Reports and the moderators' decisions on them; on/off settings of the queue. Every write goes
// with its audit entry in one transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type AuditEvent, recordAudit } from '../../platform/audit.ts';
import { nowIso } from '../../platform/time.ts';
import type { ReportInput } from './schemas.ts';
import type { ReportStatus } from './vocab.ts';

type Db = Kysely<Database>;
type Origin = Pick<AuditEvent, 'actorId' | 'ip' | 'requestId'>;

/**
 * Files a report, unless the same person already has an open one on the same record (a second
 * click should not double the moderators' work).
 */
export async function fileReport(
  db: Db,
  input: ReportInput & { title: string; reporterId: number },
  origin: Origin,
): Promise<{ ok: true; id: number } | { ok: false; reason: 'duplicate' }> {
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('reports')
      .select('id')
      .where('target_type', '=', input.type)
      .where('target_key', '=', input.key)
      .where('reporter_id', '=', input.reporterId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) return { ok: false as const, reason: 'duplicate' as const };
    const { id } = await trx
      .insertInto('reports')
      .values({
        target_type: input.type,
        target_key: input.key,
        target_title: input.title.slice(0, 300),
        reporter_id: input.reporterId,
        reason: input.reason,
        message: input.message,
        status: 'open',
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...origin,
      action: 'report.filed',
      subjectType: input.type,
      details: { report: id, key: input.key, reason: input.reason },
    });
    return { ok: true as const, id };
  });
}

export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

/** Open reports first-come first-served; handled ones newest first. */
export async function listReports(db: Db, status: ReportStatus, limit = 100) {
  return db
    .selectFrom('reports')
    .leftJoin('users as reporter', 'reporter.id', 'reports.reporter_id')
    .leftJoin('users as handler', 'handler.id', 'reports.handled_by')
    .select([
      'reports.id',
      'reports.target_type',
      'reports.target_key',
      'reports.target_title',
      'reports.reason',
      'reports.message',
      'reports.status',
      'reports.created_at',
      'reports.handled_at',
      'reports.note',
      'reporter.name as reporter_name',
      'handler.name as handler_name',
    ])
    .where('reports.status', '=', status)
    .orderBy('reports.id', status === 'open' ? 'asc' : 'desc')
    .limit(limit)
    .execute();
}

export async function countOpenReports(db: Db): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Closes an open report; says why not when it is unknown or already closed. */
export async function decideReport(
  db: Db,
  id: number,
  decision: { status: 'resolved' | 'dismissed'; note: string },
  origin: Origin & { actorId: number },
): Promise<{ ok: true } | { ok: false; reason: 'notFound' | 'closed' }> {
  return db.transaction().execute(async (trx) => {
    const report = await trx.selectFrom('reports').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!report) return { ok: false as const, reason: 'notFound' as const };
    if (report.status !== 'open') return { ok: false as const, reason: 'closed' as const };
    await trx
      .updateTable('reports')
      .set({
        status: decision.status,
        note: decision.note || null,
        handled_by: origin.actorId,
        handled_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      ...origin,
      action: `report.${decision.status}`,
      subjectType: 'report',
      subjectId: id,
    });
    return { ok: true as const };
  });
}

/** Values of on/off settings; a setting never saved is off. */
export async function readSwitches(db: Db, keys: string[]): Promise<Record<string, boolean>> {
  if (keys.length === 0) return {};
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  const on = new Set(rows.filter((r) => r.value === '1').map((r) => r.key));
  return Object.fromEntries(keys.map((k) => [k, on.has(k)]));
}

export async function writeSwitches(db: Db, values: Record<string, boolean>, origin: Origin): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    for (const [key, on] of Object.entries(values)) {
      const value = on ? '1' : '0';
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
    await recordAudit(trx, {
      ...origin,
      action: 'settings.changed',
      subjectType: 'settings',
      details: values,
    });
  });
}
