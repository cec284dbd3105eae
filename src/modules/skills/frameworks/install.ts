// The frameworks the module ships (DigComp 2.2 and its creative-sector extension), written into the
// tables with their translations and role profiles' levels (competences a role does not name get
// the role's base level). They are installed the first time the module reads frameworks from a
// database that lacks them — once per process and database, each in a transaction; a framework
// there already (by slug) is left as the admins made it. A migration writes no rows, so a database
// emptied and reused (the PostgreSQL tests) gets them again this way too.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../platform/time.ts';
import { bandOfLevel } from '../vocab.ts';
import { CREATIVE_EXTENSION } from './creative.ts';
import { DIGCOMP_22 } from './digcomp.ts';
import type { FrameworkData, Texts } from './types.ts';

/** In the order they are installed: an extension after the framework it extends. */
export const SHIPPED_FRAMEWORKS: readonly FrameworkData[] = [DIGCOMP_22, CREATIVE_EXTENSION];

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

const installed = (db: Kysely<Database>, slug: string) =>
  db.selectFrom('skill_frameworks').select('id').where('slug', '=', slug).executeTakeFirst();

async function installMissing(db: Kysely<Database>): Promise<void> {
  for (const data of SHIPPED_FRAMEWORKS) {
    if (await installed(db, data.slug)) continue;
    try {
      await db.transaction().execute((trx) => installFramework(trx, data));
    } catch (err) {
      // Another process installed it at the same moment (the slug is unique): nothing is missing.
      if (!(await installed(db, data.slug))) throw err;
    }
  }
}

const ensured = new WeakMap<object, Promise<void>>();

/** Installs the shipped frameworks a database lacks; once per process and database. */
export function ensureShippedFrameworks(db: Kysely<Database>): Promise<void> {
  let done = ensured.get(db);
  if (!done) {
    done = installMissing(db).catch((err: unknown) => {
      ensured.delete(db);
      throw err;
    });
    ensured.set(db, done);
  }
  return done;
}
