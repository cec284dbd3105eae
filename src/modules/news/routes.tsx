// The news pages, top to bottom as the list of their URLs: the list, its feed and exports, the
// images for the text, the writers' form, a post with its cover and comments. Each handler reads its
// input (the schemas, the cover check), calls a listing or an action, and renders; the rules and the
// writes are the actions' (actions.ts), the same the API and the seed call.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actingUser, actionContext, ensure } from '../../platform/actions.ts';
import { chosenFile, imageResponse } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attemptPost, readForm } from '../../platform/http/forms.ts';
import { readFormWithImage } from '../../platform/http/image-form.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { excerpt } from '../../platform/markdown.ts';
import { siteName } from '../../platform/site/index.ts';
import { nowIso } from '../../platform/time.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { organisationsOf } from '../directory/index.ts';
import {
  getComment,
  getPostById,
  imageOwner,
  loadComment,
  loadEditable,
  loadVisible,
  type PostDetails,
  postingChoices,
  stateOf,
  translationFor,
  visibleTo,
  writerOf,
} from './access.ts';
import { addBodyImage, addComment, createPost, deletePost, setCommentHidden, updatePost } from './actions.ts';
import { exportColumns, exportRows } from './export.ts';
import { feedHref, feedTitle, newsFeed } from './feed.ts';
import { bodyImages, bodyImagesOf, covers, coverUrl } from './images.ts';
import { facets, listComments, listPosts, PAGE_SIZE } from './listing.ts';
import { canComment, canEdit, canHideComments, canWrite } from './permissions.ts';
import { commentInput, filterQuery, formValuesOf, newsFilterSchema, postInput } from './schemas.ts';
import { postJsonLd, type ShownVersion } from './structured-data.ts';
import { type PostFormProps, PostFormView } from './views/form.tsx';
import { NewsListView } from './views/list.tsx';
import { PostView } from './views/post.tsx';
import type { PublishChoice } from './vocab.ts';

type C = Context<AppEnv>;

const FLASH_OF = {
  draft: 'news.savedDraft',
  publish: 'news.published',
  schedule: 'news.scheduled',
} as const satisfies Record<PublishChoice, string>;

/** The version of the post to show: the one asked for (?lang=), else the reader's, else the original. */
function shownVersion(post: PostDetails, locale: string, asked: string | undefined): ShownVersion {
  const original = { lang: post.lang, title: post.title, body: post.body, translated: false };
  if (asked === post.lang) return original;
  const tr = post.translations.find((x) => x.lang === asked) ?? translationFor(post, locale);
  return tr
    ? { lang: tr.lang, title: tr.title || post.title, body: tr.body || post.body, translated: true }
    : original;
}

/** The writer of a page request: 401 signed out, 403 when they may write nothing. */
async function writer(c: C) {
  const ctx = actionContext(c);
  const { organisations } = await writerOf(ctx);
  return { ctx, user: actingUser(ctx), organisations };
}

/**
 * Runs a write whose refusal names fields (422; 403 for an organisation that is not the writer's),
 * which the page shows next to them with the form as it was sent; other errors go on up. (The
 * platform's attemptWrite knows 409 and 422; a 403 next to a field is the news form's own.)
 */
async function tryWrite<T>(write: () => Promise<T>) {
  try {
    return { ok: true, value: await write() } as const;
  } catch (err) {
    if (err instanceof HttpError && err.fieldErrors && (err.status === 403 || err.status === 422))
      return { ok: false, errors: err.fieldErrors, status: err.status } as const;
    throw err;
  }
}

/** The post form as submitted: its fields, the cover (checked), preview and remove-the-cover. */
async function readPostForm(c: C) {
  const form = await readFormWithImage(c, postInput, 'cover', covers);
  if (!form.ok) return form;
  return { ...form, preview: form.values.preview === '1', removeCover: form.values.remove_cover === '1' };
}

export function newsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/news', async (c) => {
    const filter = newsFilterSchema.parse(c.req.query());
    const now = nowIso();
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

  // The list as filtered: only published posts, as on the page.
  app.get('/news/:file{export\\.(csv|xlsx)}', async (c) => {
    const now = nowIso();
    const rows = await exportRows(db, newsFilterSchema.parse(c.req.query()), { locale: c.var.locale, now });
    return spreadsheetDownload(c, exportColumns(config.baseUrl), rows, { file: 'news', sheet: 'News' });
  });

  // Images inside posts: seen by whoever may see their post.
  app.get('/news/images/:file{[0-9]{1,15}\\.webp}', async (c) => {
    const id = Number(c.req.param('file').replace('.webp', ''));
    const now = nowIso();
    const post = await imageOwner(db, id);
    if (!post || !(await visibleTo(db, post, c.var.auth?.user ?? null, now)))
      throw new HttpError(404, 'error.404.message');
    return imageResponse(c, (size) => bodyImages.bytes(db, post.id, id, size), {
      shared: stateOf(post, now) === 'published',
    });
  });

  // Where a reported comment lives (the moderation queue knows its number, not its post).
  app.get('/news/comments/:id{[0-9]{1,15}}', async (c) => {
    const comment = await getComment(db, Number(c.req.param('id')));
    const post = comment ? await getPostById(db, comment.post_id) : undefined;
    if (!comment || !post) throw new HttpError(404, 'error.404.message');
    const { post: visible } = await loadVisible(c, post.slug);
    return c.redirect(`/news/${visible.slug}#comment-${comment.id}`, 302);
  });

  // ── The writers' form ──────────────────────────────────────────────────────

  const showForm = async (
    c: C,
    state: FormState,
    status: ContentfulStatusCode = 200,
    extra: Pick<PostFormProps, 'editing' | 'preview' | 'imageError'> = {},
  ) => {
    const { user, organisations } = await writer(c);
    const { editing } = extra;
    const [cover, images] = editing
      ? await Promise.all([covers.info(db, editing.id), bodyImagesOf(db, editing.id)])
      : [];
    return renderPage(
      c,
      { title: c.var.t(editing ? 'news.editTitle' : 'news.addTitle'), noindex: true },
      <PostFormView
        action={editing ? `/news/${editing.slug}/edit` : '/news/new'}
        state={state}
        cover={cover}
        bodyImages={images}
        {...postingChoices(user, organisations, editing)}
        {...extra}
      />,
      status,
    );
  };

  app.get('/news/new', async (c) => {
    const { user, organisations } = await writer(c);
    // Members post for their (first) organisation by default; editors post the hub's news.
    const initial = postingChoices(user, organisations).siteNews ? '' : (organisations[0]?.slug ?? '');
    return showForm(c, {
      values: { organisation: initial, lang: c.var.locale, status: 'draft', category: 'news' },
    });
  });

  app.post('/news/new', async (c) => {
    const { ctx } = await writer(c);
    const form = await readPostForm(c);
    if (!form.ok) return showForm(c, form.state, form.status);
    if (form.preview) return showForm(c, { values: form.values }, 200, { preview: true });
    const done = await tryWrite(() => createPost(ctx, form.data, { cover: form.image }));
    if (!done.ok) return showForm(c, { values: form.values, errors: done.errors }, done.status);
    setFlash(c, FLASH_OF[form.data.status]);
    return c.redirect(`/news/${done.value.slug}`, 303);
  });

  app.get('/news/:slug/edit', async (c) => {
    const { post, now } = await loadEditable(c, c.req.param('slug'));
    return showForm(c, { values: formValuesOf(post, now, c.var.timeZone) }, 200, { editing: post });
  });

  app.post('/news/:slug/edit', async (c) => {
    const { post } = await loadEditable(c, c.req.param('slug'));
    const editing = { editing: post };
    const form = await readPostForm(c);
    if (!form.ok) return showForm(c, form.state, form.status, editing);
    if (form.preview) return showForm(c, { values: form.values }, 200, { ...editing, preview: true });
    const change = { cover: form.image, removeCover: form.removeCover };
    const done = await tryWrite(() => updatePost(actionContext(c), post, form.data, change));
    if (!done.ok) return showForm(c, { values: form.values, errors: done.errors }, done.status, editing);
    setFlash(c, 'news.saved');
    return c.redirect(`/news/${post.slug}`, 303);
  });

  app.post('/news/:slug/delete', async (c) => {
    const { post } = await loadEditable(c, c.req.param('slug'));
    await deletePost(actionContext(c), post);
    setFlash(c, 'news.deleted');
    return c.redirect('/news', 303);
  });

  // An image for the text: stored, then the edit page shows its Markdown snippet to paste.
  app.post('/news/:slug/images', async (c) => {
    const { post, now } = await loadEditable(c, c.req.param('slug'));
    const file = chosenFile((await c.req.parseBody({ all: true })).image);
    const check = await bodyImages.check(file);
    if (!check.ok)
      return showForm(c, { values: formValuesOf(post, now, c.var.timeZone) }, check.refusal.status, {
        editing: post,
        imageError: { key: check.refusal.key, values: check.refusal.values },
      });
    await addBodyImage(actionContext(c), post, check.image, file?.size ?? 0);
    setFlash(c, 'news.imageAdded');
    return c.redirect(`/news/${post.slug}/edit#images-title`, 303);
  });

  // ── A post and its comments ────────────────────────────────────────────────

  const showPost = async (
    c: C,
    slug: string,
    commentState?: FormState,
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
      covers.info(db, post.id),
      listComments(db, post.id, { withHidden: may.hide }),
    ]);
    const shown = shownVersion(post, c.var.locale, c.req.query('lang'));
    const image = cover ? `${config.baseUrl}${coverUrl(post.slug, cover)}` : undefined;
    return renderPage(
      c,
      {
        title: shown.title,
        description: excerpt(shown.body, 200) || undefined,
        path: `/news/${post.slug}`,
        ogType: 'article',
        ogImage: image,
        jsonLd: postJsonLd(post, {
          shown,
          state,
          image,
          baseUrl: config.baseUrl,
          siteName: siteName(c),
          section: c.var.t(`news.category.${post.category}`),
        }),
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

  app.get('/news/:slug', (c) => showPost(c, c.req.param('slug')));

  app.get('/news/:slug/cover.webp', async (c) => {
    const { post, now } = await loadVisible(c, c.req.param('slug'));
    // Covers of drafts are seen only by their writers: no shared caches.
    return imageResponse(c, (size) => covers.bytes(db, post.id, size), {
      shared: stateOf(post, now) === 'published',
    });
  });

  app.post('/news/:slug/comments', async (c) => {
    const ctx = actionContext(c);
    actingUser(ctx);
    const { post, now } = await loadVisible(c, c.req.param('slug'));
    ensure(ctx, (u) => canComment(u, post, now), 'news.commentsClosed');
    const form = await readForm(c, commentInput);
    if (!form.ok) return showPost(c, post.slug, { values: form.values, errors: form.errors }, 422);
    const added = await attemptPost(c, () => addComment(ctx, post, form.data));
    if (!added.ok) return showPost(c, post.slug, { values: form.values, ...added }, added.status);
    setFlash(c, 'news.commentAdded');
    return c.redirect(`/news/${post.slug}#comment-${added.value}`, 303);
  });

  for (const action of ['hide', 'show'] as const) {
    app.post(`/news/:slug/comments/:id{[0-9]{1,15}}/${action}`, async (c) => {
      const ctx = actionContext(c);
      actingUser(ctx);
      const { post } = await loadVisible(c, c.req.param('slug'));
      const comment = await loadComment(c, post);
      await setCommentHidden(ctx, post, comment, action === 'hide');
      setFlash(c, action === 'hide' ? 'news.commentHiddenFlash' : 'news.commentShownFlash');
      return c.redirect(`/news/${post.slug}#comment-${comment.id}`, 303);
    });
  }

  return app;
}
