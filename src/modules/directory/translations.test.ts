// Translations of an organisation's name and description, and its other links, through the whole
// app on SQLite or PostgreSQL: written on the form and through the API, shown to readers (the
// translation in their language, the links with rel="nofollow ugc" and in the JSON-LD), found by
// the search, kept in the history, and refused with a message when they cannot be used.
import { describe, expect, it } from 'vitest';
import { api } from '../../../test/api.ts';
import { translationRows } from '../../../test/forms.ts';
import { jsonLdOf, platformForFile, visibleText } from '../../../test/harness.ts';
import { expectFormRefused } from '../../../test/refusals.ts';
import { createApiToken } from '../../platform/auth.ts';
import { search } from '../../search/index.ts';
import { createOrganisation, organisationForm } from './test-fixtures.ts';

const hub = await platformForFile();

const form = (overrides: Record<string, string> = {}) =>
  organisationForm({
    tr_lang: 'vi',
    tr_name: 'Nhóm thợ dệt Ban Phanom',
    tr_description: 'Thợ dệt **lụa** ở Ban Phanom gần Luang Prabang.',
    links: 'Facebook https://facebook.com/banphanom\nhttps://instagram.com/banphanom',
    ...overrides,
  });

/** The form with several translation rows instead of its one. */
const withRows = (base: Record<string, string>, ...rows: Record<string, string>[]) => {
  const { tr_lang, tr_name, tr_description, ...rest } = base;
  return { ...rest, ...translationRows(...rows) };
};

const translations = () =>
  hub.deps.db.selectFrom('organisation_translations').select(['lang', 'name', 'description']).execute();

const {
  client: ownerClient,
  user: { id: ownerId },
} = await hub.signedIn();
const slug = await createOrganisation(ownerClient, form());

describe('reading', () => {
  it('shows a Vietnamese reader the Vietnamese name and description, marked as a translation', async () => {
    const vi = await hub.client().get(`/directory/${slug}`, { 'accept-language': 'vi' });
    expect(vi.status).toBe(200);
    expect(vi.text).toMatch(/<h1 lang="vi">Nhóm thợ dệt Ban Phanom/);
    expect(vi.text).toMatch(/<section class="prose" lang="vi"><p>Thợ dệt <strong>lụa<\/strong>/);
    expect(visibleText(vi.text)).toContain('Đây là bản dịch; ngôn ngữ gốc: Tiếng Anh.');
    // The original name stays, marked as such.
    expect(vi.text).toContain('<p class="subtitle" lang="en">Ban Phanom Weavers');

    const en = await hub.client().get(`/directory/${slug}`);
    expect(en.text).toMatch(/<h1 lang="en">Ban Phanom Weavers/);
    expect(visibleText(en.text)).not.toContain('Nhóm thợ dệt');
    const th = await hub.client().get(`/directory/${slug}`, { 'accept-language': 'th' });
    expect(th.text).toMatch(/<h1 lang="en">Ban Phanom Weavers/);
  });

  it('finds the organisation by its translated name and description', async () => {
    const byName = await search(hub.deps.db, { q: 'thợ dệt', viewer: null });
    expect(byName.hits.map((h) => h.url)).toContain(`/directory/${slug}`);
    const folded = await search(hub.deps.db, { q: 'nhom tho det', viewer: null });
    expect(folded.hits.map((h) => h.url)).toContain(`/directory/${slug}`);
  });

  it('shows the links with rel="nofollow ugc" and lists them in the JSON-LD sameAs', async () => {
    const res = await hub.client().get(`/directory/${slug}`);
    expect(res.text).toContain('<a href="https://facebook.com/banphanom" rel="nofollow ugc">Facebook</a>');
    expect(res.text).toContain(
      '<a href="https://instagram.com/banphanom" rel="nofollow ugc">instagram.com/banphanom</a>',
    );
    expect(jsonLdOf(res.text).sameAs).toEqual([
      'https://facebook.com/banphanom',
      'https://instagram.com/banphanom',
    ]);
    const row = await hub.deps.db
      .selectFrom('organisations')
      .select('links')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.links)).toEqual([
      { label: 'Facebook', url: 'https://facebook.com/banphanom' },
      { label: '', url: 'https://instagram.com/banphanom' },
    ]);
  });
});

describe('writing on the form', () => {
  it('shows the stored translations and links on the edit form, changes them and keeps the history', async () => {
    const edit = await ownerClient.get(`/directory/${slug}/edit`);
    expect(edit.text).toContain('value="Nhóm thợ dệt Ban Phanom"');
    expect(edit.text).toMatch(/<option value="vi" lang="vi" selected="">/);
    expect(edit.text).toContain('Facebook https://facebook.com/banphanom\nhttps://instagram.com/banphanom');
    // One empty row more than there are translations.
    expect(edit.text.match(/name="tr_lang"/g)).toHaveLength(2);

    const changed = await ownerClient.request(`/directory/${slug}/edit`, {
      form: withRows(
        form({ links: 'https://facebook.com/banphanom' }),
        { lang: 'vi', name: 'Nhóm thợ dệt Ban Phanom', description: '' },
        { lang: 'th', name: 'กลุ่มทอผ้าบ้านพะนม', description: '' },
      ),
    });
    expect(changed.status, visibleText(changed.text).slice(0, 400)).toBe(303);
    expect((await translations()).map((r) => [r.lang, r.name, r.description]).sort()).toEqual([
      ['th', 'กลุ่มทอผ้าบ้านพะนม', ''],
      ['vi', 'Nhóm thợ dệt Ban Phanom', ''],
    ]);
    const th = await hub.client().get(`/directory/${slug}`, { 'accept-language': 'th' });
    expect(th.text).toMatch(/<h1 lang="th">กลุ่มทอผ้าบ้านพะนม/);
    // Only the name is translated: the description is the original.
    expect(th.text).toContain('<section class="prose" lang="en">');
    // The search follows: the Thai name is found.
    expect(
      (await search(hub.deps.db, { q: 'กลุ่มทอผ้าบ้านพะนม', viewer: null })).hits.map((h) => h.url),
    ).toContain(`/directory/${slug}`);

    const history = await hub.deps.db.selectFrom('organisation_history').select('changes').execute();
    const last = JSON.parse(String(history.at(-1)?.changes)) as Record<
      string,
      { from: unknown; to: unknown }
    >;
    expect(last.translations).toEqual({ from: ['vi'], to: ['th', 'vi'] });
    expect(last.links?.to).toEqual([{ label: '', url: 'https://facebook.com/banphanom' }]);
    const owner = await ownerClient.get(`/directory/${slug}`);
    expect(visibleText(owner.text)).toMatch(/translations/);
  });

  it('refuses a translation in the organisation’s own language, twice or without a language, and bad links, keeping the draft', async () => {
    const before = await translations();
    await ownerClient.get(`/directory/${slug}/edit`);
    const same = await ownerClient.request(`/directory/${slug}/edit`, {
      form: form({ tr_lang: 'en', tr_name: 'Weavers of Ban Phanom' }),
    });
    expectFormRefused(same, ['A translation must be in another language'], ['value="Weavers of Ban Phanom"']);

    const twice = await ownerClient.request(`/directory/${slug}/edit`, {
      form: withRows(
        form(),
        { lang: 'vi', name: 'Thợ dệt A', description: '' },
        { lang: 'vi', name: 'Thợ dệt B', description: '' },
      ),
    });
    expectFormRefused(twice, ['Each language may be translated only once.'], ['value="Thợ dệt B"']);

    const noLanguage = await ownerClient.request(`/directory/${slug}/edit`, {
      form: form({ tr_lang: '', tr_name: 'Thợ dệt' }),
    });
    expectFormRefused(noLanguage, ['Choose the language of each translation.'], ['value="Thợ dệt"']);

    const badLink = await ownerClient.request(`/directory/${slug}/edit`, {
      form: form({ links: 'Click javascript:alert(1)' }),
    });
    expectFormRefused(
      badLink,
      ['Enter a web address starting with http:// or https://.'],
      ['Click javascript:alert(1)'],
    );

    const tooMany = await ownerClient.request(`/directory/${slug}/edit`, {
      form: form({ links: Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`).join('\n') }),
    });
    expect(tooMany.status).toBe(422);
    expect(visibleText(tooMany.text)).toContain('Too many entries.');

    expect(await translations()).toEqual(before);
  });

  it('does not let a member who is not a member of the organisation change it', async () => {
    const { client, token } = await hub.signedInWithToken();
    expect((await client.get(`/directory/${slug}/edit`)).status).toBe(403);
    await client.get('/directory/new');
    const res = await client.request(`/directory/${slug}/edit`, {
      form: form({ tr_lang: 'zh-Hans', tr_name: '班帕侬织工' }),
    });
    expect(res.status).toBe(403);

    const patched = await api(hub, token, 'PATCH', `/api/v1/organisations/${slug}`, {
      translations: [{ lang: 'zh-Hans', name: '班帕侬织工' }],
    });
    expect(patched.status).toBe(403);
    expect((await translations()).map((r) => r.lang)).not.toContain('zh-Hans');
  });
});

describe('the API', () => {
  it('reads and writes translations and links; a PATCH without them keeps them', async () => {
    const { token } = await createApiToken(hub.deps.db, ownerId, 'test');
    const patch = (body: unknown) => api(hub, token, 'PATCH', `/api/v1/organisations/${slug}`, body);

    const set = await patch({
      translations: [
        { lang: 'vi', name: 'Nhóm thợ dệt', description: 'Dệt lụa.' },
        { lang: 'zh-Hans', name: '班帕侬织工' },
      ],
      links: [{ label: 'YouTube', url: 'https://youtube.com/@banphanom' }],
    });
    expect(set.status).toBe(200);
    expect(set.body.translations).toEqual([
      { lang: 'vi', name: 'Nhóm thợ dệt', description: 'Dệt lụa.' },
      { lang: 'zh-Hans', name: '班帕侬织工', description: '' },
    ]);
    expect(set.body.links).toEqual([{ label: 'YouTube', url: 'https://youtube.com/@banphanom' }]);

    expect((await patch({ city: 'Vientiane' })).status).toBe(200);
    const { body: org } = await api(hub, null, 'GET', `/api/v1/organisations/${slug}`);
    expect(org.city).toBe('Vientiane');
    expect(org.translations).toHaveLength(2);
    expect(org.links).toEqual([{ label: 'YouTube', url: 'https://youtube.com/@banphanom' }]);

    const twice = await patch({
      translations: [
        { lang: 'vi', name: 'A' },
        { lang: 'vi', name: 'B' },
      ],
    });
    expect(twice.status).toBe(422);
    expect(JSON.stringify(twice.body)).toContain('translations');
    expect((await patch({ translations: [{ lang: 'th' }] })).status).toBe(422);
    expect((await patch({ translations: [{ lang: 'en', name: 'Same' }] })).status).toBe(422);
    const script = await patch({ links: [{ label: 'x', url: 'javascript:alert(1)' }] });
    expect(script.status).toBe(422);
    expect(JSON.stringify(script.body)).toContain('links');
    const long = await patch({ links: [{ url: `https://example.org/${'a'.repeat(500)}` }] });
    expect(long.status).toBe(422);

    const created = await api(hub, token, 'POST', '/api/v1/organisations', {
      kind: 'cso',
      name: 'Textile Museum',
      lang: 'en',
      country: 'LA',
      translations: [{ lang: 'lo', name: 'ຫໍພິພິທະພັນຜ້າ' }],
      links: [{ url: 'https://facebook.com/textilemuseum' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.translations).toEqual([{ lang: 'lo', name: 'ຫໍພິພິທະພັນຜ້າ', description: '' }]);
    expect(created.body.links).toEqual([{ label: '', url: 'https://facebook.com/textilemuseum' }]);

    const unsigned = await api(hub, null, 'PATCH', `/api/v1/organisations/${slug}`, { links: [] });
    expect(unsigned.status).toBe(401);
  });
});
