// Writes a shipped framework (types.ts) into the tables, with its translations and its role
// profiles' levels. Competences a role does not name get the role's base level.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../platform/time.ts';
import { bandOfLevel } from '../vocab.ts';
import type { FrameworkData, Texts } from './types.ts';

const translationsOf = (texts: Texts) =>
  Object.entries(texts).filter(([lang, text]) => lang !== 'en' && typeof text === 'string' && text) as [
    string,
    string,
  ][];

export async function installFramework(db: Kysely<Database>, data: FrameworkData): Promise<number> {
  const now = nowIso();
  const base = data.extends
    ? await db
        .selectFrom('skill_frameworks')
        .select('id')
        .where('slug', '=', data.extends)
        .executeTakeFirstOrThrow()
    : undefined;
  const { id } = await db
    .insertInto('skill_frameworks')
    .values({
      slug: data.slug,
      version: data.version,
      title: data.title,
      description: data.description,
      source: data.source,
      extends_id: base?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const level of data.levels)
    await db
      .insertInto('skill_levels')
      .values({
        framework_id: id,
        level: level.level,
        band: bandOfLevel(level.level),
        description: level.description,
      })
      .execute();
  for (const [position, area] of data.areas.entries()) {
    const row = await db
      .insertInto('skill_areas')
      .values({ framework_id: id, code: area.code, position, title: area.title.en })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [lang, title] of translationsOf(area.title))
      await db.insertInto('skill_area_translations').values({ area_id: row.id, lang, title }).execute();
    for (const [p, competence] of area.competences.entries()) {
      const comp = await db
        .insertInto('skill_competences')
        .values({
          framework_id: id,
          area_id: row.id,
          code: competence.code,
          position: p,
          title: competence.title.en,
          description: competence.description ?? '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [lang, title] of translationsOf(competence.title))
        await db
          .insertInto('skill_competence_translations')
          .values({ competence_id: comp.id, lang, title, description: '' })
          .execute();
    }
  }
  if (data.roles.length > 0) {
    const frameworkIds = base ? [base.id, id] : [id];
    const competences = await db
      .selectFrom('skill_competences')
      .select(['id', 'code'])
      .where('framework_id', 'in', frameworkIds)
      .execute();
    for (const [position, role] of data.roles.entries()) {
      const row = await db
        .insertInto('skill_roles')
        .values({ framework_id: id, code: role.code, position, title: role.title.en })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [lang, title] of translationsOf(role.title))
        await db.insertInto('skill_role_translations').values({ role_id: row.id, lang, title }).execute();
      await db
        .insertInto('skill_role_levels')
        .values(
          competences.map((c) => ({
            role_id: row.id,
            competence_id: c.id,
            level: role.levels[c.code] ?? role.base,
          })),
        )
        .execute();
    }
  }
  return id;
}
