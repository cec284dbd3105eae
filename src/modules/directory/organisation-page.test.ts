// An organisation's page as its home on the hub, on the demo content: the blocks the other modules
// add (its events coming and past, its news, its documents, the press about its events, its people,
// the groups it runs), each leading to the list filtered by it; and the picture its shared link
// shows (og:image), as an event's does.
import { describe, expect, it } from 'vitest';
import { platformForFile } from '../../../test/harness.ts';
import { picture } from '../../../test/images.ts';
import { uploadFile } from './test-fixtures.ts';

const hub = await platformForFile({
  seed: ['directory', 'people', 'events', 'library', 'press', 'news', 'groups'],
});
const visitor = hub.client();

function block(html: string, id: string): string {
  const start = html.indexOf(`<section class="block card" id="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
}

describe('an organisation’s page', () => {
  it('lists the events, news, documents, press and people of UNESCO Hanoi, each leading to the filtered list', async () => {
    const html = (await visitor.get('/directory/unesco-hanoi')).text;
    const past = block(html, 'organisation-events-past');
    expect(past).toContain('href="/events/policy-dialogue-creative-hubs-hue-2016"');
    expect(past).toContain('href="/events?when=past&amp;organisation=unesco-hanoi"');
    expect(block(html, 'organisation-events-upcoming')).toBe('');
    const news = block(html, 'organisation-news');
    expect(news).toContain('href="/news/hue-policy-dialogue-creative-hubs-2016"');
    expect(news).toContain('href="/news?organisation=unesco-hanoi"');
    expect(block(html, 'organisation-library')).toContain('href="/library?issuer=unesco-hanoi"');
    const press = block(html, 'organisation-press');
    expect(press).toMatch(/href="\/press\/\d+"/);
    expect(press).toContain('href="/press?organisation=unesco-hanoi"');
    expect(block(html, 'organisation-people')).toContain(
      'href="/directory/people?organisation=unesco-hanoi"',
    );
  });

  it('lists STELLA’s coming demo event and the groups the Mekong Institute runs', async () => {
    const stella = (await visitor.get('/directory/stella')).text;
    expect(block(stella, 'organisation-events-upcoming')).toContain(
      'href="/events/creative-hubs-meetup-vientiane"',
    );
    const mekong = (await visitor.get('/directory/mekong-institute')).text;
    expect(block(mekong, 'organisation-groups')).toContain('href="/groups?organisation=mekong-institute"');
  });

  it('leads to lists that really are filtered by the organisation', async () => {
    const events = await visitor.get('/events?when=past&organisation=unesco-hanoi');
    expect(events.text).toContain('href="/events/policy-dialogue-creative-hubs-hue-2016"');
    expect(events.text).not.toContain(
      'href="/events/training-creative-industry-associations-management-khon-kaen-2024"',
    );
    const press = await visitor.get('/press?organisation=stella');
    expect(press.text).not.toMatch(/class="card clipping-card"/);
    // The empty list says what to try next: a link that clears the filters.
    expect(press.text).toMatch(
      /class="notice warning empty-results">[\s\S]*?<a href="\/press">Clear the filters<\/a>/,
    );
    const groups = await visitor.get('/groups?organisation=mekong-institute');
    expect(groups.text).toMatch(/<a href="\/groups\/[a-z0-9-]+"/);
    const none = await visitor.get('/groups?organisation=stella');
    expect(none.text).not.toMatch(/<h2 class="card-title"><a href="\/groups\//);
  });

  it('shows an organisation without activity no empty blocks', async () => {
    const html = (await visitor.get('/directory/lao-heritage-department')).text;
    for (const id of ['organisation-news', 'organisation-press', 'organisation-events-upcoming'])
      expect(block(html, id)).toBe('');
  });
});

describe('the picture of a shared link', () => {
  it('is the organisation’s logo, with an absolute address and its size, on its page and its events’ pages', async () => {
    const { client: editor } = await hub.signedIn('editor');
    const png = await picture(400, 200).png().toBuffer();
    for (const slug of ['unesco-hanoi', 'vietnam-mcst']) {
      await editor.get(`/directory/${slug}/members`);
      const res = await uploadFile(editor, `/directory/${slug}/logo`, {
        field: 'logo',
        name: 'logo.png',
        type: 'image/png',
        bytes: png,
      });
      expect(res.status).toBe(303);
    }
    const org = (await visitor.get('/directory/unesco-hanoi')).text;
    expect(org).toMatch(
      /<meta property="og:image" content="http:\/\/hub\.test\/directory\/unesco-hanoi\/logo\.webp\?v=[^"]+"\/>/,
    );
    expect(org).toContain('<meta property="og:image:width" content="256"/>');
    expect(org).toContain('<meta property="og:image:height" content="128"/>');
    const event = (await visitor.get('/events/policy-dialogue-creative-hubs-hue-2016')).text;
    expect(event).toMatch(
      /<meta property="og:image" content="http:\/\/hub\.test\/directory\/[a-z-]+\/logo\.webp\?v=[^"]+"\/>/,
    );
    expect(event).toContain('<meta property="og:image:width" content="256"/>');
  });

  it('is absent when there is no picture', async () => {
    const html = (await visitor.get('/events/creative-hubs-meetup-vientiane')).text;
    expect(html).not.toContain('og:image');
  });
});

describe('finding things in the lists', () => {
  const lists = ['/directory', '/directory/people', '/events', '/library', '/news', '/press', '/groups'];

  it.each(lists)('%s has its search box on top, then the count, then the results', async (path) => {
    const html = (await visitor.get(path)).text;
    const search = html.indexOf('<search class="list-search">');
    const count = html.indexOf('<p role="status">', search);
    expect(search).toBeGreaterThan(html.indexOf('<main'));
    expect(count).toBeGreaterThan(search);
    // The other filters fold (a <details>) between the search box and the count.
    expect(html.indexOf('<details class="filter-panel">')).toBeGreaterThan(search);
  });

  it('finds news, press and groups by their words, and keeps the other filters', async () => {
    const news = (await visitor.get('/news?q=Qingdao')).text;
    expect(news).toContain('href="/news/qingdao-consultative-meeting-2005-convention-northeast-asia"');
    expect(news).not.toContain('href="/news/hue-policy-dialogue-creative-hubs-2016"');
    expect(news).toContain('value="Qingdao"');
    const events = (await visitor.get('/events?when=past&q=Qingdao')).text;
    expect(events).toContain(
      'href="/events/consultative-meeting-2005-convention-northeast-asia-qingdao-2017"',
    );
    expect(events).not.toContain('href="/events/policy-dialogue-creative-hubs-hue-2016"');
  });

  it('says what to try next when words find nothing: fewer words, and the whole hub’s search', async () => {
    const res = await visitor.get('/news?q=zzyzxquokka');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Try fewer or other words, or fewer filters.');
    expect(res.text).toContain('<a href="/news">Clear the filters</a>');
    expect(res.text).toContain('<a href="/search?q=zzyzxquokka">');
  });
});
