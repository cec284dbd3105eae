// The audit log as the tests read it: the entries of an action, of a record or by an account, oldest
// first, whole (what each test then checks: who, from where, the details, read from their JSON).
import type { TestPlatform } from './harness.ts';

export interface AuditFilter {
  /** One action, or any of several. */
  action?: string | string[];
  subjectType?: string;
  subjectId?: number | string;
  actorId?: number;
}

export async function auditEntries(hub: TestPlatform, filter: AuditFilter = {}) {
  let query = hub.deps.db.selectFrom('audit_log').selectAll();
  if (filter.action !== undefined) query = query.where('action', 'in', [filter.action].flat());
  if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', String(filter.subjectId));
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details ?? '{}') as Record<string, unknown> }));
}

/** The actions of the entries that match, oldest first. */
export const auditActions = async (hub: TestPlatform, filter: AuditFilter) =>
  (await auditEntries(hub, filter)).map((entry) => entry.action);

/** The newest entry that matches; the test fails when there is none. */
export async function lastAuditEntry(hub: TestPlatform, filter: AuditFilter) {
  const entry = (await auditEntries(hub, filter)).at(-1);
  if (!entry) throw new Error(`no audit entry for ${JSON.stringify(filter)}`);
  return entry;
}
