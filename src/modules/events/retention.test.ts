// Retention: RETENTION_MONTHS after an event ends, the daily job removes its applications' answers,
// the reviewers' notes, the names typed on its applications and roster and the invitations'
// addresses, and keeps the counts its key figures are made of. On SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { enrolThroughApplication } from './participants/test-helpers.ts';
import {
  addQuestion,
  answersOf,
  apply,
  categoryId,
  createEvent,
  registrationOf,
  setUpRegistration,
  standardFields,
} from './registration/test-helpers.ts';
import { removeExpiredPersonalData, retainedSince } from './retention.ts';

const hub = await platformForFile();
const { client: editor } = await hub.signedIn('editor');
const { client: applicant, user: applicantUser } = await hub.signedIn('member');
const { user: participant } = await hub.signedIn('member');

// On 8 December 2026, with the default 24 months, what ended before 8 December 2024 goes.
const NOW = new Date('2026-12-08T03:00:00Z');

/** An event taking applications, with one application answered, a review and a roster row. */
async function eventWithPeople(title: string) {
  const slug = await createEvent(editor, { title });
  await setUpRegistration(editor, slug);
  const motivation = await addQuestion(hub, editor, slug, { kind: 'long_text', label: `Why ${title}?` });
  const category = await categoryId(hub, slug, 'Creative industry representatives');
  const sent = await apply(applicant, slug, {
    ...standardFields({ category_id: category }),
    [`q_${motivation}`]: 'My motivation in full',
  });
  expect(sent.status, visibleText(sent.text).slice(0, 300)).toBe(303);
  const registration = await registrationOf(hub, slug, applicantUser.id);
  const now = new Date().toISOString();
  await hub.deps.db
    .insertInto('event_reviews')
    .values({
      registration_id: registration!.id,
      reviewer_id: participant.id,
      note: 'Strong',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await enrolThroughApplication(hub, slug, participant.id, 'Somphone Keomany');
  await hub.deps.db
    .insertInto('event_invitations')
    .values({
      event_id: registration!.event_id,
      email: 'invited@example.org',
      invited_by: null,
      created_at: now,
    })
    .execute();
  return { slug, id: registration!.event_id };
}

/** Moves an event to end on `day`. */
const endedOn = (id: number, day: string) =>
  hub.deps.db.updateTable('events').set({ starts_on: day, ends_on: day }).where('id', '=', id).execute();

/** What an event's key figures are made of: applications and roster rows, by status and gender. */
async function figures(id: number) {
  const applications = await hub.deps.db
    .selectFrom('event_registrations')
    .select(['status', 'gender', 'country'])
    .where('event_id', '=', id)
    .orderBy('id')
    .execute();
  const roster = await hub.deps.db
    .selectFrom('event_participants')
    .select(['role', 'gender', 'country', 'user_id'])
    .where('event_id', '=', id)
    .orderBy('id')
    .execute();
  return { applications, roster };
}

const names = (id: number) =>
  hub.deps.db
    .selectFrom('event_participants')
    .select('name')
    .where('event_id', '=', id)
    .union(hub.deps.db.selectFrom('event_registrations').select('name').where('event_id', '=', id))
    .execute()
    .then((rows) => rows.map((r) => r.name).sort());

describe('retainedSince', () => {
  it('counts whole months back, the 31st of a shorter month being its last day', () => {
    expect(retainedSince('2026-12-08', 24)).toBe('2024-12-08');
    expect(retainedSince('2026-03-31', 1)).toBe('2026-02-28');
    expect(retainedSince('2026-01-15', 1)).toBe('2025-12-15');
    expect(retainedSince('2024-03-31', 13)).toBe('2023-02-28');
  });
});

describe('removing personal data past the retention period', () => {
  it('removes the answers, notes, names and addresses of an event long over, keeps its figures, and tells no lies', async () => {
    const old = await eventWithPeople('Old workshop');
    const recent = await eventWithPeople('Recent workshop');
    await endedOn(old.id, '2024-12-07');
    await endedOn(recent.id, '2024-12-08');
    const before = await figures(old.id);
    expect(await answersOf(hub, old.slug, applicantUser.id)).not.toEqual({});
    const certificate = await editor.get(`/events/${old.slug}/certificates`);
    expect(certificate.status).toBe(200);

    // RETENTION_MONTHS=0 keeps everything.
    const keeping = { ...hub.deps, config: { ...hub.deps.config, retentionMonths: 0 } };
    expect(await removeExpiredPersonalData(keeping, NOW)).toEqual({ events: 0, answers: 0, names: 0 });
    expect(await names(old.id)).toContain('Somphone Keomany');

    expect(await removeExpiredPersonalData(hub.deps, NOW)).toEqual({ events: 1, answers: 1, names: 3 });
    expect(await answersOf(hub, old.slug, applicantUser.id)).toEqual({});
    expect(await names(old.id)).toEqual(['']);
    const reviews = await hub.deps.db.selectFrom('event_reviews').select('note').execute();
    expect(reviews.map((r) => r.note)).toEqual(['Strong']); // the recent event's only
    const invited = await hub.deps.db.selectFrom('event_invitations').select('event_id').execute();
    expect(invited.map((r) => r.event_id)).toEqual([recent.id]);
    expect(await figures(old.id)).toEqual(before);
    const event = await hub.deps.db
      .selectFrom('events')
      .select('personal_data_removed_on')
      .where('id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(event.personal_data_removed_on).toBe('2026-12-08');
    const logged = await hub.deps.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('action', '=', 'events.personal-data-removed')
      .execute();
    expect(logged).toEqual([{ action: 'events.personal-data-removed', subject_id: String(old.id) }]);

    // The day before the limit is kept, whole.
    expect(await names(recent.id)).toEqual(['Somphone Keomany', 'Vilayvanh Phommachanh']);
    expect(await answersOf(hub, recent.slug, applicantUser.id)).not.toEqual({});

    // Certificates say why there are none; a second run finds nothing left to do.
    const gone = await editor.get(`/events/${old.slug}/certificates`);
    expect(gone.status).toBe(404);
    expect(visibleText(gone.text)).toContain('were removed on 2026-12-08');
    expect(await removeExpiredPersonalData(hub.deps, NOW)).toEqual({ events: 0, answers: 0, names: 0 });
  });
});
