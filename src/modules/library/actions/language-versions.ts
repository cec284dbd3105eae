// The rules of linking a record to its original as a language version (see language-versions.ts
// for what a group is), checked before anything is written, and the link itself, written in the
// transaction of the document's action (actions/documents.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { MessageKey } from '../../../platform/i18n.ts';

type Db = Kysely<Database>;

export type LanguageVersionErrors = Partial<Record<'language_version_of' | 'lang', MessageKey>>;

/**
 * The original a record is to be a language version of, from the slug typed on the form. A slug
 * naming a language version means its original (one level, always). Refused: an unknown record,
 * the record itself or one of its own versions, a record that has versions of its own (they would
 * be two levels deep), and a language the group already has.
 */
export async function resolveOriginal(
  db: Db,
  slug: string | null | undefined,
  lang: string,
  self?: { id: number },
): Promise<{ originalId: number | null; errors: LanguageVersionErrors }> {
  const ownVersions = self
    ? await db
        .selectFrom('document_language_versions')
        .innerJoin('documents', 'documents.id', 'document_language_versions.document_id')
        .select('documents.lang')
        .where('document_language_versions.original_id', '=', self.id)
        .execute()
    : [];
  if (!slug) {
    // An original keeps one record per language: its own language may not become a version's.
    return {
      originalId: null,
      errors: ownVersions.some((v) => v.lang === lang) ? { lang: 'library.languageVersionSameLanguage' } : {},
    };
  }
  const target = await db
    .selectFrom('documents')
    .leftJoin('document_language_versions', 'document_language_versions.document_id', 'documents.id')
    .select(['documents.id', 'document_language_versions.original_id'])
    .where('documents.slug', '=', slug)
    .executeTakeFirst();
  if (!target) return { originalId: null, errors: { language_version_of: 'library.unknownDocument' } };
  const originalId = target.original_id ?? target.id;
  if (self && (target.id === self.id || originalId === self.id))
    return { originalId: null, errors: { language_version_of: 'library.languageVersionOfItself' } };
  if (ownVersions.length > 0)
    return { originalId: null, errors: { language_version_of: 'library.languageVersionHasVersions' } };
  const taken = await db
    .selectFrom('documents')
    .select('documents.id')
    .where('documents.lang', '=', lang)
    .where((eb) =>
      eb.or([
        eb('documents.id', '=', originalId),
        eb(
          'documents.id',
          'in',
          eb
            .selectFrom('document_language_versions')
            .select('document_id')
            .where('original_id', '=', originalId),
        ),
      ]),
    )
    .where('documents.id', '!=', self?.id ?? -1)
    .executeTakeFirst();
  if (taken)
    return { originalId: null, errors: { language_version_of: 'library.languageVersionSameLanguage' } };
  return { originalId, errors: {} };
}

/** Links the record to its original (or to none), in the caller's transaction. */
export async function writeLanguageVersion(db: Db, documentId: number, originalId: number | null) {
  await db.deleteFrom('document_language_versions').where('document_id', '=', documentId).execute();
  if (originalId !== null)
    await db
      .insertInto('document_language_versions')
      .values({ document_id: documentId, original_id: originalId })
      .execute();
}
