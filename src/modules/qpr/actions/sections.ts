// The writes of a report's sections: the coordinator assigns one (with a due date; the assignee is
// told), its status moves (only a coordinator validates), the coordinator or its assignee saves a
// new version (every save is kept; nothing is written when nothing changed), an old version is
// restored (as a new version: the history only grows), and the team comments.
import { type ActionContext, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { auditOf } from '../../../platform/record-audit.ts';
import { nowIso } from '../../../platform/time.ts';
import {
  contentOf,
  ensureDraft,
  type Report,
  reportPath,
  type Section,
  type SectionContent,
  structureOfReport,
} from '../access.ts';
import { tell } from '../notifications.ts';
import { canEditSection, canSetStatus, canWork, type ReportRole } from '../permissions.ts';
import type { AssignmentInput, SectionInput } from '../schemas.ts';
import { sectionSpec } from '../structure.ts';
import type { SectionStatus } from '../vocab.ts';

const auditSection = auditOf('qpr_section', 'qpr');

/** The section's path on the site. */
export const sectionPath = (report: Report, code: string) => `${reportPath(report)}/sections/${code}`;

/** The member an assignment names (by email address or account id); 422 when there is none. */
async function memberNamed(ctx: ActionContext, named: string | null): Promise<number | null> {
  if (named === null) return null;
  const user = await (ctx.trx ?? ctx.deps.db)
    .selectFrom('users')
    .select('id')
    .where((eb) => (/^[0-9]{1,15}$/.test(named) ? eb('id', '=', Number(named)) : eb('email', '=', named)))
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!user) throw HttpError.invalid({ assignee: 'qpr.unknownMember' });
  return user.id;
}

export async function assignSection(
  ctx: ActionContext,
  report: Report,
  role: ReportRole,
  section: Section,
  input: AssignmentInput,
): Promise<void> {
  ensure(ctx, () => role.coordinator, 'qpr.notCoordinator');
  ensureDraft(report);
  const assignee = await memberNamed(ctx, input.assignee);
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('qpr_sections')
      .set({ assignee_id: assignee, due_on: input.due_on, reminded_for: null, updated_at: nowIso() })
      .where('id', '=', section.id)
      .execute();
    if (assignee !== null && assignee !== section.assignee_id)
      await tell(trx, ctx.deps, {
        kind: 'qpr.section-assigned',
        subject: { type: 'qpr_section', key: section.id },
        url: sectionPath(report, section.code),
        params: {
          country: report.country,
          cycle: report.cycle,
          section: section.code,
          due: input.due_on ?? '',
        },
        userId: assignee,
        actorId: ctx.user?.id,
      });
    await auditSection(trx, ctx, section.id, 'assigned', { assignee, due_on: input.due_on });
  });
}

export async function setSectionStatus(
  ctx: ActionContext,
  report: Report,
  role: ReportRole,
  section: Section,
  status: SectionStatus,
): Promise<void> {
  ensure(ctx, () => canSetStatus(role, section, status), 'qpr.notYourSection');
  ensureDraft(report);
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('qpr_sections')
      .set({ status, updated_at: nowIso() })
      .where('id', '=', section.id)
      .execute();
    await auditSection(trx, ctx, section.id, 'status', { from: section.status, to: status });
  });
}

/** The input's content, checked against the section's questions and the library. */
async function contentFrom(ctx: ActionContext, report: Report, section: Section, input: SectionInput) {
  const spec = sectionSpec(structureOfReport(report), section.code);
  const unknown = Object.keys(input.answers).filter((q) => !spec?.questions.includes(q));
  if (unknown.length) throw HttpError.invalid({ answers: 'qpr.unknownQuestion' });
  const documents = [...new Set(input.documents)];
  if (documents.length) {
    const found = await (ctx.trx ?? ctx.deps.db)
      .selectFrom('documents')
      .select('slug')
      .where('slug', 'in', documents)
      .execute();
    if (found.length !== documents.length) throw HttpError.invalid({ documents: 'qpr.unknownDocument' });
  }
  // An unanswered question without evidence is not kept (a form sends every question's fields).
  const answers = Object.fromEntries(
    Object.entries(input.answers).filter(([, a]) => a.answer !== '' || a.evidence.trim() !== ''),
  );
  const content: SectionContent = { answers, statistics: input.statistics, documents };
  return JSON.stringify(content);
}

/** Writes `body`/`content` as the section's next version (in `trx`). */
async function writeVersion(
  ctx: ActionContext,
  trx: NonNullable<ActionContext['trx']>,
  section: Section,
  values: { body: string; lang: string; content: string },
): Promise<number> {
  const version = section.version + 1;
  const now = nowIso();
  await trx
    .insertInto('qpr_section_versions')
    .values({ section_id: section.id, version, ...values, created_by: ctx.user?.id ?? null, created_at: now })
    .execute();
  await trx
    .updateTable('qpr_sections')
    .set({
      ...values,
      version,
      status: section.status === 'todo' ? 'drafting' : section.status,
      updated_by: ctx.user?.id ?? null,
      updated_at: now,
    })
    .where('id', '=', section.id)
    .where('version', '=', section.version)
    .execute();
  return version;
}

/** Saves the section as a new version; its number (the same one when nothing changed). */
export async function saveSection(
  ctx: ActionContext,
  report: Report,
  role: ReportRole,
  section: Section,
  input: SectionInput,
): Promise<number> {
  ensure(ctx, () => canEditSection(role, section), 'qpr.notYourSection');
  ensureDraft(report);
  const content = await contentFrom(ctx, report, section, input);
  const same =
    section.body === input.body &&
    section.lang === input.lang &&
    JSON.stringify(contentOf(section.content)) === content;
  if (same && section.version > 0) return section.version;
  return transact(ctx, async (trx) => {
    const version = await writeVersion(ctx, trx, section, { body: input.body, lang: input.lang, content });
    await auditSection(trx, ctx, section.id, 'saved', { version });
    return version;
  });
}

/** Makes an old version the current one again, as a new version. */
export async function restoreVersion(
  ctx: ActionContext,
  report: Report,
  role: ReportRole,
  section: Section,
  version: number,
): Promise<number> {
  ensure(ctx, () => canEditSection(role, section), 'qpr.notYourSection');
  ensureDraft(report);
  const old = await (ctx.trx ?? ctx.deps.db)
    .selectFrom('qpr_section_versions')
    .select(['body', 'lang', 'content'])
    .where('section_id', '=', section.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!old) throw new HttpError(404, 'error.404.message');
  return transact(ctx, async (trx) => {
    const made = await writeVersion(ctx, trx, section, old);
    await auditSection(trx, ctx, section.id, 'restored', { from: version, version: made });
    return made;
  });
}

export async function addComment(
  ctx: ActionContext,
  report: Report,
  role: ReportRole,
  section: Section,
  body: string,
): Promise<void> {
  ensure(ctx, () => canWork(role), 'qpr.notInTeam');
  ensureDraft(report);
  await transact(ctx, async (trx) => {
    await trx
      .insertInto('qpr_comments')
      .values({ section_id: section.id, author_id: ctx.user?.id ?? null, body, created_at: nowIso() })
      .execute();
    await auditSection(trx, ctx, section.id, 'commented');
  });
}
