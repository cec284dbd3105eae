// The library through the whole app, on SQLite or PostgreSQL, with the demo organisations and the
// demo documents of seed/ loaded by the modules' own seeds (the directory's first).
import { parseFeed } from '@rowanmanning/feed-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLdOf, visibleText } from '../../../test/harness.ts';
import { expectFormRefused } from '../../../test/refusals.ts';
import { search } from '../../search/index.ts';
import { SEED_DIR } from '../../seed.ts';
import { bibtexEscape } from './citation.ts';
import { seedLibrary } from './seed.ts';
import { lawForm, libraryHub } from './test-helpers.ts';

const {
  hub,
  editor: { client: editorClient, token: editorToken },
  member: { client: memberClient, token: memberToken },
} = await libraryHub(['directory', 'library']);

/** Creates a document through the form as the editor; returns its slug. */
async function createDoc(overrides: Record<string, string> = {}): Promise<string> {
  await editorClient.get('/library/new');
  const res = await editorClient.request('/library/new', { form: lawForm(overrides) });
  expect(res.status, visibleText(res.text).slice(0, 600)).toBe(303);
  return (res.location ?? '').replace('/library/', '');
}

const slugsOn = (html: string) =>
  [...html.matchAll(/<h2 class="card-title"><a href="\/library\/([^"]+)"/g)].map((m) => m[1]);

describe('the demo library', () => {
  it('has the eight documents of the source documents, with their numbers, issuers and dates', async () => {
    const page = await hub.client().get('/library');
    expect(page.status).toBe(200);
    const slugs = slugsOn(page.text);
    for (const slug of [
      'convention-2005',
      'decision-1755-qd-ttg',
      'decision-2370-qd-bvhttdl',
      'lao-pdr-qpr-2005-convention',
      'backstage-managing-creativity-and-the-arts',
      'creative4mekong-baseline-study',
      'lao-law-on-enterprises',
      'viet-nam-creative-hubs-situation-analysis',
    ])
      expect(slugs).toContain(slug);
    // Announced feed of the list, with the list's filters.
    expect(page.text).toContain('<link rel="alternate" type="application/atom+xml"');

    const decision = await hub.client().get('/library/decision-1755-qd-ttg');
    const text = visibleText(decision.text);
    expect(text).toContain('1755/QĐ-TTg');
    expect(text).toContain('September 8, 2016');
    // An English reader gets the English translation, the Vietnamese original marked as such.
    expect(text).toContain('Decision No. 1755/QĐ-TTg approving the Strategy');
    expect(decision.text).toMatch(
      /lang="vi">Quyết định số 1755\/QĐ-TTg[^<]*<small class="muted">\(original\)/,
    );

    const convention = visibleText((await hub.client().get('/library/convention-2005')).text);
    expect(convention).toContain('October 20, 2005');
    expect(convention).toContain('March 18, 2007');

    const mcst = await hub.client().get('/library/decision-2370-qd-bvhttdl');
    expect(mcst.text).toContain('href="/directory/vietnam-mcst"');
  });

  it('shows a Vietnamese reader the Vietnamese title of the Convention, the original marked', async () => {
    const page = await hub.client().get('/library/convention-2005', { 'accept-language': 'vi' });
    expect(page.text).toContain(
      '<h1 lang="vi">Công ước về bảo vệ và phát huy sự đa dạng của các biểu đạt văn hóa</h1>',
    );
    expect(page.text).toContain(
      'Convention on the Protection and Promotion of the Diversity of Cultural Expressions',
    );
  });

  it('has the collection on the Lao legal framework, in its order', async () => {
    const list = await hub.client().get('/library/collections');
    expect(visibleText(list.text)).toContain('Legal framework for creative enterprises in Lao PDR');
    const page = await hub.client().get('/library/collections/legal-framework-creative-enterprises-lao-pdr');
    expect(page.status).toBe(200);
    const order = slugsOn(page.text);
    expect(order).toEqual(['lao-law-on-enterprises', 'convention-2005', 'lao-pdr-qpr-2005-convention']);
    // The document page names its collections.
    const law = await hub.client().get('/library/lao-law-on-enterprises');
    expect(law.text).toContain('href="/library/collections/legal-framework-creative-enterprises-lao-pdr"');
  });

  it('loads twice without adding anything twice', async () => {
    const before = await hub.deps.db.selectFrom('documents').select('id').execute();
    await seedLibrary({ deps: hub.deps, seedDir: SEED_DIR });
    const after = await hub.deps.db.selectFrom('documents').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});

describe('structured data', () => {
  it('describes conventions, laws, decrees and policies as Legislation, with number, date and issuer', async () => {
    const ld = jsonLdOf((await hub.client().get('/library/decision-1755-qd-ttg')).text);
    expect(ld['@type']).toBe('Legislation');
    expect(ld.legislationIdentifier).toBe('1755/QĐ-TTg');
    expect(ld.legislationDate).toBe('2016-09-08');
    expect(ld.legislationPassedBy).toEqual({
      '@type': 'Organization',
      name: 'Thủ tướng Chính phủ (Prime Minister of Viet Nam)',
    });
    expect(ld.legislationJurisdiction).toEqual([{ '@type': 'AdministrativeArea', identifier: 'VN' }]);

    const convention = jsonLdOf((await hub.client().get('/library/convention-2005')).text);
    expect(convention['@type']).toBe('Legislation');
    expect(convention.legislationLegalForce).toBe('https://schema.org/InForce');
    expect((convention.legislationPassedBy as { url: string }).url).toBe('http://hub.test/directory/unesco');
  });

  it('describes reports and studies as Report and other kinds as CreativeWork, as articles', async () => {
    const backstage = await hub.client().get('/library/backstage-managing-creativity-and-the-arts');
    expect(jsonLdOf(backstage.text)['@type']).toBe('Report');
    expect(backstage.text).toContain('<meta property="og:type" content="article"/>');
    const slug = await createDoc({
      kind: 'training',
      title: 'Toolkit for creative hubs',
      official_number: '',
    });
    expect(jsonLdOf((await hub.client().get(`/library/${slug}`)).text)['@type']).toBe('CreativeWork');
  });
});

describe('adding and editing', () => {
  it('saves a document with its translation, normalised themes and the directory issuer', async () => {
    const slug = await createDoc();
    const page = await hub.client().get(`/library/${slug}`);
    const text = visibleText(page.text);
    expect(text).toContain('Law on Intellectual Property (test)');
    expect(text).toContain('50/2005/QH11');
    expect(page.text).toContain('href="/library?theme=copyright"');
    expect(page.text).toContain('href="/library?theme=intellectual%20property"');
    expect(page.text).toContain('href="/library?tag=ipr"');
    const vi = await hub.client().get(`/library/${slug}`, { 'accept-language': 'vi' });
    expect(vi.text).toContain('<h1 lang="vi">Luật Sở hữu trí tuệ (thử)</h1>');
    expect(vi.text).toContain('<strong>quyền tác giả</strong>');

    // The edit form starts from the saved values; a change is saved and the translation removed.
    const form = await editorClient.get(`/library/${slug}/edit`);
    expect(form.text).toContain('value="50/2005/QH11"');
    expect(form.text).toContain('Luật Sở hữu trí tuệ (thử)');
    const saved = await editorClient.request(`/library/${slug}/edit`, {
      form: lawForm({ official_number: '36/2009/QH12', tr_lang: '', tr_title: '', tr_summary: '' }),
    });
    expect(saved.status).toBe(303);
    const after = await hub.client().get(`/library/${slug}`, { 'accept-language': 'vi' });
    expect(visibleText(after.text)).toContain('36/2009/QH12');
    expect(after.text).not.toContain('Luật Sở hữu trí tuệ (thử)');
  });

  it('never gives a document a slug that names a page of the library', async () => {
    const slug = await createDoc({ title: 'Collections', official_number: '' });
    expect(slug).toBe('collections-2');
    expect(visibleText((await hub.client().get('/library/collections')).text)).toContain(
      'Legal framework for creative enterprises in Lao PDR',
    );
    expect((await hub.client().get(`/library/${slug}`)).status).toBe(200);
    const feed = await createDoc({ title: 'Feed', official_number: '' });
    expect(feed).not.toBe('feed');
  });
});

describe('refusals', () => {
  it('sends visitors to the login page and refuses members who are not editors', async () => {
    expect((await hub.client().get('/library/new')).location).toBe('/login?next=%2Flibrary%2Fnew');
    expect((await memberClient.get('/library/new')).status).toBe(403);
    const refused = await memberClient.request('/library/new', { form: lawForm({ title: 'Not mine' }) });
    expect(refused.status).toBe(403);
    expect(
      await hub.deps.db.selectFrom('documents').select('id').where('title', '=', 'Not mine').execute(),
    ).toEqual([]);
    expect((await memberClient.get('/library/decision-1755-qd-ttg/edit')).status).toBe(403);
    expect((await memberClient.request('/library/decision-1755-qd-ttg/delete', { form: {} })).status).toBe(
      403,
    );
    expect((await memberClient.request('/library/decision-1755-qd-ttg/unpublish', { form: {} })).status).toBe(
      403,
    );
    expect((await memberClient.get('/library/collections/new')).status).toBe(403);
  });

  it('shows the form again with each message next to its field and the input kept', async () => {
    await editorClient.get('/library/new');
    const res = await editorClient.request('/library/new', {
      form: lawForm({
        title: 'Kept title ÀÉ',
        source_url: 'javascript:alert(1)',
        issued_on: '2016-02-30',
        in_force_from: '2020-01-01',
        in_force_to: '2019-12-31',
      }),
    });
    expectFormRefused(res, [], ['value="Kept title ÀÉ"', 'value="javascript:alert(1)"']);
    expect(res.text).toMatch(/id="f-source_url-error">Enter a web address/);
    expect(res.text).toMatch(/id="f-issued_on-error">Enter a date that exists/);
    expect(res.text).toMatch(/id="f-in_force_to-error">The end of force cannot come before the start/);
    expect(
      await hub.deps.db.selectFrom('documents').select('id').where('title', '=', 'Kept title ÀÉ').execute(),
    ).toEqual([]);

    const empty = await editorClient.request('/library/new', { form: lawForm({ title: '', kind: '' }) });
    expect(empty.status).toBe(422);
    expect(empty.text).toMatch(/id="f-title-error">This field is required/);
    expect(empty.text).toMatch(/id="f-kind-error">Choose the kind of document/);
  });

  it('refuses a form over the size limit with 413 and an API body that is not JSON with 415', async () => {
    await editorClient.get('/library/new');
    const huge = await editorClient.request('/library/new', {
      form: lawForm({ title: 'Huge summary', summary: 'x'.repeat(1_100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(
      await hub.deps.db.selectFrom('documents').select('id').where('title', '=', 'Huge summary').execute(),
    ).toEqual([]);
    const form = await hub.client().request('/api/v1/documents', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${editorToken}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    expect(form.status).toBe(415);
    expect(JSON.parse(form.text).detail).toContain('JSON');
  });

  it('refuses an unknown issuer and unknown, self or circular supersedes links', async () => {
    await editorClient.get('/library/new');
    const issuer = await editorClient.request('/library/new', {
      form: lawForm({ issuer: 'no-such-organisation', title: 'Unknown issuer' }),
    });
    expect(issuer.status).toBe(422);
    expect(issuer.text).toMatch(/id="f-issuer-error">There is no organisation/);
    expect(issuer.text).toContain('value="no-such-organisation"');

    const unknown = await editorClient.request('/library/new', {
      form: lawForm({ supersedes: 'no-such-document', title: 'Unknown superseded' }),
    });
    expect(unknown.status).toBe(422);
    expect(unknown.text).toMatch(/id="f-supersedes-error">One of these documents is not in the library/);

    // B supersedes A; then A may not supersede itself, nor B (a cycle).
    const a = await createDoc({ title: 'Old decree', official_number: '1/2010', kind: 'decree' });
    const b = await createDoc({
      title: 'New decree',
      official_number: '2/2020',
      kind: 'decree',
      supersedes: a,
    });
    const aPage = await hub.client().get(`/library/${a}`);
    expect(visibleText(aPage.text)).toContain('This document has been superseded by: 2/2020');
    expect(visibleText(aPage.text)).toContain('Superseded');
    expect(visibleText((await hub.client().get(`/library/${b}`)).text)).toContain(
      'Supersedes Old decree (1/2010)',
    );

    const self = await editorClient.request(`/library/${a}/edit`, {
      form: lawForm({ title: 'Old decree', supersedes: a }),
    });
    expect(self.status).toBe(422);
    expect(self.text).toMatch(/id="f-supersedes-error">A document cannot supersede itself/);
    const cycle = await editorClient.request(`/library/${a}/edit`, {
      form: lawForm({ title: 'Old decree changed', supersedes: b }),
    });
    expect(cycle.status).toBe(422);
    expect(cycle.text).toMatch(/id="f-supersedes-error">That document already supersedes this one/);
    // A's status follows the link: it cannot be set back to "in force" while B supersedes it.
    const status = await editorClient.request(`/library/${a}/edit`, {
      form: lawForm({ title: 'Old decree', official_number: '1/2010', kind: 'decree', status: 'in_force' }),
    });
    expect(status.status).toBe(422);
    expect(status.text).toMatch(/id="f-status-error">Another document in the library supersedes this one/);
    // Nothing of the refused edits was saved.
    const row = await hub.deps.db
      .selectFrom('documents')
      .select('title')
      .where('slug', '=', a)
      .executeTakeFirst();
    expect(row?.title).toBe('Old decree');
  });
});

describe('unpublished records', () => {
  let draft: string;
  beforeAll(async () => {
    draft = await createDoc({
      title: 'Draft decree on creative hubs zyxwv',
      official_number: '99/2026',
      kind: 'decree',
      status: 'draft',
      published: '',
    });
  });

  it('are seen by editors, and are a 404 for strangers on the page, the API, exports and citations', async () => {
    expect((await editorClient.get(`/library/${draft}`)).status).toBe(200);
    expect(visibleText((await editorClient.get(`/library/${draft}`)).text)).toContain(
      'This record is not published',
    );
    const stranger = hub.client();
    const page = await stranger.get(`/library/${draft}`);
    expect(page.status).toBe(404);
    expect(visibleText(page.text)).toContain('There is nothing at this address');
    expect((await memberClient.get(`/library/${draft}`)).status).toBe(404);
    expect((await memberClient.get(`/library/${draft}/edit`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/documents/${draft}`)).status).toBe(404);
    expect((await stranger.get(`/library/${draft}/cite.ris`)).status).toBe(404);
    expect(slugsOn((await stranger.get('/library?kind=decree')).text)).not.toContain(draft);
    expect(slugsOn((await editorClient.get('/library?kind=decree')).text)).toContain(draft);
    const api = JSON.parse((await stranger.get('/api/v1/documents?pageSize=100')).text);
    expect(api.items.map((d: { slug: string }) => d.slug)).not.toContain(draft);
    expect((await stranger.get('/library/export.ris')).text).not.toContain('99/2026');
  });

  it('stay out of the feed, the sitemap and a stranger’s search, and enter them once published', async () => {
    const feed = parseFeed((await hub.client().get('/library/feed.atom')).text);
    expect(feed.items.map((i) => i.title)).not.toContain('Draft decree on creative hubs zyxwv (99/2026)');
    expect((await hub.client().get('/sitemap.xml')).text).not.toContain(`/library/${draft}<`);
    const hidden = await search(hub.deps.db, { q: 'zyxwv', viewer: null });
    expect(hidden.hits).toEqual([]);
    const editor = await hub.deps.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('role', '=', 'editor')
      .executeTakeFirstOrThrow();
    expect((await search(hub.deps.db, { q: 'zyxwv', viewer: editor })).hits.map((h) => h.url)).toEqual([
      `/library/${draft}`,
    ]);

    expect((await editorClient.request(`/library/${draft}/publish`, { form: {} })).status).toBe(303);
    expect((await hub.client().get(`/library/${draft}`)).status).toBe(200);
    expect((await hub.client().get('/sitemap.xml')).text).toContain(`/library/${draft}<`);
    expect((await search(hub.deps.db, { q: 'zyxwv', viewer: null })).hits.length).toBe(1);
    const published = parseFeed((await hub.client().get('/library/feed.atom')).text);
    expect(published.items.map((i) => i.title)).toContain('Draft decree on creative hubs zyxwv (99/2026)');

    expect((await editorClient.request(`/library/${draft}/unpublish`, { form: {} })).status).toBe(303);
    expect((await hub.client().get(`/library/${draft}`)).status).toBe(404);
    expect((await search(hub.deps.db, { q: 'zyxwv', viewer: null })).hits).toEqual([]);
  });
});

describe('filters and sort', () => {
  it('filters by kind, country, language, domain, year, issuer and status through the URL', async () => {
    const get = async (query: string) => slugsOn((await hub.client().get(`/library?${query}`)).text);
    const reports = await get('kind=report');
    expect(reports).toContain('creative4mekong-baseline-study');
    expect(reports).not.toContain('decision-1755-qd-ttg');
    expect(await get('country=LA')).toEqual(
      expect.arrayContaining([
        'lao-law-on-enterprises',
        'lao-pdr-qpr-2005-convention',
        'creative4mekong-baseline-study',
      ]),
    );
    expect(await get('country=LA')).not.toContain('decision-1755-qd-ttg');
    expect(await get('country=mekong')).toEqual(['creative4mekong-baseline-study']);
    expect(await get('language=fr')).toEqual(['convention-2005']);
    expect(await get('domain=heritage')).toEqual(['creative4mekong-baseline-study']);
    expect(await get('year=2016')).toEqual(['decision-1755-qd-ttg', 'decision-2370-qd-bvhttdl']);
    expect(await get('theme=Creative%20Hubs')).toEqual(
      expect.arrayContaining(['decision-2370-qd-bvhttdl', 'viet-nam-creative-hubs-situation-analysis']),
    );
    expect(await get('issuer=vietnam-mcst&year=2016')).toEqual(['decision-2370-qd-bvhttdl']);
    expect(await get('status=in_force&kind=convention')).toEqual(['convention-2005']);
    // Values that cannot be used are ignored rather than refused.
    expect((await hub.client().get('/library?kind=<script>&year=20x6&country=XX')).status).toBe(200);
  });

  it('sorts by newest issued (undated last), by title, and by recently added', async () => {
    // The Convention is dated (2005), Backstage is not: dated first, then by title.
    expect(slugsOn((await hub.client().get('/library?issuer=unesco')).text)).toEqual([
      'convention-2005',
      'backstage-managing-creativity-and-the-arts',
    ]);
    expect(slugsOn((await hub.client().get('/library?issuer=unesco&sort=title')).text)).toEqual([
      'backstage-managing-creativity-and-the-arts',
      'convention-2005',
    ]);
    expect(slugsOn((await hub.client().get('/library?year=2016')).text)).toEqual([
      'decision-1755-qd-ttg',
      'decision-2370-qd-bvhttdl',
    ]);
    const reports = slugsOn((await hub.client().get('/library?kind=report&sort=title')).text);
    expect(reports.slice(0, 2)).toEqual([
      'backstage-managing-creativity-and-the-arts',
      'creative4mekong-baseline-study',
    ]);
    // Titles in the reader's collation: numbers in order (2 before 10), the same on both databases.
    const ten = await createDoc({
      title: 'Zz circular No. 10',
      kind: 'minutes',
      official_number: '',
      issued_on: '',
    });
    const two = await createDoc({
      title: 'zz circular No. 2',
      kind: 'minutes',
      official_number: '',
      issued_on: '',
    });
    expect(slugsOn((await hub.client().get('/library?kind=minutes&sort=title')).text)).toEqual([two, ten]);
    const added = await createDoc({
      title: 'Zz newest addition',
      kind: 'minutes',
      official_number: '',
      issued_on: '',
    });
    expect(slugsOn((await hub.client().get('/library?sort=added')).text)[0]).toBe(added);
  });
});

describe('citations', () => {
  it('exports one document as RIS and BibTeX', async () => {
    const ris = await hub.client().get('/library/decision-1755-qd-ttg/cite.ris');
    expect(ris.headers.get('content-type')).toContain('application/x-research-info-systems');
    const lines = ris.text.split('\r\n');
    expect(lines[0]).toBe('TY  - GOVDOC');
    expect(lines).toContain('M1  - 1755/QĐ-TTg');
    expect(lines).toContain('PY  - 2016');
    expect(lines).toContain('DA  - 2016/09/08');
    expect(lines).toContain('AU  - Thủ tướng Chính phủ (Prime Minister of Viet Nam)');
    expect(lines).toContain('UR  - http://hub.test/library/decision-1755-qd-ttg');
    expect(lines).toContain('ER  - ');

    const bib = await hub.client().get('/library/decision-1755-qd-ttg/cite.bib');
    expect(bib.headers.get('content-type')).toContain('application/x-bibtex');
    expect(bib.text).toMatch(/^@misc\{decision-1755-qd-ttg,\n/);
    // Non-ASCII titles stay as they are (UTF-8).
    expect(bib.text).toContain('title = {{Quyết định số 1755/QĐ-TTg phê duyệt');
    expect(bib.text).toContain('number = {1755/QĐ-TTg}');
    expect(bib.text).toContain('year = {2016}');
    const report = await hub.client().get('/library/creative4mekong-baseline-study/cite.bib');
    expect(report.text).toMatch(/^@techreport\{creative4mekong-baseline-study,/);
    expect(report.text).toContain('institution = {{Mekong Institute}}');
  });

  it('escapes the special characters of BibTeX', async () => {
    expect(bibtexEscape('Culture & Arts_Fund 100% {test} #1 $5 ~ ^ \\')).toBe(
      'Culture \\& Arts\\_Fund 100\\% \\{test\\} \\#1 \\$5 \\textasciitilde{} \\textasciicircum{} \\textbackslash{}',
    );
    const slug = await createDoc({
      title: 'Fund & Arts_2 100% {x}',
      official_number: 'A_1',
      kind: 'report',
      issuer: '',
    });
    const bib = (await hub.client().get(`/library/${slug}/cite.bib`)).text;
    expect(bib).toContain('title = {{Fund \\& Arts\\_2 100\\% \\{x\\}}}');
    expect(bib).toContain('number = {A\\_1}');
    // Braces stay balanced: the entry is one well-formed record.
    const depth = [...bib].reduce(
      (d, ch, i) => (bib[i - 1] === '\\' ? d : ch === '{' ? d + 1 : ch === '}' ? d - 1 : d),
      0,
    );
    expect(depth).toBe(0);
  });

  it('exports a filtered list and a collection', async () => {
    const ris = (await hub.client().get('/library/export.ris?kind=report')).text;
    const types = ris.split('\r\n').filter((l) => l.startsWith('TY  - '));
    expect(types.length).toBeGreaterThanOrEqual(4);
    expect(new Set(types)).toEqual(new Set(['TY  - RPRT']));
    const bib = (await hub.client().get('/library/export.bib?country=VN&year=2016')).text;
    expect(bib.match(/^@/gm)?.length).toBe(2);
    const collection = (
      await hub.client().get('/library/collections/legal-framework-creative-enterprises-lao-pdr/export.ris')
    ).text;
    expect(collection.split('\r\n').filter((l) => l.startsWith('TI  - '))).toEqual([
      'TI  - Law on Enterprises (Lao PDR)',
      'TI  - Convention on the Protection and Promotion of the Diversity of Cultural Expressions',
      'TI  - Lao PDR: first Quadrennial Periodic Report on the 2005 Convention',
    ]);
  });
});

describe('feeds and sitemap', () => {
  it('serves an Atom feed a feed parser reads, for all documents and per filter', async () => {
    const res = await hub.client().get('/library/feed.atom');
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const feed = parseFeed(res.text);
    expect(feed.meta.type).toBe('atom');
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain(
      'Quyết định số 1755/QĐ-TTg phê duyệt Chiến lược phát triển các ngành công nghiệp văn hóa Việt Nam đến năm 2020, tầm nhìn đến năm 2030 (1755/QĐ-TTg)',
    );
    const item = feed.items.find((i) => i.url === 'http://hub.test/library/convention-2005');
    expect(item?.content).toContain('<strong>the 2005 Convention</strong>');

    const laws = parseFeed((await hub.client().get('/library/feed.atom?kind=law&country=LA')).text);
    expect(laws.items.map((i) => i.url)).toEqual(['http://hub.test/library/lao-law-on-enterprises']);
    expect(laws.self).toBe('http://hub.test/library/feed.atom?kind=law&country=LA&sort=added');
    // The filtered list page announces the filtered feed.
    const page = await hub.client().get('/library?kind=law&country=LA');
    expect(page.text).toContain('href="/library/feed.atom?kind=law&amp;country=LA"');
  });

  it('titles a filtered feed by its filters, in the reader’s language, and announces it so', async () => {
    const title = async (path: string, lang = 'en') =>
      parseFeed((await hub.client().get(path, { 'accept-language': lang })).text).title;
    const site = hub.deps.config.siteName;
    expect(await title('/library/feed.atom')).toBe(`Library: documents · ${site}`);
    expect(await title('/library/feed.atom?kind=law&country=LA')).toBe(
      `Library: documents — Law, Laos · ${site}`,
    );
    expect(await title('/library/feed.atom?country=southeast_asia&year=2024&tag=crafts')).toBe(
      `Library: documents — Southeast Asia, 2024, #crafts · ${site}`,
    );
    expect(await title('/library/feed.atom?kind=law', 'lo')).toMatch(/^ຫ້ອງສະໝຸດ: ເອກະສານ — \S/);
    const page = await hub.client().get('/library?kind=law&country=LA');
    expect(page.text).toMatch(
      /<link rel="alternate" type="application\/atom\+xml" title="Library: documents — Law, Laos"/,
    );
  });

  it('lists published documents and collections in the sitemap', async () => {
    const xml = (await hub.client().get('/sitemap.xml')).text;
    expect(xml).toContain('<loc>http://hub.test/library/decision-1755-qd-ttg</loc>');
    expect(xml).toContain(
      '<loc>http://hub.test/library/collections/legal-framework-creative-enterprises-lao-pdr</loc>',
    );
  });
});

describe('collections', () => {
  it('are made and changed by editors, with every document checked', async () => {
    await editorClient.get('/library/collections/new');
    const bad = await editorClient.request('/library/collections/new', {
      form: {
        title: 'Viet Nam decisions',
        lang: 'en',
        description: '',
        documents: 'decision-1755-qd-ttg\nnope',
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toMatch(/id="f-documents-error">One of these documents is not in the library/);
    expect(bad.text).toContain('Viet Nam decisions');
    const ok = await editorClient.request('/library/collections/new', {
      form: {
        title: 'Viet Nam decisions',
        lang: 'en',
        description: 'Two *decisions*.',
        documents: 'decision-2370-qd-bvhttdl\ndecision-1755-qd-ttg',
      },
    });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/library/collections/viet-nam-decisions');
    const page = await hub.client().get('/library/collections/viet-nam-decisions');
    expect(slugsOn(page.text)).toEqual(['decision-2370-qd-bvhttdl', 'decision-1755-qd-ttg']);
    expect(page.text).toContain('<em>decisions</em>');

    const refused = await memberClient.request('/library/collections/viet-nam-decisions/edit', {
      form: { title: 'Mine', lang: 'en', description: '', documents: '' },
    });
    expect(refused.status).toBe(403);
    expect(
      (await editorClient.request('/library/collections/viet-nam-decisions/delete', { form: {} })).status,
    ).toBe(303);
    expect((await hub.client().get('/library/collections/viet-nam-decisions')).status).toBe(404);
  });
});

describe('the API', () => {
  const api = () => hub.client();
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  it('lists with the page’s filters and reads one document', async () => {
    const list = JSON.parse((await api().get('/api/v1/documents?kind=law&country=LA')).text);
    expect(list.items.map((d: { slug: string }) => d.slug)).toEqual(['lao-law-on-enterprises']);
    const one = JSON.parse((await api().get('/api/v1/documents/decision-1755-qd-ttg')).text);
    expect(one).toMatchObject({
      officialNumber: '1755/QĐ-TTg',
      issuedOn: '2016-09-08',
      kind: 'policy',
      lang: 'vi',
      places: ['VN'],
      published: true,
    });
    expect((await api().get('/api/v1/documents/collections')).status).toBe(404);
    const doc = JSON.parse((await api().get('/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/documents', '/documents/{slug}']));
  });

  it('creates, changes and deletes for editors, and refuses everyone else', async () => {
    const body = {
      kind: 'report',
      title: 'API report',
      lang: 'en',
      summary: 'Made through the API.',
      places: ['TH'],
      issuer: 'mekong-institute',
      issued_on: '2024-07-31',
      themes: ['Digital Skills'],
      published: true,
      translations: [{ lang: 'th', title: 'รายงาน API', summary: '' }],
    };
    expect((await api().request('/api/v1/documents', { method: 'POST', json: body })).status).toBe(401);
    expect(
      (await api().request('/api/v1/documents', { method: 'POST', json: body, headers: auth(memberToken) }))
        .status,
    ).toBe(403);
    const invalid = await api().request('/api/v1/documents', {
      method: 'POST',
      json: { ...body, in_force_from: '2024-01-02', in_force_to: '2024-01-01', source_url: 'ftp://x' },
      headers: auth(editorToken),
    });
    expect(invalid.status).toBe(422);
    expect(Object.keys(JSON.parse(invalid.text).errors).sort()).toEqual(['in_force_to', 'source_url']);
    const unknown = await api().request('/api/v1/documents', {
      method: 'POST',
      json: { ...body, issuer: 'nobody' },
      headers: auth(editorToken),
    });
    expect(unknown.status).toBe(422);
    expect(JSON.parse(unknown.text).errors).toEqual({
      issuer: 'There is no organisation with this address name in the directory.',
    });

    const created = await api().request('/api/v1/documents', {
      method: 'POST',
      json: body,
      headers: auth(editorToken),
    });
    expect(created.status).toBe(201);
    const doc = JSON.parse(created.text);
    expect(doc).toMatchObject({
      slug: 'api-report',
      issuer: { slug: 'mekong-institute', name: 'Mekong Institute' },
      themes: ['digital skills'],
      translations: [{ lang: 'th', title: 'รายงาน API', summary: '' }],
    });

    const patched = await api().request('/api/v1/documents/api-report', {
      method: 'PATCH',
      json: { official_number: 'MI-2024-1', published: false },
      headers: auth(editorToken),
    });
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.text)).toMatchObject({
      officialNumber: 'MI-2024-1',
      published: false,
      title: 'API report',
      translations: [{ lang: 'th', title: 'รายงาน API' }],
    });
    expect((await api().get('/api/v1/documents/api-report')).status).toBe(404);
    expect(
      (
        await api().request('/api/v1/documents/api-report', {
          method: 'PATCH',
          json: {},
          headers: auth(memberToken),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api().request('/api/v1/documents/decision-1755-qd-ttg', {
          method: 'DELETE',
          headers: auth(memberToken),
        })
      ).status,
    ).toBe(403);
    expect(
      (await api().request('/api/v1/documents/api-report', { method: 'DELETE', headers: auth(editorToken) }))
        .status,
    ).toBe(204);
    expect(
      await hub.deps.db.selectFrom('documents').select('id').where('slug', '=', 'api-report').execute(),
    ).toEqual([]);
  });
});

describe('the collections API', () => {
  it('lists and reads collections, and lets editors alone change them', async () => {
    const list = JSON.parse((await hub.client().get('/api/v1/document-collections')).text);
    expect(list.items.map((x: { slug: string }) => x.slug)).toContain(
      'legal-framework-creative-enterprises-lao-pdr',
    );
    const one = JSON.parse(
      (await hub.client().get('/api/v1/document-collections/legal-framework-creative-enterprises-lao-pdr'))
        .text,
    );
    expect(one.documents).toEqual([
      'lao-law-on-enterprises',
      'convention-2005',
      'lao-pdr-qpr-2005-convention',
    ]);

    const body = { title: 'Mekong studies', lang: 'en', documents: ['creative4mekong-baseline-study'] };
    const headers = { authorization: `Bearer ${editorToken}` };
    expect(
      (await hub.client().request('/api/v1/document-collections', { method: 'POST', json: body })).status,
    ).toBe(401);
    expect(
      (
        await hub.client().request('/api/v1/document-collections', {
          method: 'POST',
          json: body,
          headers: { authorization: `Bearer ${memberToken}` },
        })
      ).status,
    ).toBe(403);
    const unknown = await hub.client().request('/api/v1/document-collections', {
      method: 'POST',
      json: { ...body, documents: ['nope'] },
      headers,
    });
    expect(unknown.status).toBe(422);
    expect(Object.keys(JSON.parse(unknown.text).errors)).toEqual(['documents']);
    const created = await hub
      .client()
      .request('/api/v1/document-collections', { method: 'POST', json: body, headers });
    expect(created.status).toBe(201);
    expect(JSON.parse(created.text)).toMatchObject({
      slug: 'mekong-studies',
      documents: ['creative4mekong-baseline-study'],
    });
    const replaced = await hub.client().request('/api/v1/document-collections/mekong-studies', {
      method: 'PUT',
      json: {
        ...body,
        documents: ['backstage-managing-creativity-and-the-arts', 'creative4mekong-baseline-study'],
      },
      headers,
    });
    expect(JSON.parse(replaced.text).documents).toEqual([
      'backstage-managing-creativity-and-the-arts',
      'creative4mekong-baseline-study',
    ]);
    expect(
      (
        await hub
          .client()
          .request('/api/v1/document-collections/mekong-studies', { method: 'DELETE', headers })
      ).status,
    ).toBe(204);
    expect((await hub.client().get('/api/v1/document-collections/mekong-studies')).status).toBe(404);
    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths)).toContain('/document-collections/{slug}');
  });
});

describe('search', () => {
  it('finds documents by words of their summary and official number, labelled as documents', async () => {
    const page = await hub.client().get('/search?q=Backstage');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/library/backstage-managing-creativity-and-the-arts"');
    expect(visibleText(page.text)).toContain('Documents');
    const byNumber = await search(hub.deps.db, { q: '2370', viewer: null, types: ['document'] });
    expect(byNumber.hits.map((h) => h.url)).toContain('/library/decision-2370-qd-bvhttdl');
    // Vietnamese without its marks finds the Vietnamese summary (the index folds diacritics).
    const folded = await search(hub.deps.db, { q: 'khong gian sang tao', viewer: null, types: ['document'] });
    expect(folded.hits.map((h) => h.url)).toContain('/library/decision-2370-qd-bvhttdl');
  });
});

describe('deleting', () => {
  it('removes the document, its search entry and its place in collections', async () => {
    const slug = await createDoc({ title: 'To be deleted qwxyz', official_number: '' });
    expect((await search(hub.deps.db, { q: 'qwxyz', viewer: null })).hits.length).toBe(1);
    const res = await editorClient.request(`/library/${slug}/delete`, { form: {} });
    expect(res.status).toBe(303);
    expect((await hub.client().get(`/library/${slug}`)).status).toBe(404);
    expect((await search(hub.deps.db, { q: 'qwxyz', viewer: null })).hits).toEqual([]);
  });
});
