// Shared by the events module's integration tests: the test file's platform with the demo
// directory, people and events (`directory: false` for the events alone) and a signed-in editor,
// the demo events' slugs, and a signed-in member of an organisation of the directory.
import { addThroughForm } from '../../../test/forms.ts';
import { platformForFile, type TestClient, type TestPlatform } from '../../../test/harness.ts';
import { joinOrganisation } from '../../../test/organisations.ts';

export const HUE = 'policy-dialogue-creative-hubs-hue-2016';
export const QINGDAO = 'consultative-meeting-2005-convention-northeast-asia-qingdao-2017';
export const KHON_KAEN = 'training-creative-industry-associations-management-khon-kaen-2024';
export const VIENTIANE = 'workshop-networking-knowledge-management-cci-lao-pdr-2017';

export async function demoEvents(options: { directory?: boolean } = {}) {
  const hub = await platformForFile({
    seed: options.directory === false ? ['events'] : ['directory', 'people', 'events'],
  });
  const { client: editor, user } = await hub.signedIn('editor');
  return { hub, editor, editorId: user.id };
}

/** A signed-in member, of `organisation` when named (one of the organisers of its events). */
export async function memberOf(
  hub: TestPlatform,
  options: { organisation?: string; timeZone?: string } = {},
) {
  const signed = await hub.signedIn('member', { timeZone: options.timeZone });
  if (options.organisation) await joinOrganisation(hub, signed.user.id, options.organisation);
  return signed;
}

/** Sends the event form from /events/new; the new event's slug. */
export async function createdEvent(editor: TestClient, form: Record<string, string>): Promise<string> {
  return (await addThroughForm(editor, '/events/new', form)).replace('/events/', '');
}

/** The agenda items of an event, by day and time, as the tables hold them. */
export const itemsOf = (hub: TestPlatform, slug: string) =>
  hub.deps.db
    .selectFrom('event_items')
    .innerJoin('event_days', 'event_days.id', 'event_items.day_id')
    .innerJoin('events', 'events.id', 'event_days.event_id')
    .select([
      'event_items.id',
      'event_items.title',
      'event_items.start_time',
      'event_items.end_time',
      'event_items.kind',
      'event_days.date',
    ])
    .where('events.slug', '=', slug)
    .orderBy('event_days.date')
    .orderBy('event_items.start_time')
    .execute();

export type { TestClient, TestPlatform };
