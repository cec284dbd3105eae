// Every write of a document, for the pages, the API and the seed alike: who may (permissions.ts),
// the references the input names (issuer, superseded documents, the original of a language
// version), checked before anything is written and refused all at once (HttpError.invalid), then
// in one transaction the record, its relations, the search entries, the filter counts' version
// and the audit entry (and, when a document becomes public, its followers' notifications), so a
// refused or failed save leaves nothing half-written.
import type { Kysely } from 'kysely';
import { replaceChildRows } from '../../../db/child-rows.ts';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { auditOf } from '../../../platform/record-audit.ts';
import { deleteIndexedRecord } from '../../../platform/record-deletion.ts';
import { slugFrom, uniqueSlug } from '../../../platform/slugs.ts';
import { nowIso } from '../../../platform/time.ts';
import { translationRows } from '../../../platform/translations.ts';
import { type Document, type DocumentDetails, issuerIdOf } from '../access.ts';
import { markLibraryChanged } from '../filter-counts.ts';
import { announceDocument } from '../notifications.ts';
import { canDelete, canEdit } from '../permissions.ts';
import type { DocumentInput } from '../schemas.ts';
import { reindexDocument } from '../search.ts';
import { RESERVED_SLUGS } from '../vocab.ts';
import { resolveOriginal, writeLanguageVersion } from './language-versions.ts';

type Db = Kysely<Database>;

/** What the input names, as ids. */
interface References {
  issuerId: number | null;
  supersededIds: number[];
  /** The record this one is a language version of. */
  originalId: number | null;
}

/**
 * The issuer and the superseded documents named by slug must exist; a document cannot supersede
 * itself, nor one that (through others) supersedes it; a document another one replaces stays
 * "superseded". The original of a language version must exist too (actions/language-versions.ts
 * has its rules). Every refusal at once, each next to its field.
 */
async function resolveReferences(
  db: Db,
  input: DocumentInput,
  self?: { id: number; slug: string },
): Promise<References> {
  const { originalId, errors: languageErrors } = await resolveOriginal(
    db,
    input.language_version_of,
    input.lang,
    self,
  );
  const errors: FieldErrors = { ...languageErrors };
  let issuerId: number | null = null;
  if (input.issuer) {
    issuerId = (await issuerIdOf(db, input.issuer)) ?? null;
    if (issuerId === null) errors.issuer = 'library.unknownIssuer';
  }
  const slugs = [...new Set(input.supersedes)];
  const supersededIds: number[] = [];
  if (slugs.length) {
    if (self && slugs.includes(self.slug)) errors.supersedes = 'library.supersedesItself';
    const found = await db
      .selectFrom('documents')
      .select(['id', 'slug'])
      .where('slug', 'in', slugs)
      .execute();
    if (!errors.supersedes && found.length !== slugs.length) errors.supersedes = 'library.unknownDocument';
    supersededIds.push(...found.map((d) => d.id));
    if (!errors.supersedes && self && (await reaches(db, supersededIds, self.id)))
      errors.supersedes = 'library.supersedesCycle';
  }
  if (self && input.status !== 'superseded') {
    const replaced = await db
      .selectFrom('document_supersedes')
      .select('document_id')
      .where('superseded_id', '=', self.id)
      .executeTakeFirst();
    if (replaced) errors.status = 'library.statusSuperseded';
  }
  if (Object.keys(errors).length) throw HttpError.invalid(errors);
  return { issuerId, supersededIds, originalId };
}

/** Whether `target` is among `from` or what they supersede, transitively (a cycle if linked). */
async function reaches(db: Db, from: number[], target: number): Promise<boolean> {
  const seen = new Set<number>();
  let frontier = from;
  while (frontier.length) {
    if (frontier.includes(target)) return true;
    for (const id of frontier) seen.add(id);
    const next = await db
      .selectFrom('document_supersedes')
      .select('superseded_id')
      .where('document_id', 'in', frontier)
      .execute();
    frontier = [...new Set(next.map((r) => r.superseded_id))].filter((id) => !seen.has(id));
  }
  return false;
}

function rowValues(input: DocumentInput, issuerId: number | null) {
  return {
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    lang: input.lang,
    official_number: input.official_number,
    issuer_organisation_id: issuerId,
    // A directory organisation wins over a typed name: one issuer per document.
    issuer_name: issuerId ? null : input.issuer_name,
    issued_on: input.issued_on,
    in_force_from: input.in_force_from,
    in_force_to: input.in_force_to,
    status: input.status,
    licence: input.licence,
    source_url: input.source_url,
  };
}

/** Translations, facets, supersedes links and the language version, replacing what there was. */
async function writeRelations(db: Db, documentId: number, input: DocumentInput, refs: References) {
  await writeLanguageVersion(db, documentId, refs.originalId);
  const translations = translationRows(input, (tr) => ({
    lang: tr.lang,
    title: tr.title ?? '',
    summary: tr.summary,
  }));
  await replaceChildRows(db, 'document_translations', 'document_id', documentId, translations);
  const facets = [
    ...input.places.map((value) => ({ facet: 'place' as const, value })),
    ...input.languages.map((value) => ({ facet: 'language' as const, value })),
    ...input.domains.map((value) => ({ facet: 'domain' as const, value })),
    ...input.themes.map((value) => ({ facet: 'theme' as const, value })),
    ...input.tags.map((value) => ({ facet: 'tag' as const, value })),
  ];
  const unique = [...new Map(facets.map((f) => [`${f.facet}:${f.value}`, f])).values()];
  await replaceChildRows(db, 'document_facets', 'document_id', documentId, unique);

  await db.deleteFrom('document_supersedes').where('document_id', '=', documentId).execute();
  const targets = [...new Set(refs.supersededIds)];
  if (targets.length) {
    await db
      .insertInto('document_supersedes')
      .values(targets.map((superseded_id) => ({ document_id: documentId, superseded_id })))
      .execute();
    // A document another one replaces is, by that fact, superseded: the two never disagree.
    await db
      .updateTable('documents')
      .set({ status: 'superseded', updated_at: nowIso() })
      .where('id', 'in', targets)
      .where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', 'superseded')]))
      .execute();
  }
}

/** A slug from the title, free in `table` and never a word that names a page of the library. */
export function freeSlug(
  db: Db,
  table: 'documents' | 'document_collections',
  title: string,
  fallback: string,
): Promise<string> {
  const taken = async (slug: string) =>
    !!(await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst());
  return uniqueSlug(slugFrom(title, fallback), taken, RESERVED_SLUGS);
}

/** The audit entry of a write to a document: `document.<what>`, in the write's transaction. */
export const auditDocument = auditOf('document');

/** The record's search entry and those of the documents it supersedes, and the counts' version. */
async function afterWrite(db: Db, documentId: number, refs: References): Promise<void> {
  await reindexDocument(db, documentId);
  for (const id of refs.supersededIds) await reindexDocument(db, id);
  await markLibraryChanged(db);
}

/** Adds a document (its slug from the title, or the seed's own). */
export async function createDocument(
  ctx: ActionContext,
  input: DocumentInput,
  options: { slug?: string } = {},
): Promise<Document> {
  const user = ensure(ctx, canEdit);
  return transact(ctx, async (trx) => {
    const refs = await resolveReferences(trx, input);
    const now = nowIso();
    const slug = options.slug ?? (await freeSlug(trx, 'documents', input.title, 'document'));
    const doc = await trx
      .insertInto('documents')
      .values({
        ...rowValues(input, refs.issuerId),
        slug,
        published_at: input.published ? now : null,
        created_by: user?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeRelations(trx, doc.id, input, refs);
    await afterWrite(trx, doc.id, refs);
    await auditDocument(trx, ctx, doc.id, 'created', {
      title: doc.title,
      published: doc.published_at !== null,
    });
    if (doc.published_at !== null) await announceDocument(trx, ctx, doc);
    return doc;
  });
}

/** Saves the document as `input` says (what PATCH leaves out is the record's own, see inputOf). */
export async function updateDocument(
  ctx: ActionContext,
  doc: DocumentDetails,
  input: DocumentInput,
): Promise<void> {
  ensure(ctx, canEdit);
  await transact(ctx, async (trx) => {
    const refs = await resolveReferences(trx, input, doc);
    const now = nowIso();
    await trx
      .updateTable('documents')
      .set({
        ...rowValues(input, refs.issuerId),
        // Publishing keeps the first publication date; unpublishing clears it.
        published_at: input.published ? (doc.published_at ?? now) : null,
        updated_at: now,
      })
      .where('id', '=', doc.id)
      .execute();
    await writeRelations(trx, doc.id, input, refs);
    await afterWrite(trx, doc.id, refs);
    await auditDocument(trx, ctx, doc.id, 'updated', { title: input.title });
    if (input.published && doc.published_at === null)
      await announceDocument(trx, ctx, { id: doc.id, slug: doc.slug, title: input.title });
  });
}

/** Publishes or withdraws a record; the search index and the filter counts follow. */
export async function setPublished(
  ctx: ActionContext,
  doc: DocumentDetails,
  published: boolean,
): Promise<void> {
  ensure(ctx, canEdit);
  await transact(ctx, async (trx) => {
    const now = nowIso();
    await trx
      .updateTable('documents')
      .set({ published_at: published ? now : null, updated_at: now })
      .where('id', '=', doc.id)
      .execute();
    await reindexDocument(trx, doc.id);
    await markLibraryChanged(trx);
    await auditDocument(trx, ctx, doc.id, published ? 'published' : 'unpublished');
    if (published && doc.published_at === null) await announceDocument(trx, ctx, doc);
  });
}

/** Deletes the record, its search entry and its place in collections. */
export async function deleteDocument(ctx: ActionContext, doc: DocumentDetails): Promise<void> {
  ensure(ctx, canDelete);
  await transact(ctx, async (trx) => {
    await auditDocument(trx, ctx, doc.id, 'deleted', { title: doc.title, slug: doc.slug });
    await deleteIndexedRecord(trx, 'documents', 'document', doc.id);
    await markLibraryChanged(trx);
  });
}
