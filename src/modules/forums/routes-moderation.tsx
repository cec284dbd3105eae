// The moderators' forms of a thread page (POST): the thread's settings, move, merge, and hiding or
// restoring a post. Who moderates is asked before the form is read (a visitor gets the login form,
// a member 403, never a 422 about fields they may not send); the actions ask again, as the API
// reaches them too. A refused input comes back as a 422 page.
import { Hono } from 'hono';
import { actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FormResult, readForm } from '../../platform/http/forms.ts';
import {
  getCategory,
  getThread,
  requestReader,
  threadIdParam,
  visiblePost,
  visibleThread,
} from './access.ts';
import {
  ensureModerator,
  hidePost,
  mergeThread,
  moveThread,
  restorePost,
  updateThreadSettings,
} from './actions/moderating.ts';
import { hideInput, mergeInput, moveInput, optionalReason, threadSettingsInput } from './schemas.ts';

const ID = ':id{[0-9]{1,15}}';

export function forumModerationPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  /** A form's data, or the refusal of its fields (422). */
  const valid = async <T,>(result: Promise<FormResult<T>>) => {
    const form = await result;
    if (!form.ok) throw HttpError.invalid(form.errors);
    return form.data;
  };

  app.post(`/forum/t/${ID}/settings`, async (c) => {
    const thread = await visibleThread(db, await requestReader(c), threadIdParam(c));
    await ensureModerator(actionContext(c), thread.category);
    const input = await valid(readForm(c, threadSettingsInput));
    await updateThreadSettings(actionContext(c), thread, input);
    setFlash(c, 'forums.settingsSaved');
    return c.redirect(`/forum/t/${thread.id}`, 303);
  });

  app.post(`/forum/t/${ID}/move`, async (c) => {
    const thread = await visibleThread(db, await requestReader(c), threadIdParam(c));
    await ensureModerator(actionContext(c), thread.category);
    const input = await valid(readForm(c, moveInput));
    await moveThread(actionContext(c), thread, await getCategory(db, input.category));
    setFlash(c, 'forums.moved');
    return c.redirect(`/forum/t/${thread.id}`, 303);
  });

  app.post(`/forum/t/${ID}/merge`, async (c) => {
    const thread = await visibleThread(db, await requestReader(c), threadIdParam(c));
    await ensureModerator(actionContext(c), thread.category);
    const input = await valid(readForm(c, mergeInput));
    await mergeThread(actionContext(c), thread, await getThread(db, input.into));
    setFlash(c, 'forums.mergedDone');
    return c.redirect(`/forum/t/${input.into}`, 303);
  });

  app.post(`/forum/p/${ID}/hide`, async (c) => {
    const { post, thread } = await visiblePost(db, await requestReader(c), threadIdParam(c));
    await ensureModerator(actionContext(c), thread.category);
    const input = await valid(readForm(c, hideInput));
    await hidePost(actionContext(c), thread, post, input.reason);
    return c.redirect(`/forum/p/${post.id}`, 303);
  });

  app.post(`/forum/p/${ID}/restore`, async (c) => {
    const { post, thread } = await visiblePost(db, await requestReader(c), threadIdParam(c));
    const input = await valid(readForm(c, optionalReason));
    await restorePost(actionContext(c), thread, post, input.reason);
    return c.redirect(`/forum/p/${post.id}`, 303);
  });

  return app;
}
