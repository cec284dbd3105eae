// Administration pages: overview, accounts (search, filter, role, disable) and the audit log.
// Every handler starts with requireRole(c, 'admin').
import { Hono } from 'hono';
import { auditOrigin } from '../../platform/audit.ts';
import { requireRole } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { localPath } from '../../platform/http/request.ts';
import { renderPage } from '../../ui/render.tsx';
import { auditFilterSchema, roleChangeSchema, userFilterSchema } from './schemas.ts';
import {
  type AdminChangeResult,
  changeRole,
  countUsersByRole,
  distinctAuditActions,
  listAudit,
  listUsers,
  outboxBacklog,
  setDisabled,
} from './store.ts';
import { AdminHomeView, AuditView, UsersView } from './views.tsx';

const PAGE_SIZE = 25;
const AUDIT_PAGE = 50;

function refuse(result: AdminChangeResult & { ok: false }): never {
  if (result.reason === 'notFound') throw new HttpError(404, 'error.404.message');
  if (result.reason === 'self') throw new HttpError(409, 'admin.cannotDisableSelf');
  throw new HttpError(409, 'admin.lastAdmin');
}

export function adminPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  app.get('/admin', async (c) => {
    requireRole(c, 'admin');
    const [roles, outbox] = await Promise.all([countUsersByRole(db), outboxBacklog(db)]);
    return renderPage(
      c,
      { title: c.var.t('admin.title'), noindex: true },
      <AdminHomeView roles={roles} outbox={outbox} />,
    );
  });

  app.get('/admin/users', async (c) => {
    requireRole(c, 'admin');
    const filter = userFilterSchema.parse(c.req.query());
    const { users, total } = await listUsers(db, { ...filter, pageSize: PAGE_SIZE });
    return renderPage(
      c,
      { title: c.var.t('admin.users'), noindex: true },
      <UsersView users={users} total={total} filter={filter} pageSize={PAGE_SIZE} />,
    );
  });

  app.post('/admin/users/:id/role', async (c) => {
    requireRole(c, 'admin');
    const id = Number(c.req.param('id'));
    const form = await readForm(c, roleChangeSchema);
    if (!form.ok) throw new HttpError(422, 'admin.unknownRole');
    const result = await changeRole(db, id, form.data.role, auditOrigin(c));
    if (!result.ok) refuse(result);
    setFlash(c, 'admin.roleChanged');
    return c.redirect(localPath(c.req.query('back'), '/admin/users'), 303);
  });

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/admin/users/:id/${action}`, async (c) => {
      requireRole(c, 'admin');
      const result = await setDisabled(db, Number(c.req.param('id')), disabled, auditOrigin(c));
      if (!result.ok) refuse(result);
      setFlash(c, disabled ? 'admin.userDisabled' : 'admin.userEnabled');
      return c.redirect(localPath(c.req.query('back'), '/admin/users'), 303);
    });
  }

  app.get('/admin/audit', async (c) => {
    requireRole(c, 'admin');
    const filter = auditFilterSchema.parse(c.req.query());
    const [{ entries, hasMore }, actions] = await Promise.all([
      listAudit(db, {
        action: filter.action,
        actor: filter.actor,
        subjectType: filter.subject_type,
        subjectId: filter.subject_id,
        before: filter.before,
        limit: AUDIT_PAGE,
      }),
      distinctAuditActions(db),
    ]);
    return renderPage(
      c,
      { title: c.var.t('admin.audit'), noindex: true },
      <AuditView entries={entries} hasMore={hasMore} filter={filter} actions={actions} />,
    );
  });

  return app;
}
