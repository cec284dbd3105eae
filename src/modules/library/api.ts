// /api/v1/documents: the library through the API, with the same filters, permissions and
// validation as the pages (same schemas, same permissions.ts, same store).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiRouter, problems, requireJson, requireSignedIn, signedIn } from '../../platform/api.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import { DOMAINS } from '../../platform/vocabularies.ts';
import { loadVisible } from './access.ts';
import { DocumentFileSchema, fileJson } from './files-api.ts';
import { listDocuments } from './listing.ts';
import { canDelete, requireEditor } from './permissions.ts';
import { type DocumentInput, documentInputSchema, libraryFilterSchema, MAX_TRANSLATIONS } from './schemas.ts';
import {
  createDocument,
  type DocumentDetails,
  deleteDocument,
  getDocument,
  resolveReferences,
  updateDocument,
} from './store.ts';
import { formValuesOf } from './views-form.tsx';
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

/**
 * The body of POST and PATCH as documented. It only checks types: the rules (lengths, dates, known
 * codes) are documentInputSchema's, the same as the form's, with the same messages.
 */
const DocumentInputDoc = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string().openapi({ description: 'At most 400 characters' }),
    lang: z.string().openapi({ example: 'vi', description: 'BCP 47 language of title and summary' }),
    summary: z.string().optional().openapi({ description: 'Markdown, at most 20 000 characters' }),
    official_number: z.string().nullable().optional(),
    issuer: z.string().nullable().optional().openapi({ description: 'Slug of a directory organisation' }),
    issuer_name: z.string().nullable().optional(),
    places: z.array(z.string()).optional().openapi({
      description: 'ISO 3166-1 alpha-2 or world, asia_pacific, southeast_asia, asean, mekong, northeast_asia',
    }),
    languages: z.array(z.string()).optional(),
    issued_on: z.string().nullable().optional().openapi({ description: 'YYYY-MM-DD' }),
    in_force_from: z.string().nullable().optional().openapi({ description: 'YYYY-MM-DD' }),
    in_force_to: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'YYYY-MM-DD, not before in_force_from' }),
    status: z.enum(DOCUMENT_STATUSES).nullable().optional(),
    domains: z.array(z.enum(DOMAINS)).optional(),
    themes: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    licence: z.string().nullable().optional(),
    source_url: z.string().nullable().optional().openapi({ description: 'http(s) URL' }),
    supersedes: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Slugs of the documents this one replaces' }),
    language_version_of: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'Slug of the record this one is a language version of (its original)' }),
    published: z
      .boolean()
      .optional()
      .openapi({ description: 'Public when true; otherwise seen by editors only' }),
    translations: z
      .array(
        z.object({
          lang: z.string(),
          title: z.string().nullable().optional(),
          summary: z.string().optional(),
        }),
      )
      .optional()
      .openapi({
        description: `Title and summary in other languages, one per language, at most ${MAX_TRANSLATIONS}. Replaces all translations; omitted on PATCH, they stay.`,
      }),
  })
  .openapi('DocumentInput');

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

const slugParam = z.object({ slug: z.string().max(120).openapi({ example: 'decision-1755-qd-ttg' }) });
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const listRoute = createRoute({
  method: 'get',
  path: '/documents',
  tags: ['Library'],
  summary: 'List documents, with the filters of the library page',
  request: {
    query: z.object({
      q: z.string().optional(),
      kind: z.string().optional(),
      country: z.string().optional().openapi({ description: 'ISO 3166-1 alpha-2 or a region code' }),
      language: z.string().optional(),
      domain: z.string().optional(),
      year: z.string().optional().openapi({ description: 'Year of issue, e.g. 2016' }),
      issuer: z.string().optional().openapi({ description: 'Slug of the issuing organisation' }),
      status: z.string().optional(),
      theme: z.string().optional(),
      tag: z.string().optional(),
      sort: z.string().optional().openapi({ description: 'issued (default), title or added' }),
      page: z.string().optional(),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: json(
      z.object({ total: z.number().int(), page: z.number().int(), items: z.array(DocumentSchema) }),
      'A page of documents',
    ),
    422: problems[422],
  },
});
const readRoute = createRoute({
  method: 'get',
  path: '/documents/{slug}',
  tags: ['Library'],
  summary: 'One document',
  request: { params: slugParam },
  responses: { 200: json(DocumentSchema, 'The document'), 404: problems[404] },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/documents',
  tags: ['Library'],
  summary: 'Add a document (the hub’s editors and admins)',
  security: signedIn,
  middleware: [requireSignedIn, requireJson] as const,
  request: { body: { required: true, content: { 'application/json': { schema: DocumentInputDoc } } } },
  responses: {
    201: json(DocumentSchema, 'The new document'),
    401: problems[401],
    403: problems[403],
    415: problems[415],
    422: problems[422],
  },
});
const updateRoute = createRoute({
  method: 'patch',
  path: '/documents/{slug}',
  tags: ['Library'],
  summary: 'Change a document (the hub’s editors and admins)',
  security: signedIn,
  middleware: [requireSignedIn, requireJson] as const,
  request: {
    params: slugParam,
    body: { required: true, content: { 'application/json': { schema: DocumentInputDoc.partial() } } },
  },
  responses: {
    200: json(DocumentSchema, 'The changed document'),
    401: problems[401],
    403: problems[403],
    404: problems[404],
    415: problems[415],
    422: problems[422],
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/documents/{slug}',
  tags: ['Library'],
  summary: 'Delete a document (the hub’s editors and admins)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { params: slugParam },
  responses: { 204: { description: 'Deleted' }, 401: problems[401], 403: problems[403], 404: problems[404] },
});

/** Validates an API body with the form's schema, answering 422 with a message per field. */
function validInput(body: unknown): DocumentInput {
  const parsed = documentInputSchema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(422, 'error.422.message', undefined, undefined, fieldErrors(parsed.error.issues));
  return parsed.data;
}

async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => null);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(422, 'error.422.message', undefined, undefined, { _form: 'form.invalid' });
  return body as Record<string, unknown>;
}

export function libraryApi(deps: AppDeps) {
  const { db, config } = deps;
  const refs = async (input: DocumentInput, self?: DocumentDetails) => {
    const { errors, ...resolved } = await resolveReferences(db, input, self);
    if (Object.keys(errors).length)
      throw new HttpError(422, 'error.422.message', undefined, undefined, errors);
    return resolved;
  };
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = libraryFilterSchema.parse(query);
      const { docs, total } = await listDocuments(
        db,
        filter,
        c.var.auth?.user ?? null,
        {
          offset: (filter.page - 1) * pageSize,
          size: pageSize,
        },
        c.var.locale,
      );
      return c.json({ total, page: filter.page, items: docs.map((d) => toJson(d, config.baseUrl)) }, 200);
    })
    .openapi(readRoute, async (c) => {
      const doc = await loadVisible(c, c.req.valid('param').slug);
      return c.json(toJson(doc, config.baseUrl), 200);
    })
    .openapi(createRouteDef, async (c) => {
      const user = requireEditor(c);
      const input = validInput(await jsonBody(c));
      const resolved = await refs(input);
      const created = await db.transaction().execute(async (trx) => {
        const doc = await createDocument(trx, input, resolved, user);
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'document.created',
          subjectType: 'document',
          subjectId: doc.id,
          details: { title: doc.title, via: 'api' },
        });
        return doc;
      });
      const doc = await getDocument(db, created.slug, user);
      return c.json(toJson(doc!, config.baseUrl), 201);
    })
    .openapi(updateRoute, async (c) => {
      const doc = await loadVisible(c, c.req.valid('param').slug);
      const user = requireEditor(c);
      // PATCH: what is not sent stays as it is.
      const input = validInput({ ...formValuesOf(doc), ...(await jsonBody(c)) });
      const resolved = await refs(input, doc);
      await db.transaction().execute(async (trx) => {
        await updateDocument(trx, doc, input, resolved);
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'document.updated',
          subjectType: 'document',
          subjectId: doc.id,
          details: { via: 'api' },
        });
      });
      const updated = await getDocument(db, doc.slug, user);
      return c.json(toJson(updated!, config.baseUrl), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const doc = await loadVisible(c, c.req.valid('param').slug);
      const user = requireEditor(c);
      if (!canDelete(user)) throw new HttpError(403, 'error.403.message');
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'document.deleted',
          subjectType: 'document',
          subjectId: doc.id,
          details: { title: doc.title, via: 'api' },
        });
        await deleteDocument(trx, doc.id);
      });
      return c.body(null, 204);
    });
}
