// /api/v1/press: the clippings through the API, with the same filters, permissions and validation
// as the pages (same schemas, same permissions.ts, same store). Screenshots are uploaded on the
// page's form (multipart); the API reports their URL.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiRouter, problems, requireSignedIn, signedIn } from '../../platform/api.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import { canWrite } from './permissions.ts';
import {
  type ClippingInput,
  clippingInputSchema,
  MAX_TRANSLATIONS,
  pressFilterSchema,
  SORTS,
} from './schemas.ts';
import { screenshotInfo, screenshotUrl } from './screenshot.ts';
import {
  type Clipping,
  type ClippingDetails,
  createClipping,
  deleteClipping,
  eventIdOf,
  getClipping,
  listClippings,
  updateClipping,
} from './store.ts';
import { formValuesOf } from './views-form.tsx';

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

/**
 * The body of POST and PATCH as documented. It only checks types: the rules (lengths, dates, http(s)
 * links) are clippingInputSchema's, the same as the form's, with the same messages.
 */
const ClippingInputDoc = z
  .object({
    outlet: z.string().openapi({ example: 'Tổ Quốc', description: 'At most 200 characters' }),
    outlet_url: z.string().nullable().optional().openapi({ description: 'http(s) URL of the outlet' }),
    published_on: z.string().openapi({ example: '2016-11-25', description: 'YYYY-MM-DD, not in the future' }),
    title: z.string().openapi({ description: 'The original title, at most 500 characters' }),
    lang: z.string().openapi({ example: 'vi', description: 'BCP 47 language of the article' }),
    url: z.string().openapi({ description: 'http(s) URL of the article' }),
    summary: z.string().optional().openapi({ description: 'Markdown, at most 5 000 characters' }),
    covers: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'The event or project, at most 300 characters' }),
    covers_url: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'http(s) URL of the event or project' }),
    event: z.string().nullable().optional().openapi({
      description: 'Slug (or address) of the event of this hub the article is about; null for none',
    }),
    translations: z
      .array(
        z.object({
          lang: z.string().openapi({ example: 'en', description: 'Not the article’s own language' }),
          title: z.string().nullable().optional(),
          summary: z.string().optional(),
        }),
      )
      .optional()
      .openapi({
        description: `Translated titles and summaries, one per language, at most ${MAX_TRANSLATIONS}. Replaces all translations; omitted on PATCH, they stay.`,
      }),
  })
  .openapi('PressClippingInput');

const idParam = z.object({ id: z.coerce.number().int().min(1).openapi({ example: 1 }) });
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const listRoute = createRoute({
  method: 'get',
  path: '/press',
  tags: ['Press'],
  summary: 'List press clippings, with the filters of the press page',
  request: {
    query: z.object({
      outlet: z.string().optional(),
      language: z.string().optional().openapi({ description: 'BCP 47 language of the articles' }),
      year: z.string().optional(),
      from: z.string().optional().openapi({ description: 'YYYY-MM-DD' }),
      to: z.string().optional().openapi({ description: 'YYYY-MM-DD' }),
      sort: z
        .string()
        .optional()
        .openapi({ description: SORTS.join(', ') }),
      page: z.string().optional(),
      pageSize: z.coerce.number().int().min(1).max(100).default(30),
    }),
  },
  responses: {
    200: json(
      z.object({
        total: z.number().int(),
        page: z.number().int(),
        items: z.array(ClippingSchema.omit({ translations: true, screenshot: true })),
      }),
      'A page of clippings',
    ),
    422: problems[422],
  },
});
const readRoute = createRoute({
  method: 'get',
  path: '/press/{id}',
  tags: ['Press'],
  summary: 'One clipping',
  request: { params: idParam },
  responses: { 200: json(ClippingSchema, 'The clipping'), 404: problems[404], 422: problems[422] },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/press',
  tags: ['Press'],
  summary: 'Add a clipping (the hub’s editors and admins)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ClippingInputDoc } } } },
  responses: {
    201: json(ClippingSchema, 'The new clipping'),
    400: problems[400],
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});
const updateRoute = createRoute({
  method: 'patch',
  path: '/press/{id}',
  tags: ['Press'],
  summary: 'Change a clipping (the hub’s editors and admins)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: {
    params: idParam,
    body: { required: true, content: { 'application/json': { schema: ClippingInputDoc.partial() } } },
  },
  responses: {
    200: json(ClippingSchema, 'The changed clipping'),
    400: problems[400],
    401: problems[401],
    403: problems[403],
    404: problems[404],
    422: problems[422],
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/press/{id}',
  tags: ['Press'],
  summary: 'Delete a clipping (the hub’s editors and admins)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, 401: problems[401], 403: problems[403], 404: problems[404] },
});

/** Validates an API body with the form's schema, answering 422 with a message per field. */
async function validInput(db: AppDeps['db'], body: unknown): Promise<ClippingInput> {
  const parsed = clippingInputSchema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(422, 'error.422.message', undefined, undefined, fieldErrors(parsed.error.issues));
  if (parsed.data.event && (await eventIdOf(db, parsed.data.event)) === undefined)
    throw new HttpError(422, 'error.422.message', undefined, undefined, { event: 'press.unknownEvent' });
  return parsed.data;
}

/** The body as JSON; anything else is a 422 with a clear message rather than a 500. */
async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(422, 'error.422.message', undefined, undefined, { _form: 'form.invalid' });
  return body as Record<string, unknown>;
}

function summaryJson(clipping: Clipping & { event_slug: string | null }, baseUrl: string) {
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
  const toJson = async (clipping: ClippingDetails): Promise<z.infer<typeof ClippingSchema>> => {
    const shot = await screenshotInfo(db, clipping.id);
    return {
      ...summaryJson(
        { ...clipping, event_slug: clipping.event?.published ? clipping.event.slug : null },
        config.baseUrl,
      ),
      translations: clipping.translations,
      screenshot: shot ? `${config.baseUrl}${screenshotUrl(clipping.id, shot)}` : null,
    };
  };
  const load = async (id: number) => {
    const clipping = await getClipping(db, id);
    if (!clipping) throw new HttpError(404, 'error.404.message');
    return clipping;
  };
  const writer = (c: Context<AppEnv>) => {
    const user = requireUser(c);
    if (!canWrite(user)) throw new HttpError(403, 'error.403.message');
    return user;
  };
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = pressFilterSchema.parse(query);
      const { cards, total } = await listClippings(db, filter, { locale: c.var.locale, pageSize });
      return c.json(
        { total, page: filter.page, items: cards.map((card) => summaryJson(card, config.baseUrl)) },
        200,
      );
    })
    .openapi(readRoute, async (c) => c.json(await toJson(await load(c.req.valid('param').id)), 200))
    .openapi(createRouteDef, async (c) => {
      const user = writer(c);
      const input = await validInput(db, await jsonBody(c));
      const created = await db.transaction().execute(async (trx) => {
        const clipping = await createClipping(trx, input, user);
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'press.created',
          subjectType: 'press_clipping',
          subjectId: clipping.id,
          details: { outlet: clipping.outlet, title: clipping.title, via: 'api' },
        });
        return clipping;
      });
      return c.json(await toJson(await load(created.id)), 201);
    })
    .openapi(updateRoute, async (c) => {
      writer(c);
      const clipping = await load(c.req.valid('param').id);
      // PATCH: what is not sent stays as it is.
      const input = await validInput(db, { ...formValuesOf(clipping), ...(await jsonBody(c)) });
      await db.transaction().execute(async (trx) => {
        const fields = await updateClipping(trx, clipping, input);
        if (fields.length)
          await recordAudit(trx, {
            ...auditOrigin(c),
            action: 'press.updated',
            subjectType: 'press_clipping',
            subjectId: clipping.id,
            details: { fields, via: 'api' },
          });
      });
      return c.json(await toJson(await load(clipping.id)), 200);
    })
    .openapi(deleteRoute, async (c) => {
      writer(c);
      const clipping = await load(c.req.valid('param').id);
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'press.deleted',
          subjectType: 'press_clipping',
          subjectId: clipping.id,
          details: { outlet: clipping.outlet, title: clipping.title, via: 'api' },
        });
        await deleteClipping(trx, clipping.id);
      });
      return c.body(null, 204);
    });
}
