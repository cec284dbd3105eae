// A report's life: started by a coordinator (with one empty section per part of its structure),
// submitted (recorded: when, by whom; read-only from then on), published on the country's page.
import { type ActionContext, ensure, transact } from '../../../platform/actions.ts';
import { isCountryCode } from '../../../platform/countries.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { auditOf } from '../../../platform/record-audit.ts';
import { nowIso } from '../../../platform/time.ts';
import { coordinatedCountries, ensureDraft, getReport, type Report } from '../access.ts';
import { isCoordinator, type ReportRole } from '../permissions.ts';
import { CYCLES, structureOfCycle } from '../structure.ts';

const auditReport = auditOf('qpr_report', 'qpr');

/** Starts the report of `country` for `cycle` (its coordinators; the seed). */
export async function createReport(ctx: ActionContext, country: string, cycle: string): Promise<Report> {
  const focal = ctx.user ? await coordinatedCountries(ctx.deps.db, ctx.user.id) : [];
  const user = ensure(ctx, (u) => isCoordinator(u, country, focal), 'qpr.notCoordinator');
  if (!isCountryCode(country)) throw HttpError.invalid({ country: 'form.unknownCountry' });
  const entry = CYCLES[cycle];
  if (!entry) throw HttpError.invalid({ cycle: 'qpr.unknownCycle' });
  if (await getReport(ctx.trx ?? ctx.deps.db, country, cycle))
    throw HttpError.invalid({ cycle: 'qpr.alreadyStarted' });
  const structure = structureOfCycle(cycle);
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const report = await trx
      .insertInto('qpr_reports')
      .values({
        country,
        cycle,
        structure: entry.structure,
        status: 'draft',
        published: 0,
        created_by: user?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('qpr_sections')
      .values(
        structure.sections.map((s) => ({
          report_id: report.id,
          code: s.code,
          status: 'todo',
          body: '',
          lang: ctx.locale,
          content: '{}',
          version: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await auditReport(trx, ctx, report.id, 'created', { country, cycle });
    return report;
  });
}

const ensureCoordinator = (ctx: ActionContext, role: ReportRole) =>
  ensure(ctx, () => role.coordinator, 'qpr.notCoordinator');

/** Records the submission; from then on the report is read-only. */
export async function submitReport(ctx: ActionContext, report: Report, role: ReportRole): Promise<void> {
  ensureCoordinator(ctx, role);
  ensureDraft(report);
  await transact(ctx, async (trx) => {
    const now = nowIso();
    await trx
      .updateTable('qpr_reports')
      .set({ status: 'submitted', submitted_at: now, submitted_by: ctx.user?.id ?? null, updated_at: now })
      .where('id', '=', report.id)
      .where('status', '=', 'draft')
      .execute();
    await auditReport(trx, ctx, report.id, 'submitted', { country: report.country, cycle: report.cycle });
  });
}

/**
 * Shows (or hides) a submitted report on the country's page: the country's decision, taken once
 * it is submitted. The only change a submitted report takes; its content stays as submitted.
 */
export async function publishReport(
  ctx: ActionContext,
  report: Report,
  role: ReportRole,
  published: boolean,
): Promise<void> {
  ensureCoordinator(ctx, role);
  if (report.status !== 'submitted') throw new HttpError(409, 'qpr.publishAfterSubmission');
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('qpr_reports')
      .set({ published: published ? 1 : 0, updated_at: nowIso() })
      .where('id', '=', report.id)
      .execute();
    await auditReport(trx, ctx, report.id, published ? 'published' : 'unpublished');
  });
}
