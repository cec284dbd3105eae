// The pages of /admin/focal-points: who is the focal point of which country (a scoped role that lets them start
// and manage their country's groups), with the form to name one and the buttons to un-name them.
// Administrators only.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { actionContext, ensure } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { country, email, recordId } from '../../platform/http/fields.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm, submitForm } from '../../platform/http/forms.ts';
import { holdersOf } from '../../platform/scoped-roles.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { grantFocalPoint, revokeFocalPoint } from './actions/focal-points.ts';
import { canAdminister } from './permissions.ts';
import { FocalPointsView } from './views/focal-points.tsx';

const grantSchema = z.object({ email: email(), country: country() });
const revokeSchema = z.object({ country: country(), user_id: recordId() });

export function focalPointPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const show = async (c: Context<AppEnv>, state: FormState = {}, status: 200 | 422 = 200) =>
    renderPage(
      c,
      { title: c.var.t('admin.focalPoints.title'), noindex: true },
      <FocalPointsView holders={await holdersOf(deps.db, 'country')} state={state} />,
      status,
    );

  app.get('/admin/focal-points', (c) => {
    ensure(actionContext(c), canAdminister);
    return show(c);
  });

  app.post('/admin/focal-points', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canAdminister);
    const done = await submitForm(c, grantSchema, (input) => grantFocalPoint(ctx, input));
    if (!done.ok) return show(c, done, 422);
    setFlash(c, 'admin.focalPoints.named');
    return c.redirect('/admin/focal-points', 303);
  });

  app.post('/admin/focal-points/remove', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canAdminister);
    const form = await readForm(c, revokeSchema);
    if (!form.ok) throw new HttpError(422, 'form.invalid');
    await revokeFocalPoint(ctx, form.data.country, form.data.user_id);
    setFlash(c, 'admin.focalPoints.removed');
    return c.redirect('/admin/focal-points', 303);
  });

  return app;
}
