// The report form (anyone signed in, on any Reportable of any module) and the moderation queue
// (moderators and admins): open reports, records waiting for approval, and the admins' switches.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { auditOrigin } from '../../platform/audit.ts';
import { hasRole, requireRole, requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv, Reportable } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { hitRateLimit } from '../../platform/rate-limit.ts';
import { renderPage } from '../../ui/render.tsx';
import { decisionSchema, reportInputSchema } from './schemas.ts';
import {
  decideReport,
  fileReport,
  listReports,
  type ReportRow,
  readSwitches,
  writeSwitches,
} from './store.ts';
import { ModerationView, ReportFormView } from './views.tsx';

/** Enough for an honest reader; a flood of reports from one account is refused. */
const REPORT_RATE = { name: 'report:user', limit: 20, windowSeconds: 3600 };

export function moderationPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, modules } = deps;
  const reportables = new Map<string, Reportable>(
    modules.flatMap((m) => m.moderation?.reportables ?? []).map((r) => [r.type, r]),
  );
  const switches = modules.flatMap((m) => m.moderation?.settings ?? []);

  /** The record a report is about, as the reporter sees it, or 404. */
  async function targetOf(c: Context<AppEnv>, type: string, key: string) {
    const reportable = reportables.get(type);
    const target = reportable ? await reportable.find(db, key, c.var.auth?.user ?? null) : null;
    if (!reportable || !target) throw new HttpError(404, 'error.404.message');
    return { reportable, target };
  }

  app.get('/report', async (c) => {
    requireUser(c);
    const type = c.req.query('type') ?? '';
    const key = c.req.query('key') ?? '';
    const { reportable, target } = await targetOf(c, type, key);
    return renderPage(
      c,
      { title: c.var.t('moderation.reportTitle'), noindex: true },
      <ReportFormView type={type} targetKey={key} target={target} label={reportable.label} />,
    );
  });

  app.post('/report', async (c) => {
    const user = requireUser(c);
    const form = await readForm(c, reportInputSchema);
    const type = String(form.values.type ?? '');
    const key = String(form.values.key ?? '');
    const { reportable, target } = await targetOf(c, type, key);
    if (!form.ok) {
      return renderPage(
        c,
        { title: c.var.t('moderation.reportTitle'), noindex: true },
        <ReportFormView
          type={type}
          targetKey={key}
          target={target}
          label={reportable.label}
          state={{ values: form.values, errors: form.errors }}
        />,
        422,
      );
    }
    const rate = await hitRateLimit(db, REPORT_RATE, String(user.id));
    if (rate.blocked) {
      c.header('Retry-After', String(rate.retryAfter));
      throw new HttpError(429, 'moderation.tooManyReports');
    }
    const filed = await fileReport(
      db,
      { ...form.data, title: target.title, reporterId: user.id },
      auditOrigin(c),
    );
    setFlash(c, filed.ok ? 'moderation.reportThanks' : 'moderation.reportDuplicate');
    return c.redirect(target.url, 303);
  });

  app.get('/moderation', async (c) => {
    const user = requireRole(c, 'moderator');
    const pendingLists = await Promise.all(
      modules.flatMap((m) => (m.moderation?.pending ? [m.moderation.pending(db)] : [])),
    );
    const [open, handled, values] = await Promise.all([
      listReports(db, 'open'),
      Promise.all([listReports(db, 'resolved', 20), listReports(db, 'dismissed', 20)]),
      readSwitches(
        db,
        switches.map((s) => s.key),
      ),
    ]);
    const recent = handled
      .flat()
      .sort((a, b) => String(b.handled_at).localeCompare(String(a.handled_at)))
      .slice(0, 20);
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
        pending={pendingLists.flat().sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))}
        typeLabels={labels}
        switches={hasRole(user) ? switches.map((s) => ({ ...s, on: values[s.key] ?? false })) : []}
      />,
    );
  });

  app.post('/moderation/reports/:id', async (c) => {
    const user = requireRole(c, 'moderator');
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id)) throw new HttpError(404, 'error.404.message');
    const form = await readForm(c, decisionSchema);
    if (!form.ok) throw new HttpError(422, 'moderation.badDecision');
    const result = await decideReport(db, id, form.data, { ...auditOrigin(c), actorId: user.id });
    if (!result.ok) {
      if (result.reason === 'notFound') throw new HttpError(404, 'error.404.message');
      throw new HttpError(409, 'moderation.alreadyHandled');
    }
    setFlash(c, form.data.status === 'resolved' ? 'moderation.resolved' : 'moderation.dismissed');
    return c.redirect('/moderation', 303);
  });

  app.post('/moderation/settings', async (c) => {
    requireRole(c);
    const body = await c.req.parseBody({ all: true });
    // An unticked check box sends nothing: every declared switch is set, to on or off.
    const values = Object.fromEntries(switches.map((s) => [s.key, body[s.key] === '1']));
    await writeSwitches(db, values, auditOrigin(c));
    setFlash(c, 'moderation.settingsSaved');
    return c.redirect('/moderation', 303);
  });

  return app;
}
