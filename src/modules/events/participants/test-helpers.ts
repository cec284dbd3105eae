// Shared by the participants' tests: the test file's platform with the demo directory, people,
// events (and their rosters), and the library and press clippings when asked; a signed-in member of
// an organiser organisation (editors and strangers are hub.signedIn()); and forms sent as multipart
// the way a browser sends a file.

import type { Insertable } from 'kysely';
import {
  platformForFile,
  type TestClient,
  type TestPlatform,
  type Upload,
} from '../../../../test/harness.ts';
import { joinOrganisation } from '../../../../test/organisations.ts';
import { idOfSlug } from '../../../../test/records.ts';
import type { Database } from '../../../db/schema.ts';

export const HUE = 'policy-dialogue-creative-hubs-hue-2016';
export const QINGDAO = 'consultative-meeting-2005-convention-northeast-asia-qingdao-2017';
export const KHON_KAEN = 'training-creative-industry-associations-management-khon-kaen-2024';
export const VIENTIANE = 'workshop-networking-knowledge-management-cci-lao-pdr-2017';

export function demoPlatform(options: { library?: boolean; press?: boolean } = {}): Promise<TestPlatform> {
  const seed = ['directory', 'people', 'events'];
  if (options.library) seed.push('library');
  if (options.press) seed.push('press');
  return platformForFile({ seed });
}

/** A signed-in member of `organisation`: one of the organisers of the events it organises. */
export async function organiserOf(hub: TestPlatform, organisation: string) {
  const signed = await hub.signedIn('member');
  await joinOrganisation(hub, signed.user.id, organisation);
  return signed;
}

export const eventId = (hub: TestPlatform, slug: string) => idOfSlug(hub, 'events', slug);

/** Puts an account on an event's roster (as the organisers would), returning the row's id. */
export async function enrol(
  hub: TestPlatform,
  slug: string,
  userId: number,
  extra: { name?: string; networking_consent?: number; role?: 'participant' | 'observer' } = {},
) {
  const now = new Date().toISOString();
  const row = await hub.deps.db
    .insertInto('event_participants')
    .values({
      event_id: await eventId(hub, slug),
      user_id: userId,
      name: extra.name ?? `Enrolled ${userId}`,
      role: extra.role ?? 'participant',
      networking_consent: extra.networking_consent ?? 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Puts an account on the roster through an accepted application, returning the row's id. */
export async function enrolThroughApplication(hub: TestPlatform, slug: string, userId: number, name: string) {
  const now = new Date().toISOString();
  const registration = await hub.deps.db
    .insertInto('event_registrations')
    // Only the columns every version of the table has (the answers default to none).
    .values({
      event_id: await eventId(hub, slug),
      user_id: userId,
      status: 'accepted',
      name,
      networking_consent: 0,
      created_at: now,
      updated_at: now,
    } as Insertable<Database['event_registrations']>)
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = await enrol(hub, slug, userId, { name });
  await hub.deps.db
    .updateTable('event_participants')
    .set({ registration_id: registration.id })
    .where('id', '=', id)
    .execute();
  return id;
}

/** Checks a row of an event's roster in on `date` (as the organisers would). */
export async function checkIn(hub: TestPlatform, slug: string, participantId: number, date: string) {
  await hub.deps.db
    .insertInto('event_checkins')
    .values({
      participant_id: participantId,
      event_id: await eventId(hub, slug),
      date,
      checked_by: null,
      checked_at: new Date().toISOString(),
    })
    .execute();
}

/** Loads `page` (for its CSRF token), then POSTs the form to `action` as multipart/form-data. */
export async function postMultipart(
  client: TestClient,
  page: string,
  action: string,
  fields: Record<string, string>,
  file?: Upload,
) {
  await client.get(page);
  return client.request(action, { multipart: { fields, files: file ? [file] : [] } });
}
