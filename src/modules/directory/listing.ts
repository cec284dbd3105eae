// The directory's list: filters, text search through the search index, sorting (names in the
// reader's collation, so every script sorts as its readers expect), paging, the map's points and
// the exports — all from the same selection.
import type { Kysely } from 'kysely';
import { nameOrder, pageOfSelection, stamp } from '../../db/collated-order.ts';
import type { Database, User } from '../../db/schema.ts';
import type { Locale } from '../../locales/index.ts';
import { matchingRecordIds } from '../../search/index.ts';
import type { ExportedOrganisation } from './export.ts';
import { type LogoInfo, logoInfos } from './logo.ts';
import { type Place, placesOf } from './map.tsx';
import { canSeeContact } from './permissions.ts';
import type { DirectoryFilter, Sort } from './schemas.ts';
import { facetsOf, seesUnpublished, selection } from './store.ts';

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
  /** Version and sizes of its logo (no bytes), for the card's thumbnail. */
  logo?: LogoInfo;
}

export const PAGE_SIZE = 24;
const EXPORT_LIMIT = 10_000;

/** One search per request: the page's list and map get the same filter object and share it. */
const searched = new WeakMap<DirectoryFilter, Promise<number[]>>();

function textMatches(db: Db, filter: DirectoryFilter, viewer: User | null): Promise<number[] | undefined> {
  if (!filter.q) return Promise.resolve(undefined);
  let ids = searched.get(filter);
  if (!ids) {
    ids = matchingRecordIds(db, filter.q, {
      types: ['organisation'],
      viewer: viewer ? { id: viewer.id, role: viewer.role } : null,
    }).then((found) => found.map(Number));
    searched.set(filter, ids);
  }
  return ids;
}

/** No filter and no words: the whole directory. */
function isUnfiltered(filter: DirectoryFilter): boolean {
  return (
    !filter.q &&
    !filter.kind &&
    !filter.country &&
    !filter.city &&
    !filter.verified &&
    !filter.domain &&
    !filter.stage &&
    !filter.language
  );
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
  if (sort === 'name' && isUnfiltered(filter) && !seesUnpublished(ctx.viewer)) {
    // The directory as visitors first see it: straight from the name order, no query of its own.
    const { published } = await nameOrder(db, 'organisations', ctx.locale);
    total = published.length;
    pageIds = published.slice(offset, offset + pageSize);
  } else if (sort === 'name' || sort === 'relevance') {
    // Names follow Intl.Collator, which no database collation matches for every script: the
    // selection is sorted by each name's rank in the collated order (db/collated-order.ts).
    const all = await base.select('organisations.id').execute();
    ({ pageIds, total } = await pageOfSelection(
      db,
      'organisations',
      all.map((r) => r.id),
      sort === 'name' ? { locale: ctx.locale } : { relevance: matches ?? [] },
      { offset, size: pageSize },
    ));
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
  const [rows, facets, translations, logos] = await Promise.all([
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
    logoInfos(db, pageIds),
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
        logo: logos.get(r.id),
      },
    ];
  });
  return { cards, total };
}

/** Up to this many organisations are fetched one by one for the map, their names in its labels. */
const MAP_ROWS = 1000;

/**
 * The places of the selection on the map: organisations with coordinates grouped by city. Small
 * selections are grouped here, with names; big ones by the database, with counts (a hundred
 * thousand rows are not worth fetching for a few dozen dots).
 */
export async function mapPlaces(
  db: Db,
  filter: DirectoryFilter,
  viewer: User | null,
  selected: number,
): Promise<Place[]> {
  const matches = await textMatches(db, filter, viewer);
  const located = selection(db, filter, viewer, matches)
    .where('organisations.latitude', 'is not', null)
    .where('organisations.longitude', 'is not', null);
  if (selected <= MAP_ROWS) {
    const rows = await located
      .select([
        'organisations.slug',
        'organisations.name',
        'organisations.city',
        'organisations.country',
        'organisations.latitude',
        'organisations.longitude',
      ])
      .limit(MAP_ROWS)
      .execute();
    return placesOf(rows.map((r) => ({ ...r, latitude: r.latitude ?? 0, longitude: r.longitude ?? 0 })));
  }
  // Grouping a hundred thousand rows takes longer than a page may: the groups of text-free
  // selections are kept until an organisation changes (same stamp as the name order).
  const key = filter.q
    ? undefined
    : JSON.stringify([
        filter.kind,
        filter.country,
        filter.city,
        filter.verified,
        filter.domain,
        filter.stage,
        filter.language,
        seesUnpublished(viewer),
      ]);
  const version = key ? await stamp(db, 'organisations') : undefined;
  let bigMaps = bigMapsByDb.get(db);
  if (!bigMaps) {
    bigMaps = new Map();
    bigMapsByDb.set(db, bigMaps);
  }
  const cached = key ? bigMaps.get(key) : undefined;
  if (cached && version && cached.count === version.count && cached.latest === version.latest)
    return cached.places;
  const groups = await located
    .select((eb) => [
      'organisations.country',
      eb.fn.coalesce('organisations.city', 'organisations.slug').as('place'),
      eb.fn.max('organisations.city').as('city'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.avg<number>('organisations.latitude').as('latitude'),
      eb.fn.avg<number>('organisations.longitude').as('longitude'),
      eb.fn.min('organisations.slug').as('slug'),
      eb.fn.min('organisations.name').as('name'),
    ])
    .groupBy(['organisations.country', 'place'])
    .execute();
  const places = groups
    .map((g) => ({
      key: `${g.country}|${g.place}`,
      city: g.city,
      country: g.country,
      latitude: Number(g.latitude),
      longitude: Number(g.longitude),
      count: Number(g.n),
      organisations: Number(g.n) === 1 ? [{ slug: String(g.slug), name: String(g.name) }] : [],
    }))
    .sort((a, b) => b.count - a.count);
  if (key && version) {
    if (bigMaps.size >= 100) bigMaps.clear();
    bigMaps.set(key, { ...version, places });
  }
  return places;
}

const bigMapsByDb = new WeakMap<Db, Map<string, { count: number; latest: string; places: Place[] }>>();

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
