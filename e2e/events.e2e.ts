// Taking part in an event, in a real browser on a phone (360 × 740): an organiser (an editor)
// publishes an event open for applications with a form of their own, a rubric and a reviewer; a
// member applies — a number typed as words is refused and comes back with everything typed, the
// draft survives a language switch, a PDF goes with the application —; the reviewer scores and
// accepts; the member gets the decision by mail with the event's .ics (read with ical.js); the
// event's key figures count the new participant. axe (WCAG A/AA) and no sideways scroll on the
// form and the review pages, in English and Khmer, with screenshots in e2e/artifacts/.
import ICAL from 'ical.js';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../src/platform/files/test-files.ts';
import type { ReceivedMail } from '../test/smtp-peer.ts';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type Hub,
  horizontalOverflow,
  openPage,
  PHONE,
  registerVerifyAndLogIn,
  runAxe,
  screenshot,
  startHub,
  uiString,
  uniqueEmail,
} from './harness.ts';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

const en = (key: string) => uiString('en', key);
const km = (key: string) => uiString('km', key);

async function checkPage(page: Page, name: string) {
  await screenshot(page, name);
  const overflow = await horizontalOverflow(page);
  expect(overflow.culprits, name).toEqual([]);
  expect(overflow.cutOffLeft, name).toEqual([]);
  const results = await runAxe(page);
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
}

/** A new account, registered and verified through the pages, in a context of its own. */
async function person(name: string) {
  const { context, page } = await openPage(hub, { viewport: PHONE });
  const account = {
    name,
    email: uniqueEmail(name.split(' ')[0]?.toLowerCase()),
    password: 'a long e2e password 42',
  };
  await registerVerifyAndLogIn(hub, page, account);
  return { context, page, ...account };
}

/** The next mail to `address` whose subject passes `test` (earlier ones are skipped). */
async function mailWhere(address: string, test: (m: ReceivedMail) => boolean): Promise<ReceivedMail> {
  for (;;) {
    const mail = await hub.mail.next(address, 20_000);
    if (test(mail)) return mail;
  }
}

/** Submits the form that holds `selector`'s element with that button. */
const press = (page: Page, selector: string) => page.locator(selector).click();

describe('event applications at 360 × 740', () => {
  it('from an organiser’s form to a reviewer’s acceptance, the mailed .ics and the key figures', async () => {
    const organiser = await person('Organiser Sengdao');
    const reviewer = await person('Reviewer Hoa');
    const member = await person('Vilayvanh Phommachanh');

    // The administrator makes the organiser an editor of the hub.
    const { page: admin } = await openPage(hub, { viewport: PHONE });
    await admin.goto('/login');
    await admin.locator('#f-email').fill(ADMIN_EMAIL);
    await admin.locator('#f-password').fill(ADMIN_PASSWORD);
    await admin.locator('form[action="/login"] button[type="submit"]').click();
    await admin.waitForURL('**/account');
    await admin.goto(`/admin/users?q=${encodeURIComponent(organiser.email)}`);
    const roleForm = admin.locator('form[action*="/role"]').first();
    await roleForm.locator('select').selectOption('editor');
    await roleForm.locator('button[type="submit"]').click();
    await admin.waitForLoadState();

    // The organiser publishes the event, open for applications.
    const o = organiser.page;
    await o.goto('/events/new');
    await o.locator('#f-title').fill('Creative hubs leadership workshop');
    await o.locator('#f-type').selectOption('workshop');
    await o.locator('#f-status').selectOption('registration_open');
    await o.locator('#f-starts_on').fill('2031-03-10');
    await o.locator('#f-ends_on').fill('2031-03-12');
    await o.locator('#f-start_time').fill('09:00');
    await o.locator('#f-end_time').fill('17:00');
    await o.locator('#f-time_zone').selectOption('Asia/Vientiane');
    await o.locator('#f-city').fill('Vientiane');
    await o.locator('#f-country').selectOption('LA');
    await o.locator('form[action="/events/new"] button[type="submit"]').click();
    await o.waitForURL(/\/events\/creative-hubs-leadership-workshop-2031$/);
    const slug = new URL(o.url()).pathname.replace('/events/', '');

    await o.goto(`/events/${slug}/registration`);
    await o.locator('#f-mode').selectOption('application');
    await o.locator('#f-capacity').fill('20');
    await o.locator('#f-deadline').fill('2031-02-20T17:00');
    await o.locator('#f-criteria').fill('English proficiency; commitment to attend all three days.');
    await o.locator('#f-cat-0').fill('Creative industry representatives');
    await o.locator('#f-cat-1').fill('OTOP/ODOP/OVOP agencies');
    await press(o, `form[action="/events/${slug}/registration"] button[type="submit"]`);
    await o.waitForURL(`**/events/${slug}/registration`);
    expect(await o.locator('#f-deadline').inputValue()).toBe('2031-02-20T17:00');
    await checkPage(o, 'events-00a-settings');

    const addQuestion = async (
      kind: string,
      label: string,
      options: { required?: boolean; choices?: string } = {},
    ) => {
      await o.goto(`/events/${slug}/registration/form`);
      await o.locator('#f-kind').selectOption(kind);
      await o.locator('#f-label').fill(label);
      if (options.choices) await o.locator('#f-options').fill(options.choices);
      if (options.required) await o.locator('#f-required').check();
      await press(o, `form[action="/events/${slug}/registration/form"] button[type="submit"]`);
      await o.waitForURL(`**/events/${slug}/registration/form`);
    };
    await addQuestion('long_text', 'Why do you want to take part?', { required: true });
    await addQuestion('number', 'Years of practice');
    await addQuestion('single_choice', 'Your domain', { choices: 'Crafts\nDesign\nPerforming arts' });
    await addQuestion('file', 'Portfolio');
    expect(await o.locator('.form-field-row').count()).toBe(4);
    await checkPage(o, 'events-00b-form-builder');

    await o.goto(`/events/${slug}/registration/rubric`);
    await o.locator('#f-label').fill('Commitment to full attendance');
    await o.locator('#f-max_score').fill('5');
    await press(o, `form[action="/events/${slug}/registration/rubric"] button[type="submit"]`);
    await o.waitForURL(`**/events/${slug}/registration/rubric`);
    await o.locator('#f-email').fill(reviewer.email);
    await press(o, `form[action="/events/${slug}/registration/reviewers"] button[type="submit"]`);
    await o.waitForURL(`**/registration/rubric#reviewers`);
    expect(await o.locator('#reviewers ~ ul').textContent()).toContain('Reviewer Hoa');
    await checkPage(o, 'events-00c-rubric');

    // The member finds the event and applies.
    const m = member.page;
    await m.goto(`/events/${slug}`);
    await checkPage(m, 'events-00d-event-page');
    await m.locator('.registration-block a.button').click();
    await m.waitForURL(`**/events/${slug}/apply`);
    await checkPage(m, 'events-01-application-form');
    expect(await m.locator('#f-name').inputValue()).toBe('Vilayvanh Phommachanh');
    await m.locator('#f-organisation_name').fill('Lao Handicraft Association');
    await m.locator('#f-organisation_kind').selectOption('association');
    await m.locator('#f-country').selectOption('LA');
    const categories = m.locator('#f-category_id option');
    await m.locator('#f-category_id').selectOption({ label: (await categories.nth(1).textContent()) ?? '' });
    await m.locator('#f-gender').selectOption('woman');
    await m.locator('#f-networking_consent').check();
    const question = (label: string) => m.locator('.field, fieldset.field').filter({ hasText: label });
    await question('Why do you want to take part?')
      .locator('textarea')
      .fill('I run a weaving cooperative in Luang Prabang.');
    await question('Years of practice').locator('input').fill('seven');
    await question('Your domain').getByLabel('Crafts').check();
    await m.getByRole('button', { name: en('registration.submitApplication'), exact: true }).click();
    // Refused by the server: the message next to the field, everything typed still there.
    await m.locator('.field-error').first().waitFor();
    expect(await m.locator('.field.invalid').textContent()).toContain(en('questionnaire.answer.number'));
    expect(await question('Why do you want to take part?').locator('textarea').inputValue()).toBe(
      'I run a weaving cooperative in Luang Prabang.',
    );
    expect(await question('Years of practice').locator('input').inputValue()).toBe('seven');
    await checkPage(m, 'events-02-application-refused');

    // The draft is on the server: the form in Khmer shows it too.
    const khmerMember = await openPage(hub, {
      viewport: PHONE,
      lang: 'km',
      storageState: await member.context.storageState(),
    });
    await khmerMember.page.goto(`/events/${slug}/apply`);
    expect(await khmerMember.page.locator('h1').textContent()).toContain('ដាក់ពាក្យចូលរួម');
    expect(await khmerMember.page.locator('textarea').first().inputValue()).toBe(
      'I run a weaving cooperative in Luang Prabang.',
    );
    await checkPage(khmerMember.page, 'events-03-application-form-km');
    await khmerMember.context.close();

    await question('Years of practice').locator('input').fill('7');
    await question('Portfolio')
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'portfolio.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(fixture('multilingual.pdf')),
      });
    await m.getByRole('button', { name: en('registration.submitApplication'), exact: true }).click();
    await m.waitForURL(`**/events/${slug}/application`);
    expect(await m.locator('.badge').first().textContent()).toBe(en('events.registrationStatus.submitted'));
    await mailWhere(
      member.email,
      (mail) => mail.subject === 'Application received: Creative hubs leadership workshop',
    );

    // The reviewer scores and accepts.
    const r = reviewer.page;
    await r.goto(`/events/${slug}/applications`);
    await checkPage(r, 'events-04-review-list');
    expect(await r.locator('table.applications tbody tr').count()).toBe(1);
    await r.locator('table.applications a').first().click();
    await r.waitForURL(/\/applications\/\d+$/);
    const scoreInput = r.locator('input[name^="score_"]');
    await scoreInput.fill('5');
    await r.locator('#f-note').fill('Clear motivation, long practice.');
    await r.getByRole('button', { name: en('registration.saveReview'), exact: true }).click();
    await r.waitForURL(/\/applications\/\d+$/);
    expect(await r.locator('.review-note').textContent()).toBe('Clear motivation, long practice.');
    await checkPage(r, 'events-05-review-application');
    const khmerReviewer = await openPage(hub, {
      viewport: PHONE,
      lang: 'km',
      storageState: await reviewer.context.storageState(),
    });
    await khmerReviewer.page.goto(r.url());
    expect(await khmerReviewer.page.locator('#decision').textContent()).toBe(km('registration.decision'));
    await checkPage(khmerReviewer.page, 'events-06-review-application-km');
    await khmerReviewer.page.goto(`/events/${slug}/applications`);
    await checkPage(khmerReviewer.page, 'events-07-review-list-km');
    await khmerReviewer.context.close();
    await r.locator('#f-decision').selectOption('accepted');
    await r.getByRole('button', { name: en('registration.recordDecision'), exact: true }).click();
    await r.waitForURL(/\/applications\/\d+$/);
    expect(await r.locator('.badge').first().textContent()).toBe(en('events.registrationStatus.accepted'));

    // The member's mail, with the event as an .ics in the event's zone.
    const accepted = await mailWhere(
      member.email,
      (mail) => mail.subject === 'You have a place at Creative hubs leadership workshop',
    );
    expect(accepted.text).toContain(`/events/${slug}/application`);
    const ics = accepted.attachments.find((a) => a.mimeType === 'text/calendar');
    expect(ics?.filename).toBe(`${slug}.ics`);
    const calendar = new ICAL.Component(ICAL.parse(new TextDecoder().decode(ics!.content)));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(vevent.summary).toBe('Creative hubs leadership workshop');
    expect(vevent.startDate.toJSDate().toISOString()).toBe('2031-03-10T02:00:00.000Z');

    await m.goto(`/events/${slug}`);
    expect(await m.locator('.registration-block').textContent()).toContain(
      en('events.registrationStatus.accepted'),
    );

    // The key figures count her: one participant, from one country.
    await o.goto(`/events/${slug}/report`);
    expect(await o.locator('.key-figures').textContent()).toContain('1 participant from 1 country');
    await screenshot(o, 'events-08-report');

    for (const context of [organiser.context, reviewer.context, member.context] as BrowserContext[])
      await context.close();
  }, 120_000); // the longest journey: 55 s at load 9, too near the 60 s default
});
