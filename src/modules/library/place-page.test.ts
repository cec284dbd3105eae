// A selection by one place alone (a country's page, /library?country=LA) takes its own road
// (listing.ts, onePlacePage: the kept count, and the date index walked with a probe of each
// document's places): it must give the same documents, in the same order, with the same count, as
// reading the place's documents and sorting them, and follow every write. On both databases.
import { describe, expect, it } from 'vitest';
import { listDocuments } from './listing.ts';
import { createDocument, libraryHub } from './test-helpers.ts';

const {
  hub,
  editor: { client: editor },
} = await libraryHub();
const { db } = hub.deps;

/** The place's published documents, newest issued first (undated last), read and sorted here. */
async function expected(place: string): Promise<number[]> {
  const rows = await db
    .selectFrom('documents')
    .innerJoin('document_facets', 'document_facets.document_id', 'documents.id')
    .select(['documents.id', 'documents.issued_on', 'documents.created_at'])
    .where('document_facets.facet', '=', 'place')
    .where('document_facets.value', '=', place)
    .where('documents.published_at', 'is not', null)
    .execute();
  rows.sort(
    (a, b) =>
      (b.issued_on ?? '').localeCompare(a.issued_on ?? '') ||
      (a.issued_on === null ? 1 : 0) - (b.issued_on === null ? 1 : 0) ||
      String(b.created_at).localeCompare(String(a.created_at)) ||
      b.id - a.id,
  );
  return rows.map((r) => r.id);
}

const page = (country: string, offset: number, size: number) =>
  listDocuments(db, { country, page: 1 } as Parameters<typeof listDocuments>[1], null, { offset, size });

describe('the documents of one place', () => {
  it('are those of the place, newest first, counted right, before and after writes', async () => {
    await createDocument(editor, { title: 'Vientiane plan 2021', places: 'LA', issued_on: '2021-03-01' });
    await createDocument(editor, { title: 'Vientiane plan 2023', places: 'LA', issued_on: '2023-03-01' });
    await createDocument(editor, { title: 'Undated Lao note', places: 'LA', issued_on: '' });
    await createDocument(editor, { title: 'Hanoi decree', places: 'VN', issued_on: '2022-01-01' });
    for (const place of ['LA', 'VN', 'TH']) {
      const all = await expected(place);
      if (place === 'LA') expect(all.length).toBeGreaterThanOrEqual(3);
      const first = await page(place, 0, 3);
      expect(first.total).toBe(all.length);
      expect(first.docs.map((d) => d.id)).toEqual(all.slice(0, 3));
      expect((await page(place, 1, 50)).docs.map((d) => d.id)).toEqual(all.slice(1));
    }
    const before = (await page('LA', 0, 1)).total;
    await createDocument(editor, {
      title: 'Luang Prabang heritage rules',
      places: 'LA',
      issued_on: '2030-01-01',
    });
    const after = await page('LA', 0, 1);
    expect(after.total).toBe(before + 1);
    expect(after.docs[0]?.title).toBe('Luang Prabang heritage rules');
  });
});
