// Every write of the moderation queue, each with its audit entry in one transaction: filing a
// report (anyone signed in, within a rate), deciding on one (moderators), and the switches (admins).
import { type ActionContext, actingUser, audit, ensure, transact } from '../../platform/actions.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { hitRateLimit } from '../../platform/rate-limit.ts';
import { nowIso } from '../../platform/time.ts';
import type { ReportTarget } from './access.ts';
import { canChangeSwitches, canModerate, canReport } from './permissions.ts';
import type { Decision, ReportInput } from './schemas.ts';

/** Enough for an honest reader; a flood of reports from one account is refused. */
const REPORT_RATE = { name: 'report:user', limit: 20, windowSeconds: 3600 };

/**
 * Files a report on `target`, unless the same person already has an open one on the same record
 * (a second click should not double the moderators' work): then it says so (`filed: false`).
 */
export async function fileReport(
  ctx: ActionContext,
  input: ReportInput,
  { target }: ReportTarget,
): Promise<{ filed: boolean }> {
  ensure(ctx, canReport);
  // A report is someone's: the platform acting on its own files none.
  const reporter = actingUser(ctx);
  const rate = await hitRateLimit(ctx.deps.db, REPORT_RATE, String(reporter.id));
  if (rate.blocked)
    throw new HttpError(429, 'moderation.tooManyReports', undefined, {
      'Retry-After': String(rate.retryAfter),
    });
  return transact(ctx, async (trx) => {
    const open = await trx
      .selectFrom('reports')
      .select('id')
      .where('target_type', '=', input.type)
      .where('target_key', '=', input.key)
      .where('reporter_id', '=', reporter.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) return { filed: false };
    const { id } = await trx
      .insertInto('reports')
      .values({
        target_type: input.type,
        target_key: input.key,
        target_title: target.title.slice(0, 300),
        reporter_id: reporter.id,
        reason: input.reason,
        message: input.message ?? '',
        status: 'open',
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: 'report.filed',
      subjectType: input.type,
      details: { report: id, key: input.key, reason: input.reason },
    });
    return { filed: true };
  });
}

/** Closes an open report; 404 when there is none, 409 when another moderator closed it first. */
export async function decideReport(ctx: ActionContext, id: number, decision: Decision): Promise<void> {
  const moderator = ensure(ctx, canModerate);
  await transact(ctx, async (trx) => {
    const report = await trx.selectFrom('reports').select('status').where('id', '=', id).executeTakeFirst();
    if (!report) throw new HttpError(404, 'error.404.message');
    if (report.status !== 'open') throw new HttpError(409, 'moderation.alreadyHandled');
    await trx
      .updateTable('reports')
      .set({
        status: decision.status,
        note: decision.note,
        handled_by: moderator?.id ?? null,
        handled_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await audit(trx, ctx, { action: `report.${decision.status}`, subjectType: 'report', subjectId: id });
  });
}

/** Sets every switch in `values` on or off. */
export async function setSwitches(ctx: ActionContext, values: Record<string, boolean>): Promise<void> {
  ensure(ctx, canChangeSwitches);
  const now = nowIso();
  await transact(ctx, async (trx) => {
    for (const [key, on] of Object.entries(values)) {
      const value = on ? '1' : '0';
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
    await audit(trx, ctx, { action: 'settings.changed', subjectType: 'settings', details: values });
  });
}
