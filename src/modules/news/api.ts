// /api/v1/posts: the news through the API, with the same filters, permissions and validation as
// the pages (same schemas, same permissions.ts and access.ts, same store). Drafts and scheduled
// posts answer 404 to anyone who may not see them. Covers and images are uploaded on the page's
// form (multipart); the API reports their URLs.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiRouter, problems, requireSignedIn, signedIn } from '../../platform/api.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import { nowIso } from '../../platform/time.ts';
import { decideWrite, loadVisible, requireWriter, type WriteDecision } from './access.ts';
import { absoluteHtml } from './feed.ts';
import { coverInfo, coverUrl } from './images.ts';
import { canEdit } from './permissions.ts';
import { MAX_TRANSLATIONS, newsFilterSchema, type PostInput, postInputSchema } from './schemas.ts';
import {
  createPost,
  deletePost,
  getPost,
  listPosts,
  type PostCard,
  type PostDetails,
  promoteDuePosts,
  stateOf,
  updatePost,
} from './store.ts';
import { formValuesOf } from './views-form.tsx';
import { CATEGORIES, PUBLISH_CHOICES } from './vocab.ts';

const PostSummarySchema = z
  .object({
    slug: z.string(),
    page: z.string().openapi({ description: 'The post’s page on this hub' }),
    title: z.string().openapi({ description: 'The original title, in `lang`' }),
    lang: z.string().openapi({ example: 'en', description: 'BCP 47 language the post is written in' }),
    category: z.enum(CATEGORIES),
    tags: z.array(z.string()),
    organisation: z.string().nullable().openapi({ description: 'Slug of the organisation it is posted for' }),
    author: z.string().nullable(),
    publishedAt: z
      .string()
      .nullable()
      .openapi({ description: 'Null for a draft; in the future when scheduled' }),
    state: z.enum(['draft', 'scheduled', 'published']),
    cover: z.string().nullable().openapi({ description: 'URL of the cover image (WebP), if any' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PostSummary');

const PostSchema = PostSummarySchema.extend({
  body: z.string().openapi({ description: 'Markdown' }),
  html: z.string().openapi({ description: 'The body rendered and sanitised, with absolute URLs' }),
  coverAlt: z.string(),
  translations: z.array(z.object({ lang: z.string(), title: z.string(), body: z.string() })),
}).openapi('Post');

/**
 * The body of POST and PATCH as documented. It only checks types: the rules are postInputSchema's,
 * the same as the form's, with the same messages.
 */
const PostInputDoc = z
  .object({
    title: z.string().openapi({ description: 'At most 200 characters' }),
    lang: z.string().openapi({ example: 'vi', description: 'BCP 47 language of the title and body' }),
    body: z.string().optional().openapi({ description: 'Markdown; required unless `status` is draft' }),
    category: z.enum(CATEGORIES).optional(),
    tags: z.array(z.string()).optional().openapi({ description: 'At most 10, each at most 40 characters' }),
    organisation: z.string().nullable().optional().openapi({
      description: 'Slug of an organisation you belong to; null for the hub’s own news (editors)',
    }),
    cover_alt: z.string().optional(),
    status: z
      .enum(PUBLISH_CHOICES)
      .optional()
      .openapi({ description: 'draft (default), publish, or schedule' }),
    publish_at: z.string().nullable().optional().openapi({
      example: '2026-12-01T09:00:00+07:00',
      description: 'For `schedule`: a future moment with its offset',
    }),
    translations: z
      .array(z.object({ lang: z.string(), title: z.string(), body: z.string().optional() }))
      .optional()
      .openapi({
        description: `At most ${MAX_TRANSLATIONS}, one per language. Replaces all; omitted on PATCH, they stay.`,
      }),
  })
  .openapi('PostInput');

const slugParam = z.object({ slug: z.string().min(1).max(120).openapi({ example: 'vientiane-workshop' }) });
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const listRoute = createRoute({
  method: 'get',
  path: '/posts',
  tags: ['News'],
  summary: 'List published posts, newest first, with the filters of the news page',
  request: {
    query: z.object({
      category: z
        .string()
        .optional()
        .openapi({ description: CATEGORIES.join(', ') }),
      tag: z.string().optional(),
      language: z.string().optional().openapi({ description: 'Written in or translated into this language' }),
      organisation: z.string().optional().openapi({ description: 'Slug of the organisation' }),
      page: z.string().optional(),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: json(
      z.object({ total: z.number().int(), page: z.number().int(), items: z.array(PostSummarySchema) }),
      'A page of posts',
    ),
    422: problems[422],
  },
});
const readRoute = createRoute({
  method: 'get',
  path: '/posts/{slug}',
  tags: ['News'],
  summary: 'One post (drafts and scheduled posts only for their writers and editors)',
  request: { params: slugParam },
  responses: { 200: json(PostSchema, 'The post'), 404: problems[404] },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/posts',
  tags: ['News'],
  summary: 'Write a post (editors; members of an organisation, for it)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { body: { required: true, content: { 'application/json': { schema: PostInputDoc } } } },
  responses: {
    201: json(PostSchema, 'The new post'),
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});
const updateRoute = createRoute({
  method: 'patch',
  path: '/posts/{slug}',
  tags: ['News'],
  summary: 'Change a post (editors; members of its organisation)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: {
    params: slugParam,
    body: { required: true, content: { 'application/json': { schema: PostInputDoc.partial() } } },
  },
  responses: {
    200: json(PostSchema, 'The changed post'),
    401: problems[401],
    403: problems[403],
    404: problems[404],
    422: problems[422],
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/posts/{slug}',
  tags: ['News'],
  summary: 'Delete a post (editors; members of its organisation)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { params: slugParam },
  responses: { 204: { description: 'Deleted' }, 401: problems[401], 403: problems[403], 404: problems[404] },
});

/** Validates an API body with the form's schema, answering 422 with a message per field. */
function validInput(body: unknown): PostInput {
  const parsed = postInputSchema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(422, 'error.422.message', undefined, undefined, fieldErrors(parsed.error.issues));
  return parsed.data;
}

/** The body as JSON; anything else is a 422 with a clear message rather than a 500. */
async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(422, 'error.422.message', undefined, undefined, { _form: 'form.invalid' });
  return body as Record<string, unknown>;
}

/** The form's values of a post as the API's body (PATCH starts from them). */
function inputOf(post: PostDetails, now: string, timeZone: string): Record<string, unknown> {
  const v = formValuesOf(post, now, timeZone);
  return {
    title: post.title,
    lang: post.lang,
    body: post.body,
    category: post.category,
    tags: post.tags,
    organisation: post.organisation?.slug ?? null,
    cover_alt: post.cover_alt,
    status: v.status,
    // The stored moment itself, so a PATCH that leaves it alone keeps it to the second.
    publish_at: v.status === 'schedule' ? post.published_at : null,
    translations: post.translations,
  };
}

export function newsApi(deps: AppDeps) {
  const { db, config } = deps;
  const summary = (
    p: Pick<
      PostCard,
      'slug' | 'title' | 'lang' | 'category' | 'tags' | 'published_at' | 'created_at' | 'updated_at'
    > & {
      organisationSlug: string | null;
      authorName: string | null;
      cover: { version: string } | undefined;
    },
    now: string,
  ) => ({
    slug: p.slug,
    page: `${config.baseUrl}/news/${p.slug}`,
    title: p.title,
    lang: p.lang,
    category: p.category,
    tags: p.tags,
    organisation: p.organisationSlug,
    author: p.authorName,
    publishedAt: p.published_at,
    state: stateOf(p, now),
    cover: p.cover ? `${config.baseUrl}${coverUrl(p.slug, p.cover)}` : null,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  });
  const toJson = async (post: PostDetails, now: string): Promise<z.infer<typeof PostSchema>> => {
    const cover = await coverInfo(db, post.id);
    return {
      ...summary(
        {
          ...post,
          organisationSlug: post.organisation?.slug ?? null,
          authorName: post.author?.name ?? null,
          cover,
        },
        now,
      ),
      body: post.body,
      html: absoluteHtml(post.body, config.baseUrl),
      coverAlt: post.cover_alt,
      translations: post.translations,
    };
  };
  /** The post for someone who may change it: 404 when they may not see it, 403 when they may not edit. */
  const loadForEdit = async (c: Context<AppEnv>, slug: string) => {
    const loaded = await loadVisible(c, slug);
    if (!canEdit(loaded.user, loaded.post, loaded.role)) throw new HttpError(403, 'error.403.message');
    return loaded;
  };
  /** A refused organisation or moment: 403 or 422, with the message per field as on the form. */
  const refuseWrite = (decision: Extract<WriteDecision, { ok: false }>): never => {
    throw new HttpError(
      decision.status,
      decision.status === 403 ? 'error.403.message' : 'error.422.message',
      undefined,
      undefined,
      decision.errors,
    );
  };

  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = newsFilterSchema.parse(query);
      const now = nowIso();
      await promoteDuePosts(db, now);
      const { cards, total } = await listPosts(db, filter, { locale: c.var.locale, now, pageSize });
      return c.json({ total, page: filter.page, items: cards.map((card) => summary(card, now)) }, 200);
    })
    .openapi(readRoute, async (c) => {
      const { post, now } = await loadVisible(c, c.req.valid('param').slug);
      return c.json(await toJson(post, now), 200);
    })
    .openapi(createRouteDef, async (c) => {
      const { user } = await requireWriter(c);
      const input = validInput(await jsonBody(c));
      const decision = await decideWrite(c, input, user);
      if (!decision.ok) return refuseWrite(decision);
      const created = await db.transaction().execute(async (trx) => {
        const post = await createPost(trx, input, decision.write, user);
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'post.created',
          subjectType: 'post',
          subjectId: post.id,
          details: {
            slug: post.slug,
            organisation: input.organisation ?? null,
            status: input.status,
            via: 'api',
          },
        });
        return post;
      });
      const post = await getPost(db, created.slug);
      if (!post) throw new HttpError(404, 'error.404.message');
      return c.json(await toJson(post, nowIso()), 201);
    })
    .openapi(updateRoute, async (c) => {
      const { post, user, now } = await loadForEdit(c, c.req.valid('param').slug);
      if (!user) throw new HttpError(401, 'error.401.message');
      // PATCH: what is not sent stays as it is.
      const input = validInput({ ...inputOf(post, now, c.var.timeZone), ...(await jsonBody(c)) });
      const decision = await decideWrite(c, input, user, post);
      if (!decision.ok) return refuseWrite(decision);
      await db.transaction().execute(async (trx) => {
        const fields = await updatePost(trx, post, input, decision.write);
        if (fields.length)
          await recordAudit(trx, {
            ...auditOrigin(c),
            action: 'post.updated',
            subjectType: 'post',
            subjectId: post.id,
            details: { fields, via: 'api' },
          });
      });
      const changed = await getPost(db, post.slug);
      if (!changed) throw new HttpError(404, 'error.404.message');
      return c.json(await toJson(changed, nowIso()), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { post } = await loadForEdit(c, c.req.valid('param').slug);
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'post.deleted',
          subjectType: 'post',
          subjectId: post.id,
          details: { slug: post.slug, title: post.title, via: 'api' },
        });
        await deletePost(trx, post.id);
      });
      return c.body(null, 204);
    });
}
