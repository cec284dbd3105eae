// The forum pages, top to bottom as the list of their URLs. Each handler finds the reader (their
// groups), loads what they may read (404 otherwise), calls a listing or an action, and renders.
// A refusal to wait (429: the limits, slow mode) shows the form again with the draft and the time.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext } from '../../platform/actions.ts';
import { imageResponse } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attempt, readForm } from '../../platform/http/forms.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import {
  getCategory,
  moderates,
  pageOfPost,
  requestReader,
  type ThreadIn,
  threadIdParam,
  visibleCategory,
  visiblePost,
  visibleThread,
} from './access.ts';
import { toggleSolved } from './actions/moderating.ts';
import { createReply, createThread, saveRead, saveTranslation, toggleReaction } from './actions/posting.ts';
import { categoryFeed } from './feed.ts';
import { postImages } from './images.ts';
import { listCategories, listThreads, searchPosts, threadPosts } from './listing.ts';
import { groupPathOf, quoteOf, readPostForm, refusedPost } from './post-forms.ts';
import { forumEditingPages } from './routes-editing.tsx';
import { forumModerationPages } from './routes-moderation.tsx';
import {
  forumSearchSchema,
  optionalReason,
  reactionInput,
  replyInput,
  threadInput,
  translationInput,
} from './schemas.ts';
import { CategoryView } from './views/category.tsx';
import { ThreadForm } from './views/forms.tsx';
import { ForumView } from './views/forum.tsx';
import { ThreadView } from './views/thread.tsx';
import { POSTS_PER_PAGE } from './vocab.ts';

type C = Context<AppEnv>;
const ID = ':id{[0-9]{1,15}}';
const pageOf = (c: C) => {
  const n = Number(c.req.query('page') ?? 1);
  return Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};

export function forumPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  app.get('/forum', async (c) => {
    const filter = forumSearchSchema.parse(c.req.query());
    const reader = await requestReader(c);
    const categories = await listCategories(db, reader, c.var.locale);
    const searching = !!(filter.q || filter.category || filter.author || filter.from || filter.to);
    const found = searching ? await searchPosts(db, reader, filter) : null;
    const t = c.var.t;
    return renderPage(
      c,
      { title: t('forums.title'), description: t('forums.intro'), path: '/forum', noindex: searching },
      <ForumView filter={filter} categories={categories} found={found} />,
    );
  });

  app.get('/forum/c/:slug', async (c) => {
    const reader = await requestReader(c);
    const category = await visibleCategory(db, reader, c.req.param('slug'));
    const page = pageOf(c);
    const { threads, total } = await listThreads(db, category, reader, { page });
    const translated = await db
      .selectFrom('forum_category_translations')
      .select('name')
      .where('category_id', '=', category.id)
      .where('lang', '=', c.var.locale)
      .executeTakeFirst();
    const name = translated?.name ?? category.name;
    return renderPage(
      c,
      {
        title: name,
        path: `/forum/c/${category.slug}`,
        noindex: category.visibility !== 'public',
        feeds:
          category.visibility === 'public'
            ? [{ title: name, href: `/forum/c/${category.slug}/feed.atom` }]
            : [],
      },
      <CategoryView
        category={category}
        name={name}
        threads={threads}
        total={total}
        page={page}
        following={
          await isFollowing(db, reader.user?.id, { type: 'forum-category', key: String(category.id) })
        }
        groupPath={await groupPathOf(deps, category.group_id)}
      />,
    );
  });

  app.get('/forum/c/:slug/feed.atom', async (c) => {
    const category = await getCategory(db, c.req.param('slug'));
    // Feeds are read without an account: only public categories have one.
    if (category?.visibility !== 'public') throw new HttpError(404, 'error.404.message');
    return categoryFeed(c, category);
  });

  const showNewThread = async (
    c: C,
    slug: string,
    state: FormState,
    status: ContentfulStatusCode = 200,
    wait?: number,
  ) => {
    const category = await visibleCategory(db, await requestReader(c), slug);
    return renderPage(
      c,
      { title: c.var.t('forums.newThreadIn', { category: category.name }), noindex: true },
      <div class="wrap stack narrow">
        <h1>{c.var.t('forums.newThreadIn', { category: category.name })}</h1>
        <ThreadForm action={`/forum/c/${category.slug}/new`} state={state} wait={wait} />
      </div>,
      status,
    );
  };

  app.get('/forum/c/:slug/new', async (c) => {
    if (!c.var.auth) throw new HttpError(401, 'error.401.message');
    return showNewThread(c, c.req.param('slug'), {});
  });

  app.post('/forum/c/:slug/new', async (c) => {
    if (!c.var.auth) throw new HttpError(401, 'error.401.message');
    const reader = await requestReader(c);
    const category = await visibleCategory(db, reader, c.req.param('slug'));
    const form = await readPostForm(c, await readForm(c, threadInput));
    if (!form.ok) return showNewThread(c, category.slug, form.state, form.status);
    try {
      const { thread } = await createThread(actionContext(c), reader, category, form.data, {
        image: form.image,
      });
      return c.redirect(`/forum/t/${thread.id}`, 303);
    } catch (err) {
      const { wait, status, ...refusal } = refusedPost(c, err);
      return showNewThread(c, category.slug, { values: form.state.values, ...refusal }, status, wait);
    }
  });

  const showThread = async (
    c: C,
    thread: ThreadIn,
    reply: { state: FormState; wait?: number },
    status: ContentfulStatusCode = 200,
    translation?: { postId: number; state: FormState },
  ) => {
    const reader = await requestReader(c);
    const user = reader.user;
    // A translation form sent back is shown on the page of its post.
    const page = translation
      ? await pageOfPost(db, thread.id, translation.postId, POSTS_PER_PAGE)
      : pageOf(c);
    const [posts, moderator, read] = await Promise.all([
      threadPosts(db, thread.id, { page, locale: c.var.locale, userId: user?.id }),
      moderates(deps, user, thread.category),
      user
        ? db
            .selectFrom('forum_reads')
            .select('last_read_post_id')
            .where('user_id', '=', user.id)
            .where('thread_id', '=', thread.id)
            .executeTakeFirst()
        : undefined,
    ]);
    if (posts.length === 0 && page > 1) throw new HttpError(404, 'error.404.message');
    const lastRead = read?.last_read_post_id ?? 0;
    const firstUnread =
      user && thread.last_post_id !== null && thread.last_post_id > lastRead ? lastRead : null;
    const last = posts.at(-1);
    if (user && last) await saveRead(db, user.id, thread.id, last.id);
    const canReply = !!user && (!thread.locked || moderator);
    const quote = c.req.query('quote');
    const state =
      reply.state.values || !quote || !canReply
        ? reply.state
        : { values: { body: await quoteOf(deps, thread, Number(quote)) } };
    return renderPage(
      c,
      {
        title: thread.title,
        path: `/forum/t/${thread.id}${page > 1 ? `?page=${page}` : ''}`,
        noindex: thread.category.visibility !== 'public' || !!quote,
      },
      <ThreadView
        thread={thread}
        posts={posts}
        page={page}
        following={await isFollowing(db, user?.id, { type: 'forum-thread', key: String(thread.id) })}
        firstUnread={firstUnread}
        can={{
          signedIn: !!user,
          moderator,
          canReply,
          canSolve: !!thread.is_question && !!user && (user.id === thread.author_id || moderator),
          translateOwn: !!user,
          editor: !!user && (user.role === 'editor' || user.role === 'admin'),
        }}
        reply={{ state, wait: reply.wait }}
        translation={translation}
        moveTo={
          moderator
            ? (await listCategories(db, reader, c.var.locale)).filter((cat) => cat.id !== thread.category_id)
            : []
        }
        groupPath={await groupPathOf(deps, thread.category.group_id)}
      />,
      status,
    );
  };

  app.get(`/forum/t/${ID}`, async (c) => {
    const thread = await visibleThread(db, await requestReader(c), threadIdParam(c));
    if (thread.merged_into_id) return c.redirect(`/forum/t/${thread.merged_into_id}`, 301);
    return showThread(c, thread, { state: {} });
  });

  app.get(`/forum/t/${ID}/unread`, async (c) => {
    const reader = await requestReader(c);
    const thread = await visibleThread(db, reader, threadIdParam(c));
    const lastRead = reader.user
      ? ((
          await db
            .selectFrom('forum_reads')
            .select('last_read_post_id')
            .where('user_id', '=', reader.user.id)
            .where('thread_id', '=', thread.id)
            .executeTakeFirst()
        )?.last_read_post_id ?? 0)
      : 0;
    const next = await db
      .selectFrom('forum_posts')
      .select('id')
      .where('thread_id', '=', thread.id)
      .where('id', '>', lastRead)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    const target = next?.id ?? thread.last_post_id;
    return c.redirect(target ? `/forum/p/${target}` : `/forum/t/${thread.id}`, 303);
  });

  app.post(`/forum/t/${ID}/reply`, async (c) => {
    const reader = await requestReader(c);
    if (!reader.user) throw new HttpError(401, 'error.401.message');
    const thread = await visibleThread(db, reader, threadIdParam(c));
    const form = await readPostForm(c, await readForm(c, replyInput));
    if (!form.ok) return showThread(c, thread, { state: form.state }, form.status);
    try {
      const moderator = await moderates(deps, reader.user, thread.category);
      const post = await createReply(actionContext(c), thread, form.data, { moderator, image: form.image });
      return c.redirect(`/forum/p/${post.id}`, 303);
    } catch (err) {
      const { wait, status, ...refusal } = refusedPost(c, err);
      return showThread(c, thread, { state: { values: form.state.values, ...refusal }, wait }, status);
    }
  });

  app.get(`/forum/p/${ID}`, async (c) => {
    const { post, thread } = await visiblePost(db, await requestReader(c), threadIdParam(c));
    const page = await pageOfPost(db, thread.id, post.id, POSTS_PER_PAGE);
    return c.redirect(`/forum/t/${thread.id}${page > 1 ? `?page=${page}` : ''}#p-${post.id}`, 302);
  });

  app.get(`/forum/p/${ID}/images/:file{[0-9]{1,15}\\.webp}`, async (c) => {
    const reader = await requestReader(c);
    const { post, thread } = await visiblePost(db, reader, threadIdParam(c));
    if (post.hidden_at && !(await moderates(deps, reader.user, thread.category)))
      throw new HttpError(404, 'error.404.message');
    const imageId = Number(c.req.param('file').slice(0, -'.webp'.length));
    // Shared caches keep only a public category's images.
    return imageResponse(c, (size) => postImages.bytes(db, post.id, imageId, size), {
      shared: thread.category.visibility === 'public' && !post.hidden_at,
    });
  });

  app.post(`/forum/p/${ID}/react`, async (c) => {
    const reader = await requestReader(c);
    if (!reader.user) throw new HttpError(401, 'error.401.message');
    const { post } = await visiblePost(db, reader, threadIdParam(c));
    const form = await readForm(c, reactionInput);
    if (!form.ok) throw new HttpError(422, 'error.422.message');
    await toggleReaction(actionContext(c), post, form.data.reaction);
    return c.redirect(`/forum/p/${post.id}`, 303);
  });

  app.post(`/forum/p/${ID}/translation`, async (c) => {
    const reader = await requestReader(c);
    if (!reader.user) throw new HttpError(401, 'error.401.message');
    const { post, thread } = await visiblePost(db, reader, threadIdParam(c));
    const form = await readForm(c, translationInput);
    // The thread's page again, this post's translation form open with the messages and the draft.
    const again = (state: FormState) => showThread(c, thread, { state: {} }, 422, { postId: post.id, state });
    if (!form.ok) return again(form);
    const moderator = await moderates(deps, reader.user, thread.category);
    const done = await attempt(() => saveTranslation(actionContext(c), post, form.data, moderator));
    if (!done.ok) return again({ values: form.values, errors: done.errors });
    setFlash(c, 'forums.translationSaved');
    return c.redirect(`/forum/p/${post.id}`, 303);
  });

  app.post(`/forum/p/${ID}/solve`, async (c) => {
    const reader = await requestReader(c);
    if (!reader.user) throw new HttpError(401, 'error.401.message');
    const { post, thread } = await visiblePost(db, reader, threadIdParam(c));
    // readForm() refuses a filled honeypot; the form has nothing else to read.
    await readForm(c, optionalReason);
    await toggleSolved(actionContext(c), thread, post);
    return c.redirect(`/forum/p/${post.id}`, 303);
  });

  return app.route('/', forumModerationPages(deps)).route('/', forumEditingPages(deps));
}
