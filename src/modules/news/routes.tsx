// The news pages for readers, top to bottom as the list of their URLs: the list, its feed, the
// images, a post with its comments. Writing (new, edit, delete, image uploads) is write-routes.tsx.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import { type FormValues, readForm } from '../../platform/http/forms.ts';
import { serveImage } from '../../platform/images.ts';
import { nowIso } from '../../platform/time.ts';
import { renderPage } from '../../ui/render.tsx';
import { organisationsOf } from '../directory/index.ts';
import { loadVisible } from './access.ts';
import { feedHref, feedTitle, newsFeed } from './feed.ts';
import { bodyImage, coverBytes, coverInfo, coverUrl } from './images.ts';
import { canComment, canEdit, canHideComments, canView, canWrite } from './permissions.ts';
import { commentInputSchema, filterQuery, newsFilterSchema } from './schemas.ts';
import {
  addComment,
  facets,
  getComment,
  getPostById,
  listComments,
  listPosts,
  PAGE_SIZE,
  type PostDetails,
  promoteDuePosts,
  roleFor,
  setCommentHidden,
  stateOf,
  summaryOf,
  translationFor,
} from './store.ts';
import { NewsListView } from './views-list.tsx';
import { PostView } from './views-post.tsx';
import { RESERVED_SLUGS } from './vocab.ts';
import { newsWritePages } from './write-routes.tsx';

type C = Context<AppEnv>;

/** /news/new, /news/feed.atom, …: pages of their own, never a post. */
const isReserved = (c: C) => RESERVED_SLUGS.has(c.req.param('slug') ?? '');

/** The version of the post to show: the one asked for (?lang=), else the reader's, else the original. */
function shownVersion(post: PostDetails, locale: string, asked: string | undefined) {
  const original = { lang: post.lang, title: post.title, body: post.body, translated: false };
  if (asked === post.lang) return original;
  const tr = post.translations.find((x) => x.lang === asked) ?? translationFor(post, locale);
  return tr
    ? { lang: tr.lang, title: tr.title || post.title, body: tr.body || post.body, translated: true }
    : original;
}

export function newsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/news', async (c) => {
    const filter = newsFilterSchema.parse(c.req.query());
    const now = nowIso();
    await promoteDuePosts(db, now);
    const user = c.var.auth?.user ?? null;
    const [{ cards, total }, facet, memberships] = await Promise.all([
      listPosts(db, filter, { locale: c.var.locale, now }),
      facets(db, now),
      user ? organisationsOf(db, user.id) : Promise.resolve([]),
    ]);
    const t = c.var.t;
    return renderPage(
      c,
      {
        title: t('news.title'),
        description: t('news.intro'),
        path: `/news${filterQuery(filter, { page: true })}`,
        feeds: [{ title: feedTitle(c, filter), href: feedHref(filter) }],
      },
      <NewsListView
        filter={filter}
        cards={cards}
        total={total}
        pageSize={PAGE_SIZE}
        tags={facet.tags}
        languages={facet.languages}
        organisations={facet.organisations}
        canWrite={canWrite(user, memberships.length)}
      />,
    );
  });

  app.get('/news/feed.atom', (c) => newsFeed(c, newsFilterSchema.parse(c.req.query())));

  // Images inside posts: seen by whoever may see their post.
  app.get('/news/images/:file{[0-9]{1,15}\\.webp}', async (c) => {
    const id = Number(c.req.param('file').replace('.webp', ''));
    const size = c.req.query('size') === 'thumb' ? 'thumb' : 'full';
    const row = await bodyImage(db, id, size);
    const post = row ? await getPostById(db, row.post_id) : undefined;
    const user = c.var.auth?.user ?? null;
    const now = nowIso();
    if (!row || !post || !canView(user, post, await roleFor(db, post, user), now))
      throw new HttpError(404, 'error.404.message');
    return serveImage(c, row, { size, shared: stateOf(post, now) === 'published' });
  });

  // Where a reported comment lives (the moderation queue knows its number, not its post).
  app.get('/news/comments/:id{[0-9]{1,15}}', async (c) => {
    const comment = await getComment(db, Number(c.req.param('id')));
    const post = comment ? await getPostById(db, comment.post_id) : undefined;
    if (!comment || !post) throw new HttpError(404, 'error.404.message');
    const { post: visible } = await loadVisible(c, post.slug);
    return c.redirect(`/news/${visible.slug}#comment-${comment.id}`, 302);
  });

  // Writing: /news/new and /news/:slug/edit, /delete, /images (before the post page, which steps
  // aside for reserved words anyway).
  app.route('/', newsWritePages(deps));

  const showPost = async (
    c: C,
    slug: string,
    commentState?: { values: FormValues; errors: FieldErrors },
    status: ContentfulStatusCode = 200,
  ) => {
    const { post, user, role, now } = await loadVisible(c, slug);
    const state = stateOf(post, now);
    const may = {
      edit: canEdit(user, post, role),
      comment: canComment(user, post, now),
      hide: canHideComments(user, post),
      report: !!user,
    };
    const [cover, comments] = await Promise.all([
      coverInfo(db, post.id),
      listComments(db, post.id, { withHidden: may.hide }),
    ]);
    const shown = shownVersion(post, c.var.locale, c.req.query('lang'));
    const pageUrl = `${config.baseUrl}/news/${post.slug}`;
    const image = cover ? `${config.baseUrl}${coverUrl(post.slug, cover)}` : undefined;
    const publisher = post.organisation
      ? {
          '@type': 'Organization',
          name: post.organisation.name,
          url: `${config.baseUrl}/directory/${post.organisation.slug}`,
        }
      : { '@type': 'Organization', name: config.siteName, url: config.baseUrl };
    const jsonLd: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': post.category === 'blog' ? 'BlogPosting' : 'NewsArticle',
      headline: shown.title.slice(0, 110),
      inLanguage: shown.lang,
      ...(shown.translated
        ? { translationOfWork: { '@type': 'CreativeWork', inLanguage: post.lang, name: post.title } }
        : {}),
      url: pageUrl,
      mainEntityOfPage: pageUrl,
      ...(post.published_at && state === 'published' ? { datePublished: post.published_at } : {}),
      dateModified: post.updated_at,
      author: post.organisation
        ? publisher
        : post.author
          ? { '@type': 'Person', name: post.author.name }
          : publisher,
      publisher,
      ...(image ? { image } : {}),
      ...(post.body ? { description: summaryOf(shown.body, 300) } : {}),
      articleSection: c.var.t(`news.category.${post.category}`),
      ...(post.tags.length ? { keywords: post.tags.join(', ') } : {}),
    };
    return renderPage(
      c,
      {
        title: shown.title,
        description: summaryOf(shown.body, 200) || undefined,
        path: `/news/${post.slug}`,
        ogType: 'article',
        ogImage: image,
        jsonLd,
        noindex: state !== 'published',
      },
      <PostView
        post={post}
        shown={shown}
        state={state}
        cover={cover}
        comments={comments}
        may={may}
        commentState={commentState}
      />,
      status,
    );
  };

  app.get('/news/:slug', async (c, next) => {
    if (isReserved(c)) return next();
    await promoteDuePosts(db);
    return showPost(c, c.req.param('slug'));
  });

  app.get('/news/:slug/cover.webp', async (c, next) => {
    if (isReserved(c)) return next();
    const { post, now } = await loadVisible(c, c.req.param('slug'));
    const size = c.req.query('size') === 'thumb' ? 'thumb' : 'full';
    const row = await coverBytes(db, post.id, size);
    if (!row) throw new HttpError(404, 'error.404.message');
    // Covers of drafts are seen only by their writers: no shared caches.
    return serveImage(c, row, { size, shared: stateOf(post, now) === 'published' });
  });

  app.post('/news/:slug/comments', async (c, next) => {
    if (isReserved(c)) return next();
    const user = requireUser(c);
    const { post, now } = await loadVisible(c, c.req.param('slug'));
    if (!canComment(user, post, now)) throw new HttpError(403, 'news.commentsClosed');
    const form = await readForm(c, commentInputSchema);
    if (!form.ok) return showPost(c, post.slug, { values: form.values, errors: form.errors }, 422);
    const id = await db.transaction().execute(async (trx) => {
      const created = await addComment(trx, post.id, user, form.data.body);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'post.commented',
        subjectType: 'post_comment',
        subjectId: created,
        details: { post: post.slug },
      });
      return created;
    });
    setFlash(c, 'news.commentAdded');
    return c.redirect(`/news/${post.slug}#comment-${id}`, 303);
  });

  for (const action of ['hide', 'show'] as const) {
    app.post(`/news/:slug/comments/:id{[0-9]{1,15}}/${action}`, async (c, next) => {
      if (isReserved(c)) return next();
      const user = requireUser(c);
      const { post } = await loadVisible(c, c.req.param('slug'));
      const comment = await getComment(db, Number(c.req.param('id')));
      if (!comment || comment.post_id !== post.id) throw new HttpError(404, 'error.404.message');
      if (!canHideComments(user, post)) throw new HttpError(403, 'error.403.message');
      await db.transaction().execute(async (trx) => {
        await setCommentHidden(trx, comment.id, user, action === 'hide');
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: action === 'hide' ? 'post.comment_hidden' : 'post.comment_shown',
          subjectType: 'post_comment',
          subjectId: comment.id,
          details: { post: post.slug },
        });
      });
      setFlash(c, action === 'hide' ? 'news.commentHiddenFlash' : 'news.commentShownFlash');
      return c.redirect(`/news/${post.slug}#comment-${comment.id}`, 303);
    });
  }

  return app;
}
