// Language versions through the pages and the API, on SQLite or PostgreSQL: the Vietnamese and the
// English text of one decision as two records, linked both ways; a third language joining the
// group through either record; every refusal; unpublished versions; and deleting the original.
import { describe, expect, it } from 'vitest';
import { jsonLdOf, visibleText } from '../../../test/harness.ts';
import { createDocument, documentForm, libraryHub } from './test-helpers.ts';

const {
  hub,
  editor: { client: editor, token: editorToken },
} = await libraryHub();
const original = await createDocument(editor, {
  kind: 'decree',
  title: 'Quyết định phê duyệt Chiến lược phát triển các ngành công nghiệp văn hóa (thử)',
  lang: 'vi',
  official_number: '1755/QĐ-TTg',
});
const english = await createDocument(editor, {
  kind: 'decree',
  title: 'Decision approving the strategy for the cultural industries (test)',
  lang: 'en',
  official_number: '1755/QĐ-TTg',
  language_version_of: original,
});

/** The "Also in" line of a page: [slug, language shown, marked original?]. */
function alsoIn(html: string): [string, string, boolean][] {
  const line = /<p class="language-versions">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  return [
    ...line.matchAll(/<a href="\/library\/([^"]+)"[^>]*>([^<]+)<\/a>(<small[^>]*> \(original\)<\/small>)?/g),
  ].map((m) => [m[1]!, m[2]!, !!m[3]]);
}

describe('language versions', () => {
  it('links the two records both ways, the original marked, with hreflang', async () => {
    const vi = await hub.client().get(`/library/${original}`);
    expect(alsoIn(vi.text)).toEqual([[english, 'English', false]]);
    expect(vi.text).toContain(`hreflang="en"`);
    const en = await hub.client().get(`/library/${english}`);
    expect(alsoIn(en.text)).toEqual([[original, 'Vietnamese', true]]);
    expect(visibleText(en.text)).toContain('Language version of Quyết định phê duyệt');
    expect(jsonLdOf(en.text).translationOfWork).toMatchObject({
      url: `http://hub.test/library/${original}`,
      inLanguage: 'vi',
    });
    expect(jsonLdOf(vi.text).workTranslation).toEqual([
      { '@type': 'Legislation', url: `http://hub.test/library/${english}`, inLanguage: 'en' },
    ]);
  });

  it('joins a third language to the original even when it names a version', async () => {
    const lao = await createDocument(editor, {
      title: 'ຂໍ້ຕົກລົງ ວ່າດ້ວຍຍຸດທະສາດ ອຸດສາຫະກຳວັດທະນະທຳ (ທົດລອງ)',
      lang: 'lo',
      language_version_of: english,
    });
    expect(alsoIn((await hub.client().get(`/library/${original}`)).text).map((l) => l[0])).toEqual([
      english,
      lao,
    ]);
    expect(alsoIn((await hub.client().get(`/library/${english}`)).text)).toEqual([
      [original, 'Vietnamese', true],
      [lao, 'Lao', false],
    ]);
    const api = (await (await hub.app.request(`/api/v1/documents/${lao}`)).json()) as Record<string, unknown>;
    expect(api.languageVersionOf).toBe(original);
    expect(api.languageVersions).toEqual([
      { slug: original, lang: 'vi', title: expect.stringContaining('Quyết định'), original: true },
      { slug: english, lang: 'en', title: expect.stringContaining('Decision'), original: false },
    ]);
  });

  it('refuses unknown records, itself, a second record in one language, and two levels', async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ language_version_of: 'no-such-record' }, 'language_version_of', /not in the library/],
      [
        { language_version_of: english, lang: 'en' },
        'language_version_of',
        /already has a record in this language/,
      ],
      [
        { language_version_of: original, lang: 'vi' },
        'language_version_of',
        /already has a record in this language/,
      ],
    ];
    for (const [overrides, field, message] of cases) {
      await editor.get('/library/new');
      const res = await editor.request('/library/new', {
        form: documentForm({ title: 'A refused language version', ...overrides }),
      });
      expect(res.status, JSON.stringify(overrides)).toBe(422);
      expect(res.text).toMatch(new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
      expect(visibleText(res.text)).toMatch(message);
      expect(res.text).toContain('value="A refused language version"');
    }
    // The original has versions: it cannot become a version of another record.
    const other = await createDocument(editor, { title: 'Another decision (fr)', lang: 'fr' });
    const edit = (slug: string, overrides: Record<string, string>) =>
      editor.submit(`/library/${slug}/edit`, `/library/${slug}/edit`, documentForm(overrides));
    const twoLevels = await edit(original, { lang: 'vi', language_version_of: other });
    expect(twoLevels.status).toBe(422);
    expect(visibleText(twoLevels.text)).toContain('Other records are language versions of this one');
    const itself = await edit(english, { lang: 'en', language_version_of: english });
    expect(itself.status).toBe(422);
    expect(visibleText(itself.text)).toContain('cannot be a language version of itself');
    // Nor may the original take the language of one of its versions.
    const sameLang = await edit(original, { lang: 'en' });
    expect(sameLang.status).toBe(422);
    expect(sameLang.text).toMatch(/id="f-lang"[^>]*aria-invalid="true"/);
    const unchanged = (await (await hub.app.request(`/api/v1/documents/${original}`)).json()) as {
      lang: string;
    };
    expect(unchanged.lang).toBe('vi');
  });

  it('shows an unpublished version only to those who may see it', async () => {
    const draft = await createDocument(editor, {
      title: 'Décision (brouillon de traduction)',
      lang: 'fr',
      language_version_of: original,
      published: '',
    });
    expect(alsoIn((await hub.client().get(`/library/${original}`)).text).map((l) => l[0])).not.toContain(
      draft,
    );
    expect(alsoIn((await editor.get(`/library/${original}`)).text).map((l) => l[0])).toContain(draft);
  });

  it('is set and cleared through the API, and a deleted original leaves its versions unlinked', async () => {
    const headers = { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' };
    const created = await hub.app.request('/api/v1/documents', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        kind: 'decree',
        title: 'ការសម្រេច (សាកល្បង)',
        lang: 'km',
        language_version_of: original,
      }),
    });
    expect(created.status).toBe(201);
    const khmer = ((await created.json()) as { slug: string; languageVersionOf: string }).slug;
    const cleared = await hub.app.request(`/api/v1/documents/${khmer}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ language_version_of: null }),
    });
    expect(((await cleared.json()) as { languageVersionOf: string | null }).languageVersionOf).toBeNull();
    const refused = await hub.app.request(`/api/v1/documents/${khmer}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ language_version_of: 'nowhere' }),
    });
    expect(refused.status).toBe(422);
    expect(Object.keys(((await refused.json()) as { errors: object }).errors)).toEqual([
      'language_version_of',
    ]);

    const removed = await hub.app.request(`/api/v1/documents/${original}`, { method: 'DELETE', headers });
    expect(removed.status).toBe(204);
    const en = await hub.client().get(`/library/${english}`);
    expect(en.status).toBe(200);
    expect(alsoIn(en.text)).toEqual([]);
  });
});
