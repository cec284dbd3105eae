// Demo documents and collections from seed/library/library.json (named in the source documents,
// described only with what those say). Runs after the directory's seed, so issuers can be linked
// to its organisations; written through the same store functions as the pages, so they are indexed
// like any other. Running it twice adds nothing twice.
import { z } from 'zod';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { createCollection, resolveDocuments } from './collections.ts';
import { collectionInputSchema, documentInputSchema, SLUG } from './schemas.ts';
import { createDocument, resolveReferences } from './store.ts';
import { RESERVED_SLUGS } from './vocab.ts';

const slug = z
  .string()
  .regex(SLUG)
  .refine((s) => !RESERVED_SLUGS.has(s));
const seedFile = z.object({
  documents: z.array(z.object({ slug }).passthrough()),
  collections: z.array(z.object({ slug }).passthrough()),
});

export async function seedLibrary({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const { documents, collections } = readSeedFile('library/library.json', seedFile);
  const existing = new Set((await db.selectFrom('documents').select('slug').execute()).map((d) => d.slug));
  const existingCollections = new Set(
    (await db.selectFrom('document_collections').select('slug').execute()).map((c) => c.slug),
  );
  await db.transaction().execute(async (trx) => {
    // In file order: a document that supersedes another comes after it.
    for (const entry of documents) {
      if (existing.has(entry.slug)) continue;
      const input = documentInputSchema.parse(entry);
      const { errors, ...refs } = await resolveReferences(trx, input);
      // An issuer missing from this hub's directory is kept as a name rather than failing the seed.
      if (errors.issuer) {
        input.issuer_name ??= input.issuer;
        input.issuer = null;
      }
      await createDocument(
        trx,
        input,
        { ...refs, issuerId: errors.issuer ? null : refs.issuerId },
        null,
        entry.slug,
      );
    }
    for (const entry of collections) {
      if (existingCollections.has(entry.slug)) continue;
      const input = collectionInputSchema.parse(entry);
      const { ids } = await resolveDocuments(trx, input.documents);
      await createCollection(trx, input, ids, null, entry.slug);
    }
  });
}
