// The moderators' members pages: find a member, suspend or lift, and (admins) the new-member limits.
// The writes are the actions'.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actionContext, ensure } from '../../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { attemptWrite, readForm } from '../../../platform/http/forms.ts';
import type { FormState } from '../../../ui/components/form.tsx';
import { renderPage } from '../../../ui/render.tsx';
import { canChangeSwitches, canModerate } from '../permissions.ts';
import { liftSuspension, setPostingLimits, suspendMember } from './actions.ts';
import { postingLimitsSchema, readPostingLimits } from './limits.ts';
import { findMembers, suspensionsInForce, suspensionsOf } from './listing.ts';
import { isLimited } from './may-post.ts';
import { suspensionSchema } from './schemas.ts';
import { MembersView, MemberView } from './views/members.tsx';

type C = Context<AppEnv>;

const memberId = (c: C) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw new HttpError(404, 'error.404.message');
  return id;
};

async function showMembers(c: C, limitsState?: FormState, status: 200 | 422 = 200) {
  const user = ensure(actionContext(c), canModerate);
  const { db } = c.var.deps;
  const q = (c.req.query('q') ?? '').trim().slice(0, 200);
  const [found, inForce, limits] = await Promise.all([
    q ? findMembers(db, q) : null,
    suspensionsInForce(db),
    user && canChangeSwitches(user) ? readPostingLimits(db) : null,
  ]);
  return renderPage(
    c,
    { title: c.var.t('moderation.membersTitle'), noindex: true },
    <MembersView q={q} found={found} inForce={inForce} limits={limits} limitsState={limitsState} />,
    status,
  );
}

async function showMember(c: C, state?: FormState, status: 200 | 409 | 422 = 200) {
  ensure(actionContext(c), canModerate);
  const { db } = c.var.deps;
  const member = await db.selectFrom('users').selectAll().where('id', '=', memberId(c)).executeTakeFirst();
  if (!member) throw new HttpError(404, 'error.404.message');
  const history = await suspensionsOf(db, member.id);
  return renderPage(
    c,
    { title: member.name, noindex: true },
    <MemberView
      member={member}
      history={history}
      mayBeSuspended={isLimited(member) && member.id !== c.var.auth?.user.id}
      state={state}
    />,
    status,
  );
}

export function postingPages(_deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/moderation/members', (c) => showMembers(c));

  app.post('/moderation/limits', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canChangeSwitches);
    const form = await readForm(c, postingLimitsSchema);
    if (!form.ok) return showMembers(c, form, 422);
    await setPostingLimits(ctx, form.data);
    setFlash(c, 'moderation.settingsSaved');
    return c.redirect('/moderation/members', 303);
  });

  app.get('/moderation/members/:id', (c) => showMember(c));

  app.post('/moderation/members/:id/suspend', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canModerate);
    const form = await readForm(c, suspensionSchema);
    if (!form.ok) return showMember(c, form, 422);
    const done = await attemptWrite(() => suspendMember(ctx, memberId(c), form.data));
    if (!done.ok) return showMember(c, { values: form.values, errors: done.errors }, done.status);
    setFlash(c, 'moderation.suspendedSaved');
    return c.redirect(`/moderation/members/${memberId(c)}`, 303);
  });

  app.post('/moderation/members/:id/suspensions/:sid/lift', async (c) => {
    const sid = Number(c.req.param('sid'));
    if (!Number.isSafeInteger(sid) || sid <= 0) throw new HttpError(404, 'error.404.message');
    await liftSuspension(actionContext(c), memberId(c), sid);
    setFlash(c, 'moderation.liftedSaved');
    return c.redirect(`/moderation/members/${memberId(c)}`, 303);
  });

  return app;
}
