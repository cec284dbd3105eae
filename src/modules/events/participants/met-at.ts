// "Met at" on a person's page (the people module asks through the events module's index.ts): the
// events whose roster holds this person (the row linked to the profile, or else to its account)
// with their networking consent. A draft event is never listed. The caller shows the list to
// signed-in members only.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

export interface MetAtEvent {
  slug: string;
  title: string;
  startsOn: string;
}

export async function eventsMetAt(
  db: Kysely<Database>,
  person: { id: number; user_id: number | null },
): Promise<MetAtEvent[]> {
  const rows = await db
    .selectFrom('event_participants as p')
    .innerJoin('events as e', 'e.id', 'p.event_id')
    .select(['e.slug', 'e.title', 'e.starts_on'])
    .distinct()
    .where('p.networking_consent', '=', 1)
    .where('e.status', '!=', 'draft')
    .where((eb) =>
      eb.or([
        eb('p.person_id', '=', person.id),
        ...(person.user_id === null
          ? []
          : [eb.and([eb('p.person_id', 'is', null), eb('p.user_id', '=', person.user_id)])]),
      ]),
    )
    .orderBy('e.starts_on', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ slug: r.slug, title: r.title, startsOn: r.starts_on }));
}
