// The lists of people: the filtered selection, text search through the search index (type
// 'person'), sorting (names in the reader's collation), paging and the exports — all from the same
// selection — the values the filters offer, and the administrators' list of pending claims.
import type { Kysely } from 'kysely';
import { pageOfNamedList } from '../../db/collated-order.ts';
import type { Database, User } from '../../db/schema.ts';
import type { Locale } from '../../locales/index.ts';
import { matchingRecordIds } from '../../search/index.ts';
import { facetsOf, organisationsOf, parseLinks, publishedOrganisations } from './access.ts';
import { canSeeContact } from './permissions.ts';
import { type PhotoInfo, photos } from './photo.ts';
import { effectiveSort, type PeopleFilter } from './schemas.ts';
import type { PersonFacet } from './vocab.ts';

type Db = Kysely<Database>;

/** Who sees unpublished profiles in lists: the hub's editors (and each owner their own). */
export function seesUnpublished(viewer: User | null): boolean {
  return !!viewer && (viewer.role === 'admin' || viewer.role === 'editor');
}

/** The people a filter selects (ids restricted to `onlyIds` when a text search ran). */
function selection(db: Db, filter: PeopleFilter, viewer: User | null, onlyIds?: number[]) {
  let q = db.selectFrom('people');
  if (!seesUnpublished(viewer)) {
    q = viewer
      ? q.where((eb) => eb.or([eb('people.status', '=', 'published'), eb('people.user_id', '=', viewer.id)]))
      : q.where('people.status', '=', 'published');
  }
  if (filter.country) q = q.where('people.country', '=', filter.country);
  const facets: [PersonFacet, string | undefined][] = [
    ['domain', filter.domain],
    ['language', filter.language],
  ];
  for (const [facet, value] of facets) {
    if (!value) continue;
    q = q.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('person_facets')
        .select('person_id')
        .where('facet', '=', facet)
        .where('value', '=', value),
    );
  }
  if (filter.organisation) {
    const slug = filter.organisation;
    q = q.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('person_organisations')
        .innerJoin('organisations', 'organisations.id', 'person_organisations.organisation_id')
        .select('person_organisations.person_id')
        .where('organisations.slug', '=', slug),
    );
  }
  if (onlyIds) q = q.where('people.id', 'in', onlyIds.length ? onlyIds : [-1]);
  return q;
}

/** The translated titles of some people in one language (the cards of a reader). */
async function translatedTitles(db: Db, ids: number[], lang: string): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('person_translations')
    .select(['person_id', 'title'])
    .where('person_id', 'in', ids)
    .where('lang', '=', lang)
    .where('title', 'is not', null)
    .execute();
  return new Map(rows.flatMap((r) => (r.title ? [[r.person_id, r.title] as const] : [])));
}

export interface PersonCard {
  id: number;
  slug: string;
  name: string;
  name_translit: string | null;
  lang: string;
  title: string | null;
  country: string | null;
  status: string;
  domains: string[];
  organisations: { slug: string; name: string; role: string | null }[];
  /** The title in the reader's language, when translated. */
  translatedTitle?: string;
  /** Version and sizes of the photo (no bytes), for the card's thumbnail. */
  photo?: PhotoInfo;
}

export const PAGE_SIZE = 24;
export const EXPORT_LIMIT = 10_000;

async function textMatches(db: Db, filter: PeopleFilter, viewer: User | null): Promise<number[] | undefined> {
  if (!filter.q) return undefined;
  const ids = await matchingRecordIds(db, filter.q, {
    types: ['person'],
    viewer: viewer ? { id: viewer.id, role: viewer.role } : null,
  });
  return ids.map(Number);
}

/** One page of the selection, and how many there are in all. */
export async function listPeople(
  db: Db,
  filter: PeopleFilter,
  ctx: { viewer: User | null; locale: Locale; pageSize?: number },
): Promise<{ cards: PersonCard[]; total: number }> {
  const pageSize = ctx.pageSize ?? PAGE_SIZE;
  const matches = await textMatches(db, filter, ctx.viewer);
  const unfiltered =
    !filter.q && !filter.country && !filter.domain && !filter.language && !filter.organisation;
  const { pageIds, total } = await pageOfNamedList(
    db,
    'people',
    selection(db, filter, ctx.viewer, matches),
    // Visitors see the published profiles only; a member also sees their own draft.
    { sort: effectiveSort(filter), locale: ctx.locale, matches, whole: unfiltered && !ctx.viewer },
    { offset: (filter.page - 1) * pageSize, size: pageSize },
  );
  if (pageIds.length === 0) return { cards: [], total };
  const [rows, facets, organisations, titles, pictures] = await Promise.all([
    db
      .selectFrom('people')
      .select(['id', 'slug', 'name', 'name_translit', 'lang', 'title', 'country', 'status'])
      .where('id', 'in', pageIds)
      .execute(),
    facetsOf(db, pageIds),
    organisationsOf(db, pageIds),
    translatedTitles(db, pageIds, ctx.locale),
    photos.infos(db, pageIds),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const cards = pageIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        ...r,
        domains: facets.get(id)?.domain ?? [],
        organisations: publishedOrganisations(organisations.get(id)),
        ...(r.lang !== ctx.locale && titles.has(id) ? { translatedTitle: titles.get(id) } : {}),
        ...(pictures.has(id) ? { photo: pictures.get(id) } : {}),
      },
    ];
  });
  return { cards, total };
}

export interface ExportedPerson {
  slug: string;
  url: string;
  name: string;
  name_translit: string | null;
  title: string | null;
  organisations: { slug: string; name: string; role: string | null }[];
  country: string | null;
  domains: string[];
  languages: string[];
  skills: string[];
  links: string[];
  email: string | null;
  phone: string | null;
  updated_at: string;
}

/** The selection with the fields of an export; contacts only where the reader may see them. */
export async function exportPeople(
  db: Db,
  filter: PeopleFilter,
  ctx: { viewer: User | null; baseUrl: string },
): Promise<ExportedPerson[]> {
  const matches = await textMatches(db, filter, ctx.viewer);
  const rows = await selection(db, filter, ctx.viewer, matches)
    .selectAll('people')
    .orderBy('people.name')
    .limit(EXPORT_LIMIT)
    .execute();
  const ids = rows.map((r) => r.id);
  const [facets, organisations] = await Promise.all([facetsOf(db, ids), organisationsOf(db, ids)]);
  return rows.map((r) => {
    const contact = canSeeContact(ctx.viewer, r);
    const f = facets.get(r.id);
    return {
      slug: r.slug,
      url: `${ctx.baseUrl}/directory/people/${r.slug}`,
      name: r.name,
      name_translit: r.name_translit,
      title: r.title,
      organisations: publishedOrganisations(organisations.get(r.id)),
      country: r.country,
      domains: f?.domain ?? [],
      languages: f?.language ?? [],
      skills: f?.skill ?? [],
      links: parseLinks(r.links),
      email: contact ? r.email : null,
      phone: contact ? r.phone : null,
      updated_at: r.updated_at,
    };
  });
}

/** Beyond this many, the organisation filter is not offered as a list (see organisationChoices). */
const ORGANISATION_CHOICES = 100;

/**
 * The organisations offered as a filter: all of them while they are few; beyond that a list of
 * thousands would weigh more than the page, so only the one chosen (reached from its profile's
 * "People of this organisation" link) is offered.
 */
async function organisationChoices(db: Db, chosen: string | undefined) {
  const some = await db
    .selectFrom('person_organisations')
    .innerJoin('organisations', 'organisations.id', 'person_organisations.organisation_id')
    .select(['organisations.slug', 'organisations.name'])
    .distinct()
    .where('organisations.status', '=', 'published')
    .limit(ORGANISATION_CHOICES + 1)
    .execute();
  if (some.length <= ORGANISATION_CHOICES) return some;
  if (!chosen) return [];
  return db
    .selectFrom('organisations')
    .select(['slug', 'name'])
    .where('slug', '=', chosen)
    .where('status', '=', 'published')
    .execute();
}

/** What the filters offer: the countries of published profiles, the languages spoken, organisations. */
export async function filterChoices(db: Db, filter: PeopleFilter) {
  const [countries, languages, organisations] = await Promise.all([
    db
      .selectFrom('people')
      .select('country')
      .distinct()
      .where('status', '=', 'published')
      .where('country', 'is not', null)
      .execute(),
    db.selectFrom('person_facets').select('value').distinct().where('facet', '=', 'language').execute(),
    organisationChoices(db, filter.organisation),
  ]);
  return {
    countries: countries.flatMap((r) => (r.country ? [r.country] : [])),
    languages: languages.map((r) => r.value),
    organisations,
  };
}

/** How many claims wait for an administrator. */
export async function pendingClaimCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('person_claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The claims waiting for an administrator, oldest first, with who asked for which profile. */
export function pendingClaims(db: Db) {
  return db
    .selectFrom('person_claims')
    .innerJoin('people', 'people.id', 'person_claims.person_id')
    .innerJoin('users', 'users.id', 'person_claims.user_id')
    .select([
      'person_claims.id',
      'person_claims.message',
      'person_claims.created_at',
      'people.slug as person_slug',
      'people.name as person_name',
      'users.name as user_name',
      'users.email as user_email',
    ])
    .where('person_claims.status', '=', 'pending')
    .orderBy('person_claims.created_at')
    .orderBy('person_claims.id')
    .limit(200)
    .execute();
}

export type PendingClaim = Awaited<ReturnType<typeof pendingClaims>>[number];
