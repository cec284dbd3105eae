// The organisers' set-up through the whole app, on SQLite or PostgreSQL: registration settings with
// categories and invitations, the application form's questions, and the refusals — a deadline in
// the past, a capacity below the accepted count, strangers and visitors — with nothing half-saved.
// Then the questionnaire engine as events use it: a question translated into a UI language and
// shown in the reader's language (the original where there is none, the answer kept in the
// original's words); a question asked only after a given answer — neither required nor kept when
// that answer is not given, on the application form and in the feedback API; and the builder's
// refusals around conditions, and its moves.
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, lastAuditEntry } from '../../../../test/audit.ts';
import { rowCount } from '../../../../test/counts.ts';
import { translationRows } from '../../../../test/forms.ts';
import { visibleText } from '../../../../test/harness.ts';
import { expectFormRefused } from '../../../../test/refusals.ts';
import { questionsOf } from '../../../platform/questionnaires/index.ts';
import { organisationForm } from '../../directory/test-fixtures.ts';
import { feedbackForm } from '../participants/feedback.ts';
import { enrol, eventId } from '../participants/test-helpers.ts';
import { applicationForm } from './form.ts';
import {
  addQuestion,
  answersOf,
  apply,
  categoriesOf,
  categoryId,
  createEvent,
  platformWithEditor,
  post,
  settingsForm,
  setUpRegistration,
  standardFields,
  submit,
} from './test-helpers.ts';

const { hub, editor } = await platformWithEditor();

const settingsOf = (slug: string) =>
  hub.deps.db
    .selectFrom('event_registration')
    .innerJoin('events', 'events.id', 'event_registration.event_id')
    .selectAll('event_registration')
    .where('events.slug', '=', slug)
    .executeTakeFirst();

describe('registration settings', () => {
  it('are set up by an editor, with the deadline read in the event’s zone', async () => {
    const slug = await createEvent(editor, { title: 'Settings in Vientiane' });
    await setUpRegistration(editor, slug, { capacity: '30', deadline: '2031-03-01T17:00' });
    const settings = await settingsOf(slug);
    expect(settings).toMatchObject({ mode: 'application', capacity: 30, waiting_list: 1 });
    // 17:00 in Vientiane (UTC+7) is 10:00 UTC.
    expect(settings?.deadline).toBe('2031-03-01T10:00:00.000Z');
    const page = await editor.get(`/events/${slug}/registration`);
    expect(page.text).toContain('value="2031-03-01T17:00"');
    expect(page.text).toContain('value="Creative industry representatives"');
    expect(await auditEntries(hub, { action: 'event.registration_opened' })).not.toEqual([]);
  });

  it('are set up by a member of an organising organisation, not by a partner’s or a stranger', async () => {
    const slug = await createEvent(editor, { title: 'Organised by members' });
    const member = await hub.signedIn();
    const stranger = await hub.signedIn();
    // The member creates an organisation through the directory's form and becomes its owner.
    await member.client.get('/directory/new');
    const created = await member.client.request('/directory/new', {
      form: organisationForm({ name: 'Hue creative community' }),
    });
    expect(created.status).toBe(303);
    const org = await hub.deps.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Hue creative community')
      .executeTakeFirstOrThrow();
    const eventRow = await hub.deps.db
      .selectFrom('events')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    await hub.deps.db
      .insertInto('event_organisations')
      .values({ event_id: eventRow.id, organisation_id: org.id, role: 'organiser', position: 0 })
      .execute();
    await setUpRegistration(member.client, slug);
    expect((await stranger.client.get(`/events/${slug}/registration`)).status).toBe(403);
    const refused = await submit(stranger.client, `/events/${slug}`, settingsForm({ capacity: '1' }), {
      action: `/events/${slug}/registration`,
    });
    expect(refused.status).toBe(403);
    expect((await settingsOf(slug))?.capacity).toBeNull();
    const visitor = await hub.client().get(`/events/${slug}/registration`);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toContain('/login?next=');
  });

  it('refuse a deadline in the past, keeping what was typed and saving nothing', async () => {
    const slug = await createEvent(editor, { title: 'Deadline passed' });
    const res = await submit(
      editor,
      `/events/${slug}/registration`,
      settingsForm({ deadline: '2020-01-01T09:00', capacity: '12' }),
    );
    expectFormRefused(
      res,
      ['This moment has passed'],
      ['id="f-deadline-error"', 'value="2020-01-01T09:00"', 'value="12"'],
    );
    expect(await settingsOf(slug)).toBeUndefined();
    expect(await categoriesOf(hub, slug)).toEqual([]);
    const garbled = await submit(
      editor,
      `/events/${slug}/registration`,
      settingsForm({ deadline: 'next Friday' }),
    );
    expect(garbled.status).toBe(422);
    expect(visibleText(garbled.text)).toContain('Enter a date and a time');
  });

  it('refuse a capacity below the number accepted already', async () => {
    const slug = await createEvent(editor, { title: 'Small room' });
    await setUpRegistration(editor, slug, { mode: 'open', capacity: '5', cat_label: [] });
    for (let i = 0; i < 2; i++) {
      const applicant = await hub.signedIn();
      expect((await apply(applicant.client, slug, standardFields())).status).toBe(303);
    }
    const res = await submit(
      editor,
      `/events/${slug}/registration`,
      settingsForm({ mode: 'open', capacity: '1', cat_label: [] }),
    );
    expect(res.status).toBe(422);
    expect(visibleText(res.text)).toContain('cannot be lower than the number accepted');
    expect((await settingsOf(slug))?.capacity).toBe(5);
    const bad = await submit(editor, `/events/${slug}/registration`, settingsForm({ capacity: 'thirty' }));
    expect(bad.status).toBe(422);
    expect(visibleText(bad.text)).toContain('Enter a whole number of places');
  });

  it('rename a category someone chose, and refuse to remove it', async () => {
    const slug = await createEvent(editor, { title: 'Categories in use' });
    await setUpRegistration(editor, slug);
    const officials = await categoryId(hub, slug, 'Government officials');
    const creative = await categoryId(hub, slug, 'Creative industry representatives');
    const applicant = await hub.signedIn();
    await apply(applicant.client, slug, standardFields({ category_id: officials }), { intent: 'save' });
    const removed = await submit(
      editor,
      `/events/${slug}/registration`,
      settingsForm({ cat_id: [creative, ''], cat_label: ['Creative industry representatives', ''] }),
    );
    expect(removed.status).toBe(409);
    expect(visibleText(removed.text)).toContain('cannot be removed');
    await setUpRegistration(editor, slug, {
      cat_id: [creative, officials, ''],
      cat_label: [
        'Creative industry representatives',
        'Government officials (ministries)',
        'OTOP/ODOP/OVOP agencies',
      ],
    });
    const labels = await hub.deps.db
      .selectFrom('event_categories')
      .select(['id', 'label'])
      .where('id', '=', Number(officials))
      .executeTakeFirstOrThrow();
    expect(labels.label).toBe('Government officials (ministries)');
  });

  it('invite addresses by mail for an invitation-only event, and refuse addresses that are not email', async () => {
    const slug = await createEvent(editor, { title: 'Invited experts' });
    const bad = await submit(
      editor,
      `/events/${slug}/registration`,
      settingsForm({ mode: 'invitation', invitations: 'expert@example.org\nnot an address' }),
    );
    expect(bad.status).toBe(422);
    expect(visibleText(bad.text)).toContain('not an email address');
    const none = await submit(
      editor,
      `/events/${slug}/registration`,
      settingsForm({ mode: 'invitation', invitations: '' }),
    );
    expect(none.status).toBe(422);
    await setUpRegistration(editor, slug, {
      mode: 'invitation',
      invitations: 'Expert@Example.org\nofficial@example.org',
    });
    await hub.deliverMail();
    const mail = await hub.smtp.next('expert@example.org');
    expect(mail.subject).toBe('You are invited to apply: Invited experts');
    expect(mail.text).toContain(`/events/${slug}/apply`);
    // Saving again invites nobody twice.
    await setUpRegistration(editor, slug, {
      mode: 'invitation',
      invitations: 'expert@example.org\nofficial@example.org',
    });
    await hub.deliverMail();
    expect(hub.smtp.to('expert@example.org')).toHaveLength(1);
  });
});

describe('the application form', () => {
  it('takes questions of every kind, in order, moved up and down', async () => {
    const slug = await createEvent(editor, { title: 'Form of every kind' });
    await setUpRegistration(editor, slug);
    const ids: number[] = [];
    for (const kind of ['text', 'long_text', 'yes_no', 'number', 'date', 'file'])
      ids.push(await addQuestion(hub, editor, slug, { kind, label: `A ${kind} question` }));
    ids.push(
      await addQuestion(hub, editor, slug, {
        kind: 'single_choice',
        label: 'Your domain',
        options: ['Crafts', 'Design'],
      }),
    );
    ids.push(
      await addQuestion(hub, editor, slug, {
        kind: 'multiple_choice',
        label: 'Languages',
        options: ['Lao', 'English'],
      }),
    );
    const moved = await submit(
      editor,
      `/events/${slug}/registration/form`,
      { direction: 'up' },
      {
        action: `/events/${slug}/registration/form/${ids[1]}/move`,
      },
    );
    expect(moved.status).toBe(303);
    const order = await hub.deps.db
      .selectFrom('questionnaire_questions')
      .select(['id', 'position'])
      .where('id', 'in', ids)
      .orderBy('position')
      .execute();
    expect(order.map((r) => r.id).slice(0, 2)).toEqual([ids[1], ids[0]]);
    const applicant = await hub.signedIn();
    const form = await applicant.client.get(`/events/${slug}/apply`);
    expect(form.status).toBe(200);
    for (const kind of ['text', 'long_text', 'yes_no', 'number', 'date', 'file'])
      expect(visibleText(form.text)).toContain(`A ${kind} question`);
    expect(form.text).toContain('type="file"');
    expect(form.text).toContain('enctype="multipart/form-data"');
  });

  it('refuses a choice question without choices, and anything but an organiser', async () => {
    const slug = await createEvent(editor, { title: 'Choices needed' });
    await setUpRegistration(editor, slug);
    const before = await rowCount(hub, 'questionnaire_questions');
    const res = await submit(editor, `/events/${slug}/registration/form`, {
      kind: 'single_choice',
      label: 'Pick one',
      options: 'Only one',
    });
    expectFormRefused(res, ['Give at least two choices'], ['value="Pick one"']);
    const stranger = await hub.signedIn();
    const refused = await submit(
      stranger.client,
      `/events/${slug}`,
      { kind: 'text', label: 'Sneaky' },
      {
        action: `/events/${slug}/registration/form`,
      },
    );
    expect(refused.status).toBe(403);
    expect(await rowCount(hub, 'questionnaire_questions')).toBe(before);
  });

  it('keeps the answers when the organiser changes the form: answered questions are hidden, not deleted', async () => {
    const slug = await createEvent(editor, { title: 'Form changed later' });
    await setUpRegistration(editor, slug);
    const motivation = await addQuestion(hub, editor, slug, { kind: 'long_text', label: 'Your motivation' });
    const domain = await addQuestion(hub, editor, slug, {
      kind: 'single_choice',
      label: 'Domain',
      options: ['Crafts', 'Design'],
    });
    const unused = await addQuestion(hub, editor, slug, { kind: 'text', label: 'Unused question' });
    const applicant = await hub.signedIn();
    const sent = await apply(applicant.client, slug, {
      ...standardFields({ category_id: await categoryId(hub, slug, 'Government officials') }),
      [`q_${motivation}`]: 'To open a crafts hub in Luang Prabang.',
      [`q_${domain}`]: 'Crafts',
    });
    expect(sent.status, visibleText(sent.text).slice(0, 300)).toBe(303);

    const base = `/events/${slug}/registration/form`;
    const deleted = await submit(editor, base, {}, { action: `${base}/${motivation}/delete` });
    expect(deleted.status).toBe(409);
    expect(visibleText(deleted.text)).toContain('cannot be deleted. Hide it instead');
    const kind = await submit(editor, `${base}/${domain}`, {
      kind: 'text',
      label: 'Domain',
      options: '',
    });
    expect(kind.status).toBe(409);
    const option = await submit(editor, `${base}/${domain}`, {
      kind: 'single_choice',
      label: 'Domain',
      options: 'Design\nMusic',
    });
    expect(option.status).toBe(409);
    expect(visibleText(option.text)).toContain('A choice someone chose cannot be removed');
    const added = await submit(editor, `${base}/${domain}`, {
      kind: 'single_choice',
      label: 'Domain',
      options: 'Crafts\nDesign\nMusic',
    });
    expect(added.status, visibleText(added.text).slice(-600)).toBe(303);
    const hidden = await submit(editor, `${base}/${motivation}`, {
      kind: 'long_text',
      label: 'Your motivation',
      hidden: '1',
      options: '',
    });
    expect(hidden.status, visibleText(hidden.text).slice(-600)).toBe(303);
    expect((await submit(editor, base, {}, { action: `${base}/${unused}/delete` })).status).toBe(303);
    expect(
      await hub.deps.db
        .selectFrom('questionnaire_questions')
        .select('id')
        .where('id', '=', unused)
        .executeTakeFirst(),
    ).toBeUndefined();

    // The hidden question is no longer asked, and its answer is still there for the reviewers.
    const other = await hub.signedIn();
    expect(visibleText((await other.client.get(`/events/${slug}/apply`)).text)).not.toContain(
      'Your motivation',
    );
    const row = await hub.deps.db
      .selectFrom('event_registrations')
      .select('id')
      .where('user_id', '=', applicant.user.id)
      .executeTakeFirstOrThrow();
    const review = await editor.get(`/events/${slug}/applications/${row.id}`);
    expect(visibleText(review.text)).toContain(
      'Your motivation (hidden) To open a crafts hub in Luang Prabang.',
    );
  });
});

describe('categories', () => {
  it('are kept in the order the rows were given', async () => {
    const slug = await createEvent(editor, { title: 'Three categories' });
    await editor.get(`/events/${slug}/registration`);
    const res = await post(
      editor,
      `/events/${slug}/registration`,
      settingsForm({ cat_id: ['', '', ''], cat_label: ['Artisans', 'Designers', 'Officials'] }),
    );
    expect(res.status).toBe(303);
    expect((await categoriesOf(hub, slug)).map((c) => c.label)).toEqual([
      'Artisans',
      'Designers',
      'Officials',
    ]);
  });
});

const formOf = async (slug: string) => questionsOf(hub.deps.db, applicationForm(await eventId(hub, slug)));

describe('a question in several languages', () => {
  let slug: string;
  let domain: number;
  beforeAll(async () => {
    slug = await createEvent(editor, { title: 'Form in Lao and English' });
    await setUpRegistration(editor, slug, { cat_label: [] });
    domain = await addQuestion(hub, editor, slug, {
      kind: 'single_choice',
      label: 'Your domain',
      options: ['Crafts', 'Design'],
    });
    const base = `/events/${slug}/registration/form`;
    const saved = await submit(editor, `${base}/${domain}`, {
      kind: 'single_choice',
      label: 'Your domain',
      help: 'The one you work in most.',
      options: 'Crafts\nDesign',
      ...translationRows({ lang: 'lo', label: 'ຂົງເຂດຂອງທ່ານ', help: '', options: 'ຫັດຖະກຳ\nການອອກແບບ' }, {}),
    });
    expect(saved.status, visibleText(saved.text).slice(0, 400)).toBe(303);
  });

  it('is shown in the reader’s language, the original otherwise', async () => {
    const lao = await hub.signedIn('member', { locale: 'lo' });
    const page = await lao.client.get(`/events/${slug}/apply`);
    expect(page.text).toContain('<span lang="lo">ຂົງເຂດຂອງທ່ານ</span>');
    expect(page.text).toMatch(/value="Crafts"[^>]*\/> <span>ຫັດຖະກຳ<\/span>/);
    // No help in Lao: the original's is shown.
    expect(visibleText(page.text)).toContain('The one you work in most.');
    const thai = await hub.signedIn('member', { locale: 'th' });
    const original = visibleText((await thai.client.get(`/events/${slug}/apply`)).text);
    expect(original).toContain('Your domain');
    expect(original).not.toContain('ຂົງເຂດຂອງທ່ານ');

    // The answer is the original choice, whatever language it was given in.
    const sent = await apply(lao.client, slug, { ...standardFields(), [`q_${domain}`]: 'Crafts' });
    expect(sent.status).toBe(303);
    expect(await answersOf(hub, slug, lao.user.id)).toEqual({ [String(domain)]: 'Crafts' });
    expect(visibleText((await lao.client.get(`/events/${slug}/application`)).text)).toContain(
      'ຂົງເຂດຂອງທ່ານ ຫັດຖະກຳ',
    );
  });

  it('refuses translated choices that do not match the choices, keeping the row', async () => {
    const res = await submit(editor, `/events/${slug}/registration/form/${domain}`, {
      kind: 'single_choice',
      label: 'Your domain',
      options: 'Crafts\nDesign',
      ...translationRows({ lang: 'lo', label: 'ຂົງເຂດຂອງທ່ານ', options: 'ຫັດຖະກຳ' }),
    });
    expectFormRefused(res, [], ['id="f-translations-error"', 'value="ຂົງເຂດຂອງທ່ານ"']);
  });
});

describe('a question asked after a given answer', () => {
  let slug: string;
  let business: number;
  let employees: number;
  beforeAll(async () => {
    slug = await createEvent(editor, { title: 'Form with a condition' });
    await setUpRegistration(editor, slug);
    business = await addQuestion(hub, editor, slug, {
      kind: 'yes_no',
      label: 'Do you run a business?',
      required: true,
    });
    const res = await submit(editor, `/events/${slug}/registration/form`, {
      kind: 'number',
      label: 'How many people work there?',
      required: '1',
      condition: `${business}:yes`,
    });
    expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
    employees = (await formOf(slug)).find((q) => q.label.startsWith('How many'))?.id ?? 0;
  });

  it('says when it is asked, and the page hides it until then', async () => {
    const { client } = await hub.signedIn();
    const page = await client.get(`/events/${slug}/apply`);
    expect(page.text).toContain(`data-show-if="q_${business}"`);
    expect(page.text).toContain('data-show-values="[&quot;yes&quot;]"');
    expect(page.text).toMatch(/<script type="module" src="\/assets\/questionnaire\.[0-9a-f]+\.js"/);
    expect(visibleText(page.text)).toContain(
      'Answer this only if you answered “Yes” to “Do you run a business?”.',
    );
  });

  it('is neither required nor kept when the answer it waits for is not given', async () => {
    const category = await categoryId(hub, slug, 'Government officials');
    const { user, client } = await hub.signedIn();
    const sent = await apply(client, slug, {
      ...standardFields({ category_id: category }),
      [`q_${business}`]: 'no',
      [`q_${employees}`]: 'many',
    });
    expect(sent.status, visibleText(sent.text).slice(0, 400)).toBe(303);
    expect(await answersOf(hub, slug, user.id)).toEqual({ [String(business)]: false });
  });

  it('is required, and checked, when it is', async () => {
    const category = await categoryId(hub, slug, 'Government officials');
    const { user, client } = await hub.signedIn();
    const missing = await apply(client, slug, {
      ...standardFields({ category_id: category }),
      [`q_${business}`]: 'yes',
    });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain(`id="f-q_${employees}-error"`);
    const sent = await apply(client, slug, {
      ...standardFields({ category_id: category }),
      [`q_${business}`]: 'yes',
      [`q_${employees}`]: '12',
    });
    expect(sent.status).toBe(303);
    expect(await answersOf(hub, slug, user.id)).toEqual({
      [String(business)]: true,
      [String(employees)]: 12,
    });
  });

  it('keeps the question and the answer it waits for while it waits', async () => {
    const base = `/events/${slug}/registration/form`;
    const deleted = await submit(editor, base, {}, { action: `${base}/${business}/delete` });
    expect(deleted.status).toBe(409);
    const later = await submit(editor, `${base}/${business}`, {
      kind: 'yes_no',
      label: 'Do you run a business?',
      condition: `${employees}:12`,
    });
    expect(later.status).toBe(422);
    expect(later.text).toContain('id="f-condition-error"');
    const moved = await submit(editor, base, { direction: 'down' }, { action: `${base}/${business}/move` });
    expect(moved.status).toBe(303);
    expect((await formOf(slug)).map((q) => q.id)).toEqual([employees, business]);
    const audit = await lastAuditEntry(hub, { action: 'event.form_changed' });
    expect(audit.details).toEqual({ what: 'field moved down', field: business });
  });
});

describe('feedback with a condition, through the API', () => {
  let slug: string;
  let ids: { use: number; why: number };
  beforeAll(async () => {
    slug = await createEvent(editor, {
      title: 'Workshop held last year',
      status: 'held',
      starts_on: '2025-03-10',
      ends_on: '2025-03-12',
    });
    const base = `/events/${slug}/feedback/questions`;
    const add = (fields: Record<string, string>) => submit(editor, base, { required: '1', ...fields });
    expect(
      (await add({ kind: 'single_choice', label: 'Will you use the template?', options: 'Yes\nNo' })).status,
    ).toBe(303);
    const use = (await questionsOf(hub.deps.db, feedbackForm(await eventId(hub, slug))))[0]?.id ?? 0;
    expect((await add({ kind: 'long_text', label: 'Why not?', condition: `${use}:No` })).status).toBe(303);
    const why = (await questionsOf(hub.deps.db, feedbackForm(await eventId(hub, slug))))[1]?.id ?? 0;
    ids = { use, why };
  });

  const send = async (answers: Record<string, unknown>) => {
    const { user, client } = await hub.signedIn();
    await enrol(hub, slug, user.id);
    return client.request(`/api/v1/events/${slug}/feedback`, {
      json: { answers },
      headers: { 'x-csrf-token': client.csrfToken() },
    });
  };

  it('neither requires nor keeps the answer to a question whose condition is not met', async () => {
    const res = await send({ [ids.use]: 'Yes', [ids.why]: 'Typed anyway' });
    expect(res.status, res.text).toBe(201);
    const answers = await hub.deps.db
      .selectFrom('questionnaire_answers')
      .select(['question_id', 'value'])
      .where('question_id', 'in', [ids.use, ids.why])
      .execute();
    expect(answers).toEqual([{ question_id: ids.use, value: '"Yes"' }]);
  });

  it('requires it when the condition is met', async () => {
    const res = await send({ [ids.use]: 'No' });
    expect(res.status).toBe(422);
    expect(JSON.parse(res.text).errors).toEqual({ [`q${ids.why}`]: 'This field is required.' });
    expect((await send({ [ids.use]: 'No', [ids.why]: 'No time' })).status).toBe(201);
  });
});
