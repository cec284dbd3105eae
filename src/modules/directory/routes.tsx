// The directory's pages. Each handler reads its input through the schemas, asks permissions.ts
// whether the reader may act, and writes through store.ts inside one transaction (record, search
// index, history and audit log together).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, readForm } from '../../platform/http/forms.ts';
import { localPath } from '../../platform/http/request.ts';
import { excerpt } from '../../platform/markdown.ts';
import { CSV_TYPE } from '../../platform/spreadsheets.ts';
import { renderPage } from '../../ui/render.tsx';
import { toCsv, toVcards } from './export.ts';
import { canImport } from './import/organisations.ts';
import { effectiveSort, exportOrganisations, listOrganisations, mapPlaces, PAGE_SIZE } from './listing.ts';
import { logoInfo, logoUrl } from './logo.ts';
import { directoryLogoPages } from './logo-routes.ts';
import { directoryMemberPages } from './members-routes.tsx';
import {
  canCreate,
  canDelete,
  canEdit,
  canModerate,
  canSeeContact,
  canVerify,
  canView,
} from './permissions.ts';
import { directoryFilterSchema, type OrganisationInput, organisationInputSchema } from './schemas.ts';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  historyOf,
  memberRole,
  type OrganisationDetails,
  setStatus,
  setVerified,
  statusForNew,
  updateOrganisation,
} from './store.ts';
import { formValuesOf, OrganisationFormView } from './views-form.tsx';
import { DirectoryView } from './views-list.tsx';
import { OrganisationView } from './views-profile.tsx';
import { RESERVED_SLUGS } from './vocab.ts';

type C = Context<AppEnv>;

/** /directory/people, /directory/import, …: pages of other routers, mounted after these. */
const isReservedPath = (c: C) => RESERVED_SLUGS.has(c.req.param('slug') ?? '');

/** Loads the organisation of the URL, or answers 404 (also for ones the reader may not see). */
async function loadVisible(c: C, slug: string) {
  const { db } = c.var.deps;
  const org = await getOrganisation(db, slug);
  const user = c.var.auth?.user ?? null;
  const role = org && user ? await memberRole(db, org.id, user.id) : null;
  if (!org || !canView(user, org, role)) throw new HttpError(404, 'error.404.message');
  return { org, user, role };
}

/** The parent named in the form must exist (and not be the organisation itself). */
async function resolveParent(c: C, input: OrganisationInput, self?: OrganisationDetails) {
  if (!input.parent) return { parentId: null, errors: {} as FieldErrors };
  const parent = await c.var.deps.db
    .selectFrom('organisations')
    .select(['id'])
    .where('slug', '=', input.parent)
    .executeTakeFirst();
  if (!parent || parent.id === self?.id)
    return { parentId: null, errors: { parent: 'directory.unknownParent' } as FieldErrors };
  return { parentId: parent.id, errors: {} as FieldErrors };
}

export function directoryPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/directory', async (c) => {
    const filter = directoryFilterSchema.parse(c.req.query());
    const viewer = c.var.auth?.user ?? null;
    const [{ cards, total }, countries, languages] = await Promise.all([
      listOrganisations(db, filter, { viewer, locale: c.var.locale }),
      db.selectFrom('organisations').select('country').distinct().where('status', '=', 'published').execute(),
      db
        .selectFrom('organisation_facets')
        .select('value')
        .distinct()
        .where('facet', '=', 'language')
        .execute(),
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
        countries={countries.map((r) => r.country)}
        languages={languages.map((r) => r.value)}
        canCreate={canCreate(viewer)}
        canImport={canImport(viewer)}
      />,
    );
  });

  for (const format of ['csv', 'json', 'vcf'] as const) {
    app.get(`/directory/export.${format}`, async (c) => {
      const filter = directoryFilterSchema.parse(c.req.query());
      const rows = await exportOrganisations(db, filter, {
        viewer: c.var.auth?.user ?? null,
        baseUrl: config.baseUrl,
      });
      const name = `creative-hub-directory-${new Date().toISOString().slice(0, 10)}`;
      c.header('Content-Disposition', `attachment; filename="${name}.${format}"`);
      if (format === 'csv') return c.body(toCsv(rows), 200, { 'Content-Type': CSV_TYPE });
      if (format === 'vcf')
        return c.body(toVcards(rows), 200, { 'Content-Type': 'text/vcard; charset=utf-8' });
      return c.json({ exportedAt: new Date().toISOString(), count: rows.length, organisations: rows });
    });
  }

  app.get('/directory/new', (c) => {
    const user = requireUser(c);
    if (!canCreate(user)) throw new HttpError(403, 'error.403.message');
    return renderPage(
      c,
      { title: c.var.t('directory.addTitle'), noindex: true },
      <OrganisationFormView action="/directory/new" state={{}} />,
    );
  });

  app.post('/directory/new', async (c) => {
    const user = requireUser(c);
    if (!canCreate(user)) throw new HttpError(403, 'error.403.message');
    const form = await readForm(c, organisationInputSchema);
    const show = (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t('directory.addTitle'), noindex: true },
        <OrganisationFormView action="/directory/new" state={{ values: form.values, errors }} />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { parentId, errors } = await resolveParent(c, form.data);
    if (Object.keys(errors).length) return show(errors);
    const status = await statusForNew(db, user);
    const org = await db.transaction().execute(async (trx) => {
      const created = await createOrganisation(trx, { ...form.data, parentId }, user, status);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: created.id,
        details: { name: created.name, status },
      });
      return created;
    });
    setFlash(c, status === 'pending' ? 'directory.createdPending' : 'directory.created');
    return c.redirect(`/directory/${org.slug}`, 303);
  });

  app.get('/directory/:slug', async (c, next) => {
    if (isReservedPath(c)) return next();
    const { org, user, role } = await loadVisible(c, c.req.param('slug'));
    const may = {
      edit: canEdit(user, role),
      delete: canDelete(user, role),
      verify: canVerify(user),
      moderate: canModerate(user),
      contact: canSeeContact(user, org, role),
    };
    const [history, logo] = await Promise.all([
      may.edit ? historyOf(db, org.id) : Promise.resolve([]),
      logoInfo(db, org.id),
    ]);
    const url = `${config.baseUrl}/directory/${org.slug}`;
    const jsonLd: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type':
        org.kind === 'government'
          ? 'GovernmentOrganization'
          : org.kind === 'academic'
            ? 'EducationalOrganization'
            : 'Organization',
      name: org.name,
      ...(org.name_translit ? { alternateName: org.name_translit } : {}),
      url,
      ...(org.website || org.linkList.length
        ? { sameAs: [...new Set([org.website, ...org.linkList.map((l) => l.url)].filter((u) => !!u))] }
        : {}),
      ...(org.description ? { description: excerpt(org.description, 300) } : {}),
      ...(org.founded_year ? { foundingDate: String(org.founded_year) } : {}),
      address: {
        '@type': 'PostalAddress',
        addressCountry: org.country,
        ...(org.city ? { addressLocality: org.city } : {}),
        ...(org.province ? { addressRegion: org.province } : {}),
        ...(org.address ? { streetAddress: org.address } : {}),
      },
      ...(org.latitude !== null && org.longitude !== null
        ? {
            location: {
              '@type': 'Place',
              geo: { '@type': 'GeoCoordinates', latitude: org.latitude, longitude: org.longitude },
            },
          }
        : {}),
      ...(org.parent
        ? {
            parentOrganization: {
              '@type': 'Organization',
              name: org.parent.name,
              url: `${config.baseUrl}/directory/${org.parent.slug}`,
            },
          }
        : {}),
      ...(may.contact && org.email ? { email: org.email } : {}),
      ...(may.contact && org.phone ? { telephone: org.phone } : {}),
      ...(logo ? { logo: `${config.baseUrl}${logoUrl(org.slug, logo)}` } : {}),
    };
    return renderPage(
      c,
      {
        title: org.name,
        description: org.description ? excerpt(org.description, 200) : undefined,
        path: `/directory/${org.slug}`,
        ogType: 'profile',
        jsonLd,
        noindex: org.status !== 'published',
      },
      <OrganisationView org={org} may={may} history={history} logo={logo} />,
    );
  });

  app.get('/directory/:slug/edit', async (c, next) => {
    if (isReservedPath(c)) return next();
    requireUser(c);
    const { org, user, role } = await loadVisible(c, c.req.param('slug'));
    if (!canEdit(user, role)) throw new HttpError(403, 'error.403.message');
    return renderPage(
      c,
      { title: c.var.t('form.editTitle', { name: org.name }), noindex: true },
      <OrganisationFormView
        action={`/directory/${org.slug}/edit`}
        state={{ values: formValuesOf(org) }}
        editing={org}
      />,
    );
  });

  app.post('/directory/:slug/edit', async (c, next) => {
    if (isReservedPath(c)) return next();
    requireUser(c);
    const { org, user, role } = await loadVisible(c, c.req.param('slug'));
    if (!user || !canEdit(user, role)) throw new HttpError(403, 'error.403.message');
    const form = await readForm(c, organisationInputSchema);
    const show = (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t('form.editTitle', { name: org.name }), noindex: true },
        <OrganisationFormView
          action={`/directory/${org.slug}/edit`}
          state={{ values: form.values, errors }}
          editing={org}
        />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { parentId, errors } = await resolveParent(c, form.data, org);
    if (Object.keys(errors).length) return show(errors);
    await db.transaction().execute(async (trx) => {
      const changes = await updateOrganisation(trx, org, { ...form.data, parentId }, user);
      if (Object.keys(changes).length) {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'organisation.updated',
          subjectType: 'organisation',
          subjectId: org.id,
          details: { fields: Object.keys(changes) },
        });
      }
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/directory/${org.slug}`, 303);
  });

  app.post('/directory/:slug/delete', async (c, next) => {
    if (isReservedPath(c)) return next();
    requireUser(c);
    const { org, user, role } = await loadVisible(c, c.req.param('slug'));
    if (!canDelete(user, role)) throw new HttpError(403, 'error.403.message');
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'organisation.deleted',
        subjectType: 'organisation',
        subjectId: org.id,
        details: { name: org.name, slug: org.slug },
      });
      await deleteOrganisation(trx, org.id);
    });
    setFlash(c, 'directory.deleted');
    return c.redirect('/directory', 303);
  });

  app.post('/directory/:slug/verify', async (c, next) => {
    if (isReservedPath(c)) return next();
    requireUser(c);
    const { org, user } = await loadVisible(c, c.req.param('slug'));
    if (!canVerify(user)) throw new HttpError(403, 'error.403.message');
    const body = await c.req.parseBody({ all: true });
    const verified = body.verified === '1';
    await db.transaction().execute(async (trx) => {
      await setVerified(trx, org.id, verified);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: verified ? 'organisation.verified' : 'organisation.unverified',
        subjectType: 'organisation',
        subjectId: org.id,
      });
    });
    return c.redirect(`/directory/${org.slug}`, 303);
  });

  // Moderators publish an organisation that waits for approval, or hide a reported one (and
  // publish it again). The queue sends `back=/moderation` to return there.
  for (const [action, status] of [
    ['approve', 'published'],
    ['hide', 'hidden'],
  ] as const) {
    app.post(`/directory/:slug/${action}`, async (c, next) => {
      if (isReservedPath(c)) return next();
      requireUser(c);
      const { org, user } = await loadVisible(c, c.req.param('slug'));
      if (!canModerate(user)) throw new HttpError(403, 'error.403.message');
      await db.transaction().execute(async (trx) => {
        await setStatus(trx, org.id, status);
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: action === 'approve' ? 'organisation.approved' : 'organisation.hidden',
          subjectType: 'organisation',
          subjectId: org.id,
        });
      });
      setFlash(c, action === 'approve' ? 'directory.approved' : 'directory.hidden');
      return c.redirect(localPath(c.req.query('back'), `/directory/${org.slug}`), 303);
    });
  }

  // Members, invitations and logos: routers of their own (members-routes.tsx, logo-routes.ts).
  app.route('/', directoryMemberPages(deps));
  app.route('/', directoryLogoPages(deps));
  return app;
}
