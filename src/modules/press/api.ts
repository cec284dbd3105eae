// /api/v1/press: the clippings through the API, with the page's filters, schema and actions (so the
// same permissions, validation and audit). Screenshots are uploaded on the page's form (multipart);
// the API reports their URL.
import { z } from '@hono/zod-openapi';
import { actionContext, ensure } from '../../platform/actions.ts';
import { anyone, apiRouter } from '../../platform/api.ts';
import { idParam, listFilters, pagedQuery, patchedInput, recordRoutes } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { found } from '../../platform/http/errors.ts';
import { type ClippingDetails, getClipping } from './access.ts';
import { createClipping, deleteClipping, updateClipping } from './actions.ts';
import { type ClippingCard, listClippings } from './listing.ts';
import { canWrite } from './permissions.ts';
import { clippingInput, clippingObject, inputOf, pressFilterSchema } from './schemas.ts';
import { screenshots, screenshotUrl } from './screenshot.ts';

const TranslationSchema = z.object({
  lang: z.string(),
  title: z.string(),
  summary: z.string().openapi({ description: 'Markdown' }),
});

const ClippingSchema = z
  .object({
    id: z.number().int(),
    url: z.string().openapi({ description: 'The original article' }),
    page: z.string().openapi({ description: 'The clipping’s page on this hub' }),
    outlet: z.string(),
    outletUrl: z.string().nullable(),
    publishedOn: z.string().openapi({ example: '2016-11-24', description: 'YYYY-MM-DD' }),
    title: z.string().openapi({ description: 'The original title, in `lang`' }),
    lang: z.string().openapi({ example: 'vi', description: 'BCP 47 language of the article' }),
    summary: z.string().openapi({ description: 'Markdown' }),
    covers: z.string().nullable().openapi({ description: 'The event or project the article covers' }),
    coversUrl: z.string().nullable(),
    event: z
      .string()
      .nullable()
      .openapi({ description: 'Slug of the event of this hub the article is about (/api/v1/events/{slug})' }),
    translations: z.array(TranslationSchema).openapi({ description: 'Translated titles (and summaries)' }),
    screenshot: z.string().nullable().openapi({ description: 'URL of the screenshot (WebP), if any' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PressClipping');

/** The body of POST: the form's own schema (PATCH takes any part of it). */
const ClippingInputDoc = clippingInput.openapi('PressClippingInput');

// Every clipping is public and the answers are the same for everyone: no credentials.
const press = recordRoutes({
  path: '/press',
  tags: ['Press'],
  params: idParam,
  record: ClippingSchema,
  readers: anyone,
});
const routes = {
  list: press.list('List press clippings, with the filters of the press page', {
    query: pagedQuery(
      listFilters(pressFilterSchema, {
        outlet: null,
        language: 'BCP 47 language of the articles',
        year: null,
        from: 'YYYY-MM-DD',
        to: 'YYYY-MM-DD',
        country: 'ISO 3166-1 alpha-2: articles about the hub’s events in that country',
        sort: null,
      }),
      30,
    ),
    items: ClippingSchema.omit({ translations: true, screenshot: true }),
    response: 'A page of clippings',
  }),
  read: press.read('One clipping', { response: 'The clipping', also: [422] }),
  create: press.create('Add a clipping (the hub’s editors and admins)', {
    body: ClippingInputDoc,
    response: 'The new clipping',
    also: [400],
  }),
  update: press.update('Change a clipping (the hub’s editors and admins); what is not sent stays', {
    body: clippingObject.partial(),
    response: 'The changed clipping',
    also: [400],
  }),
  delete: press.delete('Delete a clipping (the hub’s editors and admins)'),
};

function summaryJson(clipping: ClippingCard, baseUrl: string) {
  return {
    id: clipping.id,
    url: clipping.url,
    page: `${baseUrl}/press/${clipping.id}`,
    outlet: clipping.outlet,
    outletUrl: clipping.outlet_url,
    publishedOn: clipping.published_on,
    title: clipping.title,
    lang: clipping.lang,
    summary: clipping.summary,
    covers: clipping.covers,
    coversUrl: clipping.covers_url,
    event: clipping.event_slug,
    createdAt: clipping.created_at,
    updatedAt: clipping.updated_at,
  };
}

export function pressApi(deps: AppDeps) {
  const { db, config } = deps;
  const load = async (id: number) => found(await getClipping(db, id));
  const toJson = async (id: number): Promise<z.infer<typeof ClippingSchema>> => {
    const clipping: ClippingDetails = await load(id);
    const shot = await screenshots.info(db, clipping.id);
    const eventSlug = clipping.event?.published ? clipping.event.slug : null;
    return {
      ...summaryJson({ ...clipping, event_slug: eventSlug, translatedTitle: null }, config.baseUrl),
      translations: clipping.translations,
      screenshot: shot ? `${config.baseUrl}${screenshotUrl(clipping.id, shot)}` : null,
    };
  };
  return apiRouter()
    .openapi(routes.list, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = pressFilterSchema.parse(query);
      const { cards, total } = await listClippings(db, filter, { locale: c.var.locale, pageSize });
      return c.json(
        { total, page: filter.page, items: cards.map((card) => summaryJson(card, config.baseUrl)) },
        200,
      );
    })
    .openapi(routes.read, async (c) => c.json(await toJson(c.req.valid('param').id), 200))
    .openapi(routes.create, async (c) => {
      const clipping = await createClipping(actionContext(c), c.req.valid('json'));
      return c.json(await toJson(clipping.id), 201);
    })
    .openapi(routes.update, async (c) => {
      const ctx = actionContext(c);
      ensure(ctx, canWrite);
      const clipping = await load(c.req.valid('param').id);
      const input = await patchedInput(c, clippingInput, inputOf(clipping));
      await updateClipping(ctx, clipping, input);
      return c.json(await toJson(clipping.id), 200);
    })
    .openapi(routes.delete, async (c) => {
      const ctx = actionContext(c);
      ensure(ctx, canWrite);
      await deleteClipping(ctx, await load(c.req.valid('param').id));
      return c.body(null, 204);
    });
}
