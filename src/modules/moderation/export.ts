// What "download my data" (/account/export.json) gets from the moderation module: the reports the
// member filed, with what became of them, and the suspensions they were given (with the reasons).
import type { DB } from '../../db/index.ts';

export async function moderationAccountExport(db: DB, userId: number) {
  const reports = await db
    .selectFrom('reports')
    .select([
      'target_type',
      'target_key',
      'target_title',
      'reason',
      'message',
      'status',
      'created_at',
      'handled_at',
      'note',
    ])
    .where('reporter_id', '=', userId)
    .orderBy('id')
    .execute();
  const suspensions = await db
    .selectFrom('member_suspensions')
    .select(['created_at', 'until', 'reason', 'lifted_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return { reports, suspensions };
}
