// Reports and the moderation queue through the whole app, on SQLite or PostgreSQL, with the
// directory's demo organisations as the records reported and approved.
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/audit.ts';
import { platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { expectFormRefused } from '../../../test/refusals.ts';
import { fileReport, reportLinkOf, reportsOn as reportsOnRecord } from '../../../test/reports.ts';
import { SEED_DIR } from '../../seed.ts';

const hub = await platformForFile({ seed: ['directory'] });

/** The reports on an organisation of the demo directory, and one sent through the form. */
const reportsOn = (key: string) => reportsOnRecord(hub, { type: 'organisation', key });
const report = (client: TestClient, key: string, form: { reason?: string; message?: string } = {}) =>
  fileReport(client, { type: 'organisation', key }, form);

describe('reporting a profile', () => {
  it('asks visitors to log in first, and files nothing for them', async () => {
    const visitor = hub.client();
    const page = await visitor.get('/report?type=organisation&key=stella');
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/login\?next=/);
    const post = await visitor.request('/report', {
      form: { type: 'organisation', key: 'stella', reason: 'spam' },
      csrf: false,
    });
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(await reportsOn('stella')).toHaveLength(0);
  });

  it('links every profile to the form, and files one report per person until it is handled', async () => {
    const { user, client } = await hub.signedIn();
    const profile = await client.get('/directory/heritage-space');
    expect(profile.text).toContain(reportLinkOf({ type: 'organisation', key: 'heritage-space' }));

    const form = await client.get('/report?type=organisation&key=heritage-space');
    expect(form.status).toBe(200);
    expect(visibleText(form.text)).toContain('Heritage Space');

    const sent = await report(client, 'heritage-space', {
      reason: 'incorrect',
      message: 'Moved to a new street.',
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/directory/heritage-space');
    expect(visibleText((await client.get(sent.location!)).text)).toContain(
      'The moderators will look at your report',
    );

    const again = await report(client, 'heritage-space', { reason: 'spam' });
    expect(again.status).toBe(303);
    expect(visibleText((await client.get('/directory/heritage-space')).text)).toContain(
      'already reported this',
    );

    const rows = await reportsOn('heritage-space');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      reporter_id: user.id,
      reason: 'incorrect',
      message: 'Moved to a new street.',
      status: 'open',
      target_title: 'Heritage Space',
    });
  });

  it('shows the form again with the details kept when no reason is chosen, or the text is too long', async () => {
    const { client } = await hub.signedIn();
    const noReason = await report(client, 'sàn-art'.normalize('NFC'), {});
    // An unknown slug is a 404, not a form: the record must exist and be visible.
    expect(noReason.status).toBe(404);

    const missing = await report(client, 'stella', { reason: '', message: 'The phone number is wrong.' });
    expectFormRefused(missing, ['Choose what is wrong.'], ['The phone number is wrong.']);

    const long = await report(client, 'stella', { message: 'x'.repeat(2001) });
    expect(long.status).toBe(422);
    expect(visibleText(long.text)).toContain('This is too long.');
    expect(await reportsOn('stella')).toHaveLength(0);
  });

  it('takes reports on people profiles too', async () => {
    const { seedPeople } = await import('../people/seed.ts');
    await seedPeople({ deps: hub.deps, seedDir: SEED_DIR });
    const { client } = await hub.signedIn();
    const profile = await client.get('/directory/people/viengeo-souksavatdy');
    const person = { type: 'person', key: 'viengeo-souksavatdy' };
    expect(profile.text).toContain(reportLinkOf(person));
    const sent = await fileReport(client, person, { reason: 'privacy' });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/directory/people/viengeo-souksavatdy');
    const { client: moderator } = await hub.signedIn('moderator');
    const queue = visibleText((await moderator.get('/moderation')).text);
    expect(queue).toContain('Viengeo Souksavatdy');
    expect(queue).toContain('Personal information shown without consent');
  });

  it('answers 404 for unknown kinds of records and for records the reporter may not see', async () => {
    const { client } = await hub.signedIn();
    expect((await client.get('/report?type=planet&key=stella')).status).toBe(404);
    expect((await client.get('/report?type=organisation&key=no-such-org')).status).toBe(404);
    const hidden = await hub.deps.db
      .insertInto('organisations')
      .values({
        slug: 'quiet-collective',
        kind: 'cso',
        name: 'Quiet Collective',
        lang: 'en',
        description: '',
        country: 'KH',
        links: '[]',
        contact_visibility: 'hidden',
        status: 'hidden',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(hidden.id).toBeGreaterThan(0);
    expect((await client.get('/report?type=organisation&key=quiet-collective')).status).toBe(404);
  });

  it('refuses a flood of reports from one account', async () => {
    const { client } = await hub.signedIn();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await report(client, 'song-huong-magazine')).status);
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe('the moderation queue', () => {
  it('is for moderators and admins only', async () => {
    expect((await hub.client().get('/moderation')).status).toBe(303);
    for (const role of ['member', 'editor'] as const) {
      const { client } = await hub.signedIn(role);
      expect((await client.get('/moderation')).status).toBe(403);
      await client.get('/account');
      const decide = await client.request('/moderation/reports/1', { form: { status: 'dismissed' } });
      expect(decide.status).toBe(403);
    }
  });

  it('lists open reports; a moderator resolves one once, with a note and an audit entry', async () => {
    const { client: reporter } = await hub.signedIn();
    await report(reporter, 'truc-chi-gallery', { reason: 'offensive', message: 'Rude words in the text.' });
    const [filed] = await reportsOn('truc-chi-gallery');

    const { user: moderator, client } = await hub.signedIn('moderator');
    const queue = await client.get('/moderation');
    expect(queue.status).toBe(200);
    const text = visibleText(queue.text);
    expect(text).toContain('Truc Chi');
    expect(text).toContain('Rude words in the text.');
    expect(text).toContain('Offensive or hateful content');
    expect(text).not.toContain('New organisations wait for approval'); // admins' switch

    const bad = await client.request(`/moderation/reports/${filed!.id}`, { form: { status: 'deleted' } });
    expect(bad.status).toBe(422);

    const done = await client.request(`/moderation/reports/${filed!.id}`, {
      form: { status: 'resolved', note: 'Text corrected with the gallery.' },
    });
    expect(done.status).toBe(303);
    const [after] = await reportsOn('truc-chi-gallery');
    expect(after).toMatchObject({
      status: 'resolved',
      handled_by: moderator.id,
      note: 'Text corrected with the gallery.',
    });

    await client.get('/moderation');
    const twice = await client.request(`/moderation/reports/${filed!.id}`, { form: { status: 'dismissed' } });
    expect(twice.status).toBe(409);
    await client.get('/moderation');
    const unknown = await client.request('/moderation/reports/999999', { form: { status: 'dismissed' } });
    expect(unknown.status).toBe(404);

    const audit = await auditEntries(hub, { subjectType: 'report', subjectId: filed!.id });
    expect(audit.map(({ action, actor_id }) => ({ action, actor_id }))).toEqual([
      { action: 'report.resolved', actor_id: moderator.id },
    ]);
  });

  it('lets admins switch approval on; organisations added by members then wait for a moderator', async () => {
    const { client: moderator } = await hub.signedIn('moderator');
    await moderator.get('/moderation');
    const notAdmin = await moderator.request('/moderation/settings', { form: { 'directory.approval': '1' } });
    expect(notAdmin.status).toBe(403);

    const { client: admin } = await hub.signedIn('admin');
    expect(visibleText((await admin.get('/moderation')).text)).toContain(
      'New organisations wait for approval',
    );
    const on = await admin.request('/moderation/settings', { form: { 'directory.approval': '1' } });
    expect(on.status).toBe(303);

    const { client: member } = await hub.signedIn();
    await member.get('/directory/new');
    const created = await member.request('/directory/new', {
      form: {
        kind: 'artisan_group',
        name: 'Kampong Chhnang Potters',
        lang: 'en',
        description: 'Clay pots fired in the open.',
        country: 'KH',
        city: 'Kampong Chhnang',
        contact_visibility: 'members',
        domains: 'visual_arts_crafts',
      },
    });
    expect(created.status).toBe(303);
    const slug = created.location!.replace('/directory/', '');
    expect((await hub.client().get(`/directory/${slug}`)).status).toBe(404);

    const queue = visibleText((await moderator.get('/moderation')).text);
    expect(queue).toContain('Kampong Chhnang Potters');
    expect((await moderator.get(`/directory/${slug}`)).status).toBe(200);

    const { client: otherMember } = await hub.signedIn();
    await otherMember.get('/directory');
    expect((await otherMember.request(`/directory/${slug}/approve`, { form: {} })).status).toBe(404);

    await moderator.get('/moderation');
    const approved = await moderator.request(`/directory/${slug}/approve?back=/moderation`, { form: {} });
    expect(approved.status).toBe(303);
    expect(approved.location).toBe('/moderation');
    expect((await hub.client().get(`/directory/${slug}`)).status).toBe(200);

    // Off again: the switch is stored for every declared setting, unticked = off.
    await admin.get('/moderation');
    await admin.request('/moderation/settings', { form: {} });
    const setting = await hub.deps.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'directory.approval')
      .executeTakeFirst();
    expect(setting?.value).toBe('0');
  });

  it('lets a moderator hide a reported organisation from visitors, and publish it again', async () => {
    const { client: moderator } = await hub.signedIn('moderator');
    await moderator.get('/directory/heritage-space');
    const hidden = await moderator.request('/directory/heritage-space/hide', { form: {} });
    expect(hidden.status).toBe(303);
    expect((await hub.client().get('/directory/heritage-space')).status).toBe(404);
    const { client: member } = await hub.signedIn();
    await member.get('/directory');
    expect((await member.request('/directory/stella/hide', { form: {} })).status).toBe(403);

    await moderator.get('/directory/heritage-space');
    await moderator.request('/directory/heritage-space/approve', { form: {} });
    expect((await hub.client().get('/directory/heritage-space')).status).toBe(200);
  });
});
