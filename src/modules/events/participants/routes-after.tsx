// After the event, for its organisers: the outcomes and recommendations, the linked library
// documents, the photos (uploaded with the form, checked and re-encoded before anything is
// written); and the photos themselves for every reader of the event.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { auditOrigin, recordAudit } from '../../../platform/audit.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { readForm } from '../../../platform/http/forms.ts';
import { serveImage } from '../../../platform/images.ts';
import { renderPage } from '../../../ui/render.tsx';
import type { EventDetails } from '../access.ts';
import {
  addPhoto,
  countDocuments,
  countPhotos,
  deletePhoto,
  documentsOf,
  findDocument,
  linkDocument,
  outcomesOf,
  photoBytes,
  photosOf,
  processPhoto,
  saveOutcomes,
  unlinkDocument,
} from './after.ts';
import { idParam, loadEvent, loadManagedEvent } from './load.ts';
import { documentLinkSchema, outcomesSchema, photoSchema } from './schemas.ts';
import { AfterEditorView, type AfterForms } from './views-after.tsx';
import { MAX_DOCUMENTS, MAX_PHOTOS } from './vocab.ts';

type C = Context<AppEnv>;

export function afterPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  const editor = async (c: C, event: EventDetails, forms: AfterForms, status: ContentfulStatusCode = 200) => {
    const user = c.var.auth?.user ?? null;
    const [documents, photos, outcomes] = await Promise.all([
      documentsOf(db, event.id, user),
      photosOf(db, event.id),
      outcomesOf(db, event.id),
    ]);
    const initial = {
      values: {
        outcomes: outcomes.outcomes,
        recommendations: outcomes.recommendations,
        ...(outcomes.feedbackPublic ? { feedback_public: '1' } : {}),
      },
    };
    return renderPage(
      c,
      { title: c.var.t('participants.afterTitle'), noindex: true },
      <AfterEditorView
        event={event}
        documents={documents}
        photos={photos}
        forms={{ outcomes: initial, ...forms }}
      />,
      status,
    );
  };

  const audit = (
    c: C,
    trx: typeof db,
    event: EventDetails,
    action: string,
    details: Record<string, unknown>,
  ) => recordAudit(trx, { ...auditOrigin(c), action, subjectType: 'event', subjectId: event.id, details });

  app.get('/events/:slug/after', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    return editor(c, event, {});
  });

  app.post('/events/:slug/after', async (c) => {
    const { event, user } = await loadManagedEvent(db, c, c.req.param('slug'));
    const form = await readForm(c, outcomesSchema);
    if (!form.ok) return editor(c, event, { outcomes: form }, 422);
    await db.transaction().execute(async (trx) => {
      const fields = await saveOutcomes(trx, event.id, form.data, user);
      if (fields.length) await audit(c, trx, event, 'event.outcomes_changed', { fields });
    });
    setFlash(c, 'participants.saved');
    return c.redirect(`/events/${event.slug}/after`, 303);
  });

  app.post('/events/:slug/documents', async (c) => {
    const { event, user } = await loadManagedEvent(db, c, c.req.param('slug'));
    const form = await readForm(c, documentLinkSchema);
    if (!form.ok) return editor(c, event, { document: form }, 422);
    const document = await findDocument(db, form.data.document, user);
    if (!document)
      return editor(
        c,
        event,
        { document: { values: form.values, errors: { document: 'participants.unknownDocument' } } },
        422,
      );
    if ((await countDocuments(db, event.id)) >= MAX_DOCUMENTS)
      return editor(
        c,
        event,
        { document: { values: form.values, errors: { document: 'participants.tooMany' } } },
        422,
      );
    await db.transaction().execute(async (trx) => {
      await linkDocument(trx, event.id, document.id, form.data.role);
      await audit(c, trx, event, 'event.document_linked', { document: document.id, role: form.data.role });
    });
    setFlash(c, 'participants.saved');
    return c.redirect(`/events/${event.slug}/after#documents`, 303);
  });

  app.post('/events/:slug/documents/:id/delete', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const documentId = idParam(c.req.param('id'));
    const removed = await db.transaction().execute(async (trx) => {
      const done = await unlinkDocument(trx, event.id, documentId);
      if (done) await audit(c, trx, event, 'event.document_unlinked', { document: documentId });
      return done;
    });
    if (!removed) throw new HttpError(404, 'error.404.message');
    setFlash(c, 'participants.removed');
    return c.redirect(`/events/${event.slug}/after#documents`, 303);
  });

  app.post('/events/:slug/photos', async (c) => {
    const { event, user } = await loadManagedEvent(db, c, c.req.param('slug'));
    const form = await readForm(c, photoSchema);
    // Cached by Hono: the CSRF check and readForm have parsed the same body already.
    const body = await c.req.parseBody({ all: true });
    const file = Array.isArray(body.photo) ? body.photo[0] : body.photo;
    const result: Awaited<ReturnType<typeof processPhoto>> =
      file instanceof File
        ? await processPhoto(file)
        : { ok: false, refusal: { status: 422, key: 'participants.photo.missing' } };
    if (!form.ok || !result.ok) {
      const errors = form.ok ? {} : { ...form.errors };
      if (!result.ok) errors.photo = result.refusal.key;
      // A refused file decides the status (413, 415) unless the fields are wrong too.
      const status = form.ok && !result.ok ? result.refusal.status : 422;
      return editor(
        c,
        event,
        {
          photo: { values: form.values, errors },
          photoValues: result.ok ? undefined : result.refusal.values,
        },
        status,
      );
    }
    if ((await countPhotos(db, event.id)) >= MAX_PHOTOS)
      return editor(
        c,
        event,
        { photo: { values: form.values, errors: { photo: 'participants.tooMany' } } },
        422,
      );
    await db.transaction().execute(async (trx) => {
      const photo = await addPhoto(trx, event.id, form.data.caption, result.image, user);
      await audit(c, trx, event, 'event.photo_added', { photo: photo.id });
    });
    setFlash(c, 'participants.photoAdded');
    return c.redirect(`/events/${event.slug}/after#photos`, 303);
  });

  app.post('/events/:slug/photos/:id/delete', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const photoId = idParam(c.req.param('id'));
    const removed = await db.transaction().execute(async (trx) => {
      const done = await deletePhoto(trx, event.id, photoId);
      if (done) await audit(c, trx, event, 'event.photo_deleted', { photo: photoId });
      return done;
    });
    if (!removed) throw new HttpError(404, 'error.404.message');
    setFlash(c, 'participants.removed');
    return c.redirect(`/events/${event.slug}/after#photos`, 303);
  });

  app.get('/events/:slug/photos/:file', async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.webp')) throw new HttpError(404, 'error.404.message');
    const { event } = await loadEvent(db, c, c.req.param('slug'));
    const size = c.req.query('size') === 'thumb' ? 'thumb' : 'full';
    const row = await photoBytes(db, event.id, idParam(file.slice(0, -5)), size);
    if (!row) throw new HttpError(404, 'error.404.message');
    // A draft's photos are seen by its organisers only: no shared cache keeps them.
    return serveImage(c, row, { size, shared: event.status !== 'draft' });
  });

  return app;
}
