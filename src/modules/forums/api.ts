// /api/v1/forum: categories, threads (list with filters, read, create), a thread's posts (paged)
// and replies, reactions — the pages' schemas, loaders and actions, so the same visibility (a
// group's category is 404 to others), limits (429 with Retry-After), honeypot and refusals.
import { createRoute, z } from '@hono/zod-openapi';
import { actionContext } from '../../platform/actions.ts';
import {
  anyoneOrSignedIn,
  apiRouter,
  jsonBody,
  jsonResponse,
  listPage,
  problemsOf,
} from '../../platform/api.ts';
import { forSignedIn, forSignedInWithJson, idParam } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { found } from '../../platform/http/errors.ts';
import {
  moderates,
  pageOfPost,
  requestReader,
  type Thread,
  visibleCategory,
  visiblePost,
  visibleThread,
} from './access.ts';
import { deletePost, editPost } from './actions/editing.ts';
import { createReply, createThread, toggleReaction } from './actions/posting.ts';
import { listCategories, listThreads, type PostView, threadPosts } from './listing.ts';
import { postEditInput, reactionInput, replyInput, threadInput } from './schemas.ts';
import { CATEGORY_VISIBILITIES, HONEYPOT_FIELD, POSTS_PER_PAGE, REACTIONS } from './vocab.ts';

const ABOUT = { tags: ['Forum'] };

const CategorySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    lang: z.string(),
    description: z.string().openapi({ description: 'Markdown' }),
    theme: z.string().nullable(),
    domain: z.string().nullable(),
    country: z.string().nullable(),
    visibility: z.enum(CATEGORY_VISIBILITIES),
    threads: z.number().int(),
  })
  .openapi('ForumCategory');

const ThreadSchema = z
  .object({
    id: z.number().int(),
    category: z.string().openapi({ description: 'The category’s slug' }),
    title: z.string(),
    lang: z.string(),
    authorId: z.number().int().nullable(),
    question: z.boolean(),
    solvedPostId: z.number().int().nullable(),
    pinned: z.boolean(),
    locked: z.boolean(),
    slowModeSeconds: z.number().int(),
    posts: z.number().int().openapi({ description: 'The opening post and the replies' }),
    lastPostAt: z.string(),
    createdAt: z.string(),
    page: z.string(),
  })
  .openapi('ForumThread');

const PostSchema = z
  .object({
    id: z.number().int(),
    threadId: z.number().int(),
    authorId: z.number().int().nullable(),
    author: z.string().nullable(),
    lang: z.string(),
    body: z.string().nullable().openapi({ description: 'Markdown; null when a moderator hid the post' }),
    hidden: z.boolean(),
    reactions: z.record(z.string(), z.number().int()),
    createdAt: z.string(),
    editedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When its author or a moderator last changed it' }),
  })
  .openapi('ForumPost');

const threadCreateInput = threadInput.extend({ category: z.string().describe('The category’s slug') });
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

const routes = {
  categories: createRoute({
    method: 'get',
    path: '/forum/categories',
    ...ABOUT,
    summary: 'The categories the caller reads',
    security: anyoneOrSignedIn,
    responses: {
      200: jsonResponse(z.object({ items: z.array(CategorySchema) }), 'The categories'),
      ...problemsOf(401),
    },
  }),
  threads: createRoute({
    method: 'get',
    path: '/forum/threads',
    ...ABOUT,
    summary: 'The threads of a category, pinned first, then by latest activity',
    security: anyoneOrSignedIn,
    request: {
      query: pageQuery.extend({
        category: z.string().min(1).max(120),
        author: z.coerce
          .number()
          .int()
          .positive()
          .optional()
          .openapi({ description: 'The author’s user id' }),
      }),
    },
    responses: {
      200: jsonResponse(listPage(ThreadSchema), 'A page of threads'),
      ...problemsOf(401, 404, 422),
    },
  }),
  thread: createRoute({
    method: 'get',
    path: '/forum/threads/{id}',
    ...ABOUT,
    summary: 'One thread',
    security: anyoneOrSignedIn,
    request: { params: idParam },
    responses: { 200: jsonResponse(ThreadSchema, 'The thread'), ...problemsOf(401, 404, 422) },
  }),
  create: createRoute({
    method: 'post',
    path: '/forum/threads',
    ...ABOUT,
    ...forSignedInWithJson,
    summary: 'Start a thread in a category the caller reads',
    request: { body: jsonBody(threadCreateInput.openapi('ForumThreadInput')) },
    responses: {
      201: jsonResponse(ThreadSchema, 'The new thread'),
      ...problemsOf(400, 401, 404, 415, 422, 429),
    },
  }),
  posts: createRoute({
    method: 'get',
    path: '/forum/threads/{id}/posts',
    ...ABOUT,
    summary: `A page of a thread’s posts (${POSTS_PER_PAGE} a page), the opening post first`,
    security: anyoneOrSignedIn,
    request: { params: idParam, query: pageQuery },
    responses: { 200: jsonResponse(listPage(PostSchema), 'A page of posts'), ...problemsOf(401, 404, 422) },
  }),
  reply: createRoute({
    method: 'post',
    path: '/forum/threads/{id}/posts',
    ...ABOUT,
    ...forSignedInWithJson,
    summary: 'Reply to a thread (refused when it is locked, 403; in slow mode, too soon: 429)',
    request: { params: idParam, body: jsonBody(replyInput.openapi('ForumReplyInput')) },
    responses: {
      201: jsonResponse(PostSchema, 'The reply'),
      ...problemsOf(400, 401, 403, 404, 409, 415, 422, 429),
    },
  }),
  edit: createRoute({
    method: 'patch',
    path: '/forum/posts/{id}',
    ...ABOUT,
    ...forSignedInWithJson,
    summary:
      'Change a post: its author while it is visible and the thread open, or a moderator; `title` renames the thread (its opening post only)',
    request: { params: idParam, body: jsonBody(postEditInput.partial().openapi('ForumPostEditInput')) },
    responses: {
      200: jsonResponse(PostSchema, 'The post as changed'),
      ...problemsOf(400, 401, 403, 404, 415, 422, 429),
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/forum/posts/{id}',
    ...ABOUT,
    ...forSignedIn,
    summary:
      'Delete a post for good (as for changing it); an opening post only while nobody has replied, and its thread goes with it',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...problemsOf(401, 403, 404) },
  }),
  react: createRoute({
    method: 'post',
    path: '/forum/posts/{id}/reactions',
    ...ABOUT,
    ...forSignedInWithJson,
    summary: 'Add the caller’s reaction to a post, or take it back',
    request: { params: idParam, body: jsonBody(reactionInput.openapi('ForumReactionInput')) },
    responses: {
      200: jsonResponse(
        z.object({ reaction: z.enum(REACTIONS), active: z.boolean() }),
        'Whether the reaction is now on',
      ),
      ...problemsOf(401, 404, 409, 415, 422, 429),
    },
  }),
};

export function forumsApi(deps: AppDeps) {
  const { db, config } = deps;
  const threadJson = (thread: Thread, categorySlug: string) => ({
    id: thread.id,
    category: categorySlug,
    title: thread.title,
    lang: thread.lang,
    authorId: thread.author_id,
    question: !!thread.is_question,
    solvedPostId: thread.solved_post_id,
    pinned: !!thread.pinned,
    locked: !!thread.locked,
    slowModeSeconds: thread.slow_mode_seconds,
    posts: thread.post_count,
    lastPostAt: String(thread.last_post_at),
    createdAt: String(thread.created_at),
    page: `${config.baseUrl}/forum/t/${thread.id}`,
  });
  const postJson = (post: Omit<PostView, 'mine' | 'translation' | 'images'>, moderator: boolean) => ({
    id: post.id,
    threadId: post.thread_id,
    authorId: post.author_id,
    author: post.author,
    lang: post.lang,
    body: post.hidden_at && !moderator ? null : post.body,
    hidden: !!post.hidden_at,
    reactions: post.reactions,
    createdAt: String(post.created_at),
    editedAt: post.edited_at ? String(post.edited_at) : null,
  });
  const noReactions = () => Object.fromEntries(REACTIONS.map((r) => [r, 0])) as PostView['reactions'];

  return apiRouter()
    .openapi(routes.categories, async (c) => {
      const categories = await listCategories(db, await requestReader(c), c.var.locale);
      return c.json(
        {
          items: categories.map((cat) => ({
            slug: cat.slug,
            name: cat.name,
            lang: cat.lang,
            description: cat.description,
            theme: cat.theme,
            domain: cat.domain,
            country: cat.country,
            visibility: cat.visibility,
            threads: cat.threads,
          })),
        },
        200,
      );
    })
    .openapi(routes.threads, async (c) => {
      const query = c.req.valid('query');
      const reader = await requestReader(c);
      const category = await visibleCategory(db, reader, query.category);
      const { threads, total } = await listThreads(db, category, reader, {
        page: query.page,
        author: query.author,
      });
      return c.json(
        { total, page: query.page, items: threads.map((t) => threadJson(t, category.slug)) },
        200,
      );
    })
    .openapi(routes.thread, async (c) => {
      const thread = await visibleThread(db, await requestReader(c), c.req.valid('param').id);
      return c.json(threadJson(thread, thread.category.slug), 200);
    })
    .openapi(routes.create, async (c) => {
      const { category: slug, ...input } = c.req.valid('json');
      const reader = await requestReader(c);
      const category = await visibleCategory(db, reader, slug);
      const { thread } = await createThread(actionContext(c), reader, category, input);
      return c.json(threadJson(thread, category.slug), 201);
    })
    .openapi(routes.posts, async (c) => {
      const reader = await requestReader(c);
      const thread = await visibleThread(db, reader, c.req.valid('param').id);
      const { page } = c.req.valid('query');
      const moderator = await moderates(deps, reader.user, thread.category);
      const posts = await threadPosts(db, thread.id, { page, locale: c.var.locale, userId: reader.user?.id });
      return c.json({ total: thread.post_count, page, items: posts.map((p) => postJson(p, moderator)) }, 200);
    })
    .openapi(routes.reply, async (c) => {
      const reader = await requestReader(c);
      const thread = await visibleThread(db, reader, c.req.valid('param').id);
      const moderator = await moderates(deps, reader.user, thread.category);
      const post = await createReply(actionContext(c), thread, c.req.valid('json'), { moderator });
      return c.json(
        postJson({ ...post, author: reader.user?.name ?? null, reactions: noReactions() }, moderator),
        201,
      );
    })
    .openapi(routes.edit, async (c) => {
      const reader = await requestReader(c);
      const { post, thread } = await visiblePost(db, reader, c.req.valid('param').id);
      const input = c.req.valid('json');
      await editPost(actionContext(c), thread, post, {
        body: input.body ?? post.body,
        title: input.title ?? '',
        [HONEYPOT_FIELD]: input[HONEYPOT_FIELD] ?? '',
      });
      const [changed] = await threadPosts(db, thread.id, {
        page: await pageOfPost(db, thread.id, post.id, POSTS_PER_PAGE),
        locale: c.var.locale,
      }).then((posts) => posts.filter((p) => p.id === post.id));
      return c.json(postJson(found(changed), await moderates(deps, reader.user, thread.category)), 200);
    })
    .openapi(routes.remove, async (c) => {
      const { post, thread } = await visiblePost(db, await requestReader(c), c.req.valid('param').id);
      await deletePost(actionContext(c), thread, post);
      return c.body(null, 204);
    })
    .openapi(routes.react, async (c) => {
      const { post } = await visiblePost(db, await requestReader(c), c.req.valid('param').id);
      const { reaction } = c.req.valid('json');
      const active = await toggleReaction(actionContext(c), post, reaction);
      return c.json({ reaction, active }, 200);
    });
}
