// /library/collections: curated, ordered lists of documents, made and changed by editors (through
// actions/collections.ts), with the same citation exports as the list, and the list of collections
// as a spreadsheet.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actionContext, ensure } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { excerpt } from '../../platform/markdown.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { type Collection, loadCollection } from './access.ts';
import { createCollection, deleteCollection, updateCollection } from './actions/collections.ts';
import { CITATION_FORMATS, citationDownload } from './citation.ts';
import { collectionColumns } from './export.ts';
import { listCollections } from './listing.ts';
import { canEdit } from './permissions.ts';
import { collectionFormValues, collectionInput } from './schemas.ts';
import { collectionJsonLd } from './structured-data.ts';
import { CollectionFormView, CollectionsView, CollectionView } from './views/collections.tsx';

type C = Context<AppEnv>;

/** The collection form: to add one, or to edit `editing`. */
const showForm = (c: C, state: FormState, editing?: Collection, status: 200 | 422 = 200) =>
  renderPage(
    c,
    { title: c.var.t(editing ? 'library.editCollection' : 'library.addCollection'), noindex: true },
    <CollectionFormView
      action={editing ? `/library/collections/${editing.slug}/edit` : '/library/collections/new'}
      state={state}
      editing={editing}
    />,
    status,
  );

export function libraryCollectionPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;
  const viewerOf = (c: C) => c.var.auth?.user ?? null;

  app.get('/library/collections', async (c) => {
    const viewer = viewerOf(c);
    return renderPage(
      c,
      {
        title: c.var.t('library.collections'),
        description: c.var.t('library.collectionsIntro'),
        path: '/library/collections',
      },
      <CollectionsView collections={await listCollections(db, viewer)} canEdit={canEdit(viewer)} />,
    );
  });

  app.get('/library/collections/:file{export\\.(csv|xlsx)}', async (c) => {
    const rows = await listCollections(db, viewerOf(c));
    return spreadsheetDownload(c, collectionColumns(config.baseUrl), rows, {
      file: 'library-collections',
      sheet: 'Collections',
    });
  });

  app.get('/library/collections/new', (c) => {
    ensure(actionContext(c), canEdit);
    return showForm(c, {});
  });

  app.post('/library/collections/new', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canEdit);
    const done = await submitForm(c, collectionInput, (input) => createCollection(ctx, input));
    if (!done.ok) return showForm(c, done, undefined, 422);
    setFlash(c, 'library.collectionSaved');
    return c.redirect(`/library/collections/${done.value.slug}`, 303);
  });

  app.get('/library/collections/:slug', async (c) => {
    const { collection, documents } = await loadCollection(c);
    return renderPage(
      c,
      {
        title: collection.title,
        description: collection.description ? excerpt(collection.description, 200) : undefined,
        path: `/library/collections/${collection.slug}`,
        jsonLd: collectionJsonLd(collection, documents, config.baseUrl),
      },
      <CollectionView collection={collection} documents={documents} canEdit={canEdit(viewerOf(c))} />,
    );
  });

  for (const format of CITATION_FORMATS) {
    app.get(`/library/collections/:slug/export.${format}`, async (c) => {
      const { collection, documents } = await loadCollection(c);
      return citationDownload(c, documents, format, collection.slug);
    });
  }

  app.get('/library/collections/:slug/edit', async (c) => {
    ensure(actionContext(c), canEdit);
    const { collection, allSlugs } = await loadCollection(c);
    return showForm(c, { values: collectionFormValues(collection, allSlugs) }, collection);
  });

  app.post('/library/collections/:slug/edit', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canEdit);
    const { collection } = await loadCollection(c);
    const done = await submitForm(c, collectionInput, (input) => updateCollection(ctx, collection, input));
    if (!done.ok) return showForm(c, done, collection, 422);
    setFlash(c, 'library.collectionSaved');
    return c.redirect(`/library/collections/${collection.slug}`, 303);
  });

  app.post('/library/collections/:slug/delete', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canEdit);
    const { collection } = await loadCollection(c);
    await deleteCollection(ctx, collection);
    setFlash(c, 'library.collectionDeleted');
    return c.redirect('/library/collections', 303);
  });

  return app;
}
