// What a member's "download my data" (/account/export.json) holds of their taking part in events:
// every registration or application with its answers (its response to the event's application
// form), and the roster rows made from them or
// linked to the account. The accounts module knows nothing of events; it asks each module's
// `accountExport` hook (platform/context.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { responseOf } from '../../../platform/questionnaires/index.ts';
import { applicationForm } from './form.ts';

export async function eventsAccountExport(db: Kysely<Database>, userId: number) {
  const [applications, participation] = await Promise.all([
    db
      .selectFrom('event_registrations')
      .innerJoin('events', 'events.id', 'event_registrations.event_id')
      .leftJoin('event_categories', 'event_categories.id', 'event_registrations.category_id')
      .select([
        'event_registrations.id',
        'event_registrations.event_id',
        'events.slug as event',
        'event_registrations.status',
        'event_registrations.name',
        'event_registrations.organisation_name',
        'event_registrations.organisation_kind',
        'event_registrations.country',
        'event_categories.label as category',
        'event_registrations.gender',
        'event_registrations.networking_consent',
        'event_registrations.submitted_at',
        'event_registrations.decided_at',
        'event_registrations.created_at',
        'event_registrations.updated_at',
      ])
      .where('event_registrations.user_id', '=', userId)
      .orderBy('event_registrations.id')
      .execute(),
    db
      .selectFrom('event_participants')
      .innerJoin('events', 'events.id', 'event_participants.event_id')
      .select([
        'events.slug as event',
        'event_participants.name',
        'event_participants.organisation_name',
        'event_participants.country',
        'event_participants.gender',
        'event_participants.role',
        'event_participants.networking_consent',
      ])
      .where('event_participants.user_id', '=', userId)
      .orderBy('event_participants.id')
      .execute(),
  ]);
  return {
    applications: await Promise.all(
      applications.map(async ({ id, event_id, ...a }) => ({
        ...a,
        networking_consent: a.networking_consent === 1,
        answers: (await responseOf(db, applicationForm(event_id), id))?.answers ?? {},
      })),
    ),
    participation: participation.map((p) => ({ ...p, networking_consent: p.networking_consent === 1 })),
  };
}
