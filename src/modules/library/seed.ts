// Demo documents and collections from seed/library/library.json (named in the source documents,
// described only with what those say). Runs after the directory's seed, so issuers can be linked
// to its organisations; written through the same schemas and actions as the pages, in one
// transaction, so they are validated and indexed like any other. Running it twice adds nothing
// twice.
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { SLUG } from '../../platform/http/fields.ts';
import { readSeedFile } from '../../seed.ts';
import { issuerIdOf } from './access.ts';
import { createCollection } from './actions/collections.ts';
import { createDocument } from './actions/documents.ts';
import { collectionInput, documentInput } from './schemas.ts';
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
    const ctx = { ...systemContext(deps, 'seed'), trx };
    // In file order: a document that supersedes another comes after it.
    for (const entry of documents) {
      if (existing.has(entry.slug)) continue;
      const input = documentInput.parse(entry);
      // An issuer missing from this hub's directory is kept as a name rather than failing the seed.
      if (input.issuer && (await issuerIdOf(trx, input.issuer)) === undefined) {
        input.issuer_name ??= input.issuer;
        input.issuer = null;
      }
      await createDocument(ctx, input, { slug: entry.slug });
    }
    for (const entry of collections) {
      if (existingCollections.has(entry.slug)) continue;
      await createCollection(ctx, collectionInput.parse(entry), { slug: entry.slug });
    }
  });
}
