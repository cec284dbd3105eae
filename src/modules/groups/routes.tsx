// The groups pages, top to bottom as the list of their URLs: the list and its export, the form to
// start a group, a group's page, its edit form and deletion. The members' forms and invitation
// links are in routes-members.tsx. Handlers read input, call a listing or an action, render.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actingUser, actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { excerpt } from '../../platform/markdown.ts';
import { ensureMay } from '../../platform/scope-checks.ts';
import { inGroup } from '../../platform/scopes.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { type GroupDetails, loadGroup } from './access.ts';
import { createGroup, deleteGroup, updateGroup } from './actions/groups.ts';
import { EXPORT_LIMIT, exportColumns, exportRows } from './export.ts';
import { countriesOf, listGroups, listViewerOf, PAGE_SIZE } from './listing.ts';
import { MANAGE_GROUP } from './permissions.ts';
import { showGroupPage } from './routes-members.tsx';
import { formValuesOf, groupFilterSchema, groupInput } from './schemas.ts';
import { GroupFormView } from './views/form.tsx';
import { GroupListView } from './views/list.tsx';

type C = Context<AppEnv>;
const SLUG = ':slug{[a-z0-9]+(?:-[a-z0-9]+)*}';

/** Whether the reader may start groups somewhere: the hub's editors and admins, focal points, owners. */
async function mayStartGroups(c: C): Promise<boolean> {
  const user = c.var.auth?.user;
  if (!user) return false;
  if (user.role === 'admin' || user.role === 'editor') return true;
  const { db } = c.var.deps;
  const [focal, owner] = await Promise.all([
    db
      .selectFrom('scoped_roles')
      .select('user_id')
      .where('user_id', '=', user.id)
      .where('role', '=', 'focal_point')
      .executeTakeFirst(),
    db
      .selectFrom('organisation_members')
      .select('user_id')
      .where('user_id', '=', user.id)
      .where('role', '=', 'owner')
      .executeTakeFirst(),
  ]);
  return !!(focal || owner);
}

export function groupPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/groups', async (c) => {
    const filter = groupFilterSchema.parse(c.req.query());
    const viewer = await listViewerOf(db, c.var.auth?.user ?? null);
    const [{ cards, total }, countries, canCreate] = await Promise.all([
      listGroups(db, filter, viewer, { locale: c.var.locale }),
      countriesOf(db, viewer),
      mayStartGroups(c),
    ]);
    return renderPage(
      c,
      { title: c.var.t('groups.title'), description: c.var.t('groups.intro'), path: '/groups' },
      <GroupListView
        filter={filter}
        cards={cards}
        total={total}
        pageSize={PAGE_SIZE}
        countries={countries}
        canCreate={canCreate}
      />,
    );
  });

  app.get('/groups/:file{export\\.(csv|xlsx)}', async (c) => {
    const viewer = await listViewerOf(db, c.var.auth?.user ?? null);
    const rows = await exportRows(db, groupFilterSchema.parse(c.req.query()), viewer, c.var.locale);
    return spreadsheetDownload(c, exportColumns(config.baseUrl), rows.slice(0, EXPORT_LIMIT), {
      file: 'groups',
      sheet: 'Groups',
    });
  });

  const showForm = (c: C, state: FormState, status: ContentfulStatusCode = 200, editing?: GroupDetails) =>
    renderPage(
      c,
      { title: c.var.t(editing ? 'groups.editTitle' : 'groups.addTitle'), noindex: true },
      <GroupFormView
        action={editing ? `/groups/${editing.slug}/edit` : '/groups/new'}
        state={state}
        editing={editing}
      />,
      status,
    );

  // The action decides who may start a group where (its country, its organisation); the form is
  // for anyone signed in who may start one somewhere.
  app.get('/groups/new', async (c) => {
    actingUser(actionContext(c));
    if (!(await mayStartGroups(c))) return showForm(c, { errors: { _form: 'error.403.message' } }, 403);
    return showForm(c, { values: { kind: 'working_group', visibility: 'public' } });
  });

  app.post('/groups/new', async (c) => {
    const ctx = actionContext(c);
    actingUser(ctx);
    const done = await submitForm(c, groupInput, (input) => createGroup(ctx, input));
    if (!done.ok) return showForm(c, done, 422);
    setFlash(c, 'groups.created');
    return c.redirect(`/groups/${done.value.slug}`, 303);
  });

  app.get(`/groups/${SLUG}`, async (c) => {
    const access = await loadGroup(c);
    const { group } = access;
    return showGroupPage(c, access, {}, 200, {
      title: group.name,
      description: group.description ? excerpt(group.description, 200) : c.var.t(`groups.kind.${group.kind}`),
      path: `/groups/${group.slug}`,
      noindex: group.visibility !== 'public',
    });
  });

  app.get(`/groups/${SLUG}/edit`, async (c) => {
    const ctx = actionContext(c);
    actingUser(ctx);
    const { group } = await loadGroup(c);
    await ensureMay(ctx, MANAGE_GROUP, inGroup(group.id));
    return showForm(c, { values: formValuesOf(group) }, 200, group);
  });

  app.post(`/groups/${SLUG}/edit`, async (c) => {
    const ctx = actionContext(c);
    actingUser(ctx);
    const { group } = await loadGroup(c);
    await ensureMay(ctx, MANAGE_GROUP, inGroup(group.id));
    const done = await submitForm(c, groupInput, (input) => updateGroup(ctx, group, input));
    if (!done.ok) return showForm(c, done, 422, group);
    setFlash(c, 'groups.saved');
    return c.redirect(`/groups/${group.slug}`, 303);
  });

  app.post(`/groups/${SLUG}/delete`, async (c) => {
    const ctx = actionContext(c);
    actingUser(ctx);
    await deleteGroup(ctx, (await loadGroup(c)).group);
    setFlash(c, 'groups.deleted');
    return c.redirect('/groups', 303);
  });

  return app;
}
