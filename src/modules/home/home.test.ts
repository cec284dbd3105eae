// The front page through the whole app, on the demo content: the blocks every module adds (what is
// coming, the latest news and press, the newest documents, the creative hubs on the map, the hub in
// numbers) for a visitor, in their language; what waits for a member first; and what never shows
// (drafts, unpublished documents, secret groups).

import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addThroughForm } from '../../../test/forms.ts';
import { platformForFile, TestClient, visibleText } from '../../../test/harness.ts';
import { createApp } from '../../app.tsx';
import { sentForm } from '../events/test-fixtures.ts';
import { createdEvent } from '../events/test-helpers.ts';
import { createDocument } from '../library/test-helpers.ts';

const hub = await platformForFile({
  seed: ['directory', 'people', 'events', 'library', 'press', 'news', 'groups'],
});
const { client: editor } = await hub.signedIn('editor');

/** The section of a block (its id) in a page, or '' when the page has none. */
function block(html: string, id: string): string {
  const start = html.indexOf(`<section class="block card" id="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
}

const publishedDocuments = async () => {
  const row = await hub.deps.db
    .selectFrom('documents')
    .where('published_at', 'is not', null)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

// Records no visitor may see: a draft event coming soon, an unpublished document, a secret group.
const draftEvent = await createdEvent(
  editor,
  sentForm({
    title: 'Quokkafruit draft fair',
    status: 'draft',
    starts_on: '2030-01-05',
    ends_on: '2030-01-05',
  }),
);
await createDocument(editor, { title: 'Quokkafruit unpublished decree', published: '' });
const secretGroup = (
  await addThroughForm(editor, '/groups/new', {
    name: 'Quokkafruit secret circle',
    lang: 'en',
    description: 'Hidden.',
    kind: 'working_group',
    visibility: 'secret',
    country: '',
    organisation: '',
  })
).replace('/groups/', '');

describe('the front page for a visitor', () => {
  it('shows the coming demo event, the latest news and press, the newest documents and the hubs on the map', async () => {
    const res = await hub.client().get('/');
    expect(res.status).toBe(200);
    expect(block(res.text, 'home-events')).toContain('href="/events/creative-hubs-meetup-vientiane"');
    expect(block(res.text, 'home-events')).toContain('<a href="/events">');
    expect(block(res.text, 'home-news')).toContain(
      'href="/news/khon-kaen-training-creative-industry-associations-2024"',
    );
    expect(block(res.text, 'home-press')).toMatch(/href="\/press\/\d+"/);
    expect(block(res.text, 'home-library')).toMatch(/href="\/library\/[a-z0-9-]+"/);
    // STELLA is the one hub in Vientiane: its place on the map leads to its page.
    expect(block(res.text, 'home-hubs')).toContain('href="/directory/stella"');
    expect(block(res.text, 'home-hubs')).toContain('href="/directory?kind=creative_hub"');
  });

  it('counts the published organisations, people, countries and documents, each linking to its list', async () => {
    const text = visibleText((await hub.client().get('/')).text);
    const organisations = await hub.deps.db
      .selectFrom('organisations')
      .where('status', '=', 'published')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    const people = await hub.deps.db
      .selectFrom('people')
      .where('status', '=', 'published')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(text).toContain(`${Number(organisations.n)} organisations`);
    expect(text).toContain(`${Number(people.n)} people`);
    expect(text).toMatch(/\b[1-9]\d* countries/);
    // The unpublished decree is not counted.
    expect(text).toContain(`${await publishedDocuments()} documents`);
  });

  it('reads in the visitor’s language: the demo event’s Lao title', async () => {
    const res = await hub.client().get('/?lang=lo');
    expect(block(res.text, 'home-events')).toContain('ກອງປະຊຸມພົບປະສູນສ້າງສັນ');
    expect(block(res.text, 'home-events')).toContain('lang="lo"');
  });

  it('never shows a draft event, an unpublished document or a secret group, to visitors or editors', async () => {
    const visitorPage = (await hub.client().get('/')).text;
    expect(visitorPage).not.toContain('Quokkafruit');
    expect(visitorPage).not.toContain(draftEvent);
    // The editor sees drafts on the lists, not on the front page; the secret group they started
    // is theirs, so it shows in their own "My groups" and nowhere else.
    const editorPage = (await editor.get('/')).text;
    const mine = block(editorPage, 'home-groups');
    expect(mine).toContain(`href="/groups/${secretGroup}"`);
    expect(editorPage.replace(mine, '')).not.toContain('Quokkafruit');
  });
});

describe('the front page for a member', () => {
  it('shows what waits for them first: unread notifications, their applications and their groups', async () => {
    const { client, user } = await hub.signedIn('member');
    const { db } = hub.deps;
    const now = new Date().toISOString();
    await db
      .insertInto('notifications')
      .values(
        [1, 2].map((n) => ({
          user_id: user.id,
          kind: 'groups.invited',
          subject_type: 'group',
          subject_key: String(n),
          url: '/groups',
          params: JSON.stringify({ inviter: `Inviter ${n}`, group: `Circle ${n}` }),
          scope: 'public',
          delivery: 'inbox',
          created_at: now,
        })),
      )
      .execute();
    const event = await db
      .selectFrom('events')
      .select('id')
      .where('slug', '=', 'creative-hubs-meetup-vientiane')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('event_registrations')
      .values({
        event_id: event.id,
        user_id: user.id,
        status: 'submitted',
        submitted_at: now,
        decided_at: null,
        decided_by: null,
        created_at: now,
        updated_at: now,
        name: 'Bounmy Member',
        organisation_name: null,
        organisation_id: null,
        organisation_kind: null,
        country: null,
        category_id: null,
        gender: null,
        networking_consent: 0,
      })
      .execute();
    const group = await db
      .selectFrom('groups')
      .select('id')
      .where('slug', '=', secretGroup)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('group_members')
      .values({ group_id: group.id, user_id: user.id, role: 'member', created_at: now })
      .execute();

    const html = (await client.get('/')).text;
    const notifications = block(html, 'home-notifications');
    expect(visibleText(notifications)).toContain('2 unread');
    expect(visibleText(notifications)).toContain('Inviter 2 invited you to join “Circle 2”.');
    const applications = block(html, 'home-applications');
    expect(applications).toContain('href="/events/creative-hubs-meetup-vientiane/application"');
    expect(visibleText(applications)).toContain('Submitted');
    // Their own secret group shows to them (and only in their block).
    expect(block(html, 'home-groups')).toContain(`href="/groups/${secretGroup}"`);
    // The member's blocks come before the public ones.
    expect(html.indexOf('id="home-notifications"')).toBeLessThan(html.indexOf('id="home-events"'));
    expect(html).not.toContain('<a class="button" href="/register">');
  });

  it('shows a member with nothing waiting no empty blocks of theirs', async () => {
    const { client } = await hub.signedIn('member');
    const html = (await client.get('/')).text;
    for (const id of ['home-notifications', 'home-applications', 'home-groups'])
      expect(block(html, id)).toBe('');
    expect(html).not.toContain('Quokkafruit');
  });
});

describe('the cost of the front page', () => {
  it('asks the database a bounded number of questions, whatever the hub holds', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const client = new TestClient(createApp({ ...hub.deps, db: hub.deps.db.withPlugin(counting) }));
    const res = await client.get('/');
    expect(res.status).toBe(200);
    // Each block is a count and a page (plus translations and organisers), each figure one count:
    // thirty on the demo, and their number does not grow with the data.
    expect(queries).toBeGreaterThan(5);
    expect(queries).toBeLessThanOrEqual(35);
  });
});

describe('the front page', () => {
  it('still leads to every module with a navigation entry', async () => {
    const res = await hub.client().get('/');
    const explore = res.text.slice(res.text.indexOf('id="explore-h"'));
    for (const m of hub.deps.modules.filter((m) => m.nav))
      expect(explore).toContain(`<a href="${m.nav?.href}">`);
  });
});

describe('a visitor’s home between writes', () => {
  it('is revalidated with a 304, and shows a write at once', async () => {
    const visitor = hub.client();
    await visitor.get('/'); // the first visit sets the visitor's CSRF cookie
    const before = await visitor.get('/');
    const etag = before.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await visitor.get('/', { 'if-none-match': etag })).status).toBe(304);

    await editor.get('/press');
    const created = await editor.request('/api/v1/press', {
      json: {
        outlet: 'Myanmar Times',
        published_on: new Date().toISOString().slice(0, 10),
        title: 'Headline written a moment ago',
        lang: 'en',
        url: 'https://example.org/a-moment-ago',
      },
      headers: { 'x-csrf-token': editor.csrfToken() },
    });
    expect(created.status, created.text).toBe(201);

    const after = await visitor.get('/', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(block(after.text, 'home-press')).toContain('Headline written a moment ago');
    expect(block(before.text, 'home-press')).not.toContain('Headline written a moment ago');
  });
});
