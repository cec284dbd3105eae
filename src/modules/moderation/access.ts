// What can be reported (every module's Reportables), the record a report is about as the reporter
// sees it, and the values of the queue's switches.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { AppDeps, Reportable } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';

/** The Reportables of every module, by type. */
export function reportablesOf(deps: AppDeps): Map<string, Reportable> {
  return new Map(deps.modules.flatMap((m) => m.moderation?.reportables ?? []).map((r) => [r.type, r]));
}

/** The switches the modules declare (label and hint for the queue's settings). */
export function switchesOf(deps: AppDeps) {
  return deps.modules.flatMap((m) => m.moderation?.settings ?? []);
}

export interface ReportTarget {
  reportable: Reportable;
  target: { title: string; url: string };
}

/** The record `type` `key` as `viewer` may see it, or 404 (no such kind, no such record, hidden). */
export async function targetOf(
  deps: AppDeps,
  type: string,
  key: string,
  viewer: User | null,
): Promise<ReportTarget> {
  const reportable = reportablesOf(deps).get(type);
  const target = reportable ? await reportable.find(deps.db, key, viewer) : null;
  if (!reportable || !target) throw new HttpError(404, 'error.404.message');
  return { reportable, target };
}

/** Values of on/off settings; a setting never saved is off. */
export async function readSwitches(db: Kysely<Database>, keys: string[]): Promise<Record<string, boolean>> {
  if (keys.length === 0) return {};
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  const on = new Set(rows.filter((r) => r.value === '1').map((r) => r.key));
  return Object.fromEntries(keys.map((k) => [k, on.has(k)]));
}
