// Reviewing through the whole app, on SQLite or PostgreSQL: reviewers added by the organisers, the
// rubric and its scores, the balance of the selection, decisions that move the roster, the audit
// log and the mail (in the applicant's language, the event's .ics attached and read back with
// ical.js) together — and the refusals: strangers, visitors, one's own application, a full event.
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastAuditEntry } from '../../../../test/audit.ts';
import { type TestClient, type TestPlatform, visibleText } from '../../../../test/harness.ts';
import { expectFormRefused } from '../../../../test/refusals.ts';
import {
  apply,
  categoryId,
  createEvent,
  platformWithEditor,
  registrationOf,
  setUpRegistration,
  standardFields,
  submit,
} from './test-helpers.ts';

let slug: string;
let reviewer: Awaited<ReturnType<TestPlatform['signedIn']>>;
const applicants: Awaited<ReturnType<TestPlatform['signedIn']>>[] = [];
let criteria: { english: number; commitment: number };

const { hub, editor } = await platformWithEditor();

beforeAll(async () => {
  slug = await createEvent(editor, { title: 'Selection in Vientiane' });
  await setUpRegistration(editor, slug, { capacity: '2' });
  for (const [label, max] of [
    ['English proficiency', '5'],
    ['Commitment to full attendance', '3'],
  ] as const) {
    const res = await submit(editor, `/events/${slug}/registration/rubric`, { label, max_score: max });
    expect(res.status).toBe(303);
  }
  const rows = await hub.deps.db
    .selectFrom('event_rubric_criteria')
    .select(['id', 'label'])
    .orderBy('id')
    .execute();
  criteria = { english: rows[0]!.id, commitment: rows[1]!.id };
  reviewer = await hub.signedIn();
  const added = await submit(
    editor,
    `/events/${slug}/registration/rubric`,
    { email: reviewer.user.email },
    {
      action: `/events/${slug}/registration/reviewers`,
    },
  );
  expect(added.status).toBe(303);
  const creative = await categoryId(hub, slug, 'Creative industry representatives');
  const officials = await categoryId(hub, slug, 'Government officials');
  const people = [
    standardFields({ category_id: creative }),
    standardFields({
      name: 'Nguyen Van An',
      country: 'VN',
      gender: 'man',
      category_id: officials,
      organisation_kind: 'government',
    }),
    standardFields({ name: 'Sok Dara', country: 'KH', gender: '', category_id: creative }),
  ];
  for (const [i, fields] of people.entries()) {
    const person = await hub.signedIn('member', { locale: i === 2 ? 'km' : undefined });
    expect((await apply(person.client, slug, fields)).status).toBe(303);
    applicants.push(person);
  }
}, 60_000);

const idOf = async (person: { user: { id: number } }) =>
  (await registrationOf(hub, slug, person.user.id))!.id;
const page = (id: number) => `/events/${slug}/applications/${id}`;
/** Sends a decision on the application from its page, as the reviewer's form does. */
const decide = (client: TestClient, id: number, decision: string) =>
  submit(client, page(id), { decision }, { action: `${page(id)}/decision` });

/** The roster row of an application, if it has one. */
const rosterRow = (registrationId: number) =>
  hub.deps.db
    .selectFrom('event_participants')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .executeTakeFirst();

describe('reviewers', () => {
  it('are added by account address; an unknown address is refused', async () => {
    const res = await submit(
      editor,
      `/events/${slug}/registration/rubric`,
      { email: 'nobody@example.org' },
      {
        action: `/events/${slug}/registration/reviewers`,
      },
    );
    expectFormRefused(res, ['No account has this address'], ['value="nobody@example.org"']);
  });

  it('see the list with the balance of the selection; strangers get 403 and visitors the login page', async () => {
    const list = await reviewer.client.get(`/events/${slug}/applications`);
    expect(list.status).toBe(200);
    const text = visibleText(list.text);
    expect(text).toContain('3 applications');
    expect(text).toContain('0 accepted for 2 places.');
    expect(text).toContain('Vietnam');
    expect(text).toContain('Creative industry representatives 0 0 2');
    expect(text).toContain('Not stated 0 0 1');
    const stranger = await hub.signedIn();
    const refused = await stranger.client.get(`/events/${slug}/applications`);
    expect(refused.status).toBe(403);
    expect(visibleText(refused.text)).toContain(
      'Only the organisers and the reviewers of this event see its applications.',
    );
    expect((await stranger.client.get(page(await idOf(applicants[0]!)))).status).toBe(403);
    const visitor = await hub.client().get(`/events/${slug}/applications`);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toContain('/login');
  });

  it('score on the rubric; a score above the maximum is refused with the scores kept', async () => {
    const id = await idOf(applicants[1]!);
    const bad = await submit(
      reviewer.client,
      page(id),
      { [`score_${criteria.english}`]: '9', [`score_${criteria.commitment}`]: '2', note: 'Strong' },
      { action: `${page(id)}/review` },
    );
    expectFormRefused(bad, [], [`id="f-score_${criteria.english}-error"`, 'Strong']);
    expect(
      await hub.deps.db.selectFrom('event_reviews').select('id').where('registration_id', '=', id).execute(),
    ).toEqual([]);
    const ok = await submit(
      reviewer.client,
      page(id),
      { [`score_${criteria.english}`]: '4', [`score_${criteria.commitment}`]: '3', note: 'Strong' },
      { action: `${page(id)}/review` },
    );
    expect(ok.status).toBe(303);
    const byEditor = await submit(
      editor,
      page(id),
      { [`score_${criteria.english}`]: '2', [`score_${criteria.commitment}`]: '2' },
      { action: `${page(id)}/review` },
    );
    expect(byEditor.status).toBe(303);
    // (4 + 3 + 2 + 2) / 2 reviewers = 5.5 of 8, and the best-scored comes first.
    const list = visibleText((await reviewer.client.get(`/events/${slug}/applications?sort=score`)).text);
    expect(list).toMatch(/Nguyen Van An .*5\.5 \/ 8 \(2 reviews\)/);
    expect(list.indexOf('Nguyen Van An')).toBeLessThan(list.indexOf('Vilayvanh Phommachanh'));
  });

  it('never score or decide their own application', async () => {
    const own = await apply(
      reviewer.client,
      slug,
      standardFields({
        name: 'The reviewer',
        category_id: await categoryId(hub, slug, 'Government officials'),
      }),
    );
    expect(own.status).toBe(303);
    const id = await idOf(reviewer);
    const view = await reviewer.client.get(page(id));
    expect(visibleText(view.text)).toContain('This is your own application');
    expect(view.text).not.toContain(`action="${page(id)}/decision"`);
    const score = await submit(
      reviewer.client,
      page(id),
      { [`score_${criteria.english}`]: '5' },
      { action: `${page(id)}/review` },
    );
    expect(score.status).toBe(403);
    const decided = await decide(reviewer.client, id, 'accepted');
    expect(decided.status).toBe(403);
    expect((await registrationOf(hub, slug, reviewer.user.id))?.status).toBe('submitted');
    expect(
      await hub.deps.db.selectFrom('event_reviews').select('id').where('registration_id', '=', id).execute(),
    ).toEqual([]);
    // The organisers decide it instead: declined, and it leaves the balance.
    expect((await decide(editor, id, 'declined')).status).toBe(303);
  });
});

describe('decisions', () => {
  it('accept: the roster row with the fields copied, the audit entry and the mail with the event’s .ics', async () => {
    const id = await idOf(applicants[0]!);
    const res = await decide(reviewer.client, id, 'accepted');
    expect(res.status).toBe(303);
    const registration = await registrationOf(hub, slug, applicants[0]!.user.id);
    expect(registration).toMatchObject({ status: 'accepted', decided_by: reviewer.user.id });
    expect(await rosterRow(id)).toMatchObject({
      user_id: applicants[0]!.user.id,
      name: 'Vilayvanh Phommachanh',
      organisation_name: 'Lao Handicraft Association',
      organisation_kind: 'association',
      country: 'LA',
      category_id: registration!.category_id,
      gender: 'woman',
      role: 'participant',
      networking_consent: 1,
    });
    const audit = await lastAuditEntry(hub, { action: 'event.registration.accepted', subjectId: id });
    expect(audit.actor_id).toBe(reviewer.user.id);
    await hub.deliverMail();
    const mails = hub.smtp.to(applicants[0]!.user.email);
    const mail = mails.find((m) => m.subject === 'You have a place at Selection in Vientiane');
    expect(mail?.text).toContain(`/events/${slug}/application`);
    const ics = mail?.attachments.find((a) => a.mimeType === 'text/calendar');
    expect(ics?.filename).toBe(`${slug}.ics`);
    const calendar = new ICAL.Component(ICAL.parse(new TextDecoder().decode(ics!.content)));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('Selection in Vientiane');
    // 09:00 in Vientiane is 02:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe('2031-03-10T02:00:00.000Z');
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Vientiane');
  });

  it('are mailed in the applicant’s own language', async () => {
    const id = await idOf(applicants[2]!);
    expect((await decide(editor, id, 'waitlisted')).status).toBe(303);
    await hub.deliverMail();
    const mail = hub.smtp.to(applicants[2]!.user.email).find((m) => m.subject.includes('បញ្ជីរង់ចាំ'));
    expect(mail?.subject).toBe('អ្នកស្ថិតក្នុងបញ្ជីរង់ចាំនៃ Selection in Vientiane');
    expect(mail?.attachments.map((a) => a.mimeType)).toEqual(['text/calendar']);
  });

  it('refuse an acceptance past the capacity, changing nothing', async () => {
    const second = await idOf(applicants[1]!);
    expect((await decide(editor, second, 'accepted')).status).toBe(303);
    const third = await idOf(applicants[2]!);
    const res = await decide(editor, third, 'accepted');
    expect(res.status).toBe(409);
    expect(visibleText(res.text)).toContain('All places are taken. Raise the capacity');
    expect((await registrationOf(hub, slug, applicants[2]!.user.id))?.status).toBe('waitlisted');
    expect(await rosterRow(third)).toBeUndefined();
    expect(visibleText((await editor.get(`/events/${slug}/applications`)).text)).toContain(
      '2 accepted for 2 places.',
    );
  });

  it('that are not “accepted” take the roster row away again, with a mail without calendar', async () => {
    const id = await idOf(applicants[1]!);
    expect(await rosterRow(id)).toBeDefined();
    const res = await decide(editor, id, 'declined');
    expect(res.status).toBe(303);
    expect(await rosterRow(id)).toBeUndefined();
    await hub.deliverMail();
    const mail = hub.smtp
      .to(applicants[1]!.user.email)
      .find((m) => m.subject === 'Your application to Selection in Vientiane');
    expect(mail?.attachments).toEqual([]);
    // In a selection the reviewers decide who comes next: the waiting list does not move by itself.
    expect((await registrationOf(hub, slug, applicants[2]!.user.id))?.status).toBe('waitlisted');
  });

  it('refuse an unknown decision and leave drafts unseen', async () => {
    const id = await idOf(applicants[2]!);
    const bad = await decide(editor, id, 'maybe');
    expect(bad.status).toBe(422);
    const drafter = await hub.signedIn();
    await apply(drafter.client, slug, standardFields(), { intent: 'save' });
    expect((await editor.get(page(await idOf(drafter)))).status).toBe(404);
  });
});

describe('the rubric', () => {
  it('keeps a criterion reviewers scored, and its maximum above their scores', async () => {
    const base = `/events/${slug}/registration/rubric/${criteria.english}`;
    const deleted = await submit(
      editor,
      `/events/${slug}/registration/rubric`,
      {},
      { action: `${base}/delete` },
    );
    expect(deleted.status).toBe(409);
    expect(visibleText(deleted.text)).toContain('cannot be deleted');
    const lowered = await submit(
      editor,
      `/events/${slug}/registration/rubric`,
      { label: 'English', max_score: '3' },
      { action: base },
    );
    expect(lowered.status).toBe(409);
    expect(visibleText(lowered.text)).toContain('cannot go below them');
    const rows = await hub.deps.db
      .selectFrom('event_rubric_criteria')
      .select(['label', 'max_score'])
      .where('id', '=', criteria.english)
      .execute();
    expect(rows).toEqual([{ label: 'English proficiency', max_score: 5 }]);
  });
});
