// A member's own post, changed or taken back (a moderator may do both): the edit page, its form,
// and deleting. A refused change (bad input, the limits, a suspension) comes back with the draft.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { moderates, type Post, requestReader, type ThreadIn, threadIdParam, visiblePost } from './access.ts';
import { deletePost, editPost, openingPostId } from './actions/editing.ts';
import { canDeletePost, canEditPost } from './permissions.ts';
import { refusedPost } from './post-forms.ts';
import { postEditInput } from './schemas.ts';
import { EditPostView } from './views/edit.tsx';

type C = Context<AppEnv>;
const ID = ':id{[0-9]{1,15}}';

export function forumEditingPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  /** The post and its thread for a reader who may change it: 401 for a visitor, 403 for others. */
  const editable = async (c: C) => {
    const reader = await requestReader(c);
    if (!reader.user) throw new HttpError(401, 'error.401.message');
    const { post, thread } = await visiblePost(db, reader, threadIdParam(c));
    const moderator = await moderates(deps, reader.user, thread.category);
    if (!canEditPost(reader.user, post, thread, moderator)) throw new HttpError(403, 'forums.cannotEdit');
    const opening = await openingPostId(db, thread.id);
    const mayDelete = canDeletePost(reader.user, post, { ...thread, opening_post_id: opening }, moderator);
    return { post, thread, opening: post.id === opening, mayDelete };
  };

  const showForm = (
    c: C,
    at: { post: Post; thread: ThreadIn; opening: boolean; mayDelete: boolean },
    state: FormState,
    status: ContentfulStatusCode = 200,
    wait?: number,
  ) =>
    renderPage(
      c,
      { title: `${c.var.t('forums.editPost')} · ${at.thread.title}`, noindex: true },
      <EditPostView
        postId={at.post.id}
        threadId={at.thread.id}
        threadTitle={at.thread.title}
        opening={at.opening}
        mayDelete={at.mayDelete}
        state={state}
        wait={wait}
      />,
      status,
    );

  app.get(`/forum/p/${ID}/edit`, async (c) => {
    const at = await editable(c);
    return showForm(c, at, {
      values: { body: at.post.body, ...(at.opening ? { title: at.thread.title } : {}) },
    });
  });

  app.post(`/forum/p/${ID}/edit`, async (c) => {
    const at = await editable(c);
    const form = await readForm(c, postEditInput);
    if (!form.ok) return showForm(c, at, form, 422);
    try {
      await editPost(actionContext(c), at.thread, at.post, form.data);
    } catch (err) {
      const { wait, status, ...refusal } = refusedPost(c, err);
      return showForm(c, at, { values: form.values, ...refusal }, status, wait);
    }
    setFlash(c, 'forums.postEdited');
    return c.redirect(`/forum/p/${at.post.id}`, 303);
  });

  app.post(`/forum/p/${ID}/delete`, async (c) => {
    const at = await editable(c);
    // readForm() refuses a filled honeypot; the form has nothing else to read.
    await readForm(c, z.object({}));
    const { threadDeleted } = await deletePost(actionContext(c), at.thread, at.post);
    setFlash(c, threadDeleted ? 'forums.threadDeleted' : 'forums.postDeleted');
    return c.redirect(
      threadDeleted ? `/forum/c/${at.thread.category.slug}` : `/forum/t/${at.thread.id}`,
      303,
    );
  });

  return app;
}
