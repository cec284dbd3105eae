// /api/v1/documents: the library through the API, with the page's filters, schema and actions (so
// the same permissions, validation and audit). The files of a document are api-files.ts, the
// collections api-collections.ts.
import { z } from '@hono/zod-openapi';
import { actionContext } from '../../platform/actions.ts';
import { apiRouter } from '../../platform/api.ts';
import { listFilters, pagedQuery, patchedInput, recordRoutes, slugParam } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { found } from '../../platform/http/errors.ts';
import { type DocumentDetails, getDocument, loadForChange, loadVisible } from './access.ts';
import { createDocument, deleteDocument, updateDocument } from './actions/documents.ts';
import { DocumentFileSchema, fileJson } from './api-files.ts';
import { listDocuments } from './listing.ts';
import { canDelete, canEdit } from './permissions.ts';
import { documentInput, documentObject, inputOf, libraryFilterSchema } from './schemas.ts';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './vocab.ts';

const DocumentSchema = z
  .object({
    slug: z.string(),
    url: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string(),
    lang: z.string(),
    summary: z.string().openapi({ description: 'Markdown' }),
    translations: z.array(
      z.object({
        lang: z.string(),
        title: z.string(),
        summary: z.string().openapi({ description: 'Markdown' }),
      }),
    ),
    officialNumber: z.string().nullable().openapi({ example: '1755/QĐ-TTg' }),
    issuer: z
      .object({ slug: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'The issuing organisation in the directory' }),
    issuerName: z.string().nullable().openapi({ description: 'The issuing body when not in the directory' }),
    places: z.array(z.string()).openapi({ description: 'ISO 3166-1 alpha-2 codes and region codes' }),
    languages: z
      .array(z.string())
      .openapi({ description: 'BCP 47 tags of the languages the document exists in' }),
    issuedOn: z.string().nullable().openapi({ example: '2016-09-08' }),
    inForceFrom: z.string().nullable(),
    inForceTo: z.string().nullable(),
    status: z.enum(DOCUMENT_STATUSES).nullable(),
    domains: z.array(z.string()),
    themes: z.array(z.string()),
    tags: z.array(z.string()),
    licence: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    supersedes: z.array(z.string()).openapi({ description: 'Slugs of the documents this one replaces' }),
    supersededBy: z.array(z.string()),
    languageVersionOf: z
      .string()
      .nullable()
      .openapi({ description: 'Slug of the record this one is the same document of, in another language' }),
    languageVersions: z
      .array(z.object({ slug: z.string(), lang: z.string(), title: z.string(), original: z.boolean() }))
      .openapi({ description: 'The same document in other languages (the original marked), both ways' }),
    files: z.array(DocumentFileSchema),
    published: z.boolean(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Document');

/** The body of POST: the form's own schema (PATCH takes any part of it). */
const DocumentInputDoc = documentInput.openapi('DocumentInput');

function toJson(doc: DocumentDetails, baseUrl: string): z.infer<typeof DocumentSchema> {
  return {
    slug: doc.slug,
    url: `${baseUrl}/library/${doc.slug}`,
    kind: doc.kind,
    title: doc.title,
    lang: doc.lang,
    summary: doc.summary,
    translations: doc.translations,
    officialNumber: doc.official_number,
    issuer: doc.issuer,
    issuerName: doc.issuer_name,
    places: doc.places,
    languages: doc.languages,
    issuedOn: doc.issued_on,
    inForceFrom: doc.in_force_from,
    inForceTo: doc.in_force_to,
    status: doc.status,
    domains: doc.domains,
    themes: doc.themes,
    tags: doc.tags,
    licence: doc.licence,
    sourceUrl: doc.source_url,
    supersedes: doc.supersedes.map((s) => s.slug),
    supersededBy: doc.supersededBy.map((s) => s.slug),
    languageVersionOf: doc.languageVersionOf?.slug ?? null,
    languageVersions: doc.languageVersions.map((l) => ({
      slug: l.slug,
      lang: l.lang,
      title: l.title,
      original: l.original,
    })),
    files: doc.files.map((f) => fileJson(doc.slug, f, baseUrl)),
    published: doc.published_at !== null,
    publishedAt: doc.published_at,
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
  };
}

const documents = recordRoutes({
  path: '/documents',
  tags: ['Library'],
  params: slugParam('decision-1755-qd-ttg'),
  record: DocumentSchema,
});
const routes = {
  list: documents.list('List documents, with the filters of the library page', {
    query: pagedQuery(
      listFilters(libraryFilterSchema, {
        q: null,
        kind: null,
        country: 'ISO 3166-1 alpha-2 or a region code',
        language: null,
        domain: null,
        year: 'Year of issue, e.g. 2016',
        issuer: 'Slug of the issuing organisation',
        status: null,
        theme: null,
        tag: null,
        sort: 'issued (default), title or added',
      }),
      20,
    ),
    response: 'A page of documents',
  }),
  read: documents.read('One document', { response: 'The document' }),
  create: documents.create('Add a document (the hub’s editors and admins)', {
    body: DocumentInputDoc,
    response: 'The new document',
  }),
  update: documents.update('Change a document (the hub’s editors and admins)', {
    body: documentObject.partial(),
    response: 'The changed document',
  }),
  delete: documents.delete('Delete a document (the hub’s editors and admins)'),
};

export function libraryApi(deps: AppDeps) {
  const { db, config } = deps;
  /** The document as the API answers it, read again after a write. */
  const fresh = async (slug: string, viewer: Parameters<typeof getDocument>[2]) =>
    toJson(found(await getDocument(db, slug, viewer)), config.baseUrl);
  return apiRouter()
    .openapi(routes.list, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = libraryFilterSchema.parse(query);
      const { docs, total } = await listDocuments(
        db,
        filter,
        c.var.auth?.user ?? null,
        { offset: (filter.page - 1) * pageSize, size: pageSize },
        c.var.locale,
      );
      return c.json({ total, page: filter.page, items: docs.map((d) => toJson(d, config.baseUrl)) }, 200);
    })
    .openapi(routes.read, async (c) => c.json(toJson(await loadVisible(c), config.baseUrl), 200))
    .openapi(routes.create, async (c) => {
      const ctx = actionContext(c);
      const created = await createDocument(ctx, c.req.valid('json'));
      return c.json(await fresh(created.slug, ctx.user), 201);
    })
    .openapi(routes.update, async (c) => {
      // 404 before 403: a member learns nothing about unpublished records.
      const { ctx, doc } = await loadForChange(c, canEdit);
      const input = await patchedInput(c, documentInput, inputOf(doc));
      await updateDocument(ctx, doc, input);
      return c.json(await fresh(doc.slug, ctx.user), 200);
    })
    .openapi(routes.delete, async (c) => {
      const { ctx, doc } = await loadForChange(c, canDelete);
      await deleteDocument(ctx, doc);
      return c.body(null, 204);
    });
}
