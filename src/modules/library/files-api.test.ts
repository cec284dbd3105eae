// The files of documents through /api/v1 with personal tokens: listed with the document, uploaded
// as multipart, new versions, removal, every refusal as problem+json, and the OpenAPI document.
import { describe, expect, it } from 'vitest';
import { checkUpload, sharedExtraction } from '../../platform/files/index.ts';
import { fixture, makeExe, makePdf, makeXlsx } from '../../platform/files/test-files.ts';
import { createDocument, fileTraces, libraryHub, sendUpload } from './test-helpers.ts';

const pdf = fixture('multilingual.pdf');

interface FileJson {
  id: number;
  lang: string;
  label: string | null;
  url: string;
  current: {
    number: number;
    name: string;
    mime: string;
    size: number;
    pages: number | null;
    sha256: string;
    url: string;
  };
  versions: { number: number; sha256: string; url: string }[];
}

const {
  hub,
  editor: { client: editor, token: editorToken, user: editorUser },
  member: { token: memberToken },
} = await libraryHub();
const slug = await createDocument(editor, { title: 'Creative industries strategy (API test)' });

const upload = (
  target: string,
  fields: Record<string, string>,
  file?: Parameters<typeof sendUpload>[4],
  token = editorToken,
) => sendUpload(hub, null, target, fields, file, { token });

async function documentJson(): Promise<{ files: FileJson[] }> {
  const res = await hub.app.request(`/api/v1/documents/${slug}`);
  expect(res.status).toBe(200);
  return res.json() as Promise<{ files: FileJson[] }>;
}

describe('/api/v1/documents/{slug}/files', () => {
  let file: FileJson;

  it('adds a file: 201 with its version, and the document lists it', async () => {
    const res = await upload(
      `/api/v1/documents/${slug}/files`,
      { lang: 'vi', label: 'Văn bản gốc' },
      { name: 'Quyết định 1755.pdf', bytes: pdf },
    );
    expect(res.status, res.text).toBe(201);
    file = JSON.parse(res.text) as FileJson;
    expect(file).toMatchObject({
      lang: 'vi',
      label: 'Văn bản gốc',
      current: {
        number: 1,
        name: 'Quyết định 1755.pdf',
        mime: 'application/pdf',
        size: pdf.byteLength,
        pages: 1,
      },
    });
    expect(file.current.url).toBe(`http://hub.test/library/${slug}/files/${file.id}/${file.current.sha256}`);
    expect(file.url).toBe(`http://hub.test/library/${slug}/files/${file.id}`);
    expect((await documentJson()).files).toEqual([file]);
    const download = await hub.app.request(file.current.url.replace('http://hub.test', ''));
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
  });

  it('uploads a new version: listed first, the first one kept', async () => {
    const xlsx = await makeXlsx([
      ['Measure', 'Budget'],
      ['Hỗ trợ làng nghề', 120000],
    ]);
    const res = await upload(
      `/api/v1/documents/${slug}/files/${file.id}/versions`,
      {},
      { name: 'budget.xlsx', bytes: xlsx },
    );
    expect(res.status, res.text).toBe(201);
    const updated = JSON.parse(res.text) as FileJson;
    expect(updated.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(updated.current).toMatchObject({ number: 2, name: 'budget.xlsx' });
    expect(updated.versions[1]?.sha256).toBe(file.current.sha256);
    const found = await hub.app.request(`/api/v1/documents?q=${encodeURIComponent('làng nghề')}`);
    expect(((await found.json()) as { items: { slug: string }[] }).items.map((d) => d.slug)).toEqual([slug]);
  });

  it('refuses with problem+json: who asks, what is sent, and what the file is', async () => {
    const before = await fileTraces(hub);
    const target = `/api/v1/documents/${slug}/files`;
    const anonymous = await sendUpload(hub, null, target, { lang: 'en' }, { name: 'a.pdf', bytes: pdf });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await upload(target, { lang: 'en' }, { name: 'a.pdf', bytes: pdf }, memberToken)).status).toBe(
      403,
    );
    expect(
      (
        await upload(
          `/api/v1/documents/no-such-document/files`,
          { lang: 'en' },
          { name: 'a.pdf', bytes: pdf },
        )
      ).status,
    ).toBe(404);

    const json = await hub.app.request(target, {
      method: 'POST',
      headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ lang: 'en' }),
    });
    expect(json.status).toBe(415);

    const exe = await upload(target, { lang: 'en' }, { name: 'setup.pdf', bytes: makeExe() });
    expect(exe.status).toBe(415);
    expect(JSON.parse(exe.text)).toMatchObject({
      status: 415,
      errors: { file: expect.stringContaining('not accepted') },
    });
    const both = await upload(
      target,
      { lang: 'not a language' },
      { name: 'secret.pdf', bytes: fixture('encrypted.pdf') },
    );
    expect(both.status).toBe(422);
    expect(Object.keys(JSON.parse(both.text).errors).sort()).toEqual(['file', 'lang']);
    const missing = await upload(target, { lang: 'en' });
    expect(missing.status).toBe(422);
    expect(JSON.parse(missing.text).errors.file).toBe('Choose a file to upload.');
    expect((await upload(`${target}/99999/versions`, {}, { name: 'a.pdf', bytes: pdf })).status).toBe(404);
    expect(await fileTraces(hub)).toEqual(before);
  });

  it("answers 429 with Retry-After while three of the uploader's files wait to be read", async () => {
    const before = await fileTraces(hub);
    // The editor's files in the queue: a PDF inflating to a gigabyte being read, two behind it.
    const bomb = await makePdf({ pages: 1, inflated: 1024 * 1024 * 1024 });
    const queued = [bomb, pdf, pdf].map((bytes) =>
      checkUpload(bytes, { maxBytes: 50 * 1024 * 1024, uploader: editorUser.id }),
    );
    while (sharedExtraction().pendingOf(editorUser.id) < 3) await new Promise((r) => setTimeout(r, 5));
    const res = await upload(
      `/api/v1/documents/${slug}/files`,
      { lang: 'en' },
      { name: 'a.pdf', bytes: pdf },
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(JSON.parse(res.text)).toMatchObject({
      status: 429,
      errors: { file: expect.stringContaining('Too many files are waiting to be read') },
    });
    expect((await Promise.all(queued)).map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'tooComplex',
      'ok',
      'ok',
    ]);
    expect(await fileTraces(hub)).toEqual(before);
  }, 60_000);

  it('removes a file (audited), then it is gone from the document', async () => {
    const other = `/api/v1/documents/${slug}/files/${file.id}`;
    const refused = await hub.app.request(other, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${memberToken}` },
    });
    expect(refused.status).toBe(403);
    const res = await hub.app.request(other, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${editorToken}` },
    });
    expect(res.status).toBe(204);
    expect((await documentJson()).files).toEqual([]);
    const again = await hub.app.request(other, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${editorToken}` },
    });
    expect(again.status).toBe(404);
    const audit = await hub.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'document.file%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'document.file_added',
      'document.file_version_added',
      'document.file_removed',
    ]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await hub.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths['/documents/{slug}/files'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/documents/{slug}/files/{fileId}/versions'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/documents/{slug}/files/{fileId}'] ?? {})).toEqual(['delete']);
    expect(Object.keys(doc.paths['/documents/{slug}/files']?.post?.requestBody?.content ?? {})).toEqual([
      'multipart/form-data',
    ]);
    expect(doc.components.schemas).toHaveProperty('DocumentFile');
    const reference = await hub.app.request('/api/docs');
    expect(reference.status).toBe(200);
    expect(await reference.text()).toContain('/documents/{slug}/files/{fileId}/versions');
    expect(JSON.stringify(doc.components.schemas.Document)).toContain('#/components/schemas/DocumentFile');
  });
});
