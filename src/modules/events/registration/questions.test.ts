// The questionnaire engine as events use it, on SQLite or PostgreSQL: a question's label and
// choices translated into a UI language and shown in the reader's language (the original where
// there is none, the answer kept in the original's words); a question asked only after a given
// answer — neither required nor kept when that answer is not given, on the application form and in
// the feedback API; and the builder's refusals around conditions and changes and moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPlatform,
  type TestClient,
  type TestPlatform,
  visibleText,
} from '../../../../test/harness.ts';
import { questionsOf } from '../../../platform/questionnaires/index.ts';
import { feedbackForm } from '../participants/feedback.ts';
import { enrol, eventId } from '../participants/test-helpers.ts';
import { applicationForm } from './form.ts';
import {
  addQuestion,
  answersOf,
  apply,
  categoryId,
  createEvent,
  setUpRegistration,
  standardFields,
  submit,
} from './test-helpers.ts';

let hub: TestPlatform;
let editor: TestClient;
beforeAll(async () => {
  hub = await createTestPlatform();
  editor = (await hub.signedIn('editor')).client;
}, 60_000);
afterAll(() => hub.close());

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
      tr_lang: ['lo', ''],
      tr_label: ['ຂົງເຂດຂອງທ່ານ', ''],
      tr_help: ['', ''],
      tr_options: ['ຫັດຖະກຳ\nການອອກແບບ', ''],
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
      tr_lang: ['lo'],
      tr_label: ['ຂົງເຂດຂອງທ່ານ'],
      tr_options: ['ຫັດຖະກຳ'],
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="f-translations-error"');
    expect(res.text).toContain('value="ຂົງເຂດຂອງທ່ານ"');
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
    const audit = await hub.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'event.form_changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? '{}')).toEqual({ what: 'field moved down', field: business });
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
