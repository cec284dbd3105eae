// The key figures of an event, computed from its roster in SQL: one grouped query over the roster
// (role × country × gender × category × kind of organisation), one over the check-ins, and the
// event's categories. Observers are counted apart from the participants; every breakdown is of
// the participants.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Gender, OrganisationKind } from '../../../platform/vocabularies.ts';

type Db = Kysely<Database>;

export interface Tally<K extends string = string> {
  key: K;
  count: number;
}

export interface KeyFigures {
  participants: number;
  observers: number;
  /** ISO codes, most participants first. */
  countries: Tally[];
  /** Participants whose country is not known. */
  countryUnknown: number;
  gender: Record<Gender | 'unstated', number>;
  /** Women among the participants who stated a gender (0–1); null when nobody did. */
  womenShare: number | null;
  /** Participants who stated a gender: the base of womenShare. */
  genderStated: number;
  /** Every category of the event in its order, with zero counts too. */
  categories: { id: number; label: string; count: number }[];
  uncategorised: number;
  kinds: Tally<OrganisationKind>[];
  kindUnknown: number;
  /** Per day checked in, participants and observers; empty when check-in was not used. */
  attendance: { date: string; participants: number; observers: number }[];
}

const byCount = (a: Tally, b: Tally) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function tally<K extends string>(counts: Map<K, number>): Tally<K>[] {
  return [...counts].map(([key, count]) => ({ key, count })).sort(byCount) as Tally<K>[];
}

function add<K>(map: Map<K, number>, key: K, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

export async function keyFigures(db: Db, eventId: number): Promise<KeyFigures> {
  const [groups, categories, days] = await Promise.all([
    db
      .selectFrom('event_participants')
      .select((eb) => [
        'role',
        'country',
        'gender',
        'category_id',
        'organisation_kind',
        eb.fn.countAll<number>().as('n'),
      ])
      .where('event_id', '=', eventId)
      .groupBy(['role', 'country', 'gender', 'category_id', 'organisation_kind'])
      .execute(),
    db
      .selectFrom('event_categories')
      .select(['id', 'label'])
      .where('event_id', '=', eventId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('event_checkins as c')
      .innerJoin('event_participants as p', 'p.id', 'c.participant_id')
      .select((eb) => ['c.date', 'p.role', eb.fn.countAll<number>().as('n')])
      .where('c.event_id', '=', eventId)
      .groupBy(['c.date', 'p.role'])
      .orderBy('c.date')
      .execute(),
  ]);

  let participants = 0;
  let observers = 0;
  let countryUnknown = 0;
  let uncategorised = 0;
  let kindUnknown = 0;
  const countries = new Map<string, number>();
  const kinds = new Map<OrganisationKind, number>();
  const perCategory = new Map<number, number>();
  const gender: KeyFigures['gender'] = { woman: 0, man: 0, another: 0, unstated: 0 };
  for (const g of groups) {
    const n = Number(g.n);
    if (g.role === 'observer') {
      observers += n;
      continue;
    }
    participants += n;
    if (g.country) add(countries, g.country, n);
    else countryUnknown += n;
    gender[g.gender ?? 'unstated'] += n;
    if (g.category_id !== null) add(perCategory, g.category_id, n);
    else uncategorised += n;
    if (g.organisation_kind) add(kinds, g.organisation_kind, n);
    else kindUnknown += n;
  }
  // A category removed meanwhile leaves its participants uncategorised (set null), never lost.
  const known = new Set(categories.map((c) => c.id));
  for (const [id, n] of perCategory) if (!known.has(id)) uncategorised += n;

  const stated = gender.woman + gender.man + gender.another;
  const attendance = new Map<string, { date: string; participants: number; observers: number }>();
  for (const d of days) {
    const day = attendance.get(d.date) ?? { date: d.date, participants: 0, observers: 0 };
    if (d.role === 'observer') day.observers += Number(d.n);
    else day.participants += Number(d.n);
    attendance.set(d.date, day);
  }
  return {
    participants,
    observers,
    countries: tally(countries),
    countryUnknown,
    gender,
    womenShare: stated ? gender.woman / stated : null,
    genderStated: stated,
    categories: categories.map((c) => ({ ...c, count: perCategory.get(c.id) ?? 0 })),
    uncategorised,
    kinds: tally(kinds),
    kindUnknown,
    attendance: [...attendance.values()],
  };
}
