// The library's pages, top to bottom as the list of their URLs. Each handler reads its input
// through the schemas, calls a listing or an action (actions/), and renders; the rules and the
// writes are the actions', the same the API and the seed call. Collections and files have routers
// of their own (routes-collections.tsx, routes-files.tsx), mounted in between.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actionContext, ensure } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, type FormValues, submitForm } from '../../platform/http/forms.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { excerpt } from '../../platform/markdown.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import { renderPage } from '../../ui/render.tsx';
import { type DocumentDetails, loadForChange, loadVisible } from './access.ts';
import { createDocument, deleteDocument, setPublished, updateDocument } from './actions/documents.ts';
import { CITATION_FORMATS, citationDownload } from './citation.ts';
import { documentColumns, documentRows } from './export.ts';
import { feedTitle, libraryFeed } from './feed.ts';
import { filterCounts } from './filter-counts.ts';
import { EXPORT_LIMIT, listDocuments, PAGE_SIZE } from './listing.ts';
import { followTargetOf } from './notifications.ts';
import { canDelete, canEdit, canManageFiles } from './permissions.ts';
import { libraryCollectionPages } from './routes-collections.tsx';
import { libraryFilePages } from './routes-files.tsx';
import { documentInput, filterQuery, formValuesOf, libraryFilterSchema } from './schemas.ts';
import { documentJsonLd } from './structured-data.ts';
import { DocumentView } from './views/document.tsx';
import { DocumentFormView } from './views/form.tsx';
import { LibraryView } from './views/list.tsx';

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

/** The document form: to add one, or to edit `editing`; with what was sent and its messages. */
async function showForm(
  c: C,
  state: { values?: FormValues; errors?: FieldErrors },
  editing?: DocumentDetails,
  status: 200 | 422 = 200,
) {
  const t = c.var.t;
  return renderPage(
    c,
    {
      title: editing ? t('library.editTitle', { title: editing.title }) : t('library.addTitle'),
      noindex: true,
    },
    <DocumentFormView
      action={editing ? `/library/${editing.slug}/edit` : '/library/new'}
      state={state}
      editing={editing}
      organisations={await issuerChoices(c)}
    />,
    status,
  );
}

export function libraryPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;
  const viewerOf = (c: C) => c.var.auth?.user ?? null;

  app.get('/library', async (c) => {
    const filter = libraryFilterSchema.parse(c.req.query());
    const viewer = viewerOf(c);
    const [{ docs, total }, counts] = await Promise.all([
      listDocuments(db, filter, viewer, undefined, c.var.locale),
      filterCounts(db, viewer),
    ]);
    const t = c.var.t;
    const query = filterQuery(filter);
    const target = followTargetOf(filter);
    const follow = target && { target, following: await isFollowing(db, viewer?.id, target) };
    return renderPage(
      c,
      {
        title: t('library.title'),
        description: t('library.intro'),
        path: `/library${query}`,
        feeds: [{ title: await feedTitle(c, filter), href: `/library/feed.atom${query}` }],
      },
      <LibraryView
        filter={filter}
        docs={docs}
        total={total}
        pageSize={PAGE_SIZE}
        counts={counts}
        canEdit={canEdit(viewer)}
        follow={follow}
      />,
    );
  });

  app.get('/library/feed.atom', (c) => libraryFeed(c, libraryFilterSchema.parse(c.req.query())));

  for (const format of CITATION_FORMATS) {
    app.get(`/library/export.${format}`, async (c) => {
      const filter = libraryFilterSchema.parse(c.req.query());
      const { docs } = await listDocuments(db, filter, viewerOf(c), { offset: 0, size: EXPORT_LIMIT });
      return citationDownload(c, docs, format, `library-${new Date().toISOString().slice(0, 10)}`);
    });
  }

  app.get('/library/:file{export\\.(csv|xlsx)}', async (c) => {
    const filter = libraryFilterSchema.parse(c.req.query());
    const rows = await documentRows(db, filter, viewerOf(c), c.var.locale);
    return spreadsheetDownload(c, documentColumns(config.baseUrl), rows, {
      file: 'library',
      sheet: 'Library',
    });
  });

  app.get('/library/new', (c) => {
    ensure(actionContext(c), canEdit);
    return showForm(c, {});
  });

  app.post('/library/new', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canEdit);
    const done = await submitForm(c, documentInput, (input) => createDocument(ctx, input));
    if (!done.ok) return showForm(c, done, undefined, 422);
    setFlash(c, 'library.created');
    return c.redirect(`/library/${done.value.slug}`, 303);
  });

  // Collections: a router of their own, mounted before the document routes so that
  // /library/collections is never taken for a document.
  app.route('/', libraryCollectionPages(deps));
  // Files of a document (/library/:slug/files…): after the collections, so that a collection
  // named "files" stays a collection.
  app.route('/', libraryFilePages(deps));

  app.get('/library/:slug', async (c) => {
    const doc = await loadVisible(c);
    const user = viewerOf(c);
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

  for (const format of CITATION_FORMATS) {
    app.get(`/library/:slug/cite.${format}`, async (c) => {
      const doc = await loadVisible(c);
      return citationDownload(c, [doc], format, doc.slug);
    });
  }

  app.get('/library/:slug/edit', async (c) => {
    const { doc } = await loadForChange(c, canEdit);
    return showForm(c, { values: formValuesOf(doc) }, doc);
  });

  app.post('/library/:slug/edit', async (c) => {
    const { ctx, doc } = await loadForChange(c, canEdit);
    const done = await submitForm(c, documentInput, (input) => updateDocument(ctx, doc, input));
    if (!done.ok) return showForm(c, done, doc, 422);
    setFlash(c, 'library.saved');
    return c.redirect(`/library/${doc.slug}`, 303);
  });

  for (const action of ['publish', 'unpublish'] as const) {
    app.post(`/library/:slug/${action}`, async (c) => {
      const { ctx, doc } = await loadForChange(c, canEdit);
      await setPublished(ctx, doc, action === 'publish');
      setFlash(c, action === 'publish' ? 'library.publishedFlash' : 'library.unpublishedFlash');
      return c.redirect(`/library/${doc.slug}`, 303);
    });
  }

  app.post('/library/:slug/delete', async (c) => {
    const { ctx, doc } = await loadForChange(c, canDelete);
    await deleteDocument(ctx, doc);
    setFlash(c, 'library.deleted');
    return c.redirect('/library', 303);
  });

  return app;
}
