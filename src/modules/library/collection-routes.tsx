// /library/collections: curated, ordered lists of documents, made and changed by editors, with
// the same citation exports as the list.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, readForm } from '../../platform/http/forms.ts';
import { excerpt } from '../../platform/markdown.ts';
import { renderPage } from '../../ui/render.tsx';
import { toBibtex, toRis } from './citation.ts';
import {
  createCollection,
  deleteCollection,
  getCollection,
  listCollections,
  resolveDocuments,
  updateCollection,
} from './collections.ts';
import { canEdit, requireEditor } from './permissions.ts';
import { collectionInputSchema } from './schemas.ts';
import {
  CollectionFormView,
  CollectionsView,
  CollectionView,
  collectionFormValues,
} from './views-collections.tsx';

export function libraryCollectionPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/library/collections', async (c) => {
    const viewer = c.var.auth?.user ?? null;
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

  app.get('/library/collections/new', (c) => {
    requireEditor(c);
    return renderPage(
      c,
      { title: c.var.t('library.addCollection'), noindex: true },
      <CollectionFormView action="/library/collections/new" state={{}} />,
    );
  });

  app.post('/library/collections/new', async (c) => {
    const user = requireEditor(c);
    const form = await readForm(c, collectionInputSchema);
    const show = (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t('library.addCollection'), noindex: true },
        <CollectionFormView action="/library/collections/new" state={{ values: form.values, errors }} />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { ids, error } = await resolveDocuments(db, form.data.documents);
    if (error) return show({ documents: error });
    const collection = await db.transaction().execute(async (trx) => {
      const created = await createCollection(trx, form.data, ids, user);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'document_collection.created',
        subjectType: 'document_collection',
        subjectId: created.id,
        details: { title: created.title },
      });
      return created;
    });
    setFlash(c, 'library.collectionSaved');
    return c.redirect(`/library/collections/${collection.slug}`, 303);
  });

  const load = async (c: Context<AppEnv>, slug: string) => {
    const found = await getCollection(db, slug, c.var.auth?.user ?? null);
    if (!found) throw new HttpError(404, 'error.404.message');
    return found;
  };

  app.get('/library/collections/:slug', async (c) => {
    const { collection, documents } = await load(c, c.req.param('slug'));
    const viewer = c.var.auth?.user ?? null;
    return renderPage(
      c,
      {
        title: collection.title,
        description: collection.description ? excerpt(collection.description, 200) : undefined,
        path: `/library/collections/${collection.slug}`,
        jsonLd: {
          '@context': 'https://schema.org',
          '@type': 'Collection',
          name: collection.title,
          url: `${config.baseUrl}/library/collections/${collection.slug}`,
          inLanguage: collection.lang,
          hasPart: documents.map((d) => ({
            '@type': 'CreativeWork',
            name: d.title,
            url: `${config.baseUrl}/library/${d.slug}`,
          })),
        },
      },
      <CollectionView collection={collection} documents={documents} canEdit={canEdit(viewer)} />,
    );
  });

  for (const format of ['ris', 'bib'] as const) {
    app.get(`/library/collections/:slug/export.${format}`, async (c) => {
      const { collection, documents } = await load(c, c.req.param('slug'));
      const text = format === 'ris' ? toRis(documents, config.baseUrl) : toBibtex(documents, config.baseUrl);
      c.header('Cache-Control', 'private, no-store');
      return c.body(text, 200, {
        'Content-Type':
          format === 'ris'
            ? 'application/x-research-info-systems; charset=utf-8'
            : 'application/x-bibtex; charset=utf-8',
        'Content-Disposition': `attachment; filename="${collection.slug}.${format}"`,
      });
    });
  }

  app.get('/library/collections/:slug/edit', async (c) => {
    requireEditor(c);
    const { collection, allSlugs } = await load(c, c.req.param('slug'));
    return renderPage(
      c,
      { title: c.var.t('library.editCollection'), noindex: true },
      <CollectionFormView
        action={`/library/collections/${collection.slug}/edit`}
        state={{ values: collectionFormValues(collection, allSlugs) }}
        editing={collection}
      />,
    );
  });

  app.post('/library/collections/:slug/edit', async (c) => {
    requireEditor(c);
    const { collection } = await load(c, c.req.param('slug'));
    const form = await readForm(c, collectionInputSchema);
    const show = (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t('library.editCollection'), noindex: true },
        <CollectionFormView
          action={`/library/collections/${collection.slug}/edit`}
          state={{ values: form.values, errors }}
          editing={collection}
        />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { ids, error } = await resolveDocuments(db, form.data.documents);
    if (error) return show({ documents: error });
    await db.transaction().execute(async (trx) => {
      await updateCollection(trx, collection, form.data, ids);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'document_collection.updated',
        subjectType: 'document_collection',
        subjectId: collection.id,
      });
    });
    setFlash(c, 'library.collectionSaved');
    return c.redirect(`/library/collections/${collection.slug}`, 303);
  });

  app.post('/library/collections/:slug/delete', async (c) => {
    requireEditor(c);
    const { collection } = await load(c, c.req.param('slug'));
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'document_collection.deleted',
        subjectType: 'document_collection',
        subjectId: collection.id,
        details: { title: collection.title },
      });
      await deleteCollection(trx, collection.id);
    });
    setFlash(c, 'library.collectionDeleted');
    return c.redirect('/library/collections', 303);
  });

  return app;
}
