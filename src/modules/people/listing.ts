// The people list: filters, text search through the search index (type 'person'), sorting (names
// in the reader's collation), paging and the exports — all from the same selection.
import type { Kysely } from 'kysely';
import { nameOrder, pageOfSelection } from '../../db/collated-order.ts';
import type { Database, User } from '../../db/schema.ts';
import type { Locale } from '../../locales/index.ts';
import { matchingRecordIds } from '../../search/index.ts';
import { canSeeContact } from './permissions.ts';
import { type PhotoInfo, photoInfos } from './photo.ts';
import type { PeopleFilter, Sort } from './schemas.ts';
import { facetsOf, organisationsOf, selection, translatedTitles } from './store.ts';

type Db = Kysely<Database>;

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
const EXPORT_LIMIT = 10_000;

async function textMatches(db: Db, filter: PeopleFilter, viewer: User | null): Promise<number[] | undefined> {
  if (!filter.q) return undefined;
  const ids = await matchingRecordIds(db, filter.q, {
    types: ['person'],
    viewer: viewer ? { id: viewer.id, role: viewer.role } : null,
  });
  return ids.map(Number);
}

export function effectiveSort(filter: PeopleFilter): Sort {
  return filter.sort ?? (filter.q ? 'relevance' : 'name');
}

/** One page of the selection, and how many there are in all. */
export async function listPeople(
  db: Db,
  filter: PeopleFilter,
  ctx: { viewer: User | null; locale: Locale; pageSize?: number },
): Promise<{ cards: PersonCard[]; total: number }> {
  const pageSize = ctx.pageSize ?? PAGE_SIZE;
  const matches = await textMatches(db, filter, ctx.viewer);
  const base = selection(db, filter, ctx.viewer, matches);
  const sort = effectiveSort(filter);
  const offset = (filter.page - 1) * pageSize;
  let pageIds: number[];
  let total: number;
  const unfiltered =
    !filter.q && !filter.country && !filter.domain && !filter.language && !filter.organisation;
  if (sort === 'name' && unfiltered && !ctx.viewer) {
    // The list as visitors first see it: straight from the name order (db/collated-order.ts).
    const { published } = await nameOrder(db, 'people', ctx.locale);
    total = published.length;
    pageIds = published.slice(offset, offset + pageSize);
  } else if (sort === 'name' || sort === 'relevance') {
    // Names follow Intl.Collator, which no database collation matches for every script: the
    // selection is sorted by each name's rank in the collated order (db/collated-order.ts).
    const all = await base.select('people.id').execute();
    ({ pageIds, total } = await pageOfSelection(
      db,
      'people',
      all.map((r) => r.id),
      sort === 'name' ? { locale: ctx.locale } : { relevance: matches ?? [] },
      { offset, size: pageSize },
    ));
  } else {
    const column = sort === 'newest' ? 'people.created_at' : 'people.updated_at';
    const [rows, count] = await Promise.all([
      base
        .select('people.id')
        .orderBy(column, 'desc')
        .orderBy('people.id', 'desc')
        .limit(pageSize)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    pageIds = rows.map((r) => r.id);
    total = Number(count.n);
  }
  if (pageIds.length === 0) return { cards: [], total };
  const [rows, facets, organisations, titles, photos] = await Promise.all([
    db
      .selectFrom('people')
      .select(['id', 'slug', 'name', 'name_translit', 'lang', 'title', 'country', 'status'])
      .where('id', 'in', pageIds)
      .execute(),
    facetsOf(db, pageIds),
    organisationsOf(db, pageIds),
    translatedTitles(db, pageIds, ctx.locale),
    photoInfos(db, pageIds),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const cards = pageIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        ...r,
        domains: facets.get(id)?.domain ?? [],
        organisations: (organisations.get(id) ?? [])
          .filter((o) => o.published)
          .map(({ slug, name, role }) => ({ slug, name, role })),
        ...(r.lang !== ctx.locale && titles.has(id) ? { translatedTitle: titles.get(id) } : {}),
        ...(photos.has(id) ? { photo: photos.get(id) } : {}),
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
    let links: string[] = [];
    try {
      links = JSON.parse(r.links) as string[];
    } catch {
      links = [];
    }
    return {
      slug: r.slug,
      url: `${ctx.baseUrl}/directory/people/${r.slug}`,
      name: r.name,
      name_translit: r.name_translit,
      title: r.title,
      organisations: (organisations.get(r.id) ?? [])
        .filter((o) => o.published)
        .map(({ slug, name, role }) => ({ slug, name, role })),
      country: r.country,
      domains: f?.domain ?? [],
      languages: f?.language ?? [],
      skills: f?.skill ?? [],
      links,
      email: contact ? r.email : null,
      phone: contact ? r.phone : null,
      updated_at: r.updated_at,
    };
  });
}
