// A framework as the pages, the surveys and the API read it: its own areas and those of the
// framework it extends (base first), the competences of each, the proficiency levels, the role
// profiles with their level per competence, and every text's translations. A text is shown in the
// reader's language where a translation exists (`shown`).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ensureShippedFrameworks } from './install.ts';

type Db = Kysely<Database>;

export interface Translation {
  lang: string;
  title: string;
  description?: string;
}

export interface Competence {
  id: number;
  frameworkId: number;
  areaId: number;
  code: string;
  title: string;
  description: string;
  translations: Translation[];
}

export interface Area {
  id: number;
  frameworkId: number;
  code: string;
  title: string;
  translations: Translation[];
  competences: Competence[];
}

export interface Role {
  id: number;
  code: string;
  title: string;
  translations: Translation[];
  /** The level needed, by competence id. */
  levels: Map<number, number>;
}

export interface Framework {
  id: number;
  slug: string;
  version: string;
  title: string;
  description: string;
  source: string;
  /** The framework it extends, by slug and title. */
  base: { slug: string; title: string } | null;
  levels: { level: number; band: string; description: string }[];
  areas: Area[];
  competences: Competence[];
  roles: Role[];
}

/** A text in the reader's language (the original, in English, where none is written). */
export function shown(record: { title: string; translations: readonly Translation[] }, locale: string) {
  const base = locale.split('-')[0];
  const tr =
    record.translations.find((t) => t.lang === locale) ?? record.translations.find((t) => t.lang === base);
  return tr?.title ? { text: tr.title, lang: tr.lang } : { text: record.title, lang: 'en' };
}

export async function listFrameworks(db: Db) {
  await ensureShippedFrameworks(db);
  return db
    .selectFrom('skill_frameworks')
    .select(['id', 'slug', 'version', 'title', 'description', 'extends_id'])
    .orderBy('id')
    .execute();
}

/** The framework ids of `id` and the ones it extends, base first. */
async function chainOf(db: Db, id: number): Promise<number[]> {
  const chain: number[] = [];
  let at: number | null = id;
  while (at !== null && !chain.includes(at)) {
    chain.unshift(at);
    const row: { extends_id: number | null } | undefined = await db
      .selectFrom('skill_frameworks')
      .select('extends_id')
      .where('id', '=', at)
      .executeTakeFirst();
    at = row?.extends_id ?? null;
  }
  return chain;
}

export async function getFramework(
  db: Db,
  by: { slug: string } | { id: number },
): Promise<Framework | undefined> {
  await ensureShippedFrameworks(db);
  const row = await db
    .selectFrom('skill_frameworks')
    .selectAll()
    .$if('slug' in by, (q) => q.where('slug', '=', (by as { slug: string }).slug))
    .$if('id' in by, (q) => q.where('id', '=', (by as { id: number }).id))
    .executeTakeFirst();
  if (!row) return undefined;
  const chain = await chainOf(db, row.id);
  const order = (frameworkId: number) => chain.indexOf(frameworkId);
  const [base, levels, areas, areaTr, competences, compTr, roles] = await Promise.all([
    row.extends_id === null
      ? undefined
      : db
          .selectFrom('skill_frameworks')
          .select(['slug', 'title'])
          .where('id', '=', row.extends_id)
          .executeTakeFirst(),
    db
      .selectFrom('skill_levels')
      .select(['level', 'band', 'description'])
      .where('framework_id', 'in', chain)
      .orderBy('level')
      .execute(),
    db.selectFrom('skill_areas').selectAll().where('framework_id', 'in', chain).execute(),
    db
      .selectFrom('skill_area_translations as t')
      .innerJoin('skill_areas as a', 'a.id', 't.area_id')
      .select(['t.area_id', 't.lang', 't.title'])
      .where('a.framework_id', 'in', chain)
      .execute(),
    db.selectFrom('skill_competences').selectAll().where('framework_id', 'in', chain).execute(),
    db
      .selectFrom('skill_competence_translations as t')
      .innerJoin('skill_competences as c', 'c.id', 't.competence_id')
      .select(['t.competence_id', 't.lang', 't.title', 't.description'])
      .where('c.framework_id', 'in', chain)
      .execute(),
    db.selectFrom('skill_roles').selectAll().where('framework_id', '=', row.id).orderBy('position').execute(),
  ]);
  const roleIds = roles.map((r) => r.id);
  const [roleTr, roleLevels] =
    roleIds.length === 0
      ? [[], []]
      : await Promise.all([
          db.selectFrom('skill_role_translations').selectAll().where('role_id', 'in', roleIds).execute(),
          db.selectFrom('skill_role_levels').selectAll().where('role_id', 'in', roleIds).execute(),
        ]);
  const byArea = new Map<number, Competence[]>();
  const allCompetences: Competence[] = [];
  const areaPosition = new Map(areas.map((a) => [a.id, a.position]));
  const sortedCompetences = competences.toSorted(
    (a, b) =>
      order(a.framework_id) - order(b.framework_id) ||
      (areaPosition.get(a.area_id) ?? 0) - (areaPosition.get(b.area_id) ?? 0) ||
      a.position - b.position ||
      a.id - b.id,
  );
  for (const c of sortedCompetences) {
    const competence: Competence = {
      id: c.id,
      frameworkId: c.framework_id,
      areaId: c.area_id,
      code: c.code,
      title: c.title,
      description: c.description,
      translations: compTr
        .filter((t) => t.competence_id === c.id)
        .map((t) => ({ lang: t.lang, title: t.title, description: t.description })),
    };
    allCompetences.push(competence);
    byArea.set(c.area_id, [...(byArea.get(c.area_id) ?? []), competence]);
  }
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    title: row.title,
    description: row.description,
    source: row.source,
    base: base ?? null,
    levels,
    areas: areas
      .toSorted((a, b) => order(a.framework_id) - order(b.framework_id) || a.position - b.position)
      .map((a) => ({
        id: a.id,
        frameworkId: a.framework_id,
        code: a.code,
        title: a.title,
        translations: areaTr.filter((t) => t.area_id === a.id).map((t) => ({ lang: t.lang, title: t.title })),
        competences: byArea.get(a.id) ?? [],
      })),
    competences: allCompetences,
    roles: roles.map((r) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      translations: roleTr.filter((t) => t.role_id === r.id).map((t) => ({ lang: t.lang, title: t.title })),
      levels: new Map(roleLevels.filter((l) => l.role_id === r.id).map((l) => [l.competence_id, l.level])),
    })),
  };
}
