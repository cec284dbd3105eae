// What the module kit gives the library, through the whole app on SQLite or PostgreSQL: the
// filtered list and the collections as CSV and XLSX (read back by strict parsers, as each reader
// may see them), the report link and form for documents and collections (an unpublished record
// cannot be reported by whom may not see it), single-line fields that refuse control characters
// with a message, and the member's documents and collections in "download my data".
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../test/harness.ts';
import {
  CONTROL_CHARACTER,
  expectFormRefused,
  expectOneLineError,
  ONE_LINE,
} from '../../../test/refusals.ts';
import { expectNotReportable, expectReportable, reportFormOf, reportLinkOf } from '../../../test/reports.ts';
import {
  csvDownload,
  csvRows,
  expectLineBreaksKept,
  storeText,
  xlsxDownload,
} from '../../../test/spreadsheets.ts';
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
    const { rows } = await csvDownload(
      hub.client(),
      '/library/export.csv?country=LA&sort=title',
      'library.csv',
    );
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
    const sheet = await xlsxDownload(hub.client(), '/library/export.xlsx');
    expect(sheet.name).toBe('Library');
    expect(sheet.getRow(1).getCell(1).value).toBe('slug');
    expect(sheet.rowCount).toBe((await publishedCount()) + 1);
  });

  it('gives the collections as CSV and XLSX, linked from their list', async () => {
    const list = await hub.client().get('/library/collections');
    expect(list.text).toContain('href="/library/collections/export.csv"');
    const { rows } = await csvDownload(hub.client(), '/library/collections/export.csv');
    expect(rows).toContainEqual(
      expect.objectContaining({
        slug: 'legal-framework-creative-enterprises-lao-pdr',
        documents: '3',
        page: 'http://hub.test/library/collections/legal-framework-creative-enterprises-lao-pdr',
      }),
    );
    const sheet = await xlsxDownload(hub.client(), '/library/collections/export.xlsx');
    expect(sheet.name).toBe('Collections');
    expect(sheet.rowCount).toBe(rows.length + 1);
  });
});

describe('reporting', () => {
  it('links a published document to the report form, which files a report', async () => {
    await expectReportable(hub, {
      page: '/library/convention-2005',
      type: 'document',
      key: 'convention-2005',
      message: 'Wrong date.',
    });
  });

  it('finds an unpublished record for no one who may not see it', async () => {
    expect((await editor.get(`/library/${draft}`)).text).not.toContain('/report?type=document');
    const { client: member } = await hub.signedIn('member');
    for (const key of [draft, 'no-such-document', 'Not%20a%20slug'])
      await expectNotReportable(member, { type: 'document', key });
  });

  it('links a collection to the report form', async () => {
    const slug = 'legal-framework-creative-enterprises-lao-pdr';
    const page = await hub.client().get(`/library/collections/${slug}`);
    expect(page.text).toContain(reportLinkOf({ type: 'document-collection', key: slug }));
    const { client: reader } = await hub.signedIn('member');
    const form = await reader.get(reportFormOf({ type: 'document-collection', key: slug }));
    expect(visibleText(form.text)).toContain('Legal framework for creative enterprises in Lao PDR');
    await expectNotReportable(reader, { type: 'document-collection', key: 'nope' });
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
    expectFormRefused(res, [ONE_LINE, CONTROL_CHARACTER], ['value="Mekong Institute"']);
    expect(res.text).toMatch(/id="f-official_number-error">Write this on one line/);
    expect(
      await hub.deps.db.selectFrom('documents').select('id').where('title', 'like', 'Policy on%').execute(),
    ).toEqual([]);

    const api = await hub.client().request('/api/v1/document-collections', {
      method: 'POST',
      json: { title: 'Two\r\nlines', lang: 'en', documents: [] },
      headers: { authorization: `Bearer ${editorToken}` },
    });
    expectOneLineError(api, 'title');
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

describe('line breaks in a cell', () => {
  // Last in the file: they change seeded records.
  it('keep an issuer’s number stored on several lines in one cell of its document’s row', async () => {
    await storeText(hub, {
      table: 'documents',
      column: 'official_number',
      where: ['slug', 'convention-2005'],
    });
    const rows = await expectLineBreaksKept(hub.client(), '/library/export.csv', 'official_number');
    expect(rows.map((r) => r.slug)).toContain('convention-2005');
  });

  it('keep a collection’s title stored on several lines in one cell of its row', async () => {
    const slug = 'legal-framework-creative-enterprises-lao-pdr';
    await storeText(hub, { table: 'document_collections', column: 'title', where: ['slug', slug] });
    const rows = await expectLineBreaksKept(hub.client(), '/library/collections/export.csv', 'title');
    expect(rows.map((r) => r.slug)).toContain(slug);
  });
});
