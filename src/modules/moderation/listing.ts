// The reports of the queue: open ones first come, first served; handled ones newest first.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ReportStatus } from './vocab.ts';

export type ReportRow = Awaited<ReturnType<typeof listReports>>[number];

export async function listReports(db: Kysely<Database>, status: ReportStatus, limit = 100) {
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

/** The reports handled last (resolved or dismissed), newest first. */
export async function recentlyHandled(db: Kysely<Database>, limit = 20) {
  const handled = await Promise.all([
    listReports(db, 'resolved', limit),
    listReports(db, 'dismissed', limit),
  ]);
  return handled
    .flat()
    .sort((a, b) => String(b.handled_at).localeCompare(String(a.handled_at)))
    .slice(0, limit);
}
