// /api/v1/document-collections: the curated collections through the API, with the same schema,
// permissions and store as the pages.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiRouter, problems, requireSignedIn, signedIn } from '../../platform/api.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import {
  createCollection,
  deleteCollection,
  getCollection,
  listCollections,
  resolveDocuments,
  updateCollection,
} from './collections.ts';
import { requireEditor } from './permissions.ts';
import { type CollectionInput, collectionInputSchema } from './schemas.ts';

const CollectionSchema = z
  .object({
    slug: z.string(),
    url: z.string(),
    title: z.string(),
    lang: z.string(),
    description: z.string().openapi({ description: 'Markdown' }),
    documents: z
      .array(z.string())
      .openapi({ description: 'Slugs of the documents, in order (those the reader may see)' }),
    updatedAt: z.string(),
  })
  .openapi('DocumentCollection');

const CollectionInputDoc = z
  .object({
    title: z.string().openapi({ description: 'At most 300 characters' }),
    lang: z.string().openapi({ example: 'en' }),
    description: z.string().optional().openapi({ description: 'Markdown' }),
    documents: z.array(z.string()).openapi({ description: 'Slugs of the documents, in order' }),
  })
  .openapi('DocumentCollectionInput');

const slugParam = z.object({ slug: z.string().max(120) });
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const tags = ['Library'];

const listRoute = createRoute({
  method: 'get',
  path: '/document-collections',
  tags,
  summary: 'The curated collections of the library',
  responses: {
    200: json(
      z.object({
        items: z.array(CollectionSchema.omit({ documents: true }).extend({ count: z.number().int() })),
      }),
      'Every collection, with how many of its documents the reader may see',
    ),
  },
});
const readRoute = createRoute({
  method: 'get',
  path: '/document-collections/{slug}',
  tags,
  summary: 'One collection with its documents in order',
  request: { params: slugParam },
  responses: { 200: json(CollectionSchema, 'The collection'), 404: problems[404] },
});
const writeResponses = {
  401: problems[401],
  403: problems[403],
  422: problems[422],
};
const createRouteDef = createRoute({
  method: 'post',
  path: '/document-collections',
  tags,
  summary: 'Add a collection (the hub’s editors and admins)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { body: { required: true, content: { 'application/json': { schema: CollectionInputDoc } } } },
  responses: { 201: json(CollectionSchema, 'The new collection'), ...writeResponses },
});
const updateRoute = createRoute({
  method: 'put',
  path: '/document-collections/{slug}',
  tags,
  summary: 'Replace a collection’s title, description and documents (editors and admins)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: {
    params: slugParam,
    body: { required: true, content: { 'application/json': { schema: CollectionInputDoc } } },
  },
  responses: { 200: json(CollectionSchema, 'The changed collection'), 404: problems[404], ...writeResponses },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/document-collections/{slug}',
  tags,
  summary: 'Delete a collection; its documents stay (editors and admins)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { params: slugParam },
  responses: { 204: { description: 'Deleted' }, 401: problems[401], 403: problems[403], 404: problems[404] },
});

function validInput(body: unknown): CollectionInput {
  const parsed = collectionInputSchema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(422, 'error.422.message', undefined, undefined, fieldErrors(parsed.error.issues));
  return parsed.data;
}

export function libraryCollectionsApi(deps: AppDeps) {
  const { db, config } = deps;
  const viewerOf = (c: Context<AppEnv>) => c.var.auth?.user ?? null;
  const load = async (c: Context<AppEnv>, slug: string) => {
    const found = await getCollection(db, slug, viewerOf(c));
    if (!found) throw new HttpError(404, 'error.404.message');
    return found;
  };
  const toJson = (found: NonNullable<Awaited<ReturnType<typeof getCollection>>>) => ({
    slug: found.collection.slug,
    url: `${config.baseUrl}/library/collections/${found.collection.slug}`,
    title: found.collection.title,
    lang: found.collection.lang,
    description: found.collection.description,
    documents: found.documents.map((d) => d.slug),
    updatedAt: found.collection.updated_at,
  });
  const documentIds = async (input: CollectionInput) => {
    const { ids, error } = await resolveDocuments(db, input.documents);
    if (error) throw new HttpError(422, 'error.422.message', undefined, undefined, { documents: error });
    return ids;
  };
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const items = await listCollections(db, viewerOf(c));
      return c.json(
        {
          items: items.map((x) => ({
            slug: x.slug,
            url: `${config.baseUrl}/library/collections/${x.slug}`,
            title: x.title,
            lang: x.lang,
            description: x.description,
            updatedAt: x.updated_at,
            count: x.count,
          })),
        },
        200,
      );
    })
    .openapi(readRoute, async (c) => c.json(toJson(await load(c, c.req.valid('param').slug)), 200))
    .openapi(createRouteDef, async (c) => {
      const user = requireEditor(c);
      const input = validInput(c.req.valid('json'));
      const ids = await documentIds(input);
      const created = await db.transaction().execute(async (trx) => {
        const collection = await createCollection(trx, input, ids, user);
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'document_collection.created',
          subjectType: 'document_collection',
          subjectId: collection.id,
          details: { title: collection.title, via: 'api' },
        });
        return collection;
      });
      return c.json(toJson(await load(c, created.slug)), 201);
    })
    .openapi(updateRoute, async (c) => {
      requireEditor(c);
      const { collection } = await load(c, c.req.valid('param').slug);
      const input = validInput(c.req.valid('json'));
      const ids = await documentIds(input);
      await db.transaction().execute(async (trx) => {
        await updateCollection(trx, collection, input, ids);
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'document_collection.updated',
          subjectType: 'document_collection',
          subjectId: collection.id,
          details: { via: 'api' },
        });
      });
      return c.json(toJson(await load(c, collection.slug)), 200);
    })
    .openapi(deleteRoute, async (c) => {
      requireEditor(c);
      const { collection } = await load(c, c.req.valid('param').slug);
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'document_collection.deleted',
          subjectType: 'document_collection',
          subjectId: collection.id,
          details: { title: collection.title, via: 'api' },
        });
        await deleteCollection(trx, collection.id);
      });
      return c.body(null, 204);
    });
}
