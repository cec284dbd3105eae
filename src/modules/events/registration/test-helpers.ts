// Shared by the registration tests: the test file's platform with an editor, an event open for
// registration made through the events form, its registration set up through the organisers'
// form, questions added through the form builder, the application form sent as a browser sends it
// (multipart, files too), and the answers an application keeps.
import { expect } from 'vitest';
import { addThroughForm } from '../../../../test/forms.ts';
import {
  platformForFile,
  type TestClient,
  type TestPlatform,
  type Upload,
  visibleText,
} from '../../../../test/harness.ts';
import { type Answers, responseOf } from '../../../platform/questionnaires/index.ts';
import { applicationForm } from './form.ts';

/** The test file's platform, with an editor's client for making events. */
export async function platformWithEditor() {
  const hub = await platformForFile();
  return { hub, editor: (await hub.signedIn('editor')).client };
}

const eventForm = (overrides: Record<string, string>) => ({
  title: 'Workshop on creative hubs',
  lang: 'en',
  type: 'workshop',
  format: 'in_person',
  status: 'registration_open',
  description: '',
  starts_on: '2031-03-10',
  ends_on: '2031-03-12',
  start_time: '09:00',
  end_time: '17:00',
  time_zone: 'Asia/Vientiane',
  venue: '',
  venue_name: 'STELLA',
  address: '',
  city: 'Vientiane',
  country: 'LA',
  online_url: '',
  ...overrides,
});

/** An event made by an editor through the events form; returns its slug. */
export async function createEvent(
  editor: TestClient,
  overrides: Record<string, string> = {},
): Promise<string> {
  return (await addThroughForm(editor, '/events/new', eventForm(overrides))).replace('/events/', '');
}

export const settingsForm = (overrides: Record<string, string | string[]> = {}) => ({
  mode: 'application',
  capacity: '',
  waiting_list: '1',
  deadline: '',
  criteria: 'English proficiency; commitment to attend all three days.',
  cat_id: ['', ''],
  cat_label: ['Creative industry representatives', 'Government officials'],
  invitations: '',
  ...overrides,
});

type Fields = Record<string, string | string[]>;
/**
 * POSTs like a browser: the client's cookies, address and the CSRF token of its last page; fields
 * that repeat (checkboxes, rows); multipart when files come along.
 */
export function post(client: TestClient, path: string, fields: Fields, files: Upload[] = []) {
  return client.request(path, files.length ? { multipart: { fields, files } } : { form: fields });
}

/** Loads `page` (for its CSRF token), then posts the form to `action` (the page itself by default). */
export async function submit(
  client: TestClient,
  page: string,
  fields: Fields,
  options: { action?: string; files?: Upload[] } = {},
) {
  await client.get(page);
  return post(client, options.action ?? page, fields, options.files);
}

/** Sets up the event's registration through the organisers' form; expects it to be saved. */
export async function setUpRegistration(organiser: TestClient, slug: string, overrides: Fields = {}) {
  const res = await submit(organiser, `/events/${slug}/registration`, settingsForm(overrides));
  expect(res.status, visibleText(res.text).slice(0, 600)).toBe(303);
}

/** Adds a question through the form builder; returns its id. */
export async function addQuestion(
  hub: TestPlatform,
  organiser: TestClient,
  slug: string,
  question: { kind: string; label: string; required?: boolean; options?: string[]; help?: string },
): Promise<number> {
  const res = await submit(organiser, `/events/${slug}/registration/form`, {
    kind: question.kind,
    label: question.label,
    help: question.help ?? '',
    options: (question.options ?? []).join('\n'),
    ...(question.required ? { required: '1' } : {}),
  });
  expect(res.status, visibleText(res.text).slice(0, 600)).toBe(303);
  const row = await hub.deps.db
    .selectFrom('questionnaire_questions')
    .select('id')
    .where('label', '=', question.label)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The standard fields of an application, filled in. */
export const standardFields = (overrides: Fields = {}): Fields => ({
  name: 'Vilayvanh Phommachanh',
  organisation_name: 'Lao Handicraft Association',
  organisation_kind: 'association',
  country: 'LA',
  gender: 'woman',
  networking_consent: '1',
  ...overrides,
});

/** The categories of the event, in their order. */
export const categoriesOf = (hub: TestPlatform, slug: string) =>
  hub.deps.db
    .selectFrom('event_categories')
    .innerJoin('events', 'events.id', 'event_categories.event_id')
    .select(['event_categories.id', 'event_categories.label'])
    .where('events.slug', '=', slug)
    .orderBy('event_categories.position')
    .execute();

/** The id of a category of the event by its label (the test fails when there is none). */
export async function categoryId(hub: TestPlatform, slug: string, label: string): Promise<string> {
  const category = (await categoriesOf(hub, slug)).find((c) => c.label === label);
  if (!category) throw new Error(`no category "${label}" in ${slug}`);
  return String(category.id);
}

/** Sends the application form (intent "submit" or "save"). */
export function apply(
  client: TestClient,
  slug: string,
  fields: Fields,
  options: { intent?: 'submit' | 'save'; files?: Upload[] } = {},
) {
  return submit(
    client,
    `/events/${slug}/apply`,
    { ...fields, intent: options.intent ?? 'submit' },
    { files: options.files },
  );
}

export async function registrationOf(hub: TestPlatform, slug: string, userId: number) {
  return hub.deps.db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .selectAll('event_registrations')
    .where('events.slug', '=', slug)
    .where('event_registrations.user_id', '=', userId)
    .executeTakeFirst();
}

/** The answers the account's application to the event keeps (its response to the form). */
export async function answersOf(hub: TestPlatform, slug: string, userId: number): Promise<Answers> {
  const row = await registrationOf(hub, slug, userId);
  if (!row) return {};
  return (await responseOf(hub.deps.db, applicationForm(row.event_id), row.id))?.answers ?? {};
}
