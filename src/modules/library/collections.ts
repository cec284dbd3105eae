// Curated collections of documents ("Legal framework for creative enterprises in Lao PDR"): an
// ordered list chosen by editors. A reader sees only the documents of it they may see.
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { visibleTo } from './permissions.ts';
import type { CollectionInput } from './schemas.ts';
import { type DocumentDetails, detailsOf } from './store.ts';
import type { DocumentCollectionsTable } from './tables.ts';
import { RESERVED_SLUGS } from './vocab.ts';

type Db = Kysely<Database>;
export type Collection = Selectable<DocumentCollectionsTable>;

export interface CollectionSummary extends Collection {
  /** Documents of it the reader may see. */
  count: number;
}

export async function listCollections(db: Db, viewer: User | null): Promise<CollectionSummary[]> {
  const [collections, counts] = await Promise.all([
    db.selectFrom('document_collections').selectAll().orderBy('title').execute(),
    db
      .selectFrom('document_collection_items')
      .innerJoin('documents', 'documents.id', 'document_collection_items.document_id')
      .select(['document_collection_items.collection_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(visibleTo(viewer))
      .groupBy('document_collection_items.collection_id')
      .execute(),
  ]);
  const countOf = new Map(counts.map((r) => [r.collection_id, Number(r.n)]));
  return collections.map((c) => ({ ...c, count: countOf.get(c.id) ?? 0 }));
}

export async function getCollection(
  db: Db,
  slug: string,
  viewer: User | null,
): Promise<{ collection: Collection; documents: DocumentDetails[]; allSlugs: string[] } | undefined> {
  const collection = await db
    .selectFrom('document_collections')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!collection) return undefined;
  const items = await db
    .selectFrom('document_collection_items')
    .innerJoin('documents', 'documents.id', 'document_collection_items.document_id')
    .select(['documents.id', 'documents.slug', 'documents.published_at', 'documents.created_by'])
    .where('document_collection_items.collection_id', '=', collection.id)
    .orderBy('document_collection_items.position')
    .execute();
  const visibleIds = await db
    .selectFrom('documents')
    .select('id')
    .where('id', 'in', items.length ? items.map((i) => i.id) : [-1])
    .where(visibleTo(viewer))
    .execute();
  const ok = new Set(visibleIds.map((r) => r.id));
  const documents = await detailsOf(
    db,
    items.filter((i) => ok.has(i.id)).map((i) => i.id),
    viewer,
  );
  return { collection, documents, allSlugs: items.map((i) => i.slug) };
}

/** The collection's documents named by slug must all exist (editors choose them). */
export async function resolveDocuments(
  db: Db,
  slugs: string[],
): Promise<{ ids: number[]; error?: MessageKey }> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return { ids: [] };
  const found = await db.selectFrom('documents').select(['id', 'slug']).where('slug', 'in', unique).execute();
  const idOf = new Map(found.map((d) => [d.slug, d.id]));
  if (found.length !== unique.length) return { ids: [], error: 'library.unknownDocument' };
  return { ids: unique.map((s) => idOf.get(s) ?? 0) };
}

export async function uniqueCollectionSlug(db: Db, title: string): Promise<string> {
  const base =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'collection';
  let slug = RESERVED_SLUGS.has(base) ? `${base}-2` : base;
  for (let n = 2; ; n++) {
    const taken = await db
      .selectFrom('document_collections')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!taken) return slug;
    slug = `${base}-${n}`;
  }
}

async function writeItems(db: Db, collectionId: number, documentIds: number[]) {
  await db.deleteFrom('document_collection_items').where('collection_id', '=', collectionId).execute();
  if (documentIds.length)
    await db
      .insertInto('document_collection_items')
      .values(
        documentIds.map((document_id, position) => ({ collection_id: collectionId, document_id, position })),
      )
      .execute();
}

export async function createCollection(
  db: Db,
  input: CollectionInput,
  documentIds: number[],
  actor: User | null,
  slug?: string,
): Promise<Collection> {
  const now = new Date().toISOString();
  const collection = await db
    .insertInto('document_collections')
    .values({
      slug: slug ?? (await uniqueCollectionSlug(db, input.title)),
      title: input.title,
      description: input.description,
      lang: input.lang,
      created_by: actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeItems(db, collection.id, documentIds);
  return collection;
}

export async function updateCollection(
  db: Db,
  collection: Collection,
  input: CollectionInput,
  documentIds: number[],
): Promise<void> {
  await db
    .updateTable('document_collections')
    .set({
      title: input.title,
      description: input.description,
      lang: input.lang,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', collection.id)
    .execute();
  await writeItems(db, collection.id, documentIds);
}

export async function deleteCollection(db: Db, collectionId: number): Promise<void> {
  await db.deleteFrom('document_collections').where('id', '=', collectionId).execute();
}
