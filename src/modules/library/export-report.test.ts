// What the module kit gives the library, through the whole app on SQLite or PostgreSQL: the
// filtered list and the collections as CSV and XLSX (read back by strict parsers, as each reader
// may see them), the report link and form for documents and collections (an unpublished record
// cannot be reported by whom may not see it), single-line fields that refuse control characters
// with a message, and the member's documents and collections in "download my data".
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../test/harness.ts';
import { createDocument, documentForm, libraryHub } from './test-helpers.ts';

const {
  hub,
  editor: { client: editor, token: editorToken },
} = await libraryHub(['library']);
const draft = await createDocument(editor, {
  kind: 'report',
  title: 'Unpublished study of hubs',
  places: 'LA',
  published: '',
});

/** CSV as a strict parser reads it: every row as many cells as the header, quotes well formed. */
const csvRows = (text: string) =>
  parse(text, { bom: true, columns: true, relax_column_count: false, relax_quotes: false }) as Record<
    string,
    string
  >[];

async function workbook(res: Response): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.worksheets[0] as ExcelJS.Worksheet;
}

async function publishedCount(): Promise<number> {
  const row = await hub.deps.db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('published_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the list as a spreadsheet', () => {
  it('gives the filtered list as CSV, in the list’s order, each document once', async () => {
    const res = await hub.client().get('/library/export.csv?country=LA&sort=title');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('library.csv');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const rows = csvRows(res.text);
    const page = await hub.client().get('/library?country=LA&sort=title');
    const onPage = [...page.text.matchAll(/<h2 class="card-title"><a href="\/library\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(rows.map((r) => r.slug)).toEqual(onPage);
    const law = rows.find((r) => r.slug === 'lao-law-on-enterprises');
    expect(law).toMatchObject({ kind: 'law', places: 'LA', published: 'yes' });
    expect(law?.page).toBe('http://hub.test/library/lao-law-on-enterprises');
    // The list page links to the spreadsheets of the same selection.
    expect(page.text).toContain('href="/library/export.csv?country=LA&amp;sort=title"');
    expect(page.text).toContain('href="/library/export.xlsx?country=LA&amp;sort=title"');
  });

  it('holds an unpublished record for its editors only', async () => {
    const stranger = csvRows((await hub.client().get('/library/export.csv?country=LA')).text);
    expect(stranger.map((r) => r.slug)).not.toContain(draft);
    const own = csvRows((await editor.get('/library/export.csv?country=LA')).text);
    expect(own.find((r) => r.slug === draft)?.published).toBe('no');
  });

  it('gives the whole list as an XLSX workbook', async () => {
    const res = await hub.app.request('/library/export.xlsx');
    expect(res.status).toBe(200);
    const sheet = await workbook(res);
    expect(sheet.name).toBe('Library');
    expect(sheet.getRow(1).getCell(1).value).toBe('slug');
    expect(sheet.rowCount).toBe((await publishedCount()) + 1);
  });

  it('gives the collections as CSV and XLSX, linked from their list', async () => {
    const list = await hub.client().get('/library/collections');
    expect(list.text).toContain('href="/library/collections/export.csv"');
    const rows = csvRows((await hub.client().get('/library/collections/export.csv')).text);
    expect(rows).toContainEqual(
      expect.objectContaining({
        slug: 'legal-framework-creative-enterprises-lao-pdr',
        documents: '3',
        page: 'http://hub.test/library/collections/legal-framework-creative-enterprises-lao-pdr',
      }),
    );
    const sheet = await workbook(await hub.app.request('/library/collections/export.xlsx'));
    expect(sheet.name).toBe('Collections');
    expect(sheet.rowCount).toBe(rows.length + 1);
  });
});

describe('reporting', () => {
  it('links a published document to the report form, which files a report', async () => {
    const page = await hub.client().get('/library/convention-2005');
    expect(page.text).toContain('href="/report?type=document&amp;key=convention-2005"');
    const { client: reader } = await hub.signedIn('member');
    expect((await reader.get('/report?type=document&key=convention-2005')).status).toBe(200);
    const sent = await reader.request('/report', {
      form: { type: 'document', key: 'convention-2005', reason: 'incorrect', message: 'Wrong date.' },
    });
    expect(sent.status).toBe(303);
    const report = await hub.deps.db
      .selectFrom('reports')
      .selectAll()
      .where('target_type', '=', 'document')
      .executeTakeFirst();
    expect(report?.target_key).toBe('convention-2005');
  });

  it('finds an unpublished record for no one who may not see it', async () => {
    expect((await editor.get(`/library/${draft}`)).text).not.toContain('/report?type=document');
    const { client: member } = await hub.signedIn('member');
    expect((await member.get(`/report?type=document&key=${draft}`)).status).toBe(404);
    expect((await member.get('/report?type=document&key=no-such-document')).status).toBe(404);
    expect((await member.get('/report?type=document&key=Not%20a%20slug')).status).toBe(404);
  });

  it('links a collection to the report form', async () => {
    const slug = 'legal-framework-creative-enterprises-lao-pdr';
    const page = await hub.client().get(`/library/collections/${slug}`);
    expect(page.text).toContain(`href="/report?type=document-collection&amp;key=${slug}"`);
    const { client: reader } = await hub.signedIn('member');
    const form = await reader.get(`/report?type=document-collection&key=${slug}`);
    expect(visibleText(form.text)).toContain('Legal framework for creative enterprises in Lao PDR');
    expect((await reader.get('/report?type=document-collection&key=nope')).status).toBe(404);
  });
});

describe('control characters', () => {
  it('refuses a line break in the title and U+0000 in the summary, keeping everything typed', async () => {
    await editor.get('/library/new');
    const res = await editor.request('/library/new', {
      form: documentForm({
        title: 'Policy on\ncreative hubs',
        summary: 'A hub\u0000 policy',
        official_number: 'No.\t7',
      }),
    });
    expect(res.status).toBe(422);
    const text = visibleText(res.text);
    expect(text).toContain('Write this on one line, without tabs or control characters.');
    expect(text).toContain('This text contains an invisible control character.');
    expect(res.text).toMatch(/id="f-official_number-error">Write this on one line/);
    expect(res.text).toContain('value="Mekong Institute"');
    expect(
      await hub.deps.db.selectFrom('documents').select('id').where('title', 'like', 'Policy on%').execute(),
    ).toEqual([]);

    const api = await hub.client().request('/api/v1/document-collections', {
      method: 'POST',
      json: { title: 'Two\r\nlines', lang: 'en', documents: [] },
      headers: { authorization: `Bearer ${editorToken}` },
    });
    expect(api.status).toBe(422);
    expect(JSON.parse(api.text).errors.title).toContain('one line');
  });
});

describe('download my data', () => {
  it('holds the documents and collections the member added, and nothing of others', async () => {
    await editor.get('/library/collections/new');
    const made = await editor.request('/library/collections/new', {
      form: { title: 'My reading list', lang: 'en', description: '', documents: draft },
    });
    expect(made.status).toBe(303);
    const mine = JSON.parse((await editor.get('/account/export.json')).text).modules.library;
    expect(mine.documents).toEqual([
      {
        slug: draft,
        title: 'Unpublished study of hubs',
        status: 'unpublished',
        created_at: expect.any(String),
      },
    ]);
    expect(mine.collections).toEqual([
      { slug: 'my-reading-list', title: 'My reading list', created_at: expect.any(String) },
    ]);
    const { client: other } = await hub.signedIn('member');
    expect(JSON.parse((await other.get('/account/export.json')).text).modules.library).toEqual({
      documents: [],
      collections: [],
    });
  });
});

describe('the OpenAPI document', () => {
  it('describes the bodies with the forms’ own schemas, under the names they had', async () => {
    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    const { DocumentInput, DocumentCollectionInput } = doc.components.schemas;
    expect(DocumentInput.properties.kind.enum).toContain('decree');
    expect(DocumentInput.properties.summary.description).toContain('Markdown');
    expect(DocumentInput.required).toEqual(expect.arrayContaining(['kind', 'title', 'lang']));
    expect(DocumentCollectionInput.properties.documents.description).toBe('Slugs of the documents, in order');
  });
});
