// The directory's list: filters, text search through the search index, sorting (names in the
// reader's collation, so every script sorts as its readers expect), paging, and the values the
// filters offer. The map (places.ts) and the exports (export.ts) read the same selection.
import type { Kysely } from 'kysely';
import { pageOfNamedList } from '../../db/collated-order.ts';
import type { Database, User } from '../../db/schema.ts';
import type { Locale } from '../../locales/index.ts';
import { matchingRecordIds } from '../../search/index.ts';
import { facetsOf } from './access.ts';
import { type LogoInfo, logos } from './logo.ts';
import { seesUnpublished } from './permissions.ts';
import type { DirectoryFilter, Sort } from './schemas.ts';
import type { FacetName } from './vocab.ts';

type Db = Kysely<Database>;

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

/** One search per request: the page's list and map get the same filter object and share it. */
const searched = new WeakMap<DirectoryFilter, Promise<number[]>>();

export function textMatches(
  db: Db,
  filter: DirectoryFilter,
  viewer: User | null,
): Promise<number[] | undefined> {
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
  // The directory as visitors first see it comes straight from the name order.
  const { pageIds, total } = await pageOfNamedList(
    db,
    'organisations',
    selection(db, filter, ctx.viewer, matches),
    {
      sort: effectiveSort(filter),
      locale: ctx.locale,
      matches,
      whole: isUnfiltered(filter) && !seesUnpublished(ctx.viewer),
    },
    { offset: (filter.page - 1) * pageSize, size: pageSize },
  );
  return { cards: await cardsOf(db, pageIds, ctx.locale), total };
}

/** The cards of `pageIds`, in that order (those that are gone are left out). */
export async function cardsOf(db: Db, pageIds: number[], locale: Locale): Promise<OrganisationCard[]> {
  if (pageIds.length === 0) return [];
  const [rows, facets, translations, logoOf] = await Promise.all([
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
      .where('lang', '=', locale)
      .execute(),
    logos.infos(db, pageIds),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const translatedName = new Map(translations.map((t) => [t.organisation_id, t.name]));
  return pageIds.flatMap((id) => {
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
        translatedName: r.lang === locale ? null : (translatedName.get(r.id) ?? null),
        logo: logoOf.get(r.id),
      },
    ];
  });
}

/** The countries and working languages there are organisations of, for the filters. */
export async function filterOptions(db: Db): Promise<{ countries: string[]; languages: string[] }> {
  const [countries, languages] = await Promise.all([
    db.selectFrom('organisations').select('country').distinct().where('status', '=', 'published').execute(),
    db.selectFrom('organisation_facets').select('value').distinct().where('facet', '=', 'language').execute(),
  ]);
  return { countries: countries.map((r) => r.country), languages: languages.map((r) => r.value) };
}
