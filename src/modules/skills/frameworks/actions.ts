// Admins' edits of a framework: a role profile's level per competence, a competence's texts in
// each UI language. Each in one transaction with an audit entry.
import { LOCALES } from '../../../locales/index.ts';
import { type ActionContext, audit, ensure, transact } from '../../../platform/actions.ts';
import { nowIso } from '../../../platform/time.ts';
import { canEditFrameworks } from '../permissions.ts';
import { levelField, trField } from '../schemas.ts';
import type { Competence, Framework, Role } from './access.ts';

export async function updateRoleLevels(
  ctx: ActionContext,
  framework: Framework,
  role: Role,
  input: Record<string, number>,
): Promise<void> {
  ensure(ctx, canEditFrameworks);
  await transact(ctx, async (trx) => {
    const changed: Record<string, number> = {};
    for (const c of framework.competences) {
      const level = input[levelField(c.id)];
      if (level === undefined) continue;
      if (role.levels.get(c.id) !== level) changed[c.code] = level;
      await trx
        .deleteFrom('skill_role_levels')
        .where('role_id', '=', role.id)
        .where('competence_id', '=', c.id)
        .execute();
      await trx
        .insertInto('skill_role_levels')
        .values({ role_id: role.id, competence_id: c.id, level })
        .execute();
    }
    await trx
      .updateTable('skill_frameworks')
      .set({ updated_at: nowIso() })
      .where('id', '=', framework.id)
      .execute();
    await audit(trx, ctx, {
      action: 'skills.roleLevelsChanged',
      subjectType: 'skill_role',
      subjectId: role.id,
      details: { framework: framework.slug, role: role.code, changed },
    });
  });
}

export async function updateCompetenceTexts(
  ctx: ActionContext,
  competence: Competence,
  input: { title: string; description: string } & Record<string, string | null>,
): Promise<void> {
  ensure(ctx, canEditFrameworks);
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('skill_competences')
      .set({ title: input.title, description: input.description })
      .where('id', '=', competence.id)
      .execute();
    await trx
      .deleteFrom('skill_competence_translations')
      .where('competence_id', '=', competence.id)
      .execute();
    const rows = LOCALES.filter((l) => l !== 'en').flatMap((lang) => {
      const title = input[trField(lang, 'title')];
      return title
        ? [
            {
              competence_id: competence.id,
              lang,
              title,
              description: input[trField(lang, 'description')] ?? '',
            },
          ]
        : [];
    });
    if (rows.length) await trx.insertInto('skill_competence_translations').values(rows).execute();
    await audit(trx, ctx, {
      action: 'skills.competenceChanged',
      subjectType: 'skill_competence',
      subjectId: competence.id,
      details: { code: competence.code, title: input.title },
    });
  });
}
