// Queries of the directory: the filtered selection, one organisation with everything around it,
// and the writes (which also update the search index and the history, in the same transaction).
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { indexRecord, removeRecord, type SearchableRecord } from '../../search/index.ts';
import type { DirectoryFilter, OrganisationInput } from './schemas.ts';
import type { OrganisationsTable } from './tables.ts';
import {
  APPROVAL_SETTING,
  type FacetName,
  type MemberRole,
  type OrganisationStatus,
  RESERVED_SLUGS,
} from './vocab.ts';

type Db = Kysely<Database>;
export type Organisation = Selectable<OrganisationsTable>;

export interface OrganisationDetails extends Organisation {
  domains: string[];
  stages: string[];
  languages: string[];
  facilities: string[];
  translations: OrganisationTranslation[];
  /** organisations.links, read: social and other links besides the website. */
  linkList: OrganisationLink[];
  parent: { slug: string; name: string } | null;
  children: { slug: string; name: string }[];
}

export interface OrganisationTranslation {
  lang: string;
  name: string;
  description: string;
}
export interface OrganisationLink {
  label: string;
  url: string;
}

/** organisations.links as stored (JSON); anything unreadable counts as no links. */
export function parseLinks(json: string): OrganisationLink[] {
  try {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list)) return [];
    return list.flatMap((l) =>
      typeof l?.url === 'string' ? [{ label: typeof l.label === 'string' ? l.label : '', url: l.url }] : [],
    );
  } catch {
    return [];
  }
}

/** Who may see unpublished organisations in lists: the directory's editors. */
export function seesUnpublished(viewer: User | null): boolean {
  return !!viewer && (viewer.role === 'admin' || viewer.role === 'editor');
}

/** The organisations a filter selects (ids restricted to `onlyIds` when a text search ran). */
export function selection(db: Db, filter: DirectoryFilter, viewer: User | null, onlyIds?: number[]) {
  let q = db.selectFrom('organisations');
  if (!seesUnpublished(viewer)) q = q.where('organisations.status', '=', 'published');
  if (filter.kind) q = q.where('organisations.kind', '=', filter.kind);
  if (filter.country) q = q.where('organisations.country', '=', filter.country);
  if (filter.city) q = q.where('organisations.city', '=', filter.city);
  if (filter.verified) q = q.where('organisations.verified_at', 'is not', null);
  const facets: [FacetName, string | undefined][] = [
    ['domain', filter.domain],
    ['stage', filter.stage],
    ['language', filter.language],
  ];
  for (const [facet, value] of facets) {
    if (!value) continue;
    // After a text search the few matching ids lead, and each is checked for the facet (EXISTS);
    // otherwise the facet index gives the candidates (IN). Either way round the other would read
    // every organisation with a common facet value.
    q = onlyIds
      ? q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('organisation_facets')
              .select('organisation_facets.organisation_id')
              .whereRef('organisation_facets.organisation_id', '=', 'organisations.id')
              .where('organisation_facets.facet', '=', facet)
              .where('organisation_facets.value', '=', value),
          ),
        )
      : q.where('organisations.id', 'in', (eb) =>
          eb
            .selectFrom('organisation_facets')
            .select('organisation_id')
            .where('facet', '=', facet)
            .where('value', '=', value),
        );
  }
  if (onlyIds) q = q.where('organisations.id', 'in', onlyIds.length ? onlyIds : [-1]);
  return q;
}

export async function facetsOf(db: Db, ids: number[]): Promise<Map<number, Record<FacetName, string[]>>> {
  const out = new Map<number, Record<FacetName, string[]>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('organisation_facets')
    .selectAll()
    .where('organisation_id', 'in', ids)
    .execute();
  for (const id of ids) out.set(id, { domain: [], stage: [], language: [], facility: [] });
  for (const r of rows) out.get(r.organisation_id)?.[r.facet].push(r.value);
  return out;
}

export async function getOrganisation(db: Db, slug: string): Promise<OrganisationDetails | undefined> {
  const org = await db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!org) return undefined;
  const [facets, translations, parent, children] = await Promise.all([
    facetsOf(db, [org.id]),
    db
      .selectFrom('organisation_translations')
      .select(['lang', 'name', 'description'])
      .where('organisation_id', '=', org.id)
      .orderBy('lang')
      .execute(),
    org.parent_id
      ? db
          .selectFrom('organisations')
          .select(['slug', 'name'])
          .where('id', '=', org.parent_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('organisations')
      .select(['slug', 'name'])
      .where('parent_id', '=', org.id)
      .where('status', '=', 'published')
      .orderBy('name')
      .execute(),
  ]);
  const f = facets.get(org.id);
  return {
    ...org,
    domains: f?.domain ?? [],
    stages: f?.stage ?? [],
    languages: f?.language ?? [],
    facilities: f?.facility ?? [],
    translations,
    linkList: parseLinks(org.links),
    parent: parent ?? null,
    children,
  };
}

export async function memberRole(db: Db, organisationId: number, userId: number): Promise<MemberRole | null> {
  const row = await db
    .selectFrom('organisation_members')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/**
 * Organisations added by members wait for an administrator when the `directory.approval` setting
 * is '1'; the hub's editors and admins publish directly.
 */
export async function statusForNew(db: Db, user: User): Promise<OrganisationStatus> {
  if (user.role === 'admin' || user.role === 'editor') return 'published';
  const setting = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', APPROVAL_SETTING)
    .executeTakeFirst();
  return setting?.value === '1' ? 'pending' : 'published';
}

/** A URL name from the organisation's name in Latin letters, unique among organisations. */
export async function uniqueSlug(db: Db, name: string, translit: string | null | undefined): Promise<string> {
  const base =
    (translit || name)
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'organisation';
  let slug = RESERVED_SLUGS.has(base) ? `${base}-2` : base;
  for (let n = 2; ; n++) {
    const taken = await db
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!taken) return slug;
    slug = `${base}-${n}`;
  }
}

function rowValues(input: OrganisationInput) {
  return {
    kind: input.kind,
    name: input.name,
    name_translit: input.name_translit ?? null,
    lang: input.lang,
    description: input.description,
    country: input.country,
    province: input.province ?? null,
    city: input.city ?? null,
    address: input.address ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    website: input.website ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    contact_visibility: input.contact_visibility,
    founded_year: input.founded_year ?? null,
    opening_hours: input.opening_hours ?? null,
    links: JSON.stringify(input.links.map((l) => ({ label: l.label, url: l.url }))),
  };
}

/** Code point order, the same in JS whatever the database's collation. */
const byLang = (a: OrganisationTranslation, b: OrganisationTranslation) =>
  a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;

/** The translations as stored: one per language (the schema refuses doubles; the API is trusted less). */
function translationRows(input: OrganisationInput): OrganisationTranslation[] {
  const unique = new Map<string, OrganisationTranslation>();
  for (const tr of input.translations) {
    if (tr.lang === input.lang || unique.has(tr.lang)) continue;
    unique.set(tr.lang, { lang: tr.lang, name: tr.name ?? '', description: tr.description });
  }
  return [...unique.values()].sort(byLang);
}

async function writeTranslations(db: Db, organisationId: number, input: OrganisationInput): Promise<void> {
  await db.deleteFrom('organisation_translations').where('organisation_id', '=', organisationId).execute();
  const rows = translationRows(input);
  if (rows.length) {
    await db
      .insertInto('organisation_translations')
      .values(rows.map((tr) => ({ organisation_id: organisationId, ...tr })))
      .execute();
  }
}

async function writeFacets(db: Db, organisationId: number, input: OrganisationInput): Promise<void> {
  await db.deleteFrom('organisation_facets').where('organisation_id', '=', organisationId).execute();
  const rows = [
    ...input.domains.map((value) => ({ facet: 'domain' as const, value })),
    ...input.stages.map((value) => ({ facet: 'stage' as const, value })),
    ...[...new Set(input.languages)].map((value) => ({ facet: 'language' as const, value })),
    ...(input.kind === 'creative_hub'
      ? input.facilities.map((value) => ({ facet: 'facility' as const, value }))
      : []),
  ];
  const unique = [...new Map(rows.map((r) => [`${r.facet}:${r.value}`, r])).values()];
  if (unique.length) {
    await db
      .insertInto('organisation_facets')
      .values(unique.map((r) => ({ organisation_id: organisationId, ...r })))
      .execute();
  }
}

/** What the search index holds for an organisation. */
export async function searchRecordOf(db: Db, organisationId: number): Promise<SearchableRecord | undefined> {
  const org = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!org) return undefined;
  const translations = await db
    .selectFrom('organisation_translations')
    .select(['name', 'description'])
    .where('organisation_id', '=', org.id)
    .execute();
  return {
    type: 'organisation',
    recordId: org.id,
    lang: org.lang,
    title: [org.name, org.name_translit, ...translations.map((t) => t.name)].filter(Boolean).join(' · '),
    body: [org.description, ...translations.map((t) => t.description), org.city, org.province]
      .filter(Boolean)
      .join('\n\n'),
    url: `/directory/${org.slug}`,
    country: org.country,
    visibility: org.status === 'published' ? 'public' : 'private',
    ownerId: org.created_by,
    updatedAt: org.updated_at,
  };
}

export async function reindex(db: Db, organisationId: number): Promise<void> {
  const record = await searchRecordOf(db, organisationId);
  if (record) await indexRecord(db, record);
}

export async function createOrganisation(
  db: Db,
  input: OrganisationInput & { parentId?: number | null; slug?: string },
  actor: User | null,
  status: OrganisationStatus,
): Promise<Organisation> {
  const now = new Date().toISOString();
  const org = await db
    .insertInto('organisations')
    .values({
      ...rowValues(input),
      slug: input.slug ?? (await uniqueSlug(db, input.name, input.name_translit)),
      parent_id: input.parentId ?? null,
      status,
      created_by: actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeFacets(db, org.id, input);
  await writeTranslations(db, org.id, input);
  if (actor) {
    await db
      .insertInto('organisation_members')
      .values({ organisation_id: org.id, user_id: actor.id, role: 'owner', created_at: now })
      .execute();
  }
  await reindex(db, org.id);
  return org;
}

/** Saves changes and returns them as { field: { from, to } } (empty when nothing changed). */
export async function updateOrganisation(
  db: Db,
  org: OrganisationDetails,
  input: OrganisationInput & { parentId?: number | null },
  actor: User,
): Promise<Record<string, { from: unknown; to: unknown }>> {
  const values = { ...rowValues(input), parent_id: input.parentId ?? null };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(values)) {
    const from = org[key as keyof Organisation];
    if (from !== to) changes[key] = { from, to };
  }
  // The history shows links as lists, not as the stored JSON.
  if (changes.links) changes.links = { from: org.linkList, to: input.links };
  const asKey = (list: OrganisationTranslation[]) =>
    JSON.stringify([...list].sort(byLang).map((tr) => [tr.lang, tr.name, tr.description]));
  const translations = translationRows(input);
  if (asKey(org.translations) !== asKey(translations))
    changes.translations = {
      from: org.translations.map((tr) => tr.lang),
      to: translations.map((tr) => tr.lang),
    };
  const lists: [string, string[], string[]][] = [
    ['domains', org.domains, input.domains],
    ['stages', org.stages, input.stages],
    ['languages', org.languages, input.languages],
    ['facilities', org.facilities, input.kind === 'creative_hub' ? input.facilities : []],
  ];
  for (const [key, before, after] of lists) {
    if ([...before].sort().join() !== [...new Set(after)].sort().join())
      changes[key] = { from: before, to: after };
  }
  if (Object.keys(changes).length === 0) return changes;
  const now = new Date().toISOString();
  await db
    .updateTable('organisations')
    .set({ ...values, updated_at: now })
    .where('id', '=', org.id)
    .execute();
  await writeFacets(db, org.id, input);
  await writeTranslations(db, org.id, input);
  await db
    .insertInto('organisation_history')
    .values({ organisation_id: org.id, actor_id: actor.id, at: now, changes: JSON.stringify(changes) })
    .execute();
  await reindex(db, org.id);
  return changes;
}

export async function setVerified(db: Db, organisationId: number, verified: boolean): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ verified_at: verified ? new Date().toISOString() : null })
    .where('id', '=', organisationId)
    .execute();
}

/** Publishes (or hides) an organisation; the search index follows. */
export async function setStatus(db: Db, organisationId: number, status: OrganisationStatus): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ status, updated_at: new Date().toISOString() })
    .where('id', '=', organisationId)
    .execute();
  await reindex(db, organisationId);
}

export async function deleteOrganisation(db: Db, organisationId: number): Promise<void> {
  await removeRecord(db, 'organisation', organisationId);
  await db.deleteFrom('organisations').where('id', '=', organisationId).execute();
}

export function historyOf(db: Db, organisationId: number) {
  return db
    .selectFrom('organisation_history')
    .leftJoin('users', 'users.id', 'organisation_history.actor_id')
    .select([
      'organisation_history.id',
      'organisation_history.at',
      'organisation_history.changes',
      'users.name as actor_name',
    ])
    .where('organisation_id', '=', organisationId)
    .orderBy('organisation_history.id', 'desc')
    .limit(50)
    .execute();
}

/** Every organisation as a search record, for `hub search reindex`. */
export async function* allSearchRecords(db: Db): AsyncIterable<SearchableRecord> {
  let after = 0;
  for (;;) {
    const ids = await db
      .selectFrom('organisations')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (ids.length === 0) return;
    for (const { id } of ids) {
      const record = await searchRecordOf(db, id);
      if (record) yield record;
    }
    after = ids.at(-1)!.id;
  }
}
