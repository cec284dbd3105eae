// The directory's pages, top to bottom as the list of their URLs. Each handler reads its input
// (the schemas), calls a listing or an action, and renders; the rules and the writes are the
// actions' (actions/), the same the API and the seed call. Members, invitations and logos have
// routers of their own (routes-members.tsx, routes-logo.ts), mounted at the end.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext, ensure } from '../../platform/actions.ts';
import { blockContext, loadBlocks } from '../../platform/blocks.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { attachment } from '../../platform/http/download.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { localPath } from '../../platform/http/request.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { excerpt } from '../../platform/markdown.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { bySlug, historyOf, loadOrganisation, type OrganisationDetails, signedInContext } from './access.ts';
import {
  createOrganisation,
  deleteOrganisation,
  moderateOrganisation,
  updateOrganisation,
  verifyOrganisation,
} from './actions/organisations.ts';
import { exportColumns, exportRows, toVcards } from './export.ts';
import { canImport } from './import/organisations.ts';
import { effectiveSort, filterOptions, listOrganisations, PAGE_SIZE } from './listing.ts';
import { logos, logoUrl } from './logo.ts';
import { canCreate, canDelete, canEdit, canModerate, canSeeContact, canVerify } from './permissions.ts';
import { mapPlaces } from './places.ts';
import { directoryLogoPages } from './routes-logo.ts';
import { directoryMemberPages } from './routes-members.tsx';
import { directoryFilterSchema, formValuesOf, organisationInputSchema } from './schemas.ts';
import { organisationJsonLd } from './structured-data.ts';
import { OrganisationFormView } from './views/form.tsx';
import { DirectoryView } from './views/list.tsx';
import { OrganisationView } from './views/profile.tsx';

type C = Context<AppEnv>;

/** The organisation of the URL for someone who may edit it (401, 403 or 404 otherwise). */
async function loadEditable(c: C) {
  const ctx = signedInContext(c);
  const { org, role } = await loadOrganisation(c);
  ensure(ctx, (u) => canEdit(u, role));
  return { ctx, org };
}

const EXPORT_TYPES = { json: 'application/json; charset=utf-8', vcf: 'text/vcard; charset=utf-8' };

export function directoryPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  /** The add or edit form, empty, as saved, or as sent with a message per wrong field. */
  const showForm = (
    c: C,
    state: FormState,
    status: ContentfulStatusCode = 200,
    editing?: OrganisationDetails,
  ) =>
    renderPage(
      c,
      {
        title: editing ? c.var.t('form.editTitle', { name: editing.name }) : c.var.t('directory.addTitle'),
        noindex: true,
      },
      <OrganisationFormView
        action={editing ? `/directory/${editing.slug}/edit` : '/directory/new'}
        state={state}
        editing={editing}
      />,
      status,
    );

  app.get('/directory', async (c) => {
    const filter = directoryFilterSchema.parse(c.req.query());
    const viewer = c.var.auth?.user ?? null;
    const [{ cards, total }, options] = await Promise.all([
      listOrganisations(db, filter, { viewer, locale: c.var.locale }),
      filterOptions(db),
    ]);
    const places = await mapPlaces(db, filter, viewer, total);
    const t = c.var.t;
    return renderPage(
      c,
      { title: t('directory.title'), description: t('directory.intro'), path: '/directory' },
      <DirectoryView
        filter={filter}
        sort={effectiveSort(filter)}
        cards={cards}
        total={total}
        pageSize={PAGE_SIZE}
        places={places}
        countries={options.countries}
        languages={options.languages}
        canCreate={canCreate(viewer)}
        canImport={canImport(viewer)}
      />,
    );
  });

  // The selection as a spreadsheet, JSON or vCards; contacts only where the reader may see them.
  for (const format of ['csv', 'xlsx', 'json', 'vcf'] as const) {
    app.get(`/directory/export.${format}`, async (c) => {
      const filter = directoryFilterSchema.parse(c.req.query());
      const rows = await exportRows(db, filter, {
        viewer: c.var.auth?.user ?? null,
        baseUrl: config.baseUrl,
      });
      const name = `creative-hub-directory-${new Date().toISOString().slice(0, 10)}`;
      if (format === 'csv' || format === 'xlsx')
        return spreadsheetDownload(c, exportColumns, rows, { file: name, sheet: 'Directory' }, format);
      const body =
        format === 'vcf'
          ? toVcards(rows)
          : JSON.stringify({ exportedAt: new Date().toISOString(), count: rows.length, organisations: rows });
      return attachment(c, body, EXPORT_TYPES[format], `${name}.${format}`);
    });
  }

  app.get('/directory/new', (c) => {
    ensure(actionContext(c), canCreate);
    return showForm(c, {});
  });

  app.post('/directory/new', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canCreate);
    const done = await submitForm(c, organisationInputSchema, (input) => createOrganisation(ctx, input));
    if (!done.ok) return showForm(c, done, 422);
    setFlash(c, done.value.status === 'pending' ? 'directory.createdPending' : 'directory.created');
    return c.redirect(`/directory/${done.value.slug}`, 303);
  });

  app.get(
    '/directory/:slug',
    bySlug(async (c) => {
      const { org, user, role } = await loadOrganisation(c);
      const may = {
        edit: canEdit(user, role),
        delete: canDelete(user, role),
        verify: canVerify(user),
        moderate: canModerate(user),
        contact: canSeeContact(user, org, role),
      };
      const [history, logo, following, blocks] = await Promise.all([
        may.edit ? historyOf(db, org.id) : Promise.resolve([]),
        logos.info(db, org.id),
        isFollowing(db, user?.id, { type: 'organisation', key: String(org.id) }),
        // Its events, posts, documents, press, people and groups, from their modules (docs/home.md).
        loadBlocks(
          deps.modules.flatMap((m) => m.organisationBlocks ?? []),
          blockContext(c),
          { id: org.id, slug: org.slug, name: org.name },
        ),
      ]);
      const jsonLd = organisationJsonLd(org, {
        baseUrl: config.baseUrl,
        contact: may.contact,
        logo: logo && `${config.baseUrl}${logoUrl(org.slug, logo)}`,
      });
      return renderPage(
        c,
        {
          title: org.name,
          description: org.description ? excerpt(org.description, 200) : undefined,
          path: `/directory/${org.slug}`,
          ogType: 'profile',
          ogImage: logo && `${config.baseUrl}${logoUrl(org.slug, logo)}`,
          ogImageSize: logo && { width: logo.fullWidth, height: logo.fullHeight },
          jsonLd,
          noindex: org.status !== 'published',
        },
        <OrganisationView
          org={org}
          may={may}
          history={history}
          logo={logo}
          following={following}
          blocks={blocks}
        />,
      );
    }),
  );

  app.get(
    '/directory/:slug/edit',
    bySlug(async (c) => {
      const { org } = await loadEditable(c);
      return showForm(c, { values: formValuesOf(org) }, 200, org);
    }),
  );

  app.post(
    '/directory/:slug/edit',
    bySlug(async (c) => {
      const { ctx, org } = await loadEditable(c);
      const done = await submitForm(c, organisationInputSchema, (input) =>
        updateOrganisation(ctx, org, input),
      );
      if (!done.ok) return showForm(c, done, 422, org);
      setFlash(c, 'form.saved');
      return c.redirect(`/directory/${org.slug}`, 303);
    }),
  );

  app.post(
    '/directory/:slug/delete',
    bySlug(async (c) => {
      const ctx = signedInContext(c);
      await deleteOrganisation(ctx, (await loadOrganisation(c)).org);
      setFlash(c, 'directory.deleted');
      return c.redirect('/directory', 303);
    }),
  );

  app.post(
    '/directory/:slug/verify',
    bySlug(async (c) => {
      const ctx = signedInContext(c);
      const { org } = await loadOrganisation(c);
      const body = await c.req.parseBody();
      await verifyOrganisation(ctx, org, body.verified === '1');
      return c.redirect(`/directory/${org.slug}`, 303);
    }),
  );

  // Moderators publish an organisation that waits for approval, or hide a reported one (and
  // publish it again). The queue sends `back=/moderation` to return there.
  for (const decision of ['approve', 'hide'] as const) {
    app.post(
      `/directory/:slug/${decision}`,
      bySlug(async (c) => {
        const ctx = signedInContext(c);
        const { org } = await loadOrganisation(c);
        await moderateOrganisation(ctx, org, decision);
        setFlash(c, decision === 'approve' ? 'directory.approved' : 'directory.hidden');
        return c.redirect(localPath(c.req.query('back'), `/directory/${org.slug}`), 303);
      }),
    );
  }

  app.route('/', directoryMemberPages(deps));
  app.route('/', directoryLogoPages(deps));
  return app;
}
