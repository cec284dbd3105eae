// Civil-society inputs: a member of an organisation of the country saves a draft as they go and
// sends it; the coordinator accepts it (into the civil-society part, and a measure or initiative
// into the measures database with the source "civil society", through the policies module's own
// action), merges it with a measure of the country already there, or declines it with a reason.
// The submitter is told, and sees the outcome on their list.
import { type ActionContext, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { auditOf } from '../../../platform/record-audit.ts';
import { nowIso } from '../../../platform/time.ts';
import { createMeasure, measureObject } from '../../policies/index.ts';
import { ensureDraft, type Input, type Report, reportPath } from '../access.ts';
import { tell } from '../notifications.ts';
import { canBringInputs, canEditInput, type ReportRole } from '../permissions.ts';
import type { DecisionInput, InputInput } from '../schemas.ts';

const auditInput = auditOf('qpr_input', 'qpr');

export const inputsPath = (report: Report) => `${reportPath(report)}/civil-society`;

/**
 * Saves a new input or changes one (`existing`), as a draft or sent (`send`). The organisation
 * must be one of the member's in the country; another organisation's input is refused (403).
 */
export async function saveInput(
  ctx: ActionContext,
  report: Report,
  role: ReportRole,
  input: InputInput,
  send: boolean,
  existing?: Input,
): Promise<Input> {
  ensure(ctx, () => canBringInputs(role), 'qpr.notCivilSociety');
  ensureDraft(report);
  if (existing) ensure(ctx, () => canEditInput(role, existing), 'qpr.notYourInput');
  if (!role.organisations.includes(input.organisation))
    throw HttpError.invalid({ organisation: 'qpr.chooseOrganisation' });
  const values = {
    organisation_id: input.organisation,
    kind: input.kind,
    title: input.title,
    lang: input.lang,
    description: input.description,
    area: input.area,
    status: send ? 'submitted' : (existing?.status ?? 'draft'),
    updated_at: nowIso(),
  };
  return transact(ctx, async (trx) => {
    const row = existing
      ? await trx
          .updateTable('qpr_inputs')
          .set(values)
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('qpr_inputs')
          .values({
            ...values,
            report_id: report.id,
            user_id: ctx.user?.id ?? null,
            reason: '',
            created_at: values.updated_at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    await auditInput(trx, ctx, row.id, send ? 'sent' : 'saved', { organisation: input.organisation });
    return row;
  });
}

async function organisationSlug(ctx: ActionContext, id: number): Promise<string | null> {
  const org = await (ctx.trx ?? ctx.deps.db)
    .selectFrom('organisations')
    .select(['slug', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  return org?.status === 'published' ? org.slug : null;
}

/** The coordinator's decision on a sent input; the submitter is told. */
export async function decideInput(
  ctx: ActionContext,
  report: Report,
  role: ReportRole,
  input: Input,
  decision: DecisionInput,
): Promise<void> {
  ensure(ctx, () => role.coordinator, 'qpr.notCoordinator');
  ensureDraft(report);
  if (input.status !== 'submitted') throw new HttpError(409, 'qpr.alreadyDecided');
  const db = ctx.trx ?? ctx.deps.db;
  if (decision.decision === 'merged') {
    const measure = await db
      .selectFrom('policy_measures')
      .select('id')
      .where('id', '=', decision.measure as number)
      .where('country', '=', report.country)
      .executeTakeFirst();
    if (!measure) throw HttpError.invalid({ measure: 'qpr.chooseMeasure' });
  }
  const slug = await organisationSlug(ctx, input.organisation_id);
  await transact(ctx, async (trx) => {
    let measureId = decision.decision === 'merged' ? decision.measure : null;
    if (decision.decision === 'accepted' && input.kind !== 'data') {
      const measure = await createMeasure(
        { ...ctx, trx },
        measureObject.parse({
          title: input.title,
          lang: input.lang,
          country: report.country,
          report_year: new Date().getUTCFullYear(),
          description: input.description,
          implementing_bodies: slug ? [slug] : [],
          areas: input.area ? [input.area] : [],
          source: 'civil_society',
          status: 'in_force',
        }),
      );
      measureId = measure.id;
    }
    const now = nowIso();
    await trx
      .updateTable('qpr_inputs')
      .set({
        status: decision.decision,
        reason: decision.decision === 'declined' ? decision.reason : '',
        measure_id: measureId,
        decided_by: ctx.user?.id ?? null,
        decided_at: now,
        updated_at: now,
      })
      .where('id', '=', input.id)
      .execute();
    if (input.user_id !== null)
      await tell(trx, ctx.deps, {
        kind: 'qpr.input-decided',
        subject: { type: 'qpr_input', key: input.id },
        url: inputsPath(report),
        params: { title: input.title, decision: decision.decision },
        userId: input.user_id,
        actorId: ctx.user?.id,
      });
    await auditInput(trx, ctx, input.id, decision.decision, { measure: measureId });
  });
}
