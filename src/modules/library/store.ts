// Queries of the library: documents with everything around them (translations, places, languages,
// issuer, supersedes links, collections), the filtered selection, and the writes — which update the
// search index in the same transaction.
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { indexRecord, removeRecord, type SearchableRecord } from '../../search/index.ts';
import { currentFileTexts, type DocumentFile, filesOf } from './files.ts';
import { markLibraryChanged } from './filter-counts.ts';
import {
  type LanguageVersionErrors,
  type LanguageVersionLink,
  languageVersionsOf,
  resolveOriginal,
  writeLanguageVersion,
} from './language-versions.ts';
import { visibleTo } from './permissions.ts';
import type { DocumentInput, LibraryFilter } from './schemas.ts';
import { fileSearchText } from './search-text.ts';
import type { DocumentsTable } from './tables.ts';
import { RESERVED_SLUGS } from './vocab.ts';

type Db = Kysely<Database>;
export type Document = Selectable<DocumentsTable>;

export interface DocumentTranslation {
  lang: string;
  title: string;
  summary: string;
}
export interface DocumentLink {
  slug: string;
  title: string;
  official_number: string | null;
}

export interface DocumentDetails extends Document {
  places: string[];
  languages: string[];
  domains: string[];
  themes: string[];
  tags: string[];
  translations: DocumentTranslation[];
  issuer: { slug: string; name: string } | null;
  /** Documents this one replaces, and the ones that replace it (only those the reader may see). */
  supersedes: DocumentLink[];
  supersededBy: DocumentLink[];
  collections: { slug: string; title: string }[];
  /** The files with their versions, newest version first (see files.ts). */
  files: DocumentFile[];
  /** The original, when this record is a language version of another (language-versions.ts). */
  languageVersionOf: LanguageVersionLink | null;
  /** The same document in other languages, the original first (only those the reader may see). */
  languageVersions: LanguageVersionLink[];
}

/** The issuing body's name: the directory's organisation, or the free text. */
export function issuerNameOf(doc: DocumentDetails): string | null {
  return doc.issuer?.name ?? doc.issuer_name;
}

/** Many documents with everything around them, in the order of `ids`. */
export async function detailsOf(db: Db, ids: number[], viewer: User | null): Promise<DocumentDetails[]> {
  if (ids.length === 0) return [];
  const [
    rows,
    translations,
    facets,
    issuers,
    supersedes,
    supersededBy,
    collections,
    files,
    languageVersions,
  ] = await Promise.all([
    db.selectFrom('documents').selectAll().where('id', 'in', ids).execute(),
    db
      .selectFrom('document_translations')
      .selectAll()
      .where('document_id', 'in', ids)
      .orderBy('lang')
      .execute(),
    db
      .selectFrom('document_facets')
      .selectAll()
      .where('document_id', 'in', ids)
      .orderBy('facet')
      .orderBy('value')
      .execute(),
    db
      .selectFrom('documents')
      .innerJoin('organisations', 'organisations.id', 'documents.issuer_organisation_id')
      .select(['documents.id', 'organisations.slug', 'organisations.name'])
      .where('documents.id', 'in', ids)
      .execute(),
    db
      .selectFrom('document_supersedes')
      .innerJoin('documents', 'documents.id', 'document_supersedes.superseded_id')
      .select([
        'document_supersedes.document_id as owner',
        'documents.slug',
        'documents.title',
        'documents.official_number',
      ])
      .where('document_supersedes.document_id', 'in', ids)
      .where(visibleTo(viewer))
      .execute(),
    db
      .selectFrom('document_supersedes')
      .innerJoin('documents', 'documents.id', 'document_supersedes.document_id')
      .select([
        'document_supersedes.superseded_id as owner',
        'documents.slug',
        'documents.title',
        'documents.official_number',
      ])
      .where('document_supersedes.superseded_id', 'in', ids)
      .where(visibleTo(viewer))
      .execute(),
    db
      .selectFrom('document_collection_items')
      .innerJoin('document_collections', 'document_collections.id', 'document_collection_items.collection_id')
      .select([
        'document_collection_items.document_id',
        'document_collections.slug',
        'document_collections.title',
      ])
      .where('document_collection_items.document_id', 'in', ids)
      .orderBy('document_collections.title')
      .execute(),
    filesOf(db, ids),
    languageVersionsOf(db, ids, viewer),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Rows grouped by document once: an export of a thousand documents stays linear.
  const group = <T>(list: T[], key: (x: T) => number) => {
    const out = new Map<number, T[]>();
    for (const x of list) {
      const k = key(x);
      const bucket = out.get(k);
      if (bucket) bucket.push(x);
      else out.set(k, [x]);
    }
    return (id: number) => out.get(id) ?? [];
  };
  const facetsOf = group(facets, (f) => f.document_id);
  const translationsOf = group(translations, (t) => t.document_id);
  const supersedesOf = group(supersedes, (l) => l.owner);
  const supersededByOf = group(supersededBy, (l) => l.owner);
  const collectionsOf = group(collections, (c) => c.document_id);
  const issuerOf = new Map(issuers.map((i) => [i.id, { slug: i.slug, name: i.name }]));
  const link = (l: { slug: string; title: string; official_number: string | null }): DocumentLink => ({
    slug: l.slug,
    title: l.title,
    official_number: l.official_number,
  });
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const facet = (name: string) => facetsOf(id).flatMap((f) => (f.facet === name ? [f.value] : []));
    return [
      {
        ...row,
        places: facet('place'),
        languages: facet('language'),
        domains: facet('domain'),
        themes: facet('theme'),
        tags: facet('tag'),
        translations: translationsOf(id).map((t) => ({ lang: t.lang, title: t.title, summary: t.summary })),
        issuer: issuerOf.get(id) ?? null,
        supersedes: supersedesOf(id).map(link),
        supersededBy: supersededByOf(id).map(link),
        collections: collectionsOf(id).map((c) => ({ slug: c.slug, title: c.title })),
        files: files.get(id) ?? [],
        languageVersionOf: languageVersions.get(id)?.of ?? null,
        languageVersions: languageVersions.get(id)?.others ?? [],
      },
    ];
  });
}

export async function getDocument(
  db: Db,
  slug: string,
  viewer: User | null,
): Promise<DocumentDetails | undefined> {
  const row = await db.selectFrom('documents').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  return (await detailsOf(db, [row.id], viewer))[0];
}

/** A URL name from the title, unique among documents and never a reserved word. */
export async function uniqueSlug(db: Db, title: string): Promise<string> {
  const base =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'document';
  let slug = RESERVED_SLUGS.has(base) ? `${base}-2` : base;
  for (let n = 2; ; n++) {
    const taken = await db.selectFrom('documents').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!taken && !RESERVED_SLUGS.has(slug)) return slug;
    slug = `${base}-${n}`;
  }
}

export type ReferenceErrors = Partial<Record<'issuer' | 'supersedes' | 'status', MessageKey>> &
  LanguageVersionErrors;

/**
 * The issuer and the superseded documents named by slug must exist; a document cannot supersede
 * itself, nor one that (through others) supersedes it. The original of a language version must
 * exist too (language-versions.ts has its rules).
 */
export async function resolveReferences(
  db: Db,
  input: DocumentInput,
  self?: { id: number; slug: string },
): Promise<{
  issuerId: number | null;
  supersededIds: number[];
  originalId: number | null;
  errors: ReferenceErrors;
}> {
  const { originalId, errors: languageErrors } = await resolveOriginal(
    db,
    input.language_version_of,
    input.lang,
    self,
  );
  const errors: ReferenceErrors = { ...languageErrors };
  let issuerId: number | null = null;
  if (input.issuer) {
    const org = await db
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', input.issuer)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (org) issuerId = org.id;
    else errors.issuer = 'library.unknownIssuer';
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
  // A document another one replaces stays "superseded": the status and the links never disagree.
  if (self && input.status !== 'superseded') {
    const replaced = await db
      .selectFrom('document_supersedes')
      .select('document_id')
      .where('superseded_id', '=', self.id)
      .executeTakeFirst();
    if (replaced) errors.status = 'library.statusSuperseded';
  }
  return { issuerId, supersededIds, originalId, errors };
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
    official_number: input.official_number ?? null,
    issuer_organisation_id: issuerId,
    // A directory organisation wins over a typed name: one issuer per document.
    issuer_name: issuerId ? null : (input.issuer_name ?? null),
    issued_on: input.issued_on ?? null,
    in_force_from: input.in_force_from ?? null,
    in_force_to: input.in_force_to ?? null,
    status: input.status ?? null,
    licence: input.licence ?? null,
    source_url: input.source_url ?? null,
  };
}

async function writeRelations(db: Db, documentId: number, input: DocumentInput, refs: DocumentRefs) {
  const { supersededIds } = refs;
  await writeLanguageVersion(db, documentId, refs.originalId);
  await db.deleteFrom('document_translations').where('document_id', '=', documentId).execute();
  const translations = new Map<string, DocumentTranslation>();
  for (const tr of input.translations) {
    if (tr.lang === input.lang || translations.has(tr.lang)) continue;
    translations.set(tr.lang, { lang: tr.lang, title: tr.title ?? '', summary: tr.summary });
  }
  if (translations.size)
    await db
      .insertInto('document_translations')
      .values([...translations.values()].map((tr) => ({ document_id: documentId, ...tr })))
      .execute();

  await db.deleteFrom('document_facets').where('document_id', '=', documentId).execute();
  const facets = [
    ...input.places.map((value) => ({ facet: 'place' as const, value })),
    ...input.languages.map((value) => ({ facet: 'language' as const, value })),
    ...input.domains.map((value) => ({ facet: 'domain' as const, value })),
    ...input.themes.map((value) => ({ facet: 'theme' as const, value })),
    ...input.tags.map((value) => ({ facet: 'tag' as const, value })),
  ];
  const unique = [...new Map(facets.map((f) => [`${f.facet}:${f.value}`, f])).values()];
  if (unique.length)
    await db
      .insertInto('document_facets')
      .values(unique.map((f) => ({ document_id: documentId, ...f })))
      .execute();

  await db.deleteFrom('document_supersedes').where('document_id', '=', documentId).execute();
  const targets = [...new Set(supersededIds)];
  if (targets.length) {
    await db
      .insertInto('document_supersedes')
      .values(targets.map((superseded_id) => ({ document_id: documentId, superseded_id })))
      .execute();
    // A document another one replaces is, by that fact, superseded: the two never disagree.
    await db
      .updateTable('documents')
      .set({ status: 'superseded', updated_at: new Date().toISOString() })
      .where('id', 'in', targets)
      .where((eb) => eb.or([eb('status', 'is', null), eb('status', '!=', 'superseded')]))
      .execute();
  }
}

/**
 * What the search index holds for a document: the one place its search record is built. The
 * extracted texts of its files' current versions come in as `fileTexts` and are searched with the
 * record's own text (after it, so the summary always fits in the index's share of a record; long
 * files as search-text.ts tells).
 */
export function searchRecordOf(doc: DocumentDetails, fileTexts: string[] = []): SearchableRecord {
  return {
    type: 'document',
    recordId: doc.id,
    lang: doc.lang,
    title: [doc.title, doc.official_number, ...doc.translations.map((t) => t.title)]
      .filter(Boolean)
      .join(' · '),
    body: [
      doc.summary,
      ...doc.translations.map((t) => t.summary),
      issuerNameOf(doc),
      ...doc.themes,
      ...doc.tags,
      ...fileSearchText(fileTexts),
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/library/${doc.slug}`,
    // The index filters by one country: the first one the document applies to.
    country: doc.places.find((p) => /^[A-Z]{2}$/.test(p)) ?? null,
    // Unpublished records are private: only editors, admins and their creator (owner) find them.
    visibility: doc.published_at ? 'public' : 'private',
    ownerId: doc.created_by,
    updatedAt: doc.updated_at,
  };
}

/**
 * Rewrites the document's search entry (call inside the transaction that changed it). The texts of
 * its files are read from the database unless given.
 */
export async function reindexDocument(db: Db, documentId: number, fileTexts?: string[]): Promise<void> {
  const [doc] = await detailsOf(db, [documentId], null);
  const texts = fileTexts ?? (await currentFileTexts(db, [documentId])).get(documentId) ?? [];
  if (doc) await indexRecord(db, searchRecordOf(doc, texts));
}

export interface DocumentRefs {
  issuerId: number | null;
  supersededIds: number[];
  /** The record this one is a language version of. */
  originalId: number | null;
}

export async function createDocument(
  db: Db,
  input: DocumentInput,
  refs: DocumentRefs,
  actor: User | null,
  slug?: string,
): Promise<Document> {
  const now = new Date().toISOString();
  const doc = await db
    .insertInto('documents')
    .values({
      ...rowValues(input, refs.issuerId),
      slug: slug ?? (await uniqueSlug(db, input.title)),
      published_at: input.published ? now : null,
      created_by: actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeRelations(db, doc.id, input, refs);
  await reindexDocument(db, doc.id);
  for (const id of refs.supersededIds) await reindexDocument(db, id);
  await markLibraryChanged(db);
  return doc;
}

export async function updateDocument(
  db: Db,
  doc: Document,
  input: DocumentInput,
  refs: DocumentRefs,
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('documents')
    .set({
      ...rowValues(input, refs.issuerId),
      // Publishing keeps the first publication date; unpublishing clears it.
      published_at: input.published ? (doc.published_at ?? now) : null,
      updated_at: now,
    })
    .where('id', '=', doc.id)
    .execute();
  await writeRelations(db, doc.id, input, refs);
  await reindexDocument(db, doc.id);
  for (const id of refs.supersededIds) await reindexDocument(db, id);
  await markLibraryChanged(db);
}

/** Publishes or withdraws a record; the search index follows. */
export async function setPublished(db: Db, documentId: number, published: boolean): Promise<void> {
  const now = new Date().toISOString();
  await db
    .updateTable('documents')
    .set({ published_at: published ? now : null, updated_at: now })
    .where('id', '=', documentId)
    .execute();
  await reindexDocument(db, documentId);
  await markLibraryChanged(db);
}

export async function deleteDocument(db: Db, documentId: number): Promise<void> {
  await removeRecord(db, 'document', documentId);
  await db.deleteFrom('documents').where('id', '=', documentId).execute();
  await markLibraryChanged(db);
}

// ---- The list -------------------------------------------------------------------------------

/** The documents a filter selects, as the viewer may see them. */
export function selection(db: Db, filter: LibraryFilter, viewer: User | null, onlyIds?: number[]) {
  let q = db.selectFrom('documents').where(visibleTo(viewer));
  if (filter.kind) q = q.where('documents.kind', '=', filter.kind);
  if (filter.status) q = q.where('documents.status', '=', filter.status);
  if (filter.year) q = q.where('documents.issued_on', 'like', `${filter.year}-%`);
  if (filter.issuer) {
    const issuer = filter.issuer;
    q = q.where('documents.issuer_organisation_id', 'in', (eb) =>
      eb.selectFrom('organisations').select('id').where('slug', '=', issuer),
    );
  }
  const facets: [string, string | undefined][] = [
    ['place', filter.country],
    ['language', filter.language],
    ['domain', filter.domain],
    ['theme', filter.theme],
    ['tag', filter.tag],
  ];
  for (const [facet, value] of facets) {
    if (!value) continue;
    q = q.where('documents.id', 'in', (eb) =>
      eb
        .selectFrom('document_facets')
        .select('document_id')
        .where('facet', '=', facet as 'place')
        .where('value', '=', value),
    );
  }
  if (onlyIds) q = q.where('documents.id', 'in', onlyIds.length ? onlyIds : [-1]);
  return q;
}

/** Beyond this many documents a title sort would cost more than a page may: it stops there. */
const TITLE_SORT_LIMIT = 20_000;

/** The selection's ids in the chosen order: newest issued first (undated last), title, or added. */
export async function orderedIds(
  db: Db,
  filter: LibraryFilter,
  viewer: User | null,
  page: { offset: number; size: number },
  onlyIds?: number[],
  locale = 'en',
): Promise<{ ids: number[]; total: number }> {
  const base = selection(db, filter, viewer, onlyIds);
  const sort = filter.sort ?? 'issued';
  if (sort === 'title') {
    // Titles follow the reader's collation (Intl.Collator), which no database collation matches
    // for every script; a library holds thousands of records, not millions, so the selection's
    // titles are sorted here.
    const rows = await base.select(['documents.id', 'documents.title']).limit(TITLE_SORT_LIMIT).execute();
    const collator = new Intl.Collator(locale, { numeric: true });
    rows.sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id);
    return { ids: rows.slice(page.offset, page.offset + page.size).map((r) => r.id), total: rows.length };
  }
  let q = base.select('documents.id');
  if (sort === 'added') q = q.orderBy('documents.created_at', 'desc').orderBy('documents.id', 'desc');
  else
    q = q
      // Undated last. NULLS LAST (standard SQL, on both databases) rather than a CASE first: SQLite
      // then walks documents_issued_on_idx and stops after a page instead of sorting the library.
      .orderBy('documents.issued_on', (ob) => ob.desc().nullsLast())
      .orderBy('documents.created_at', 'desc')
      .orderBy('documents.id', 'desc');
  const [rows, count] = await Promise.all([
    q.limit(page.size).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/** Every document as a search record with its files' texts, for `hub search reindex`. */
export async function* allSearchRecords(db: Db): AsyncIterable<SearchableRecord> {
  let after = 0;
  for (;;) {
    const ids = await db
      .selectFrom('documents')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(200)
      .execute();
    if (ids.length === 0) return;
    const batch = ids.map((r) => r.id);
    const [docs, texts] = await Promise.all([detailsOf(db, batch, null), currentFileTexts(db, batch)]);
    for (const doc of docs) yield searchRecordOf(doc, texts.get(doc.id) ?? []);
    after = ids.at(-1)!.id;
  }
}
