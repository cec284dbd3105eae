// /api/v1/document-collections: the curated collections through the API, with the same schema
// and actions as the pages.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actionContext, ensure } from '../../platform/actions.ts';
import {
  anyoneOrSignedIn,
  apiRouter,
  jsonBody,
  jsonResponse,
  problemsOf,
  requireSignedIn,
  signedIn,
} from '../../platform/api.ts';
import { recordRoutes, slugParam } from '../../platform/api-routes.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { type CollectionWithDocuments, getCollection, loadCollection } from './access.ts';
import { createCollection, deleteCollection, updateCollection } from './actions/collections.ts';
import { listCollections } from './listing.ts';
import { canEdit } from './permissions.ts';
import { collectionInput } from './schemas.ts';

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

/** The body of POST and PUT: the form's own schema. */
const CollectionInputDoc = collectionInput.openapi('DocumentCollectionInput');

const collections = recordRoutes({
  path: '/document-collections',
  tags: ['Library'],
  params: slugParam(),
  record: CollectionSchema,
});
/** The refusals of both writes. */
const writeProblems = problemsOf(401, 403, 422);
const routes = {
  list: createRoute({
    method: 'get',
    path: '/document-collections',
    tags: ['Library'],
    summary: 'The curated collections of the library',
    security: anyoneOrSignedIn,
    responses: {
      200: jsonResponse(
        z.object({
          items: z.array(CollectionSchema.omit({ documents: true }).extend({ count: z.number().int() })),
        }),
        'Every collection, with how many of its documents the reader may see',
      ),
      ...problemsOf(401),
    },
  }),
  read: collections.read('One collection with its documents in order', { response: 'The collection' }),
  create: createRoute({
    method: 'post',
    path: '/document-collections',
    tags: ['Library'],
    summary: 'Add a collection (the hub’s editors and admins)',
    security: signedIn,
    middleware: [requireSignedIn] as const,
    request: { body: jsonBody(CollectionInputDoc) },
    responses: { 201: jsonResponse(CollectionSchema, 'The new collection'), ...writeProblems },
  }),
  replace: createRoute({
    method: 'put',
    path: '/document-collections/{slug}',
    tags: ['Library'],
    summary: 'Replace a collection’s title, description and documents (editors and admins)',
    security: signedIn,
    middleware: [requireSignedIn] as const,
    request: { params: slugParam(), body: jsonBody(CollectionInputDoc) },
    responses: {
      200: jsonResponse(CollectionSchema, 'The changed collection'),
      ...problemsOf(404),
      ...writeProblems,
    },
  }),
  delete: collections.delete('Delete a collection; its documents stay (editors and admins)'),
};

export function libraryCollectionsApi(deps: AppDeps) {
  const { db, config } = deps;
  const viewerOf = (c: Context<AppEnv>) => c.var.auth?.user ?? null;
  const urlOf = (slug: string) => `${config.baseUrl}/library/collections/${slug}`;
  const toJson = ({ collection, documents }: CollectionWithDocuments) => ({
    slug: collection.slug,
    url: urlOf(collection.slug),
    title: collection.title,
    lang: collection.lang,
    description: collection.description,
    documents: documents.map((d) => d.slug),
    updatedAt: collection.updated_at,
  });
  /** The collection as the API answers it, read again after a write. */
  const fresh = async (c: Context<AppEnv>, slug: string) =>
    toJson((await getCollection(db, slug, viewerOf(c))) as CollectionWithDocuments);
  return apiRouter()
    .openapi(routes.list, async (c) => {
      const items = await listCollections(db, viewerOf(c));
      return c.json(
        {
          items: items.map((x) => ({
            slug: x.slug,
            url: urlOf(x.slug),
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
    .openapi(routes.read, async (c) => c.json(toJson(await loadCollection(c)), 200))
    .openapi(routes.create, async (c) => {
      const created = await createCollection(actionContext(c), c.req.valid('json'));
      return c.json(await fresh(c, created.slug), 201);
    })
    .openapi(routes.replace, async (c) => {
      const ctx = actionContext(c);
      ensure(ctx, canEdit);
      const { collection } = await loadCollection(c);
      await updateCollection(ctx, collection, c.req.valid('json'));
      return c.json(await fresh(c, collection.slug), 200);
    })
    .openapi(routes.delete, async (c) => {
      const ctx = actionContext(c);
      ensure(ctx, canEdit);
      await deleteCollection(ctx, (await loadCollection(c)).collection);
      return c.body(null, 204);
    });
}
