// Translations of a person's title and bio through the whole app, on SQLite or PostgreSQL: written
// on the profile form (and through the API), shown to readers of that language with a note, found
// by the search, and refused with a message when they cannot be used.
import { describe, expect, it } from 'vitest';
import { api } from '../../../test/api.ts';
import { auditEntries } from '../../../test/audit.ts';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { expectFormRefused } from '../../../test/refusals.ts';
import { createApiToken } from '../../platform/auth.ts';
import { search } from '../../search/index.ts';
import { createProfile, profileForm, slugsOn } from './test-helpers.ts';

const hub = await platformForFile();

const translatedForm = (overrides: Record<string, string> = {}) =>
  profileForm({
    name: 'Sok Chenda',
    title: 'Shadow puppet maker',
    bio: 'Carves **leather** puppets for the Sbek Thom theatre.',
    tr_lang: 'vi',
    tr_title: 'Nghệ nhân làm rối bóng',
    tr_bio: 'Chạm khắc **rối da** cho nhà hát Sbek Thom.',
    ...overrides,
  });

const {
  client: ownerClient,
  user: { id: ownerId },
} = await hub.signedIn();
const slug = (await createProfile(ownerClient, translatedForm())).replace('/directory/people/', '');

describe('reading', () => {
  it('shows a Vietnamese reader the Vietnamese title and bio, marked as a translation', async () => {
    const vi = await hub.client().get(`/directory/people/${slug}`, { 'accept-language': 'vi' });
    expect(vi.status).toBe(200);
    expect(vi.text).toContain('<p class="lead" lang="vi">Nghệ nhân làm rối bóng</p>');
    expect(vi.text).toMatch(/<section class="prose" lang="vi"><p>Chạm khắc <strong>rối da<\/strong>/);
    expect(visibleText(vi.text)).toContain('Đây là bản dịch; ngôn ngữ gốc: Tiếng Anh.');
    expect(visibleText(vi.text)).not.toContain('Shadow puppet maker');

    // Readers of other languages get the original.
    const en = await hub.client().get(`/directory/people/${slug}`);
    expect(en.text).toContain('<p class="lead" lang="en">Shadow puppet maker</p>');
    expect(visibleText(en.text)).not.toContain('Nghệ nhân');
    const th = await hub.client().get(`/directory/people/${slug}`, { 'accept-language': 'th' });
    expect(th.text).toContain('Shadow puppet maker');
  });

  it('shows the translated title on the cards of a Vietnamese reader', async () => {
    const vi = await hub.client().get('/directory/people', { 'accept-language': 'vi' });
    expect(vi.text).toContain('<p class="muted" lang="vi">Nghệ nhân làm rối bóng</p>');
    const en = await hub.client().get('/directory/people');
    expect(en.text).toContain('<p class="muted" lang="en">Shadow puppet maker</p>');
  });

  it('finds the person by the translated title and bio, folded like every search', async () => {
    const res = await hub.client().get('/directory/people?q=rối+bóng');
    expect(slugsOn(res.text)).toEqual([slug]);
    const folded = await hub.client().get('/directory/people?q=nghe+nhan');
    expect(slugsOn(folded.text)).toEqual([slug]);
    const found = await search(hub.deps.db, { q: 'chạm khắc', viewer: null });
    expect(found.hits.map((h) => h.url)).toContain(`/directory/people/${slug}`);
  });
});

describe('writing', () => {
  it('shows the stored translations on the edit form, changes and removes them', async () => {
    const edit = await ownerClient.get(`/directory/people/${slug}/edit`);
    expect(edit.text).toContain('value="Nghệ nhân làm rối bóng"');
    expect(edit.text).toMatch(/<option value="vi" lang="vi" selected="">/);
    // One empty row more than there are translations.
    expect(edit.text.match(/name="tr_lang"/g)).toHaveLength(2);

    const changed = await ownerClient.request(`/directory/people/${slug}/edit`, {
      form: translatedForm({ tr_lang: 'th', tr_title: 'ช่างทำหนังใหญ่', tr_bio: '' }),
    });
    expect(changed.status).toBe(303);
    const rows = await hub.deps.db.selectFrom('person_translations').selectAll().execute();
    expect(rows.map((r) => [r.lang, r.title, r.bio])).toEqual([['th', 'ช่างทำหนังใหญ่', '']]);
    const th = await hub.client().get(`/directory/people/${slug}`, { 'accept-language': 'th' });
    expect(th.text).toContain('<p class="lead" lang="th">ช่างทำหนังใหญ่</p>');
    // Only the title is translated: the note is said under it, and the bio is the original.
    expect(visibleText(th.text)).toContain('ฉบับแปล');
    expect(th.text).toContain('<section class="prose" lang="en">');
    expect(
      (await search(hub.deps.db, { q: 'nghệ nhân', viewer: null })).hits.map((h) => h.url),
    ).not.toContain(`/directory/people/${slug}`);

    const audit = await auditEntries(hub, { action: 'person.updated' });
    expect(audit.some((a) => JSON.stringify(a.details).includes('translations'))).toBe(true);

    // An emptied row removes the translation.
    const emptied = await ownerClient.request(`/directory/people/${slug}/edit`, {
      form: translatedForm({ tr_lang: 'th', tr_title: '', tr_bio: '' }),
    });
    expect(emptied.status).toBe(303);
    expect(await hub.deps.db.selectFrom('person_translations').selectAll().execute()).toEqual([]);
  });

  it('refuses a translation into the profile’s own language or without a language, keeping the draft', async () => {
    await ownerClient.get(`/directory/people/${slug}/edit`);
    const same = await ownerClient.request(`/directory/people/${slug}/edit`, {
      form: translatedForm({ tr_lang: 'en', tr_title: 'Puppet maker' }),
    });
    expectFormRefused(same, ['A translation must be in another language'], ['value="Puppet maker"']);

    const noLanguage = await ownerClient.request(`/directory/people/${slug}/edit`, {
      form: translatedForm({ tr_lang: '', tr_title: 'Nghệ nhân' }),
    });
    expectFormRefused(noLanguage, ['Choose the language of each translation.'], ['value="Nghệ nhân"']);
    expect(await hub.deps.db.selectFrom('person_translations').selectAll().execute()).toEqual([]);
  });

  it('reads and writes translations through the API; a PATCH without them keeps them', async () => {
    const { token } = await createApiToken(hub.deps.db, ownerId, 'test');
    const patch = (body: unknown) => api(hub, token, 'PATCH', `/api/v1/people/${slug}`, body);

    const set = await patch({
      translations: [
        { lang: 'vi', title: 'Nghệ nhân làm rối bóng', bio: 'Chạm khắc rối da.' },
        { lang: 'zh-Hans', title: '皮影戏艺人' },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body.translations).toEqual([
      { lang: 'vi', title: 'Nghệ nhân làm rối bóng', bio: 'Chạm khắc rối da.' },
      { lang: 'zh-Hans', title: '皮影戏艺人', bio: '' },
    ]);

    expect((await patch({ title: 'Shadow puppet carver' })).status).toBe(200);
    const { body: person } = await api(hub, null, 'GET', `/api/v1/people/${slug}`);
    expect(person.title).toBe('Shadow puppet carver');
    expect(person.translations).toHaveLength(2);

    const twice = await patch({
      translations: [
        { lang: 'vi', title: 'A' },
        { lang: 'vi', title: 'B' },
      ],
    });
    expect(twice.status).toBe(422);
    expect(JSON.stringify(twice.body)).toContain('translations');
    const empty = await patch({ translations: [{ lang: 'th' }] });
    expect(empty.status).toBe(422);

    const zh = await hub.client().get(`/directory/people/${slug}`, { 'accept-language': 'zh-Hans' });
    expect(zh.text).toContain('皮影戏艺人');
  });
});
