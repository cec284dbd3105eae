// The library's pages. Each handler reads its input through the schemas, asks permissions.ts
// whether the reader may act, and writes through store.ts inside one transaction (record, search
// index and audit log together), so a refused or failed save leaves nothing half-written.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { absoluteUrl, atomResponse, FEED_SIZE } from '../../platform/feeds.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, readForm } from '../../platform/http/forms.ts';
import { excerpt, renderMarkdown } from '../../platform/markdown.ts';
import { renderPage } from '../../ui/render.tsx';
import { loadVisible } from './access.ts';
import { toBibtex, toRis } from './citation.ts';
import { libraryCollectionPages } from './collection-routes.tsx';
import { libraryFilePages } from './file-routes.tsx';
import { filterCounts } from './filter-counts.ts';
import { EXPORT_LIMIT, listDocuments, PAGE_SIZE } from './listing.ts';
import { canDelete, canEdit, canManageFiles, requireEditor } from './permissions.ts';
import { documentInputSchema, filterQuery, libraryFilterSchema } from './schemas.ts';
import {
  createDocument,
  deleteDocument,
  issuerNameOf,
  resolveReferences,
  setPublished,
  updateDocument,
} from './store.ts';
import { documentJsonLd } from './structured-data.ts';
import { DocumentView } from './views-document.tsx';
import { DocumentFormView, formValuesOf } from './views-form.tsx';
import { LibraryView } from './views-list.tsx';

type C = Context<AppEnv>;

/** Directory organisations offered as issuers on the form. */
function issuerChoices(c: C) {
  return c.var.deps.db
    .selectFrom('organisations')
    .select(['slug', 'name'])
    .where('status', '=', 'published')
    .orderBy('name')
    .limit(2000)
    .execute();
}

const citationHeaders = (name: string, format: 'ris' | 'bib') => ({
  'Content-Type':
    format === 'ris'
      ? 'application/x-research-info-systems; charset=utf-8'
      : 'application/x-bibtex; charset=utf-8',
  'Content-Disposition': `attachment; filename="${name}.${format}"`,
});

export function libraryPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/library', async (c) => {
    const filter = libraryFilterSchema.parse(c.req.query());
    const viewer = c.var.auth?.user ?? null;
    const [{ docs, total }, counts] = await Promise.all([
      listDocuments(db, filter, viewer, undefined, c.var.locale),
      filterCounts(db, viewer),
    ]);
    const t = c.var.t;
    const query = filterQuery(filter);
    return renderPage(
      c,
      {
        title: t('library.title'),
        description: t('library.intro'),
        path: `/library${query}`,
        feeds: [{ title: t('library.feedTitle'), href: `/library/feed.atom${query}` }],
      },
      <LibraryView
        filter={filter}
        docs={docs}
        total={total}
        pageSize={PAGE_SIZE}
        counts={counts}
        canEdit={canEdit(viewer)}
      />,
    );
  });

  // The feed carries published documents only, whoever asks: feed readers and proxies keep it.
  app.get('/library/feed.atom', async (c) => {
    const filter = { ...libraryFilterSchema.parse(c.req.query()), sort: 'added' as const, page: 1 };
    const { docs } = await listDocuments(db, filter, null, { offset: 0, size: FEED_SIZE });
    const t = c.var.t;
    const query = filterQuery(filter);
    return atomResponse(c, {
      title: `${t('library.feedTitle')} · ${config.siteName}`,
      subtitle: t('library.intro'),
      selfUrl: absoluteUrl(c, `/library/feed.atom${query}`),
      alternateUrl: absoluteUrl(c, `/library${query}`),
      lang: c.var.locale,
      entries: docs.map((doc) => ({
        id: absoluteUrl(c, `/library/${doc.slug}`),
        title: doc.official_number ? `${doc.title} (${doc.official_number})` : doc.title,
        url: absoluteUrl(c, `/library/${doc.slug}`),
        updated: doc.updated_at,
        published: doc.published_at ?? undefined,
        summary: doc.summary ? excerpt(doc.summary, 300) : undefined,
        contentHtml: doc.summary ? renderMarkdown(doc.summary) : undefined,
        authors: issuerNameOf(doc) ? [issuerNameOf(doc) as string] : undefined,
        categories: [t(`library.kind.${doc.kind}`), ...doc.themes],
      })),
    });
  });

  for (const format of ['ris', 'bib'] as const) {
    app.get(`/library/export.${format}`, async (c) => {
      const filter = libraryFilterSchema.parse(c.req.query());
      const { docs } = await listDocuments(db, filter, c.var.auth?.user ?? null, {
        offset: 0,
        size: EXPORT_LIMIT,
      });
      const text = format === 'ris' ? toRis(docs, config.baseUrl) : toBibtex(docs, config.baseUrl);
      c.header('Cache-Control', 'private, no-store');
      return c.body(text, 200, citationHeaders(`library-${new Date().toISOString().slice(0, 10)}`, format));
    });
  }

  app.get('/library/new', async (c) => {
    requireEditor(c);
    return renderPage(
      c,
      { title: c.var.t('library.addTitle'), noindex: true },
      <DocumentFormView action="/library/new" state={{}} organisations={await issuerChoices(c)} />,
    );
  });

  app.post('/library/new', async (c) => {
    const user = requireEditor(c);
    const form = await readForm(c, documentInputSchema);
    const show = async (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t('library.addTitle'), noindex: true },
        <DocumentFormView
          action="/library/new"
          state={{ values: form.values, errors }}
          organisations={await issuerChoices(c)}
        />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { errors, ...refs } = await resolveReferences(db, form.data);
    if (Object.keys(errors).length) return show(errors as FieldErrors);
    const doc = await db.transaction().execute(async (trx) => {
      const created = await createDocument(trx, form.data, refs, user);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'document.created',
        subjectType: 'document',
        subjectId: created.id,
        details: { title: created.title, published: created.published_at !== null },
      });
      return created;
    });
    setFlash(c, 'library.created');
    return c.redirect(`/library/${doc.slug}`, 303);
  });

  // Collections: a router of their own, mounted before the document routes so that
  // /library/collections is never taken for a document.
  app.route('/', libraryCollectionPages(deps));
  // Files of a document (/library/:slug/files…): after the collections, so that a collection
  // named "files" stays a collection.
  app.route('/', libraryFilePages(deps));

  app.get('/library/:slug', async (c) => {
    const doc = await loadVisible(c, c.req.param('slug'));
    const user = c.var.auth?.user ?? null;
    return renderPage(
      c,
      {
        title: doc.official_number ? `${doc.title} (${doc.official_number})` : doc.title,
        description: doc.summary ? excerpt(doc.summary, 200) : undefined,
        path: `/library/${doc.slug}`,
        ogType: 'article',
        jsonLd: documentJsonLd(doc, config.baseUrl),
        noindex: !doc.published_at,
      },
      <DocumentView
        doc={doc}
        may={{ edit: canEdit(user), delete: canDelete(user), manageFiles: canManageFiles(user) }}
      />,
    );
  });

  for (const format of ['ris', 'bib'] as const) {
    app.get(`/library/:slug/cite.${format}`, async (c) => {
      const doc = await loadVisible(c, c.req.param('slug'));
      const text = format === 'ris' ? toRis([doc], config.baseUrl) : toBibtex([doc], config.baseUrl);
      return c.body(text, 200, citationHeaders(doc.slug, format));
    });
  }

  app.get('/library/:slug/edit', async (c) => {
    // Signed in first (401), then a record the reader may see (404), then the role (403): a
    // member learns nothing about unpublished records.
    requireUser(c);
    const doc = await loadVisible(c, c.req.param('slug'));
    requireEditor(c);
    return renderPage(
      c,
      { title: c.var.t('library.editTitle', { title: doc.title }), noindex: true },
      <DocumentFormView
        action={`/library/${doc.slug}/edit`}
        state={{ values: formValuesOf(doc) }}
        editing={doc}
        organisations={await issuerChoices(c)}
      />,
    );
  });

  app.post('/library/:slug/edit', async (c) => {
    // Signed in first (401), then a record the reader may see (404), then the role (403): a
    // member learns nothing about unpublished records.
    requireUser(c);
    const doc = await loadVisible(c, c.req.param('slug'));
    requireEditor(c);
    const form = await readForm(c, documentInputSchema);
    const show = async (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t('library.editTitle', { title: doc.title }), noindex: true },
        <DocumentFormView
          action={`/library/${doc.slug}/edit`}
          state={{ values: form.values, errors }}
          editing={doc}
          organisations={await issuerChoices(c)}
        />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { errors, ...refs } = await resolveReferences(db, form.data, doc);
    if (Object.keys(errors).length) return show(errors as FieldErrors);
    await db.transaction().execute(async (trx) => {
      await updateDocument(trx, doc, form.data, refs);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'document.updated',
        subjectType: 'document',
        subjectId: doc.id,
        details: { title: form.data.title },
      });
    });
    setFlash(c, 'library.saved');
    return c.redirect(`/library/${doc.slug}`, 303);
  });

  for (const action of ['publish', 'unpublish'] as const) {
    app.post(`/library/:slug/${action}`, async (c) => {
      requireUser(c);
      const doc = await loadVisible(c, c.req.param('slug'));
      requireEditor(c);
      await db.transaction().execute(async (trx) => {
        await setPublished(trx, doc.id, action === 'publish');
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: action === 'publish' ? 'document.published' : 'document.unpublished',
          subjectType: 'document',
          subjectId: doc.id,
        });
      });
      setFlash(c, action === 'publish' ? 'library.publishedFlash' : 'library.unpublishedFlash');
      return c.redirect(`/library/${doc.slug}`, 303);
    });
  }

  app.post('/library/:slug/delete', async (c) => {
    const user = requireUser(c);
    const doc = await loadVisible(c, c.req.param('slug'));
    if (!canDelete(user)) throw new HttpError(403, 'error.403.message');
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'document.deleted',
        subjectType: 'document',
        subjectId: doc.id,
        details: { title: doc.title, slug: doc.slug },
      });
      await deleteDocument(trx, doc.id);
    });
    setFlash(c, 'library.deleted');
    return c.redirect('/library', 303);
  });

  return app;
}
