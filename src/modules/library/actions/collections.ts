// Every write of a curated collection ("Legal framework for creative enterprises in Lao PDR"), for
// the pages, the API and the seed: the editors' right, the documents it names (each must exist,
// else nothing is written), the collection and its ordered items, and the audit entry, in one
// transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { auditOf } from '../../../platform/record-audit.ts';
import { nowIso } from '../../../platform/time.ts';
import type { Collection } from '../access.ts';
import { canEdit } from '../permissions.ts';
import type { CollectionInput } from '../schemas.ts';
import { freeSlug } from './documents.ts';

type Db = Kysely<Database>;

/** The ids of the documents named by slug, in order; one that is not in the library is refused. */
async function documentIdsOf(db: Db, slugs: string[]): Promise<number[]> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const found = await db.selectFrom('documents').select(['id', 'slug']).where('slug', 'in', unique).execute();
  if (found.length !== unique.length) throw HttpError.invalid({ documents: 'library.unknownDocument' });
  const idOf = new Map(found.map((d) => [d.slug, d.id]));
  return unique.map((s) => idOf.get(s) ?? 0);
}

/** The audit entry of a write to a collection: `document_collection.<what>`. */
const auditCollection = auditOf('document_collection');

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

/** Adds a collection (its slug from the title, or the seed's own). */
export async function createCollection(
  ctx: ActionContext,
  input: CollectionInput,
  options: { slug?: string } = {},
): Promise<Collection> {
  const user = ensure(ctx, canEdit);
  return transact(ctx, async (trx) => {
    const ids = await documentIdsOf(trx, input.documents);
    const now = nowIso();
    const slug = options.slug ?? (await freeSlug(trx, 'document_collections', input.title, 'collection'));
    const collection = await trx
      .insertInto('document_collections')
      .values({
        slug,
        title: input.title,
        description: input.description,
        lang: input.lang,
        created_by: user?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeItems(trx, collection.id, ids);
    await auditCollection(trx, ctx, collection.id, 'created', { title: collection.title });
    return collection;
  });
}

/** Replaces the collection's title, language, description and documents. */
export async function updateCollection(
  ctx: ActionContext,
  collection: Collection,
  input: CollectionInput,
): Promise<void> {
  ensure(ctx, canEdit);
  await transact(ctx, async (trx) => {
    const ids = await documentIdsOf(trx, input.documents);
    await trx
      .updateTable('document_collections')
      .set({ title: input.title, description: input.description, lang: input.lang, updated_at: nowIso() })
      .where('id', '=', collection.id)
      .execute();
    await writeItems(trx, collection.id, ids);
    await auditCollection(trx, ctx, collection.id, 'updated', { title: input.title });
  });
}

/** Deletes the collection; its documents stay in the library. */
export async function deleteCollection(ctx: ActionContext, collection: Collection): Promise<void> {
  ensure(ctx, canEdit);
  await transact(ctx, async (trx) => {
    await auditCollection(trx, ctx, collection.id, 'deleted', { title: collection.title });
    await trx.deleteFrom('document_collections').where('id', '=', collection.id).execute();
  });
}
