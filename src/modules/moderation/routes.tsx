// The report form (anyone signed in, on any Reportable of any module) and the moderation queue
// (moderators and admins): records waiting for approval, open reports, and the admins' switches.
// The writes are the actions' (actions.ts).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actingUser, actionContext, ensure } from '../../platform/actions.ts';
import { hasRole } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { type ReportTarget, readSwitches, reportablesOf, switchesOf, targetOf } from './access.ts';
import { decideReport, fileReport, setSwitches } from './actions.ts';
import { listReports, type ReportRow, recentlyHandled } from './listing.ts';
import { canModerate } from './permissions.ts';
import { decisionSchema, reportInputSchema } from './schemas.ts';
import { ModerationView } from './views/queue.tsx';
import { ReportFormView } from './views/report-form.tsx';

type C = Context<AppEnv>;

function showReportForm(
  c: C,
  { reportable, target }: ReportTarget,
  type: string,
  key: string,
  state?: FormState,
) {
  return renderPage(
    c,
    { title: c.var.t('moderation.reportTitle'), noindex: true },
    <ReportFormView type={type} targetKey={key} target={target} label={reportable.label} state={state} />,
    state ? 422 : 200,
  );
}

export function moderationPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;
  const reportables = reportablesOf(deps);
  const switches = switchesOf(deps);

  app.get('/report', async (c) => {
    const user = actingUser(actionContext(c));
    const type = c.req.query('type') ?? '';
    const key = c.req.query('key') ?? '';
    return showReportForm(c, await targetOf(deps, type, key, user), type, key);
  });

  app.post('/report', async (c) => {
    const ctx = actionContext(c);
    const user = actingUser(ctx);
    const form = await readForm(c, reportInputSchema);
    const type = String(form.values.type ?? '');
    const key = String(form.values.key ?? '');
    // The record must exist and be visible to the reporter, whatever else is wrong (404 first).
    const target = await targetOf(deps, type, key, user);
    if (!form.ok) return showReportForm(c, target, type, key, form);
    const { filed } = await fileReport(ctx, form.data, target);
    setFlash(c, filed ? 'moderation.reportThanks' : 'moderation.reportDuplicate');
    return c.redirect(target.target.url, 303);
  });

  app.get('/moderation', async (c) => {
    const ctx = actionContext(c);
    const user = ensure(ctx, canModerate);
    const [pending, open, recent, values] = await Promise.all([
      Promise.all(deps.modules.flatMap((m) => (m.moderation?.pending ? [m.moderation.pending(db)] : []))),
      listReports(db, 'open'),
      recentlyHandled(db),
      readSwitches(
        db,
        switches.map((s) => s.key),
      ),
    ]);
    // Reports keep the slug: the link follows the record through renames of its title.
    const withUrl = (r: ReportRow) => ({
      ...r,
      url: reportables.get(r.target_type)?.urlOf(r.target_key) ?? '#',
    });
    const labels = Object.fromEntries([...reportables].map(([type, r]) => [type, r.label]));
    return renderPage(
      c,
      { title: c.var.t('moderation.title'), noindex: true },
      <ModerationView
        open={open.map(withUrl)}
        recent={recent.map(withUrl)}
        pending={pending.flat().sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))}
        typeLabels={labels}
        switches={hasRole(user) ? switches.map((s) => ({ ...s, on: values[s.key] ?? false })) : []}
      />,
    );
  });

  app.post('/moderation/reports/:id{[0-9]{1,15}}', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canModerate);
    const form = await readForm(c, decisionSchema);
    if (!form.ok) throw new HttpError(422, 'moderation.badDecision');
    await decideReport(ctx, Number(c.req.param('id')), form.data);
    setFlash(c, form.data.status === 'resolved' ? 'moderation.resolved' : 'moderation.dismissed');
    return c.redirect('/moderation', 303);
  });

  app.post('/moderation/settings', async (c) => {
    const body = await c.req.parseBody({ all: true });
    // An unticked check box sends nothing: every declared switch is set, to on or off.
    await setSwitches(
      actionContext(c),
      Object.fromEntries(switches.map((s) => [s.key, body[s.key] === '1'])),
    );
    setFlash(c, 'moderation.settingsSaved');
    return c.redirect('/moderation', 303);
  });

  return app;
}
