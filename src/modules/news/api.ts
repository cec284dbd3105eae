// /api/v1/posts: the news through the API, with the page's filters, schema, loaders and actions (so
// the same permissions, validation and audit). Drafts and scheduled posts answer 404 to anyone who
// may not see them. Covers and images are uploaded on the page's form (multipart); the API reports
// their URLs.
import { createRoute, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { actionContext } from '../../platform/actions.ts';
import {
  apiRouter,
  jsonResponse as json,
  listPage,
  problems,
  requireJson,
  requireSignedIn,
  signedIn,
} from '../../platform/api.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { parseInput, readJson } from '../../platform/http/forms.ts';
import { nowIso } from '../../platform/time.ts';
import { getPost, loadEditable, loadVisible, type PostDetails, stateOf, writerOf } from './access.ts';
import { createPost, deletePost, promoteDuePosts, updatePost } from './actions.ts';
import { absoluteHtml } from './feed.ts';
import { covers, coverUrl } from './images.ts';
import { listPosts, type PostCard } from './listing.ts';
import { inputOf, newsFilterSchema, postInput, postObject } from './schemas.ts';
import { CATEGORIES } from './vocab.ts';

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

/** The body of POST: the form's own schema (PATCH takes any part of it). */
const PostInputDoc = postInput.openapi('PostInput');

const slugParam = z.object({ slug: z.string().min(1).max(120).openapi({ example: 'vientiane-workshop' }) });

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
    200: json(listPage(PostSummarySchema), 'A page of posts'),
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
/** Refuses those who may write nothing (403) before their body is even validated. */
const requireWriter = createMiddleware<AppEnv>(async (c, next) => {
  await writerOf(actionContext(c));
  await next();
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/posts',
  tags: ['News'],
  summary: 'Write a post (editors; members of an organisation, for it)',
  security: signedIn,
  middleware: [requireSignedIn, requireWriter, requireJson] as const,
  request: { body: { required: true, content: { 'application/json': { schema: PostInputDoc } } } },
  responses: {
    201: json(PostSchema, 'The new post'),
    400: problems[400],
    401: problems[401],
    403: problems[403],
    415: problems[415],
    422: problems[422],
  },
});
const updateRoute = createRoute({
  method: 'patch',
  path: '/posts/{slug}',
  tags: ['News'],
  summary: 'Change a post (editors; members of its organisation)',
  security: signedIn,
  middleware: [requireSignedIn, requireJson] as const,
  request: {
    params: slugParam,
    body: { required: true, content: { 'application/json': { schema: postObject.partial() } } },
  },
  responses: {
    200: json(PostSchema, 'The changed post'),
    400: problems[400],
    401: problems[401],
    403: problems[403],
    404: problems[404],
    415: problems[415],
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
  const toJson = async (post: PostDetails): Promise<z.infer<typeof PostSchema>> => {
    const cover = await covers.info(db, post.id);
    const shown = {
      ...post,
      organisationSlug: post.organisation?.slug ?? null,
      authorName: post.author?.name ?? null,
      cover,
    };
    return {
      ...summary(shown, nowIso()),
      body: post.body,
      html: absoluteHtml(post.body, config.baseUrl),
      coverAlt: post.cover_alt,
      translations: post.translations,
    };
  };
  /** The post as saved now, as JSON. */
  const savedJson = async (slug: string) => {
    const post = await getPost(db, slug);
    if (!post) throw new HttpError(404, 'error.404.message');
    return toJson(post);
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
      const { post } = await loadVisible(c, c.req.valid('param').slug);
      return c.json(await toJson(post), 200);
    })
    .openapi(createRouteDef, async (c) => {
      const post = await createPost(actionContext(c), c.req.valid('json'));
      return c.json(await savedJson(post.slug), 201);
    })
    .openapi(updateRoute, async (c) => {
      const { post, now } = await loadEditable(c, c.req.valid('param').slug);
      // PATCH: what is not sent stays as it is.
      const input = parseInput(postInput, { ...inputOf(post, now), ...(await readJson(c)) });
      await updatePost(actionContext(c), post, input);
      return c.json(await savedJson(post.slug), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { post } = await loadEditable(c, c.req.valid('param').slug);
      await deletePost(actionContext(c), post);
      return c.body(null, 204);
    });
}
