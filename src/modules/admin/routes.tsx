// The administration pages, top to bottom as the list of their URLs: the overview, the accounts
// (their exports, role, disabling), the audit log (and its exports) and the jobs. Administrators only: every
// handler asks canAdminister first; the writes are the actions' (actions.ts), the API's too.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { actionContext, ensure } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { localPath } from '../../platform/http/request.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { jobsOverview } from '../../platform/jobs/index.ts';
import { renderPage } from '../../ui/render.tsx';
import { resetTwoFactor, usersWithTwoFactor } from '../accounts/index.ts';
import { changeRole, setDisabled } from './actions/accounts.ts';
import { auditColumns, exportedAudit, exportedUsers, userColumns } from './export.ts';
import { countUsersByRole, distinctAuditActions, listAudit, listUsers, outboxBacklog } from './listing.ts';
import { canAdminister } from './permissions.ts';
import { auditFilterSchema, roleChangeSchema, userFilterSchema } from './schemas.ts';
import { AuditView } from './views/audit.tsx';
import { AdminHomeView } from './views/home.tsx';
import { JobsView } from './views/jobs.tsx';
import { UsersView } from './views/users.tsx';

type C = Context<AppEnv>;

const PAGE_SIZE = 25;
const AUDIT_PAGE = 50;
const EXPORT = ':file{export\\.(csv|xlsx)}';
const ID = ':id{[0-9]{1,15}}';

/** The request's context, once it is known to come from an administrator (401/403 otherwise). */
function administrator(c: C) {
  const ctx = actionContext(c);
  ensure(ctx, canAdminister);
  return ctx;
}

/** A page of the administration (never indexed). */
const adminPage = (c: C, title: MessageKey, view: Child) =>
  renderPage(c, { title: c.var.t(title), noindex: true }, view);

/** Back to the list the form was sent from. */
const backToList = (c: C) => c.redirect(localPath(c.req.query('back'), '/admin/users'), 303);

export function adminPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  app.get('/admin', async (c) => {
    administrator(c);
    const [roles, outbox, jobs] = await Promise.all([
      countUsersByRole(db),
      outboxBacklog(db),
      jobsOverview(db),
    ]);
    return adminPage(c, 'admin.title', <AdminHomeView roles={roles} outbox={outbox} jobs={jobs.counts} />);
  });

  app.get('/admin/jobs', async (c) => {
    administrator(c);
    return adminPage(c, 'admin.jobs', <JobsView jobs={await jobsOverview(db)} />);
  });

  app.get('/admin/users', async (c) => {
    administrator(c);
    const filter = userFilterSchema.parse(c.req.query());
    const { users, total } = await listUsers(db, filter, PAGE_SIZE);
    const twoFactor = await usersWithTwoFactor(
      db,
      users.map((u) => u.id),
    );
    return adminPage(
      c,
      'admin.users',
      <UsersView users={users} twoFactor={twoFactor} total={total} filter={filter} pageSize={PAGE_SIZE} />,
    );
  });

  app.get(`/admin/users/${EXPORT}`, async (c) => {
    administrator(c);
    const rows = await exportedUsers(db, userFilterSchema.parse(c.req.query()));
    return spreadsheetDownload(c, userColumns, rows, { file: 'accounts', sheet: 'Accounts' });
  });

  app.post(`/admin/users/${ID}/role`, async (c) => {
    const ctx = administrator(c);
    const form = await readForm(c, roleChangeSchema);
    if (!form.ok) throw new HttpError(422, 'admin.unknownRole');
    await changeRole(ctx, Number(c.req.param('id')), form.data.role);
    setFlash(c, 'admin.roleChanged');
    return backToList(c);
  });

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(`/admin/users/${ID}/${action}`, async (c) => {
      await setDisabled(administrator(c), Number(c.req.param('id')), disabled);
      setFlash(c, disabled ? 'admin.userDisabled' : 'admin.userEnabled');
      return backToList(c);
    });
  }

  // A member who lost their phone and their recovery codes: two-factor sign-in off, sessions ended.
  app.post(`/admin/users/${ID}/two-factor-reset`, async (c) => {
    await resetTwoFactor(administrator(c), Number(c.req.param('id')));
    setFlash(c, 'admin.twoFactorReset');
    return backToList(c);
  });

  app.get('/admin/audit', async (c) => {
    administrator(c);
    const filter = auditFilterSchema.parse(c.req.query());
    const [{ entries, hasMore }, actions] = await Promise.all([
      listAudit(db, filter, AUDIT_PAGE),
      distinctAuditActions(db),
    ]);
    return adminPage(
      c,
      'admin.audit',
      <AuditView entries={entries} hasMore={hasMore} filter={filter} actions={actions} />,
    );
  });

  app.get(`/admin/audit/${EXPORT}`, async (c) => {
    administrator(c);
    const rows = await exportedAudit(db, auditFilterSchema.parse(c.req.query()));
    return spreadsheetDownload(c, auditColumns, rows, { file: 'audit-log', sheet: 'Audit log' });
  });

  return app;
}
