// Reading the library's records: a document with everything around it (translations, places,
// languages, issuer, supersedes links, collections, files, language versions), a collection with
// its documents, and the loaders of the pages and the API that answer 401, 404 and 403 in the
// order that tells a stranger nothing about unpublished records.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { type ActionContext, actingUser, actionContext, ensure } from '../../platform/actions.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { type DocumentFile, filesOf } from './files.ts';
import { type LanguageVersionLink, languageVersionsOf } from './language-versions.ts';
import { canView, visibleTo } from './permissions.ts';
import type { DocumentCollectionsTable, DocumentsTable } from './tables.ts';
import { RESERVED_SLUGS } from './vocab.ts';

type Db = Kysely<Database>;
type C = Context<AppEnv>;
export type Document = Selectable<DocumentsTable>;
export type Collection = Selectable<DocumentCollectionsTable>;

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
export function issuerNameOf(doc: Pick<DocumentDetails, 'issuer' | 'issuer_name'>): string | null {
  return doc.issuer?.name ?? doc.issuer_name;
}

/** Rows grouped by a key once, so that a thousand documents cost what one does, per row. */
function grouped<T>(list: T[], key: (x: T) => number): (id: number) => T[] {
  const out = new Map<number, T[]>();
  for (const x of list) {
    const k = key(x);
    const bucket = out.get(k);
    if (bucket) bucket.push(x);
    else out.set(k, [x]);
  }
  return (id) => out.get(id) ?? [];
}

/** The documents one document replaces (`replaces`) or is replaced by, as the viewer may see them. */
function supersedesLinks(db: Db, ids: number[], viewer: User | null, direction: 'replaces' | 'replacedBy') {
  const [owner, other] =
    direction === 'replaces'
      ? (['document_supersedes.document_id', 'document_supersedes.superseded_id'] as const)
      : (['document_supersedes.superseded_id', 'document_supersedes.document_id'] as const);
  return db
    .selectFrom('document_supersedes')
    .innerJoin('documents', 'documents.id', other)
    .select([`${owner} as owner`, 'documents.slug', 'documents.title', 'documents.official_number'])
    .where(owner, 'in', ids)
    .where(visibleTo(viewer))
    .execute();
}

/** Many documents with everything around them, in the order of `ids`. */
export async function detailsOf(db: Db, ids: number[], viewer: User | null): Promise<DocumentDetails[]> {
  if (ids.length === 0) return [];
  const [rows, translations, facets, issuers, supersedes, supersededBy, collections, files, versions] =
    await Promise.all([
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
      supersedesLinks(db, ids, viewer, 'replaces'),
      supersedesLinks(db, ids, viewer, 'replacedBy'),
      db
        .selectFrom('document_collection_items')
        .innerJoin(
          'document_collections',
          'document_collections.id',
          'document_collection_items.collection_id',
        )
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
  const facetsOf = grouped(facets, (f) => f.document_id);
  const translationsOf = grouped(translations, (t) => t.document_id);
  const supersedesOf = grouped(supersedes, (l) => l.owner);
  const supersededByOf = grouped(supersededBy, (l) => l.owner);
  const collectionsOf = grouped(collections, (c) => c.document_id);
  const issuerOf = new Map(issuers.map((i) => [i.id, { slug: i.slug, name: i.name }]));
  const link = (l: DocumentLink): DocumentLink => ({
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
        languageVersionOf: versions.get(id)?.of ?? null,
        languageVersions: versions.get(id)?.others ?? [],
      },
    ];
  });
}

/** A document by its slug, with what `viewer` may see around it (not checked: see canView). */
export async function getDocument(
  db: Db,
  slug: string,
  viewer: User | null,
): Promise<DocumentDetails | undefined> {
  if (RESERVED_SLUGS.has(slug)) return undefined;
  const row = await db.selectFrom('documents').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  return (await detailsOf(db, [row.id], viewer))[0];
}

/** The document `viewer` may see by this slug, or undefined (also for an unpublished one). */
export async function findVisible(db: Db, slug: string, viewer: User | null) {
  const doc = await getDocument(db, slug, viewer);
  return doc && canView(viewer, doc) ? doc : undefined;
}

/** The document of the URL, or 404 (also for unpublished ones the reader may not see). */
export async function loadVisible(c: C, slug: string = c.req.param('slug') ?? ''): Promise<DocumentDetails> {
  const doc = await findVisible(c.var.deps.db, slug, c.var.auth?.user ?? null);
  if (!doc) throw new HttpError(404, 'error.404.message');
  return doc;
}

/**
 * The document of the URL for someone who would change it: signed in first (401, the login page),
 * then a record they may see (404), then `allowed` (403): a member learns nothing about
 * unpublished records.
 */
export async function loadForChange(
  c: C,
  allowed: (user: User) => boolean,
): Promise<{ ctx: ActionContext; doc: DocumentDetails }> {
  const ctx = actionContext(c);
  actingUser(ctx);
  const doc = await loadVisible(c);
  ensure(ctx, allowed);
  return { ctx, doc };
}

/** The id of the published directory organisation with this slug. */
export async function issuerIdOf(db: Db, slug: string): Promise<number | undefined> {
  const org = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return org?.id;
}

// ---- Collections ------------------------------------------------------------------------------

export interface CollectionWithDocuments {
  collection: Collection;
  /** The documents of it the reader may see, in order. */
  documents: DocumentDetails[];
  /** Every document's slug, in order (the editors' form). */
  allSlugs: string[];
}

export async function getCollection(
  db: Db,
  slug: string,
  viewer: User | null,
): Promise<CollectionWithDocuments | undefined> {
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
  const visible = items.filter((i) => canView(viewer, i)).map((i) => i.id);
  return {
    collection,
    documents: await detailsOf(db, visible, viewer),
    allSlugs: items.map((i) => i.slug),
  };
}

/** The collection of the URL, or 404. */
export async function loadCollection(c: C): Promise<CollectionWithDocuments> {
  const found = await getCollection(c.var.deps.db, c.req.param('slug') ?? '', c.var.auth?.user ?? null);
  if (!found) throw new HttpError(404, 'error.404.message');
  return found;
}
