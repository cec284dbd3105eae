// /api/v1/posts: the news through the API, with the page's filters, schema, loaders and actions (so
// the same permissions, validation and audit). Drafts and scheduled posts answer 404 to anyone who
// may not see them. Covers and images are uploaded on the page's form (multipart); the API reports
// their URLs.
import { z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { actionContext } from '../../platform/actions.ts';
import { apiRouter, requireJson, requireSignedIn } from '../../platform/api.ts';
import { listFilters, pagedQuery, patchedInput, recordRoutes } from '../../platform/api-routes.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { found } from '../../platform/http/errors.ts';
import { nowIso } from '../../platform/time.ts';
import { getPost, loadEditable, loadVisible, type PostDetails, stateOf, writerOf } from './access.ts';
import { createPost, deletePost, updatePost } from './actions.ts';
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

/** Refuses those who may write nothing (403) before their body is even validated. */
const requireWriter = createMiddleware<AppEnv>(async (c, next) => {
  await writerOf(actionContext(c));
  await next();
});

const posts = recordRoutes({
  path: '/posts',
  tags: ['News'],
  params: z.object({ slug: z.string().min(1).max(120).openapi({ example: 'vientiane-workshop' }) }),
  record: PostSchema,
});
const routes = {
  list: posts.list('List published posts, newest first, with the filters of the news page', {
    query: pagedQuery(
      listFilters(newsFilterSchema, {
        category: null,
        tag: null,
        language: 'Written in or translated into this language',
        organisation: 'Slug of the organisation',
        country: 'ISO 3166-1 alpha-2: posts for the organisations of that country',
      }),
      20,
    ),
    items: PostSummarySchema,
    response: 'A page of posts',
  }),
  read: posts.read('One post (drafts and scheduled posts only for their writers and editors)', {
    response: 'The post',
  }),
  create: posts.create('Write a post (editors; members of an organisation, for it)', {
    body: PostInputDoc,
    response: 'The new post',
    also: [400],
    middleware: [requireSignedIn, requireWriter, requireJson],
  }),
  update: posts.update('Change a post (editors; members of its organisation)', {
    body: postObject.partial(),
    response: 'The changed post',
    also: [400],
  }),
  delete: posts.delete('Delete a post (editors; members of its organisation)'),
};

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
  const savedJson = async (slug: string) => toJson(found(await getPost(db, slug)));

  return apiRouter()
    .openapi(routes.list, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = newsFilterSchema.parse(query);
      const now = nowIso();
      const { cards, total } = await listPosts(db, filter, { locale: c.var.locale, now, pageSize });
      return c.json({ total, page: filter.page, items: cards.map((card) => summary(card, now)) }, 200);
    })
    .openapi(routes.read, async (c) => {
      const { post } = await loadVisible(c, c.req.valid('param').slug);
      return c.json(await toJson(post), 200);
    })
    .openapi(routes.create, async (c) => {
      const post = await createPost(actionContext(c), c.req.valid('json'));
      return c.json(await savedJson(post.slug), 201);
    })
    .openapi(routes.update, async (c) => {
      const { post, now } = await loadEditable(c, c.req.valid('param').slug);
      const input = await patchedInput(c, postInput, inputOf(post, now));
      await updatePost(actionContext(c), post, input);
      return c.json(await savedJson(post.slug), 200);
    })
    .openapi(routes.delete, async (c) => {
      const { post } = await loadEditable(c, c.req.valid('param').slug);
      await deletePost(actionContext(c), post);
      return c.body(null, 204);
    });
}
