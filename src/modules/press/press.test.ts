// The press module through the whole app, on SQLite or PostgreSQL: the demo clippings of the Hue
// policy dialogue, the list and its filters, a clipping's page (JSON-LD, OpenGraph, the link out),
// the editors' form and every refusal, the search index, and /api/v1/press.
import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../test/audit.ts';
import { translationRows } from '../../../test/forms.ts';
import { bearer, jsonLdOf, platformForFile, visibleText } from '../../../test/harness.ts';
import { SEED_DIR } from '../../seed.ts';
import { seedPress } from './seed.ts';
import { clippingForm, countClippings, postClippingForm } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['press'] });
const { client: editor, token: editorToken } = await hub.signedInWithToken('editor');
const { client: member, token: memberToken } = await hub.signedInWithToken('member');
const editorAuth = bearer(editorToken);
const memberAuth = bearer(memberToken);

/** The id of the seeded clipping with this article link. */
async function idOf(urlPart: string): Promise<number> {
  const row = await hub.deps.db
    .selectFrom('press_clippings')
    .select('id')
    .where('url', 'like', `%${urlPart}%`)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The titles of the list in page order. */
const listedIds = (html: string) =>
  [...html.matchAll(/<a href="\/press\/(\d+)" lang=/g)].map((m) => Number(m[1]));

describe('the demo clippings of the Hue policy dialogue', () => {
  it('has every clipping the source document lists, with the seven outlets the issue names', async () => {
    const rows = await hub.deps.db
      .selectFrom('press_clippings')
      .select(['outlet', 'published_on', 'url', 'lang'])
      .orderBy('published_on', 'desc')
      .execute();
    // The seed lists nine: the seven outlets named in the issue, Song Huong twice, and the
    // website of Hue's Department of Culture and Sports.
    expect(rows).toHaveLength(9);
    const outlets = new Set(rows.map((r) => r.outlet));
    for (const [outlet, domain] of [
      ['Song Huong Magazine', 'tapchisonghuong.com.vn'],
      ['National Times', 'toquoc.vn'], // Tổ Quốc
      ['UN Website', 'www.un.org.vn'],
      ['Education Online', 'www.giaoduc.edu.vn'], // Giáo dục
      ['Culture Online', 'www.baovanhoa.vn'], // Văn hóa
      ['Thanh Nien Online', 'thanhvien.vn'], // Thanh Niên (the seed's link, as given)
      ['Viet Nam Culture Information Network', 'cinet.vn'], // Cinet
    ]) {
      expect(outlets.has(outlet as string), outlet).toBe(true);
      expect(
        rows.some((r) => r.outlet === outlet && new URL(r.url).hostname === domain),
        outlet,
      ).toBe(true);
    }
    expect(rows.map((r) => r.published_on)).toEqual([
      '2016-11-26',
      '2016-11-25',
      '2016-11-25',
      '2016-11-24',
      '2016-10-12',
      '2016-07-19',
      '2016-07-18',
      '2016-07-16',
      '2016-07-14',
    ]);
    expect(rows.filter((r) => r.lang === 'en').map((r) => r.outlet)).toEqual(['UN Website']);
  });

  it('is in the search index, found without diacritics and by outlet', async () => {
    const folded = JSON.parse(
      (await hub.client().get('/api/v1/search?q=khong gian sang tao&type=press')).text,
    );
    expect(folded.items.length).toBeGreaterThanOrEqual(8);
    expect(folded.items.every((i: { type: string }) => i.type === 'press')).toBe(true);
    const byOutlet = JSON.parse((await hub.client().get('/api/v1/search?q=Cinet')).text);
    expect(byOutlet.items.map((i: { url: string }) => i.url)).toContain(`/press/${await idOf('cinet.vn')}`);
  });

  it('seeding again adds nothing', async () => {
    await seedPress({ deps: hub.deps, seedDir: SEED_DIR });
    expect(await countClippings(hub)).toBe(9);
  });

  it('shows the Vietnamese title as the original and the English one as a translation', async () => {
    const id = await idOf('toquoc.vn');
    const en = await hub.client().get(`/press/${id}`);
    expect(en.status).toBe(200);
    expect(en.text).toContain(
      '<h1 lang="vi">Hội thảo “Đối thoại về vai trò của các không gian sáng tạo trong nền kinh tế sáng tạo tại Việt Nam”</h1>',
    );
    expect(en.text).toMatch(
      /<p class="lead" lang="en">A policy dialogue on the role of creative hubs in the creative economy in Viet Nam <span class="hint">\(translated from Vietnamese\)<\/span>/,
    );
    // A Vietnamese reader reads the original only.
    const vi = await hub.client().get(`/press/${id}`, { 'accept-language': 'vi' });
    expect(vi.text).not.toContain('A policy dialogue on the role');
    expect(visibleText(vi.text)).toContain('25 tháng 11, 2016');
  });
});

describe('the list', () => {
  it('lists newest first with the feed announced, and is open to everyone', async () => {
    const res = await hub.client().get('/press');
    expect(res.status).toBe(200);
    const ids = listedIds(res.text);
    expect(ids).toHaveLength(9);
    expect(ids[0]).toBe(await idOf('n24804')); // Song Huong, 26 November 2016
    expect(ids.at(-1)).toBe(await idOf('cinet.vn')); // 14 July 2016
    expect(res.text).toContain(
      '<link rel="alternate" type="application/atom+xml" title="Press coverage" href="/press/feed.atom"/>',
    );
    expect(res.text).toMatch(/<time datetime="2016-11-26">November 26, 2016<\/time>/);
    // The nav entry.
    expect(res.text).toContain('href="/press"');
  });

  it('filters by outlet, language, year and dates, in shareable URLs with a feed of their own', async () => {
    const songHuong = await hub.client().get('/press?outlet=Song+Huong+Magazine');
    expect(listedIds(songHuong.text)).toEqual([await idOf('n24804'), await idOf('n24513')]);
    expect(songHuong.text).toContain('href="/press/feed.atom?outlet=Song+Huong+Magazine"');
    expect(songHuong.text).toContain('title="Press coverage: Song Huong Magazine"');

    const english = await hub.client().get('/press?language=en');
    expect(listedIds(english.text)).toEqual([await idOf('un.org.vn')]);

    const july = await hub.client().get('/press?from=2016-07-15&to=2016-07-31');
    expect(listedIds(july.text)).toHaveLength(3);
    const y2016 = await hub.client().get('/press?year=2016&language=vi');
    expect(listedIds(y2016.text)).toHaveLength(8);
    const y2015 = await hub.client().get('/press?year=2015');
    expect(listedIds(y2015.text)).toHaveLength(0);
    expect(visibleText(y2015.text)).toContain('No clippings match these filters.');
  });

  it('sorts oldest first or groups by outlet', async () => {
    const oldest = await hub.client().get('/press?sort=oldest');
    expect(listedIds(oldest.text)[0]).toBe(await idOf('cinet.vn'));
    const byOutlet = await hub.client().get('/press?sort=outlet');
    const headings = [...byOutlet.text.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Culture Online',
      'Education Online',
      'National Times',
      'Song Huong Magazine',
      'Thanh Nien Online',
      'UN Website',
      'Viet Nam Culture Information Network',
      'Website of Hue&#39;s Department of Culture and Sports',
    ]);
  });

  it('ignores filter values it cannot use instead of failing', async () => {
    for (const query of ['year=abc', 'from=2016-02-30', 'to=<script>', 'sort=x', 'page=-1', 'outlet=']) {
      const res = await hub.client().get(`/press?${query}`);
      expect(res.status, query).toBe(200);
      expect(listedIds(res.text), query).toHaveLength(9);
    }
    // A control character is refused before any filter reads it (test/hostile-parameters.test.ts).
    expect((await hub.client().get('/press?language=%00')).status).toBe(400);
  });
});

describe('a clipping page', () => {
  it('describes the article as a schema.org NewsArticle of its outlet, and links out safely', async () => {
    const id = await idOf('un.org.vn');
    const res = await hub.client().get(`/press/${id}`);
    const ld = jsonLdOf(res.text);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Creative hubs in Viet Nam receive spotlight during National policy dialogue',
      datePublished: '2016-11-24',
      inLanguage: 'en',
      url: 'http://www.un.org.vn/en/unesco-agencypresscenter1-100/4285-creative-hubs-in-viet-nam-receive-spotlight-during-national-policy-dialogue.html',
      mainEntityOfPage: `http://hub.test/press/${id}`,
      publisher: { '@type': 'Organization', name: 'UN Website', url: 'http://www.un.org.vn' },
    });
    expect(res.text).toContain('<meta property="og:type" content="article"/>');
    expect(res.text).toContain(`<meta property="og:url" content="http://hub.test/press/${id}"/>`);
    expect(res.text).toMatch(
      /<a class="button" href="http:\/\/www\.un\.org\.vn\/en\/[^"]+" rel="noopener noreferrer external">Read the article at UN Website<\/a>/,
    );
    expect(visibleText(res.text)).toContain(
      'Policy Dialogue on Creative hubs and Creative industries (Hue, 24 November 2016)',
    );
  });

  it('shows dates in the reader’s calendar (Buddhist era for Thai readers)', async () => {
    const res = await hub.client().get(`/press/${await idOf('un.org.vn')}`, { 'accept-language': 'th' });
    expect(visibleText(res.text)).toContain('2559');
  });

  it('answers 404 for a clipping that does not exist', async () => {
    expect((await hub.client().get('/press/999999')).status).toBe(404);
    expect((await hub.client().get('/press/999999999999999999999')).status).toBe(404);
  });
});

describe('who may write', () => {
  it('sends visitors to the login page and refuses members with 403', async () => {
    const visitor = hub.client();
    const form = await visitor.get('/press/new');
    expect(form.status).toBe(303);
    expect(form.location).toContain('/login');
    await visitor.get('/press');
    expect((await visitor.request('/press/new', { form: clippingForm() })).status).toBe(401);

    const id = await idOf('cinet.vn');
    expect((await member.get('/press/new')).status).toBe(403);
    expect((await member.get(`/press/${id}/edit`)).status).toBe(403);
    await member.get('/press');
    expect((await member.request('/press/new', { form: clippingForm() })).status).toBe(403);
    expect((await member.request(`/press/${id}/edit`, { form: clippingForm() })).status).toBe(403);
    expect((await member.request(`/press/${id}/delete`, { form: {} })).status).toBe(403);
    expect(await countClippings(hub)).toBe(9);
    // Editors see the buttons; members do not.
    expect((await member.get(`/press/${id}`)).text).not.toContain(`/press/${id}/edit`);
    expect((await editor.get(`/press/${id}`)).text).toContain(`/press/${id}/edit`);
  });

  it('refuses a form without the CSRF token', async () => {
    await editor.get('/press/new');
    const res = await editor.request('/press/new', { form: clippingForm(), csrf: false });
    expect(res.status).toBe(403);
  });
});

describe('adding, editing and deleting', () => {
  it('adds a clipping with a translated title, indexes it, and shows it', async () => {
    const res = await postClippingForm(editor, '/press/new', '/press/new', {
      ...clippingForm({ title: 'ສະເຕລລາ ເປີດປະຕູ', lang: 'lo', outlet: 'Pasaxon' }),
      ...translationRows({ lang: 'en', title: 'STELLA opens its doors', summary: '' }, {}),
    });
    expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
    const id = Number(res.location?.replace('/press/', ''));
    const page = await hub.client().get(`/press/${id}`);
    expect(page.text).toContain('<h1 lang="lo">ສະເຕລລາ ເປີດປະຕູ</h1>');
    expect(page.text).toContain('STELLA opens its doors');

    const search = await hub.client().get('/api/v1/search?q=STELLA&type=press');
    const body = JSON.parse(search.text);
    expect(body.items.map((i: { url: string }) => i.url)).toContain(`/press/${id}`);
    const byOutlet = JSON.parse((await hub.client().get('/api/v1/search?q=Pasaxon')).text);
    expect(byOutlet.items.some((i: { type: string }) => i.type === 'press')).toBe(true);

    expect(await auditActions(hub, { subjectType: 'press_clipping', subjectId: id })).toEqual([
      'press.created',
    ]);
  });

  it('refuses a javascript: link with 422, the message next to the field and the input kept', async () => {
    const before = await countClippings(hub);
    const res = await postClippingForm(editor, '/press/new', '/press/new', {
      ...clippingForm({ url: 'javascript:alert(1)', title: 'Kept title ສະບາຍດີ', outlet: '' }),
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/name="url" type="url" value="javascript:alert\(1\)"[^>]*aria-invalid="true"/);
    expect(res.text).toContain(
      '<p class="field-error" id="f-url-error">Enter a web address starting with http:// or https://.</p>',
    );
    expect(res.text).toContain('<p class="field-error" id="f-outlet-error">This field is required.</p>');
    expect(res.text).toContain('value="Kept title ສະບາຍດີ"');
    expect(await countClippings(hub)).toBe(before);
  });

  it('refuses other bad input with a clear message and saves nothing', async () => {
    const before = await countClippings(hub);
    const cases: [Record<string, string>, string, string][] = [
      [{ published_on: '2999-01-01' }, 'published_on', 'not a day in the future'],
      [{ published_on: '2016-02-30' }, 'published_on', 'YYYY-MM-DD'],
      [{ url: 'ftp://example.org/a' }, 'url', 'http:// or https://'],
      [{ url: 'data:text/html,<b>x</b>' }, 'url', 'http:// or https://'],
      [{ covers_url: 'javascript:void(0)' }, 'covers_url', 'http:// or https://'],
      [{ outlet_url: 'vbscript:x' }, 'outlet_url', 'http:// or https://'],
      [{ lang: '../../etc' }, 'lang', 'Choose the language'],
      [{ title: 'x'.repeat(501) }, 'title', 'too long'],
    ];
    for (const [override, field, message] of cases) {
      const res = await postClippingForm(editor, '/press/new', '/press/new', clippingForm(override));
      expect(res.status, field).toBe(422);
      const error = res.text.match(new RegExp(`id="f-${field}-error">([^<]+)<`))?.[1] ?? '';
      expect(error, field).toContain(message);
    }
    expect(await countClippings(hub)).toBe(before);
  });

  it('edits, keeps translations per language, and deletes (also from the search index)', async () => {
    const created = await postClippingForm(
      editor,
      '/press/new',
      '/press/new',
      clippingForm({ title: 'Weaving festival in Luang Prabang' }),
    );
    const id = Number(created.location?.replace('/press/', ''));
    const edit = await editor.get(`/press/${id}/edit`);
    expect(edit.text).toContain('value="Weaving festival in Luang Prabang"');

    const saved = await postClippingForm(editor, `/press/${id}/edit`, `/press/${id}/edit`, {
      ...clippingForm({ title: 'Silk weaving festival in Luang Prabang' }),
      ...translationRows(
        { lang: 'vi', title: 'Lễ hội dệt lụa', summary: '' },
        { lang: 'vi', title: 'Again' },
      ),
    });
    // Two translations in one language are refused, with nothing changed.
    expect(saved.status).toBe(422);
    expect(saved.text).toContain('id="translations"');
    const ok = await postClippingForm(editor, `/press/${id}/edit`, `/press/${id}/edit`, {
      ...clippingForm({ title: 'Silk weaving festival in Luang Prabang' }),
      ...translationRows({ lang: 'vi', title: 'Lễ hội dệt lụa ở Luang Prabang', summary: '' }),
    });
    expect(ok.status).toBe(303);
    const vi = await hub.client().get(`/press/${id}`, { 'accept-language': 'vi' });
    expect(vi.text).toContain('<h1 lang="en">Silk weaving festival in Luang Prabang</h1>');
    expect(vi.text).toContain('Lễ hội dệt lụa ở Luang Prabang');
    const found = JSON.parse((await hub.client().get('/api/v1/search?q=dệt lụa')).text);
    expect(found.items.map((i: { url: string }) => i.url)).toContain(`/press/${id}`);

    await editor.get(`/press/${id}`);
    const deleted = await editor.request(`/press/${id}/delete`, { form: {} });
    expect(deleted.status).toBe(303);
    expect((await hub.client().get(`/press/${id}`)).status).toBe(404);
    const gone = JSON.parse((await hub.client().get('/api/v1/search?q=Silk weaving festival')).text);
    expect(gone.items.map((i: { url: string }) => i.url)).not.toContain(`/press/${id}`);
    const translations = await hub.deps.db
      .selectFrom('press_clipping_translations')
      .select('lang')
      .where('clipping_id', '=', id)
      .execute();
    expect(translations).toEqual([]);
  });
});

describe('/api/v1/press', () => {
  it('lists with the page’s filters and reads one clipping', async () => {
    const list = await hub.client().get('/api/v1/press?outlet=Song%20Huong%20Magazine');
    expect(list.status).toBe(200);
    const body = JSON.parse(list.text);
    expect(body.total).toBe(2);
    expect(body.items.map((i: { publishedOn: string }) => i.publishedOn)).toEqual([
      '2016-11-26',
      '2016-10-12',
    ]);
    const one = JSON.parse((await hub.client().get(`/api/v1/press/${await idOf('toquoc.vn')}`)).text);
    expect(one).toMatchObject({
      outlet: 'National Times',
      lang: 'vi',
      publishedOn: '2016-11-25',
      screenshot: null,
    });
    expect(one.translations).toEqual([
      {
        lang: 'en',
        title: 'A policy dialogue on the role of creative hubs in the creative economy in Viet Nam',
        summary: '',
      },
    ]);
    expect((await hub.client().get('/api/v1/press/999999')).status).toBe(404);
  });

  it('refuses visitors (401) and members (403), and writes nothing', async () => {
    const json = clippingForm();
    const visitor = await hub.app.request('/api/v1/press', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json),
    });
    expect(visitor.status).toBe(401);
    const asMember = await hub.app.request('/api/v1/press', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...memberAuth },
      body: JSON.stringify(json),
    });
    expect(asMember.status).toBe(403);
    const id = await idOf('cinet.vn');
    for (const method of ['PATCH', 'DELETE']) {
      const res = await hub.app.request(`/api/v1/press/${id}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'PATCH' ? JSON.stringify({ outlet: 'x' }) : undefined,
      });
      expect(res.status, method).toBe(401);
    }
    for (const method of ['PATCH', 'DELETE']) {
      const res = await hub.app.request(`/api/v1/press/${id}`, {
        method,
        headers: { 'content-type': 'application/json', ...memberAuth },
        body: method === 'PATCH' ? JSON.stringify({ outlet: 'x' }) : undefined,
      });
      expect(res.status, method).toBe(403);
    }
    expect(await countClippings(hub)).toBeGreaterThanOrEqual(9);
    expect((await hub.client().get(`/api/v1/press/${id}`)).text).toContain(
      'Viet Nam Culture Information Network',
    );
  });

  it('creates, changes and deletes for editors, refusing a javascript: link with 422', async () => {
    const before = await countClippings(hub);
    const bad = await hub.app.request('/api/v1/press', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...editorAuth },
      body: JSON.stringify({ ...clippingForm(), url: 'javascript:alert(document.cookie)' }),
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await bad.json()).errors).toMatchObject({ url: expect.stringContaining('http') });
    const notJson = await hub.app.request('/api/v1/press', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...editorAuth },
      body: '{not json',
    });
    // Malformed JSON is a 400 problem, never a 500.
    expect(notJson.status).toBe(400);
    expect(notJson.headers.get('content-type')).toContain('application/problem+json');
    expect(await countClippings(hub)).toBe(before);

    const created = await hub.app.request('/api/v1/press', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...editorAuth },
      body: JSON.stringify({
        ...clippingForm({ covers_url: '' }),
        covers_url: null,
        translations: [{ lang: 'zh-Hans', title: '创意中心开幕', summary: '' }],
      }),
    });
    expect(created.status).toBe(201);
    const clipping = await created.json();
    expect(clipping.translations).toEqual([{ lang: 'zh-Hans', title: '创意中心开幕', summary: '' }]);

    const patched = await hub.app.request(`/api/v1/press/${clipping.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...editorAuth },
      body: JSON.stringify({ outlet: 'Lao News Agency' }),
    });
    expect(patched.status).toBe(200);
    const after = await patched.json();
    expect(after.outlet).toBe('Lao News Agency');
    // What was not sent stays, translations included.
    expect(after.translations).toHaveLength(1);
    expect(after.title).toBe(clipping.title);

    const removed = await hub.app.request(`/api/v1/press/${clipping.id}`, {
      method: 'DELETE',
      headers: editorAuth,
    });
    expect(removed.status).toBe(204);
    expect((await hub.client().get(`/api/v1/press/${clipping.id}`)).status).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths['/press'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/press/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    expect(doc.components.schemas.PressClipping.properties).toHaveProperty('publishedOn');
    expect(doc.components.schemas.PressClippingInput.required).toEqual(
      expect.arrayContaining(['outlet', 'published_on', 'title', 'lang', 'url']),
    );
  });
});
