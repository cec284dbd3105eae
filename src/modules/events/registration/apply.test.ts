// Applying through the whole app, on SQLite or PostgreSQL: drafts kept on the server whatever is
// wrong, submissions checked against the organiser's form, file answers checked by content and
// downloadable by the applicant and the reviewers only, open registrations filling up, the
// waiting list, withdrawals, and every refusal — visitors, closed events, deadlines, invitations.
import { describe, expect, it } from 'vitest';
import { rowCount } from '../../../../test/counts.ts';
import { visibleText } from '../../../../test/harness.ts';
import { expectFormRefused } from '../../../../test/refusals.ts';
import { fixture, makeExe, makeXlsx } from '../../../platform/files/test-files.ts';
import {
  addQuestion,
  answersOf,
  apply,
  categoryId,
  createEvent,
  platformWithEditor,
  registrationOf,
  setUpRegistration,
  standardFields,
  submit,
} from './test-helpers.ts';

const { hub, editor } = await platformWithEditor();

const pdf = () => ({
  field: '',
  name: 'portfolio.pdf',
  type: 'application/pdf',
  bytes: fixture('multilingual.pdf'),
});

/** An application event with a category and one question of each checked kind. */
async function selection(title: string) {
  const slug = await createEvent(editor, { title });
  await setUpRegistration(editor, slug);
  const q = {
    motivation: await addQuestion(hub, editor, slug, {
      kind: 'long_text',
      label: 'Motivation',
      required: true,
    }),
    years: await addQuestion(hub, editor, slug, { kind: 'number', label: 'Years of practice' }),
    since: await addQuestion(hub, editor, slug, { kind: 'date', label: 'Working since' }),
    domain: await addQuestion(hub, editor, slug, {
      kind: 'single_choice',
      label: 'Domain',
      options: ['Crafts', 'Design'],
    }),
    english: await addQuestion(hub, editor, slug, {
      kind: 'yes_no',
      label: 'Can you follow English?',
      required: true,
    }),
    portfolio: await addQuestion(hub, editor, slug, { kind: 'file', label: 'Portfolio' }),
  };
  const category = await categoryId(hub, slug, 'Creative industry representatives');
  return { slug, q, category };
}

describe('applying', () => {
  it('sends a visitor to the login page and back to the form', async () => {
    const slug = await createEvent(editor, { title: 'Visitors log in first' });
    await setUpRegistration(editor, slug);
    const res = await hub.client().get(`/events/${slug}/apply`);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/login?next=${encodeURIComponent(`/events/${slug}/apply`)}`);
  });

  it('keeps a draft on the server, opened again with every answer', async () => {
    const { slug, q } = await selection('Draft kept');
    const { user, client } = await hub.signedIn();
    const saved = await apply(
      client,
      slug,
      { ...standardFields(), [`q_${q.motivation}`]: 'Half a thought', [`q_${q.years}`]: 'many' },
      { intent: 'save' },
    );
    expect(saved.status).toBe(303);
    const row = await registrationOf(hub, slug, user.id);
    expect(row?.status).toBe('draft');
    // As typed, "many" in the number field included: a draft is never refused.
    expect(await answersOf(hub, slug, user.id)).toMatchObject({
      [String(q.motivation)]: 'Half a thought',
      [String(q.years)]: 'many',
    });
    const again = await client.get(`/events/${slug}/apply`);
    expect(again.text).toContain('Half a thought');
    expect(again.text).toContain('value="many"');
    expect(again.text).toContain('value="Vilayvanh Phommachanh"');
    expect(visibleText(again.text)).toContain('Your draft was saved on');
    // The browser asks for the country and category before submitting, marked with *, but lets a
    // draft be saved however incomplete (formnovalidate); the server checks on submit.
    expect(again.text).toMatch(/<label for="f-country">[^<]*<span class="required"> \*<\/span><\/label>/);
    expect(again.text).toMatch(/<select id="f-country" name="country" required=""/);
    expect(again.text).toMatch(/<select id="f-category_id" name="category_id" required=""/);
    expect(again.text).toMatch(/<button[^>]*value="save" formnovalidate=""/);
  });

  it('refuses answers of the wrong type and missing required answers, keeping every answer in the form and on the server', async () => {
    const { slug, q, category } = await selection('Wrong answers');
    const { user, client } = await hub.signedIn();
    const res = await apply(client, slug, {
      ...standardFields({ category_id: category }),
      [`q_${q.years}`]: 'twelve',
      [`q_${q.since}`]: '2019-02-30',
      [`q_${q.domain}`]: 'Painting',
    });
    expectFormRefused(
      res,
      ['Enter a number, for example 12 or 2.5.', 'Enter a real date', 'Choose one of the choices offered.'],
      [
        `id="f-q_${q.motivation}-error"`,
        `id="f-q_${q.english}-error"`,
        'value="twelve"',
        'value="2019-02-30"',
      ],
    );
    const row = await registrationOf(hub, slug, user.id);
    expect(row?.status).toBe('draft');
    expect(row?.submitted_at).toBeNull();
    expect(await answersOf(hub, slug, user.id)).toMatchObject({
      [String(q.years)]: 'twelve',
      [String(q.domain)]: 'Painting',
    });
    expect(row?.category_id).toBe(Number(category));
    const missing = await apply(client, slug, standardFields({ country: '', category_id: '' }));
    expectFormRefused(missing, ['Choose your country.', 'Choose a category.']);
  });

  it('submits a complete application once: a second attempt leads to the first', async () => {
    const { slug, q, category } = await selection('Complete application');
    const { user, client } = await hub.signedIn();
    const res = await apply(
      client,
      slug,
      {
        ...standardFields({ category_id: category }),
        [`q_${q.motivation}`]: 'I run a weaving cooperative.',
        [`q_${q.years}`]: '7',
        [`q_${q.since}`]: '2018-05-01',
        [`q_${q.domain}`]: 'Crafts',
        [`q_${q.english}`]: 'yes',
      },
      { files: [{ ...pdf(), field: `q_${q.portfolio}` }] },
    );
    expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
    expect(res.location).toBe(`/events/${slug}/application`);
    const row = await registrationOf(hub, slug, user.id);
    expect(row).toMatchObject({
      status: 'submitted',
      name: 'Vilayvanh Phommachanh',
      country: 'LA',
      gender: 'woman',
      networking_consent: 1,
    });
    const answers = await answersOf(hub, slug, user.id);
    expect(answers).toMatchObject({
      [String(q.years)]: 7,
      [String(q.english)]: true,
      [String(q.domain)]: 'Crafts',
    });
    expect(answers[String(q.portfolio)]).toMatchObject({ name: 'portfolio.pdf', mime: 'application/pdf' });
    const page = await client.get(`/events/${slug}/application`);
    expect(visibleText(page.text)).toContain('Submitted');
    expect(visibleText(page.text)).toContain('I run a weaving cooperative.');
    // The event page and the list of one's own applications show it too.
    expect(visibleText((await client.get(`/events/${slug}`)).text)).toContain('Your application: Submitted');
    expect(visibleText((await client.get('/account/applications')).text)).toContain('Complete application');
    // "Download my data" carries the application with its answers.
    const exported = JSON.parse((await client.get('/account/export.json')).text);
    expect(exported.modules.events.applications).toHaveLength(1);
    expect(exported.modules.events.applications[0]).toMatchObject({
      event: slug,
      status: 'submitted',
      gender: 'woman',
    });
    expect(exported.modules.events.applications[0].answers[String(q.years)]).toBe(7);
    // Every page's account menu leads there.
    expect((await client.get('/')).text).toMatch(/<a class="menu-item" href="\/account\/applications">/);
    // Again: the form leads to the application, and a second submission changes nothing.
    const second = await client.get(`/events/${slug}/apply`);
    expect(second.status).toBe(303);
    expect(second.location).toBe(`/events/${slug}/application`);
    const before = await rowCount(hub, 'event_registrations');
    const resent = await apply(client, slug, standardFields({ category_id: category, name: 'Someone else' }));
    expect(resent.status).toBe(303);
    expect(resent.location).toBe(`/events/${slug}/application`);
    expect(await rowCount(hub, 'event_registrations')).toBe(before);
    expect((await registrationOf(hub, slug, user.id))?.name).toBe('Vilayvanh Phommachanh');
    await hub.deliverMail();
    const mail = await hub.smtp.next(user.email);
    expect(mail.subject).toBe('Application received: Complete application');
  });

  it('refuses applications to a closed event, after the deadline, and without an invitation', async () => {
    const closed = await createEvent(editor, { title: 'Closed already', status: 'closed' });
    await setUpRegistration(editor, closed);
    const { user, client } = await hub.signedIn();
    const page = await client.get(`/events/${closed}/apply`);
    expect(page.status).toBe(409);
    expect(visibleText(page.text)).toContain('does not take registrations now');
    const sent = await apply(client, closed, standardFields({ name: 'Typed before it closed' }));
    expect(sent.status).toBe(409);
    expect(sent.text).toContain('value="Typed before it closed"');
    expect(await registrationOf(hub, closed, user.id)).toBeUndefined();

    const late = await createEvent(editor, { title: 'Deadline gone' });
    await setUpRegistration(editor, late, { deadline: '2030-01-01T12:00' });
    await hub.deps.db
      .updateTable('event_registration')
      .set({ deadline: new Date(Date.now() - 60_000).toISOString() })
      .where(
        'event_id',
        '=',
        (
          await hub.deps.db
            .selectFrom('events')
            .select('id')
            .where('slug', '=', late)
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute();
    expect((await client.get(`/events/${late}/apply`)).status).toBe(409);
    const tooLate = await apply(client, late, standardFields());
    expect(tooLate.status).toBe(409);
    expect(visibleText(tooLate.text)).toContain('The deadline has passed');

    const invited = await createEvent(editor, { title: 'Invited only' });
    await setUpRegistration(editor, invited, {
      mode: 'invitation',
      invitations: 'guest@example.org',
      capacity: '10',
    });
    const uninvited = await apply(client, invited, standardFields());
    expect(uninvited.status).toBe(403);
    expect(await registrationOf(hub, invited, user.id)).toBeUndefined();
    const { user: guest, client: guestClient } = await hub.signedIn('member', { email: 'guest@example.org' });
    const accepted = await apply(
      guestClient,
      invited,
      standardFields({ category_id: await categoryId(hub, invited, 'Government officials') }),
    );
    expect(accepted.status).toBe(303);
    expect((await registrationOf(hub, invited, guest.id))?.status).toBe('accepted');
  });

  it('refuses a file too large or of the wrong type, keeps the draft, and stores nothing of it', async () => {
    const { slug, q, category } = await selection('Files checked');
    const { user, client } = await hub.signedIn();
    const fields = {
      ...standardFields({ category_id: category }),
      [`q_${q.motivation}`]: 'Kept',
      [`q_${q.english}`]: 'no',
    };
    const big = await apply(client, slug, fields, {
      files: [
        {
          field: `q_${q.portfolio}`,
          name: 'huge.pdf',
          type: 'application/pdf',
          bytes: new Uint8Array(10 * 1024 * 1024 + 1),
        },
      ],
    });
    expect(big.status).toBe(413);
    expect(visibleText(big.text)).toContain('larger than 10 MB');
    expect(big.text).toContain('Kept');
    const exe = await apply(client, slug, fields, {
      files: [{ field: `q_${q.portfolio}`, name: 'cv.pdf', type: 'application/pdf', bytes: makeExe() }],
    });
    expect(exe.status).toBe(415);
    const xlsx = await apply(client, slug, fields, {
      files: [
        {
          field: `q_${q.portfolio}`,
          name: 'budget.xlsx',
          type: 'application/vnd.ms-excel',
          bytes: await makeXlsx([['a', 1]]),
        },
      ],
    });
    // A spreadsheet is a file the library takes, not one this form does.
    expect(xlsx.status).toBe(415);
    expect(visibleText(xlsx.text)).toContain('Upload a PDF, a Word document (DOCX) or an image');
    const row = await registrationOf(hub, slug, user.id);
    expect(row?.status).toBe('draft');
    expect(await answersOf(hub, slug, user.id)).toEqual({
      [String(q.motivation)]: 'Kept',
      [String(q.english)]: 'no',
    });
  });

  it('lets the applicant and the reviewers download a file answer, privately cached, and nobody else', async () => {
    const { slug, q, category } = await selection('Files downloaded');
    const { client } = await hub.signedIn();
    const sent = await apply(
      client,
      slug,
      {
        ...standardFields({ category_id: category }),
        [`q_${q.motivation}`]: 'Portfolio attached',
        [`q_${q.english}`]: 'yes',
      },
      { files: [{ ...pdf(), field: `q_${q.portfolio}` }] },
    );
    expect(sent.status).toBe(303);
    const page = await client.get(`/events/${slug}/application`);
    const link = page.text.match(new RegExp(`/events/${slug}/applications/\\d+/files/${q.portfolio}`))?.[0];
    expect(link).toBeDefined();
    const own = await client.get(link!);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('cache-control')).toBe('private, no-cache');
    expect((await editor.get(link!)).status).toBe(200);
    const stranger = await hub.signedIn();
    expect((await stranger.client.get(link!)).status).toBe(403);
    const visitor = await hub.client().get(link!);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toContain('/login');
  });
});

describe('open registration', () => {
  it('accepts while there is room, then fills the waiting list, and moves it up when someone withdraws', async () => {
    const slug = await createEvent(editor, { title: 'Open with two places' });
    await setUpRegistration(editor, slug, { mode: 'open', capacity: '2', cat_label: [] });
    const people = [await hub.signedIn(), await hub.signedIn(), await hub.signedIn()];
    for (const p of people) expect((await apply(p.client, slug, standardFields())).status).toBe(303);
    const statuses = await Promise.all(
      people.map(async (p) => (await registrationOf(hub, slug, p.user.id))?.status),
    );
    expect(statuses).toEqual(['accepted', 'accepted', 'waitlisted']);
    const roster = () =>
      hub.deps.db
        .selectFrom('event_participants')
        .innerJoin('events', 'events.id', 'event_participants.event_id')
        .select([
          'event_participants.user_id',
          'event_participants.name',
          'event_participants.country',
          'event_participants.gender',
        ])
        .where('events.slug', '=', slug)
        .orderBy('event_participants.user_id')
        .execute();
    expect((await roster()).map((r) => r.user_id)).toEqual([people[0]!.user.id, people[1]!.user.id]);
    expect((await roster())[0]).toMatchObject({
      name: 'Vilayvanh Phommachanh',
      country: 'LA',
      gender: 'woman',
    });

    const withdrawn = await submit(
      people[0]!.client,
      `/events/${slug}/application`,
      {},
      { action: `/events/${slug}/application/withdraw` },
    );
    expect(withdrawn.status).toBe(303);
    expect((await registrationOf(hub, slug, people[0]!.user.id))?.status).toBe('withdrawn');
    expect((await registrationOf(hub, slug, people[2]!.user.id))?.status).toBe('accepted');
    expect((await roster()).map((r) => r.user_id)).toEqual([people[1]!.user.id, people[2]!.user.id]);
    await hub.deliverMail();
    const mails = hub.smtp.to(people[2]!.user.email).map((m) => m.subject);
    expect(mails).toEqual([
      'You are on the waiting list for Open with two places',
      'You have a place at Open with two places',
    ]);
    expect(hub.smtp.to(people[0]!.user.email).map((m) => m.subject)).toContain(
      'You withdrew from Open with two places',
    );
    // Withdrawn once: not twice.
    const again = await submit(
      people[0]!.client,
      `/events/${slug}/application`,
      {},
      { action: `/events/${slug}/application/withdraw` },
    );
    expect(again.status).toBe(409);
  });

  it('refuses a registration when full without a waiting list, keeping the draft', async () => {
    const slug = await createEvent(editor, { title: 'One place, no list' });
    await setUpRegistration(editor, slug, {
      mode: 'open',
      capacity: '1',
      waiting_list: [],
      cat_label: [],
    });
    const first = await hub.signedIn();
    expect((await apply(first.client, slug, standardFields())).status).toBe(303);
    const second = await hub.signedIn();
    const page = visibleText((await second.client.get(`/events/${slug}`)).text);
    expect(page).toContain('All places are taken.');
    const res = await apply(second.client, slug, standardFields({ name: 'Second in line' }));
    expect(res.status).toBe(409);
    expect(visibleText(res.text)).toContain('there is no waiting list. Your draft is kept');
    expect(await registrationOf(hub, slug, second.user.id)).toMatchObject({
      status: 'draft',
      name: 'Second in line',
    });
  });
});
