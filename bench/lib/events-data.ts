// Generated events for the events benchmarks: N events spread over 2015–2030 in the region's
// countries and time zones (past ones held, later ones announced or open for registration), each
// with an organiser, categories and its share of M applications from generated applicants; the
// accepted applications are on the roster (with country, gender, kind and category spread over the
// vocabularies, and observers now and then), and the held events' participants are checked in on
// their first day. Plain inserts in one transaction, then planner statistics, as the directory's
// generator does. The search index is left alone: no events page reads it.
import type { Insertable, Kysely } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { refreshPlannerStatistics } from '../../src/db/dialect.ts';
import type { Database } from '../../src/db/schema.ts';
import type {
  EventParticipantsTable,
  EventRegistrationsTable,
} from '../../src/modules/events/registration/tables.ts';
import type { EventsTable } from '../../src/modules/events/tables.ts';
import { EVENT_TYPES } from '../../src/modules/events/vocab.ts';
import { ORGANISATION_KINDS } from '../../src/platform/vocabularies.ts';
import { openPlatform } from '../../src/server.ts';
import { prng } from './corpus.ts';

const PLACES: { country: string; city: string; zone: string }[] = [
  { country: 'VN', city: 'Hà Nội', zone: 'Asia/Ho_Chi_Minh' },
  { country: 'VN', city: 'Huế', zone: 'Asia/Ho_Chi_Minh' },
  { country: 'TH', city: 'Khon Kaen', zone: 'Asia/Bangkok' },
  { country: 'TH', city: 'Chiang Mai', zone: 'Asia/Bangkok' },
  { country: 'LA', city: 'Vientiane', zone: 'Asia/Vientiane' },
  { country: 'LA', city: 'Luang Prabang', zone: 'Asia/Vientiane' },
  { country: 'KH', city: 'Siem Reap', zone: 'Asia/Phnom_Penh' },
  { country: 'MM', city: 'Bagan', zone: 'Asia/Yangon' },
  { country: 'CN', city: 'Qingdao', zone: 'Asia/Shanghai' },
  { country: 'MN', city: 'Ulaanbaatar', zone: 'Asia/Ulaanbaatar' },
];
const COUNTRIES = ['VN', 'TH', 'LA', 'KH', 'MM', 'CN', 'MN', 'KR', 'JP', 'ID', 'MY', 'PH'];
const GENDERS = ['woman', 'man', 'woman', 'man', 'another', null] as const;
const STATUSES = [
  'accepted',
  'accepted',
  'accepted',
  'accepted',
  'accepted',
  'accepted',
  'declined',
  'declined',
  'waitlisted',
  'submitted',
] as const;
const CHUNK = 500;
const DAY_MS = 24 * 3600 * 1000;

export interface EventsDataset {
  events: number;
  applications: number;
  participants: number;
  checkins: number;
  /** A held event with a full roster: the report target. */
  reportSlug: string;
  seconds: number;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Adds `events` events and `applications` applications (and their rosters) to the database in `dataDir`. */
export async function addEvents(
  dataDir: string,
  counts: { events: number; applications: number },
  seed = 7,
): Promise<EventsDataset> {
  const started = performance.now();
  const platform = openPlatform(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  const db = platform.deps.db as Kysely<Database>;
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  try {
    const organisations = (
      await db.selectFrom('organisations').select('id').orderBy('id').limit(200).execute()
    ).map((o) => o.id);
    const perEvent = Math.max(1, Math.ceil(counts.applications / Math.max(1, counts.events)));
    // Enough applicants that no one applies twice to one event (one registration per account and event).
    const applicants = Math.max(perEvent * 4, Math.min(20_000, Math.ceil(counts.applications / 20)));
    const now = new Date().toISOString();
    const today = Date.now();
    let participants = 0;
    let checkins = 0;
    let reportSlug = '';
    await db.transaction().execute(async (trx) => {
      const userIds: number[] = [];
      const users = Array.from({ length: applicants }, (_, i) => ({
        email: `bench.applicant.${String(i + 1).padStart(6, '0')}@example.org`,
        name: `Benchmark applicant ${i + 1}`,
        // Never used to log in: the accounts only own applications.
        password_hash: 'x',
        role: 'member' as const,
        email_verified_at: now,
        created_at: now,
        updated_at: now,
      }));
      for (let i = 0; i < users.length; i += CHUNK)
        userIds.push(
          ...(
            await trx
              .insertInto('users')
              .values(users.slice(i, i + CHUNK))
              .returning('id')
              .execute()
          ).map((r) => r.id),
        );

      const from = Date.UTC(2015, 0, 1);
      const span = Date.UTC(2030, 11, 31) - from;
      let applied = 0;
      for (let e = 0; e < counts.events; e++) {
        const place = pick(PLACES);
        const start = from + Math.floor((e / counts.events) * span) + Math.floor(rand() * 20) * DAY_MS;
        const days = 1 + Math.floor(rand() * 4);
        const past = start + days * DAY_MS < today;
        const year = new Date(start).getUTCFullYear();
        const slug = `bench-event-${String(e + 1).padStart(5, '0')}-${year}`;
        const row: Insertable<EventsTable> = {
          slug,
          type: pick(EVENT_TYPES),
          format: rand() < 0.8 ? 'in_person' : 'hybrid',
          title: `Benchmark ${pick(['workshop', 'training', 'dialogue', 'fair'])} ${e + 1} in ${place.city}`,
          description: 'A generated event for the benchmarks.',
          lang: 'en',
          city: place.city,
          country: place.country,
          time_zone: place.zone,
          starts_on: isoDate(start),
          ends_on: isoDate(start + (days - 1) * DAY_MS),
          status: past ? 'held' : rand() < 0.5 ? 'registration_open' : 'announced',
          created_at: now,
          updated_at: now,
        };
        const { id: eventId } = await trx
          .insertInto('events')
          .values(row)
          .returning('id')
          .executeTakeFirstOrThrow();
        if (organisations.length)
          await trx
            .insertInto('event_organisations')
            .values({
              event_id: eventId,
              organisation_id: organisations[e % organisations.length] ?? 0,
              role: 'organiser',
              position: 0,
            })
            .execute();
        const categories = (
          await trx
            .insertInto('event_categories')
            .values(
              ['Creative industries', 'Government officials', 'Civil society'].map((label, position) => ({
                event_id: eventId,
                position,
                label,
              })),
            )
            .returning('id')
            .execute()
        ).map((c) => c.id);
        const n = Math.min(perEvent, counts.applications - applied);
        const offset = Math.floor(rand() * applicants);
        const registrations: Insertable<EventRegistrationsTable>[] = Array.from({ length: n }, (_, i) => ({
          event_id: eventId,
          user_id: userIds[(offset + i) % applicants] ?? 0,
          status: past || i % 3 ? pick(STATUSES) : 'submitted',
          name: `Applicant ${i + 1}`,
          organisation_kind: pick(ORGANISATION_KINDS),
          country: rand() < 0.6 ? place.country : pick(COUNTRIES),
          category_id: pick(categories),
          gender: pick(GENDERS),
          networking_consent: rand() < 0.5 ? 1 : 0,
          submitted_at: now,
          created_at: now,
          updated_at: now,
        }));
        applied += n;
        const accepted: Insertable<EventParticipantsTable>[] = [];
        for (let i = 0; i < registrations.length; i += CHUNK) {
          const chunk = registrations.slice(i, i + CHUNK);
          const ids = await trx.insertInto('event_registrations').values(chunk).returning('id').execute();
          chunk.forEach((r, j) => {
            if (r.status !== 'accepted') return;
            accepted.push({
              event_id: eventId,
              registration_id: ids[j]?.id ?? null,
              user_id: r.user_id,
              name: r.name,
              organisation_kind: r.organisation_kind,
              country: r.country,
              category_id: r.category_id,
              gender: r.gender,
              role: rand() < 0.1 ? 'observer' : 'participant',
              networking_consent: r.networking_consent,
              created_at: now,
              updated_at: now,
            });
          });
        }
        for (let i = 0; i < accepted.length; i += CHUNK) {
          const rows = await trx
            .insertInto('event_participants')
            .values(accepted.slice(i, i + CHUNK))
            .returning('id')
            .execute();
          participants += rows.length;
          if (past) {
            await trx
              .insertInto('event_checkins')
              .values(
                rows.map((r) => ({
                  participant_id: r.id,
                  event_id: eventId,
                  date: row.starts_on,
                  checked_by: null,
                  checked_at: now,
                })),
              )
              .execute();
            checkins += rows.length;
          }
        }
        // The latest held event with a full roster.
        if (past && accepted.length >= perEvent / 2) reportSlug = slug;
      }
    });
    await refreshPlannerStatistics(db);
    return {
      events: counts.events,
      applications: counts.applications,
      participants,
      checkins,
      reportSlug,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await platform.close();
  }
}
