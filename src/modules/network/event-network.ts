// "Met at": the people of an event who agreed to be seen by the other participants (their
// networking consent, kept on the events module's roster, event_participants.networking_consent),
// and the network among them: groups by country and kind of organisation, linked where two of their
// people are connected here or share an organisation. Only the event's participants read it.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { HttpError } from '../../platform/http/errors.ts';

type Db = Kysely<Database>;

/** A published (or past, cancelled…) event, never a draft: the network shows nothing of those. */
export async function loadNetworkEvent(db: Db, slug: string) {
  const event = await db
    .selectFrom('events')
    .select(['id', 'slug', 'title', 'status'])
    .where('slug', '=', slug)
    .where('status', '!=', 'draft')
    .executeTakeFirst();
  if (!event) throw new HttpError(404, 'error.404.message');
  return event;
}
export type NetworkEvent = Awaited<ReturnType<typeof loadNetworkEvent>>;

/** Whether `user` took part in the event (is on its roster). */
export async function tookPart(db: Db, eventId: number, user: User): Promise<boolean> {
  const row = await db
    .selectFrom('event_participants')
    .select('id')
    .where('event_id', '=', eventId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  return !!row;
}

/** Only the event's participants see who else took part; anyone else is refused. */
export async function ensureTookPart(db: Db, eventId: number, user: User): Promise<void> {
  if (!(await tookPart(db, eventId, user))) throw new HttpError(403, 'network.notParticipant');
}

export interface MetPerson {
  userId: number | null;
  name: string;
  organisation: string | null;
  organisationId: number | null;
  kind: string | null;
  country: string | null;
  personSlug: string | null;
}

/** The participants who agreed to be seen, by name. */
export async function metAt(db: Db, eventId: number): Promise<MetPerson[]> {
  const rows = await db
    .selectFrom('event_participants as p')
    .leftJoin('people as person', (join) =>
      join
        .on((eb) =>
          eb.or([
            eb('person.id', '=', eb.ref('p.person_id')),
            eb.and([eb('p.person_id', 'is', null), eb('person.user_id', '=', eb.ref('p.user_id'))]),
          ]),
        )
        .on('person.status', '=', 'published'),
    )
    .select([
      'p.user_id',
      'p.name',
      'p.organisation_name',
      'p.organisation_id',
      'p.organisation_kind',
      'p.country',
      'person.slug as personSlug',
    ])
    .where('p.event_id', '=', eventId)
    .where('p.networking_consent', '=', 1)
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    organisation: r.organisation_name,
    organisationId: r.organisation_id,
    kind: r.organisation_kind,
    country: r.country,
    personSlug: r.personSlug,
  }));
}

export interface NetworkGroup {
  key: string;
  country: string | null;
  kind: string | null;
  count: number;
}

export interface NetworkLink {
  from: string;
  to: string;
  /** How many pairs of people link the two groups. */
  weight: number;
}

const groupKey = (p: MetPerson) => `${p.country ?? '-'}|${p.kind ?? '-'}`;

/**
 * The groups (country × kind) of the consenting people and the links between groups: a pair of
 * people linked when they are connected in the network or share an organisation (by its directory
 * record, or the same name written the same way). A link inside one group is kept too (from = to).
 */
export async function eventNetwork(db: Db, people: MetPerson[]) {
  const groups = new Map<string, NetworkGroup>();
  for (const p of people) {
    const key = groupKey(p);
    const group = groups.get(key) ?? { key, country: p.country, kind: p.kind, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  const userIds = people.flatMap((p) => (p.userId ? [p.userId] : []));
  const connected = new Set<string>();
  if (userIds.length > 1) {
    const rows = await db
      .selectFrom('network_connections')
      .select(['user_low', 'user_high'])
      .where('status', '=', 'accepted')
      .where('user_low', 'in', userIds)
      .where('user_high', 'in', userIds)
      .execute();
    for (const r of rows) connected.add(`${r.user_low}:${r.user_high}`);
  }
  const orgOf = (p: MetPerson) =>
    p.organisationId
      ? `id:${p.organisationId}`
      : p.organisation
        ? `name:${p.organisation.trim().toLowerCase()}`
        : null;
  const links = new Map<string, NetworkLink>();
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      const a = people[i] as MetPerson;
      const b = people[j] as MetPerson;
      const pair =
        a.userId && b.userId ? `${Math.min(a.userId, b.userId)}:${Math.max(a.userId, b.userId)}` : null;
      const sameOrg = orgOf(a) !== null && orgOf(a) === orgOf(b);
      if (!sameOrg && !(pair && connected.has(pair))) continue;
      const [from, to] = [groupKey(a), groupKey(b)].sort() as [string, string];
      const key = `${from}>${to}`;
      const link = links.get(key) ?? { from, to, weight: 0 };
      link.weight += 1;
      links.set(key, link);
    }
  }
  return {
    groups: [...groups.values()].sort((x, y) => y.count - x.count || x.key.localeCompare(y.key)),
    links: [...links.values()],
  };
}
