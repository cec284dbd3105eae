// The directory's list: filters, text search through the search index, sorting (names in the
// reader's collation, so every script sorts as its readers expect), paging, the map's points and
// the exports — all from the same selection.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { Locale } from '../../locales/index.ts';
import { matchingRecordIds } from '../../search/index.ts';
import type { ExportedOrganisation } from './export.ts';
import type { MapOrganisation } from './map.tsx';
import { canSeeContact } from './permissions.ts';
import type { DirectoryFilter, Sort } from './schemas.ts';
import { facetsOf, selection } from './store.ts';

type Db = Kysely<Database>;

export interface OrganisationCard {
  id: number;
  slug: string;
  name: string;
  name_translit: string | null;
  lang: string;
  kind: string;
  city: string | null;
  country: string;
  description: string;
  verified: boolean;
  status: string;
  domains: string[];
  translatedName: string | null;
}

export const PAGE_SIZE = 24;
const MAP_LIMIT = 5000;
const EXPORT_LIMIT = 10_000;

async function textMatches(
  db: Db,
  filter: DirectoryFilter,
  viewer: User | null,
): Promise<number[] | undefined> {
  if (!filter.q) return undefined;
  const ids = await matchingRecordIds(db, filter.q, {
    types: ['organisation'],
    viewer: viewer ? { id: viewer.id, role: viewer.role } : null,
  });
  return ids.map(Number);
}

export function effectiveSort(filter: DirectoryFilter): Sort {
  return filter.sort ?? (filter.q ? 'relevance' : 'name');
}

/** One page of the selection, and how many there are in all. */
export async function listOrganisations(
  db: Db,
  filter: DirectoryFilter,
  ctx: { viewer: User | null; locale: Locale; pageSize?: number },
): Promise<{ cards: OrganisationCard[]; total: number }> {
  const pageSize = ctx.pageSize ?? PAGE_SIZE;
  const matches = await textMatches(db, filter, ctx.viewer);
  const base = selection(db, filter, ctx.viewer, matches);
  const sort = effectiveSort(filter);
  const offset = (filter.page - 1) * pageSize;
  let pageIds: number[];
  let total: number;
  if (sort === 'name' || sort === 'relevance') {
    // Names are ordered by Intl.Collator, which no database collation matches for every script.
    const all = await base.select(['organisations.id', 'organisations.name']).execute();
    total = all.length;
    if (sort === 'name') {
      const collator = new Intl.Collator(ctx.locale);
      all.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
    } else {
      const rank = new Map((matches ?? []).map((id, i) => [id, i]));
      all.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
    }
    pageIds = all.slice(offset, offset + pageSize).map((r) => r.id);
  } else {
    const column = sort === 'newest' ? 'organisations.created_at' : 'organisations.updated_at';
    const [rows, count] = await Promise.all([
      base
        .select('organisations.id')
        .orderBy(column, 'desc')
        .orderBy('organisations.id', 'desc')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    pageIds = rows.map((r) => r.id);
    total = Number(count.n);
  }
  if (pageIds.length === 0) return { cards: [], total };
  const [rows, facets, translations] = await Promise.all([
    db
      .selectFrom('organisations')
      .select([
        'id',
        'slug',
        'name',
        'name_translit',
        'lang',
        'kind',
        'city',
        'country',
        'description',
        'verified_at',
        'status',
      ])
      .where('id', 'in', pageIds)
      .execute(),
    facetsOf(db, pageIds),
    db
      .selectFrom('organisation_translations')
      .select(['organisation_id', 'name'])
      .where('organisation_id', 'in', pageIds)
      .where('lang', '=', ctx.locale)
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const translatedName = new Map(translations.map((t) => [t.organisation_id, t.name]));
  const cards = pageIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        slug: r.slug,
        name: r.name,
        name_translit: r.name_translit,
        lang: r.lang,
        kind: r.kind,
        city: r.city,
        country: r.country,
        description: r.description,
        verified: r.verified_at !== null,
        status: r.status,
        domains: facets.get(r.id)?.domain ?? [],
        translatedName: r.lang === ctx.locale ? null : (translatedName.get(r.id) ?? null),
      },
    ];
  });
  return { cards, total };
}

/** Every organisation of the selection that has coordinates, for the map. */
export async function mapOrganisations(
  db: Db,
  filter: DirectoryFilter,
  viewer: User | null,
): Promise<MapOrganisation[]> {
  const matches = await textMatches(db, filter, viewer);
  const rows = await selection(db, filter, viewer, matches)
    .select([
      'organisations.slug',
      'organisations.name',
      'organisations.city',
      'organisations.country',
      'organisations.latitude',
      'organisations.longitude',
    ])
    .where('organisations.latitude', 'is not', null)
    .where('organisations.longitude', 'is not', null)
    .limit(MAP_LIMIT)
    .execute();
  return rows.map((r) => ({ ...r, latitude: r.latitude ?? 0, longitude: r.longitude ?? 0 }));
}

/** The selection with the fields of an export; contacts only where the reader may see them. */
export async function exportOrganisations(
  db: Db,
  filter: DirectoryFilter,
  ctx: { viewer: User | null; baseUrl: string },
): Promise<ExportedOrganisation[]> {
  const matches = await textMatches(db, filter, ctx.viewer);
  const rows = await selection(db, filter, ctx.viewer, matches)
    .selectAll('organisations')
    .orderBy('organisations.name')
    .limit(EXPORT_LIMIT)
    .execute();
  const ids = rows.map((r) => r.id);
  const [facets, memberships] = await Promise.all([
    facetsOf(db, ids),
    ctx.viewer && ids.length
      ? db
          .selectFrom('organisation_members')
          .select(['organisation_id', 'role'])
          .where('user_id', '=', ctx.viewer.id)
          .where('organisation_id', 'in', ids)
          .execute()
      : Promise.resolve([]),
  ]);
  const roleOf = new Map(memberships.map((m) => [m.organisation_id, m.role]));
  return rows.map((r) => {
    const contact = canSeeContact(ctx.viewer, r, roleOf.get(r.id) ?? null);
    const f = facets.get(r.id);
    return {
      slug: r.slug,
      url: `${ctx.baseUrl}/directory/${r.slug}`,
      name: r.name,
      name_translit: r.name_translit,
      kind: r.kind,
      country: r.country,
      province: r.province,
      city: r.city,
      address: r.address,
      latitude: r.latitude,
      longitude: r.longitude,
      website: r.website,
      email: contact ? r.email : null,
      phone: contact ? r.phone : null,
      founded_year: r.founded_year,
      verified: r.verified_at !== null,
      domains: f?.domain ?? [],
      stages: f?.stage ?? [],
      languages: f?.language ?? [],
      updated_at: r.updated_at,
    };
  });
}
