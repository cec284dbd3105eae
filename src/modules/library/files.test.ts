// Files of documents through the whole app, on SQLite or PostgreSQL: Chromium's multilingual PDF
// uploaded through the files page, found by words only inside it, downloaded with its headers;
// new versions, removal, unpublished documents; and every refusal, which leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastAuditEntry } from '../../../test/audit.ts';
import {
  createTestPlatform,
  type TestClient,
  type TestPlatform,
  visibleText,
} from '../../../test/harness.ts';
import { fixture, makeDocx, makeDocxBomb, makeExe, makePdf } from '../../platform/files/test-files.ts';
import { search } from '../../search/index.ts';
import { reindexAll } from '../../search/rebuild.ts';
import {
  createDocument,
  documentForm,
  downloadLinks,
  fileTraces,
  libraryHub,
  sendUpload,
  storedFiles,
} from './test-helpers.ts';

const MB = 1024 * 1024;
const pdf = fixture('multilingual.pdf');
// Words that are only inside the PDF (see scripts/make-file-fixtures.ts).
const LAO = 'ວັດທະນະທຳ';
const THAI = 'วัฒนธรรม';

const {
  hub,
  editor: { client: editor },
  member: { client: member },
} = await libraryHub();

/** Loads the files page (for its CSRF token), then sends the "add a file" form. */
async function addFile(
  slug: string,
  file: Parameters<typeof sendUpload>[4],
  fields = { lang: 'en', label: '' },
) {
  await editor.get(`/library/${slug}/files`);
  return sendUpload(hub, editor, `/library/${slug}/files`, fields, file);
}

async function librarySlugsFor(client: TestClient | null, q: string): Promise<string[]> {
  const res = await (client ?? hub.client()).get(`/library?q=${encodeURIComponent(q)}`);
  return [...res.text.matchAll(/<h2 class="card-title"><a href="\/library\/([^"]+)"/g)].map((m) => m[1]!);
}

describe('a file on a published document', () => {
  let slug: string;
  let download: string;

  beforeAll(async () => {
    slug = await createDocument(editor, { title: 'Mekong policy dialogue with its report' });
  });

  it('is added through the files page, with its language and label, and audited', async () => {
    const before = await fileTraces(hub);
    const res = await addFile(
      slug,
      { name: 'Policy dialogue ວັດທະນະທຳ.pdf', bytes: pdf, type: 'application/pdf' },
      { lang: 'lo', label: 'Report of the dialogue' },
    );
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    expect(res.location).toBe(`/library/${slug}/files`);
    const after = await fileTraces(hub);
    expect(after.files).toBe(before.files + 1);
    expect(after.versions).toBe(before.versions + 1);
    expect(after.audit).toBe(before.audit + 1);
    expect(after.stored.length).toBe(before.stored.length + 1);
    const entry = await lastAuditEntry(hub, { action: 'document.file_added' });
    expect(entry.details).toMatchObject({ slug, lang: 'lo', mime: 'application/pdf' });

    const page = await hub.client().get(`/library/${slug}`);
    const text = visibleText(page.text);
    expect(text).toContain('Report of the dialogue');
    expect(text).toContain('Policy dialogue ວັດທະນະທຳ.pdf');
    expect(text).toMatch(/PDF · 43 kB · 1 page · Lao · version 1, /);
    expect(page.text).toContain('hreflang="lo"');
    [download] = downloadLinks(page.text) as [string];
    expect(download).toMatch(new RegExp(`^/library/${slug}/files/\\d+/[0-9a-f]{64}$`));
  });

  it('is found by words that are only inside the PDF: the library, /search and the API', async () => {
    for (const word of [LAO, THAI, 'Quyết định phê duyệt']) {
      expect(await librarySlugsFor(null, word), word).toEqual([slug]);
    }
    const searchPage = await hub.client().get(`/search?q=${encodeURIComponent(LAO)}`);
    expect(searchPage.text).toContain(`href="/library/${slug}"`);
    const api = await hub.client().get(`/api/v1/documents?q=${encodeURIComponent(THAI)}`);
    expect((JSON.parse(api.text) as { items: { slug: string }[] }).items.map((d) => d.slug)).toEqual([slug]);
  });

  it('downloads with its type, a UTF-8 name, the hash as ETag, ranges and a year in shared caches', async () => {
    const res = await hub.app.request(download);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="Policy dialogue _+\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('Policy dialogue ວັດທະນະທຳ.pdf');
    const hash = download.split('/').at(-1);
    expect(res.headers.get('etag')).toBe(`"${hash}"`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);

    const ranged = await hub.app.request(download, { headers: { range: 'bytes=0-7' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 0-7/${pdf.byteLength}`);
    expect(new TextDecoder().decode(await ranged.arrayBuffer())).toBe('%PDF-1.4');
    const again = await hub.app.request(download, { headers: { 'if-none-match': `"${hash}"` } });
    expect(again.status).toBe(304);
    const head = await hub.app.request(download, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(pdf.byteLength));

    // The address of the current version follows new versions; it is never cached itself.
    const fileId = download.split('/')[4];
    const current = await hub.app.request(`/library/${slug}/files/${fileId}`);
    expect(current.status).toBe(302);
    expect(current.headers.get('location')).toBe(download);
    expect(current.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for a hash, a file or a document that do not go together', async () => {
    const [, , , , fileId, hash] = download.split('/');
    for (const target of [
      `/library/${slug}/files/${fileId}/${'0'.repeat(64)}`,
      `/library/${slug}/files/${Number(fileId) + 999}/${hash}`,
      `/library/${slug}/files/${fileId}/..%2F..%2Fetc%2Fpasswd`,
      `/library/decision-1755-qd-ttg-missing/files/${fileId}/${hash}`,
      `/library/${slug}/files/abc`,
    ])
      expect((await hub.app.request(target)).status, target).toBe(404);
  });

  it('keeps the file text in the index when the record is edited and when the index is rebuilt', async () => {
    await editor.get(`/library/${slug}/edit`);
    const edited = await editor.request(`/library/${slug}/edit`, {
      form: documentForm({ title: 'Mekong policy dialogue, edited', summary: 'Edited summary.' }),
    });
    expect(edited.status).toBe(303);
    expect(await librarySlugsFor(null, LAO)).toEqual([slug]);

    const providers = hub.deps.modules.flatMap((m) => m.searchProviders ?? []);
    await reindexAll(hub.deps.db, providers);
    const found = await search(hub.deps.db, { q: THAI, viewer: null, types: ['document'] });
    expect(found.hits.map((h) => h.url)).toEqual([`/library/${slug}`]);
    // The snippet shows the words from the file.
    expect(found.hits[0]?.snippet.map((p) => p.text).join('')).toContain(THAI);
  });

  it('gets a new version that becomes current, while the earlier one stays downloadable', async () => {
    const fileId = download.split('/')[4];
    const docx = await makeDocx(['Lacquerware workshops of Bagan', 'Nghề sơn mài truyền thống']);
    await editor.get(`/library/${slug}/files`);
    const res = await sendUpload(
      hub,
      editor,
      `/library/${slug}/files/${fileId}/versions`,
      {},
      {
        name: 'Report v2.docx',
        bytes: docx,
      },
    );
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);

    const page = await hub.client().get(`/library/${slug}`);
    const links = downloadLinks(page.text);
    expect(links).toHaveLength(2);
    const [current, earlier] = links as [string, string];
    expect(earlier).toBe(download);
    expect(visibleText(page.text)).toContain('An earlier version');
    expect(visibleText(page.text)).toMatch(/DOCX · [\d.]+ kB · Lao · version 2, /);
    const docxRes = await hub.app.request(current);
    expect(docxRes.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(new Uint8Array(await docxRes.arrayBuffer())).toEqual(docx);
    expect((await hub.app.request(earlier)).status).toBe(200);
    expect((await hub.app.request(`/library/${slug}/files/${fileId}`)).headers.get('location')).toBe(current);

    // The index holds the current version's text: the new words, no longer the old ones.
    expect(await librarySlugsFor(null, 'lacquerware')).toEqual([slug]);
    expect(await librarySlugsFor(null, 'sơn mài truyền thống')).toEqual([slug]);
    expect(await librarySlugsFor(null, LAO)).toEqual([]);
  });

  it('holds several files, and removing one (audited) leaves the others', async () => {
    const second = await addFile(slug, { name: 'annex.pdf', bytes: pdf }, { lang: 'th', label: 'Annex' });
    expect(second.status).toBe(303);
    let page = await hub.client().get(`/library/${slug}`);
    expect(downloadLinks(page.text)).toHaveLength(3);
    expect(await librarySlugsFor(null, THAI)).toEqual([slug]);
    expect(await librarySlugsFor(null, 'lacquerware')).toEqual([slug]);

    const annexId = downloadLinks(page.text)[2]!.split('/')[4];
    await editor.get(`/library/${slug}/files`);
    const removed = await editor.request(`/library/${slug}/files/${annexId}/delete`, { form: {} });
    expect(removed.status).toBe(303);
    page = await hub.client().get(`/library/${slug}`);
    expect(downloadLinks(page.text)).toHaveLength(2);
    expect(visibleText(page.text)).not.toContain('Annex');
    const entry = await lastAuditEntry(hub, { action: 'document.file_removed' });
    expect(entry.details).toMatchObject({ slug, label: 'Annex' });
    // The removed file's words are no longer found; its download is gone.
    expect(await librarySlugsFor(null, THAI)).toEqual([]);
    expect((await hub.app.request(`/library/${slug}/files/${annexId}`)).status).toBe(404);
  });
});

describe('a long file', () => {
  it('is found by a word on its last page, far past what the index keeps as written', async () => {
    const slug = await createDocument(editor, { title: 'A long strategy' });
    // About 200 000 characters (30 000 words and 40 000 Lao letters): several times the index's
    // 15 000 tokens per record.
    const filler = Array.from(
      { length: 1500 },
      (_, i) =>
        `Article ${i}: the ministry shall promote cultural industries in every province. ນະໂຍບາຍ ແລະ ແຜນການ ພັດທະນາ`,
    );
    const docx = await makeDocx([...filler, 'Final provisions on marionettes and ຫຸ່ນກະບອກ puppetry']);
    expect((await addFile(slug, { name: 'strategy.docx', bytes: docx })).status).toBe(303);
    expect(await librarySlugsFor(null, 'marionettes')).toEqual([slug]);
    expect(await librarySlugsFor(null, 'ຫຸ່ນກະບອກ')).toEqual([slug]);
    // Its beginning is indexed as written: a phrase in quotes is found there.
    expect(await librarySlugsFor(null, '"Article 3: the ministry shall promote"')).toEqual([slug]);
  }, 30_000);
});

describe("an unpublished document's files", () => {
  let slug: string;
  let download: string;

  beforeAll(async () => {
    slug = await createDocument(editor, { title: 'Draft decree with an annex', published: '' });
    expect((await addFile(slug, { name: 'draft.pdf', bytes: pdf }, { lang: 'th', label: '' })).status).toBe(
      303,
    );
    [download] = downloadLinks((await editor.get(`/library/${slug}`)).text) as [string];
  });

  it('are private to those who may see the record, and 404 to everyone else', async () => {
    const res = await editor.get(download);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    for (const [who, client] of [
      ['visitor', hub.client()],
      ['member', member],
    ] as const) {
      expect((await client.get(download)).status, who).toBe(404);
      expect((await client.get(download.replace(/\/[0-9a-f]{64}$/, ''))).status, who).toBe(404);
      expect(await librarySlugsFor(client, THAI), who).toEqual([]);
    }
    expect(await librarySlugsFor(editor, THAI)).toEqual([slug]);
  });
});

describe('who may manage files', () => {
  let slug: string;
  beforeAll(async () => {
    slug = await createDocument(editor, { title: 'Record for the permission tests' });
  });

  it('sends visitors to the login page and refuses members with 403, saving nothing', async () => {
    const before = await fileTraces(hub);
    /** The same upload of a PDF, as a visitor, a member or (null) a request without the session. */
    const uploadAs = (client: TestClient | null) =>
      sendUpload(hub, client, `/library/${slug}/files`, { lang: 'en' }, { name: 'a.pdf', bytes: pdf });
    const visitor = hub.client();
    const page = await visitor.get(`/library/${slug}/files`);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/login?next=${encodeURIComponent(`/library/${slug}/files`)}`);
    await visitor.get(`/library/${slug}`);
    const post = await uploadAs(visitor);
    expect(post.status).toBe(401);

    expect((await member.get(`/library/${slug}/files`)).status).toBe(403);
    await member.get(`/library/${slug}`);
    const byMember = await uploadAs(member);
    expect(byMember.status).toBe(403);
    // Without the CSRF token of the session, not even an editor's request goes through.
    const forged = await uploadAs(null);
    expect(forged.status).toBe(403);
    expect(await fileTraces(hub)).toEqual(before);
    // The page shows members no way to manage files.
    expect((await member.get(`/library/${slug}`)).text).not.toContain(`/library/${slug}/files"`);
  });

  it('hides an unpublished record from members: 404, not 403', async () => {
    const hidden = await createDocument(editor, { title: 'Hidden record', published: '' });
    expect((await member.get(`/library/${hidden}/files`)).status).toBe(404);
  });
});

describe('refused uploads: a clear message, the form back, nothing saved', () => {
  let slug: string;
  beforeAll(async () => {
    slug = await createDocument(editor, { title: 'Record for the refusal tests' });
  });

  /** Sends the form with a label typed, and checks the refusal and that nothing was written. */
  async function refused(
    file: Parameters<typeof sendUpload>[4],
    status: number,
    message: RegExp,
    lang = 'vi',
    field = 'f-file',
  ) {
    const before = await fileTraces(hub);
    const res = await addFile(slug, file, { lang, label: 'Văn bản chính thức <b>' });
    expect(res.status, visibleText(res.text).slice(0, 400)).toBe(status);
    const text = visibleText(res.text);
    expect(text).toMatch(message);
    // The form comes back with what was typed (escaped), the file field marked.
    expect(res.text).toContain('value="Văn bản chính thức &lt;b&gt;"');
    expect(res.text).toMatch(new RegExp(`<(input|select) id="${field}"[^>]*aria-invalid="true"`));
    expect(await fileTraces(hub)).toEqual(before);
    expect(await librarySlugsFor(editor, 'Văn bản chính thức')).toEqual([]);
    return res;
  }

  it('refuses an executable named .pdf (415)', async () => {
    const res = await refused(
      { name: 'decree.pdf', bytes: makeExe(), type: 'application/pdf' },
      415,
      /This kind of file is not accepted/,
    );
    expect(res.text).toMatch(/<option value="vi" selected=""/);
  });

  it('refuses a PDF protected by a password and a damaged PDF (422)', async () => {
    await refused({ name: 'secret.pdf', bytes: fixture('encrypted.pdf') }, 422, /protected by a password/);
    await refused({ name: 'cut.pdf', bytes: pdf.subarray(0, 4000) }, 422, /could not be read/);
  });

  it('refuses a DOCX zip bomb (422)', async () => {
    await refused(
      { name: 'report.docx', bytes: await makeDocxBomb(50 * MB) },
      422,
      /unpacks to far more data/,
    );
  }, 30_000);

  it('refuses a PDF whose stream inflates to a gigabyte as too complex (422)', async () => {
    await refused(
      { name: 'report.pdf', bytes: await makePdf({ pages: 1, inflated: 1024 * MB }) },
      422,
      /needs more memory or time to read than the hub allows/,
    );
  }, 60_000);

  it('asks for a file when none was chosen, and for a known language', async () => {
    await refused(undefined, 422, /Choose a file to upload/);
    const res = await refused(
      { name: 'ok.pdf', bytes: pdf },
      422,
      /Choose a language from the list/,
      'xx-invalid!',
      'f-lang',
    );
    // The file was fine, but browsers forget it: the form says to choose it again.
    expect(visibleText(res.text)).toContain('Choose the file again');
  });

  it('refuses a new version that is not an accepted file, keeping the current one', async () => {
    expect((await addFile(slug, { name: 'first.pdf', bytes: pdf })).status).toBe(303);
    const page = await editor.get(`/library/${slug}/files`);
    const fileId = /action="\/library\/[^/]+\/files\/(\d+)\/versions"/.exec(page.text)?.[1];
    const before = await fileTraces(hub);
    const res = await sendUpload(
      hub,
      editor,
      `/library/${slug}/files/${fileId}/versions`,
      {},
      {
        name: 'v2.pdf',
        bytes: makeExe(),
      },
    );
    expect(res.status).toBe(415);
    expect(res.text).toMatch(new RegExp(`<input id="f-file-${fileId}"[^>]*aria-invalid="true"`));
    expect(await fileTraces(hub)).toEqual(before);
    const elsewhere = await sendUpload(
      hub,
      editor,
      `/library/${slug}/files/${Number(fileId) + 1000}/versions`,
      {},
      {
        name: 'v2.pdf',
        bytes: pdf,
      },
    );
    expect(elsewhere.status).toBe(404);
    expect(await fileTraces(hub)).toEqual(before);
  });

  it('stores a name with a path and control characters safely, rather than refusing it', async () => {
    const res = await addFile(slug, { name: '..\\..\\Windows\\Quyết định\u0007 1755\u202e.PDF', bytes: pdf });
    expect(res.status).toBe(303);
    const row = await hub.deps.db
      .selectFrom('document_file_versions')
      .select('name')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Quyết định 1755.pdf');
  });

  it('refuses a 2 GB upload before reading it, and a chunked one after the limit', async () => {
    const before = await fileTraces(hub);
    await editor.get(`/library/${slug}/files`);
    const headers = () =>
      new Headers({
        cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': editor.csrfToken(),
        'x-forwarded-for': editor.ip,
        'content-type': 'multipart/form-data; boundary=xyz',
      });
    const declared = headers();
    declared.set('content-length', String(2 * 1024 * MB));
    let pulled = 0;
    const body = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += MB;
          if (pulled > 2 * 1024 * MB) controller.close();
          else controller.enqueue(new Uint8Array(MB).fill(0x20));
        },
      });
    const announced = await hub.app.request(`/library/${slug}/files`, {
      method: 'POST',
      headers: declared,
      body: body(),
      duplex: 'half',
    } as RequestInit);
    expect(announced.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(2 * MB);
    pulled = 0;
    const chunked = await hub.app.request(`/library/${slug}/files`, {
      method: 'POST',
      headers: headers(),
      body: body(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(pulled).toBeLessThan(60 * MB);
    expect(await fileTraces(hub)).toEqual(before);
  }, 30_000);
});

describe('the size limit follows UPLOAD_LIMIT_MB', () => {
  let small: TestPlatform;
  afterAll(() => small?.close());

  it('refuses a file over the limit with 413 and the limit in the message, keeping the form', async () => {
    small = await createTestPlatform({ env: { UPLOAD_LIMIT_MB: '1' } });
    const { client } = await small.signedIn('editor');
    const slug = await createDocument(client, { title: 'Small limits' });
    await client.get(`/library/${slug}/files`);
    // 1.5 MB: past the file limit, within the request limit (1 MB more), so the form comes back.
    const big = new Uint8Array(Math.floor(1.5 * MB));
    big.set(pdf);
    const res = await sendUpload(
      small,
      client,
      `/library/${slug}/files`,
      { lang: 'en', label: 'Big' },
      { name: 'big.pdf', bytes: big },
    );
    expect(res.status).toBe(413);
    expect(visibleText(res.text)).toContain('The file is larger than 1 MB');
    expect(res.text).toContain('value="Big"');
    expect(storedFiles(small)).toEqual([]);
    expect(visibleText((await client.get(`/library/${slug}/files`)).text)).toContain('at most 1 MB');
  }, 60_000);
});
