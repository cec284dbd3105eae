// "Find a partner": organisations of the directory and people with a public profile, by domain,
// country, kind of organisation and language, through the directory's and the people's own lists
// (their filters, visibility and order), so the network repeats none of their rules. People are
// not filtered by kind (a profile has none); skills are not yet a filter (docs/network.md).
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { Locale } from '../../locales/index.ts';
import { directoryFilterSchema, listOrganisations, type OrganisationCard } from '../directory/index.ts';
import { listPeople, type PersonCard, peopleFilterSchema } from '../people/index.ts';
import type { PartnerFilter } from './schemas.ts';

type Db = Kysely<Database>;

/** Results per list on the page; the lists' own pages have the rest. */
export const PARTNERS_SHOWN = 12;

export interface PartnerResults {
  organisations: { cards: OrganisationCard[]; total: number };
  people: { cards: (PersonCard & { userId: number | null })[]; total: number };
  /** The same filters on the directory's and the people's own pages. */
  organisationsHref: string;
  peopleHref: string;
}

function query(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export async function findPartners(
  db: Db,
  filter: PartnerFilter,
  ctx: { viewer: User | null; locale: Locale },
): Promise<PartnerResults> {
  const orgQuery = {
    domain: filter.domain,
    country: filter.country,
    kind: filter.kind,
    language: filter.language,
  };
  const personQuery = { domain: filter.domain, country: filter.country, language: filter.language };
  const [organisations, people] = await Promise.all([
    listOrganisations(db, directoryFilterSchema.parse(orgQuery), { ...ctx, pageSize: PARTNERS_SHOWN }),
    // A kind of organisation says nothing of a person: with one chosen, only organisations are found.
    filter.kind
      ? { cards: [], total: 0 }
      : listPeople(db, peopleFilterSchema.parse(personQuery), { ...ctx, pageSize: PARTNERS_SHOWN }),
  ]);
  const ids = people.cards.map((p) => p.id);
  const accounts = ids.length
    ? await db.selectFrom('people').select(['id', 'user_id']).where('id', 'in', ids).execute()
    : [];
  const accountOf = new Map(accounts.map((a) => [a.id, a.user_id]));
  return {
    organisations,
    people: {
      total: people.total,
      cards: people.cards.map((p) => ({ ...p, userId: accountOf.get(p.id) ?? null })),
    },
    organisationsHref: `/directory${query(orgQuery)}`,
    peopleHref: `/directory/people${query(personQuery)}`,
  };
}
