// Writing posts: the form for a new post, editing, deleting, and uploading images for the text.
// Each handler asks permissions.ts (through access.ts) whether the writer may act, checks the whole
// submission — fields, organisation, publishing moment, cover file — before writing anything, and
// then writes the post, its translations, tags, cover, search entry and audit record in one
// transaction: a refusal leaves nothing half-saved and shows the form again with all that was typed.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, type FormValues, readForm } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { ProcessedImage } from '../../platform/images.ts';
import { renderPage } from '../../ui/render.tsx';
import { organisationsOf } from '../directory/index.ts';
import { decideWrite, loadVisible, postingChoices, requireWriter } from './access.ts';
import {
  bodyImagesOf,
  chosenFile,
  coverInfo,
  deleteCover,
  type ImageRefusal,
  processNewsImage,
  saveBodyImage,
  saveCover,
} from './images.ts';
import { canEdit } from './permissions.ts';
import { postInputSchema } from './schemas.ts';
import { createPost, deletePost, type PostDetails, touchPost, updatePost } from './store.ts';
import { formValuesOf, PostFormView } from './views-form.tsx';
import { RESERVED_SLUGS } from './vocab.ts';

type C = Context<AppEnv>;

const isReserved = (c: C) => RESERVED_SLUGS.has(c.req.param('slug') ?? '');

/** The form as submitted: its fields through the shared schema, and the cover (if a file was chosen) checked and re-encoded. */
async function readPostForm(c: C) {
  const form = await readForm(c, postInputSchema);
  // Cached by Hono: the CSRF check and readForm have parsed the same body already.
  const body = await c.req.parseBody({ all: true });
  const file = chosenFile(body.cover);
  let image: ProcessedImage | undefined;
  let refusal: ImageRefusal | undefined;
  if (file) {
    const result = await processNewsImage(file);
    if (result.ok) image = result.image;
    else refusal = result.refusal;
  }
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  if (refusal) errors.cover = refusal.key;
  // A refused file decides the status (413, 415) unless the fields are wrong too.
  const status: ContentfulStatusCode = form.ok && refusal ? refusal.status : 422;
  return {
    form,
    image,
    refusal,
    errors,
    status,
    preview: form.values.preview === '1',
    removeCover: form.values.remove_cover === '1',
  };
}

/** The edit page for someone who may edit the post (401, 403 or 404 otherwise). */
async function loadForEdit(c: C) {
  const user = requireUser(c);
  const loaded = await loadVisible(c, c.req.param('slug') ?? '');
  if (!canEdit(user, loaded.post, loaded.role)) throw new HttpError(403, 'error.403.message');
  return { ...loaded, user };
}

export function newsWritePages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  const showNew = async (
    c: C,
    state: { values?: FormValues; errors?: FieldErrors },
    status: ContentfulStatusCode = 200,
    extra: { coverValues?: Record<string, number>; preview?: boolean } = {},
  ) => {
    const { user, organisations } = await requireWriter(c);
    return renderPage(
      c,
      { title: c.var.t('news.addTitle'), noindex: true },
      <PostFormView action="/news/new" state={state} {...postingChoices(user, organisations)} {...extra} />,
      status,
    );
  };

  app.get('/news/new', async (c) => {
    const { user, organisations } = await requireWriter(c);
    // Members post for their (first) organisation by default; editors post the hub's news.
    const choices = postingChoices(user, organisations);
    const initial = choices.siteNews ? '' : (organisations[0]?.slug ?? '');
    return showNew(c, {
      values: { organisation: initial, lang: c.var.locale, status: 'draft', category: 'news' },
    });
  });

  app.post('/news/new', async (c) => {
    const { user } = await requireWriter(c);
    const submitted = await readPostForm(c);
    const { form } = submitted;
    if (!form.ok || submitted.refusal)
      return showNew(c, { values: form.values, errors: submitted.errors }, submitted.status, {
        coverValues: submitted.refusal?.values,
      });
    if (submitted.preview) return showNew(c, { values: form.values }, 200, { preview: true });
    const decision = await decideWrite(c, form.data, user);
    if (!decision.ok) return showNew(c, { values: form.values, errors: decision.errors }, decision.status);
    const post = await db.transaction().execute(async (trx) => {
      const created = await createPost(trx, form.data, decision.write, user);
      if (submitted.image) {
        await saveCover(trx, created.id, submitted.image);
        await touchPost(trx, created.id);
      }
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'post.created',
        subjectType: 'post',
        subjectId: created.id,
        details: {
          slug: created.slug,
          organisation: form.data.organisation ?? null,
          status: form.data.status,
        },
      });
      return created;
    });
    setFlash(
      c,
      form.data.status === 'draft'
        ? 'news.savedDraft'
        : form.data.status === 'schedule'
          ? 'news.scheduled'
          : 'news.published',
    );
    return c.redirect(`/news/${post.slug}`, 303);
  });

  const showEdit = async (
    c: C,
    post: PostDetails,
    state: { values: FormValues; errors?: FieldErrors },
    status: ContentfulStatusCode = 200,
    extra: {
      coverValues?: Record<string, number>;
      preview?: boolean;
      imageError?: { key: MessageKey; values?: Record<string, number> };
    } = {},
  ) => {
    const user = requireUser(c);
    const [cover, images, organisations] = await Promise.all([
      coverInfo(db, post.id),
      bodyImagesOf(db, post.id),
      organisationsOf(db, user.id),
    ]);
    return renderPage(
      c,
      { title: c.var.t('news.editTitle'), noindex: true },
      <PostFormView
        action={`/news/${post.slug}/edit`}
        state={state}
        editing={post}
        cover={cover}
        bodyImages={images}
        {...postingChoices(user, organisations, post)}
        {...extra}
      />,
      status,
    );
  };

  app.get('/news/:slug/edit', async (c, next) => {
    if (isReserved(c)) return next();
    const { post, now } = await loadForEdit(c);
    return showEdit(c, post, { values: formValuesOf(post, now, c.var.timeZone) });
  });

  app.post('/news/:slug/edit', async (c, next) => {
    if (isReserved(c)) return next();
    const { post, user } = await loadForEdit(c);
    const submitted = await readPostForm(c);
    const { form } = submitted;
    if (!form.ok || submitted.refusal)
      return showEdit(c, post, { values: form.values, errors: submitted.errors }, submitted.status, {
        coverValues: submitted.refusal?.values,
      });
    if (submitted.preview) return showEdit(c, post, { values: form.values }, 200, { preview: true });
    const decision = await decideWrite(c, form.data, user, post);
    if (!decision.ok)
      return showEdit(c, post, { values: form.values, errors: decision.errors }, decision.status);
    await db.transaction().execute(async (trx) => {
      let coverChange: 'replaced' | 'removed' | null = null;
      if (submitted.image) {
        await saveCover(trx, post.id, submitted.image);
        coverChange = 'replaced';
      } else if (submitted.removeCover && (await deleteCover(trx, post.id))) {
        coverChange = 'removed';
      }
      const fields = await updatePost(trx, post, form.data, decision.write, {
        touched: coverChange !== null,
      });
      if (coverChange) fields.push('cover');
      if (fields.length)
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'post.updated',
          subjectType: 'post',
          subjectId: post.id,
          details: { fields, ...(coverChange ? { cover: coverChange } : {}) },
        });
    });
    setFlash(c, 'news.saved');
    return c.redirect(`/news/${post.slug}`, 303);
  });

  app.post('/news/:slug/delete', async (c, next) => {
    if (isReserved(c)) return next();
    const { post } = await loadForEdit(c);
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'post.deleted',
        subjectType: 'post',
        subjectId: post.id,
        details: { slug: post.slug, title: post.title },
      });
      await deletePost(trx, post.id);
    });
    setFlash(c, 'news.deleted');
    return c.redirect('/news', 303);
  });

  // An image for the text: stored, then the edit page shows its Markdown snippet to paste.
  app.post('/news/:slug/images', async (c, next) => {
    if (isReserved(c)) return next();
    const { post, user, now } = await loadForEdit(c);
    const body = await c.req.parseBody({ all: true });
    const file = chosenFile(body.image);
    const refuse = (key: MessageKey, status: ContentfulStatusCode, values?: Record<string, number>) =>
      showEdit(c, post, { values: formValuesOf(post, now, c.var.timeZone) }, status, {
        imageError: { key, values },
      });
    if (!file) return refuse('news.image.missing', 422);
    const result = await processNewsImage(file);
    if (!result.ok) return refuse(result.refusal.key, result.refusal.status, result.refusal.values);
    await db.transaction().execute(async (trx) => {
      const id = await saveBodyImage(trx, post.id, user.id, result.image);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'post.image_added',
        subjectType: 'post',
        subjectId: post.id,
        details: { image: id, bytes: file.size },
      });
    });
    setFlash(c, 'news.imageAdded');
    return c.redirect(`/news/${post.slug}/edit#images-title`, 303);
  });

  return app;
}
