// After the event, for its organisers: the outcomes and recommendations, the linked library
// documents, the photos (uploaded with the form, checked and re-encoded before anything is
// written); and the photos themselves for every reader of the event. The writes are the actions'
// (actions/after.ts).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext } from '../../../platform/actions.ts';
import { chosenFile, imageResponse } from '../../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { attempt, type FieldErrors, readForm, submitForm } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { renderPage } from '../../../ui/render.tsx';
import { idParam, type LoadedEvent, loadEvent, loadManagedEvent } from './access.ts';
import { addPhoto, deletePhoto, linkDocument, saveOutcomes, unlinkDocument } from './actions/after.ts';
import { documentsOf, outcomesOf } from './after.ts';
import { eventPhotos, photosOf } from './photos.ts';
import { documentLinkSchema, outcomesSchema, photoSchema } from './schemas.ts';
import { AfterEditorView, type AfterForms } from './views/after.tsx';

type C = Context<AppEnv>;

export function afterPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;
  const managed = (c: C) => loadManagedEvent(db, c, c.req.param('slug') ?? '');

  const editor = async (c: C, loaded: LoadedEvent, forms: AfterForms, status: ContentfulStatusCode = 200) => {
    const { event, user } = loaded;
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

  /** Back to the editor's part (#documents, #photos) with a message once a write is done. */
  const done = (c: C, loaded: LoadedEvent, message: MessageKey, part = '') => {
    setFlash(c, message);
    return c.redirect(`/events/${loaded.event.slug}/after${part}`, 303);
  };

  app.get('/events/:slug/after', async (c) => editor(c, await managed(c), {}));

  app.post('/events/:slug/after', async (c) => {
    const loaded = await managed(c);
    const form = await readForm(c, outcomesSchema);
    if (!form.ok) return editor(c, loaded, { outcomes: form }, 422);
    await saveOutcomes(actionContext(c), loaded, form.data);
    return done(c, loaded, 'participants.saved');
  });

  app.post('/events/:slug/documents', async (c) => {
    const loaded = await managed(c);
    const linked = await submitForm(c, documentLinkSchema, (link) =>
      linkDocument(actionContext(c), loaded, link),
    );
    if (!linked.ok) return editor(c, loaded, { document: linked }, 422);
    return done(c, loaded, 'participants.saved', '#documents');
  });

  app.post('/events/:slug/documents/:id/delete', async (c) => {
    const loaded = await managed(c);
    await unlinkDocument(actionContext(c), loaded, idParam(c.req.param('id')));
    return done(c, loaded, 'participants.removed', '#documents');
  });

  app.post('/events/:slug/photos', async (c) => {
    const loaded = await managed(c);
    const form = await readForm(c, photoSchema);
    // Cached by Hono: the CSRF check and readForm have parsed the same body already.
    const check = await eventPhotos.check(chosenFile((await c.req.parseBody({ all: true })).photo));
    if (!form.ok || !check.ok) {
      const errors: FieldErrors = form.ok ? {} : { ...form.errors };
      if (!check.ok) errors.photo = check.refusal.key;
      // A refused file decides the status (413, 415) unless the fields are wrong too.
      const status = form.ok && !check.ok ? check.refusal.status : 422;
      const errorValues = check.ok ? undefined : { photo: check.refusal.values ?? {} };
      return editor(c, loaded, { photo: { values: form.values, errors, errorValues } }, status);
    }
    const added = await attempt(() => addPhoto(actionContext(c), loaded, form.data.caption, check.image));
    if (!added.ok) return editor(c, loaded, { photo: { values: form.values, errors: added.errors } }, 422);
    return done(c, loaded, 'participants.photoAdded', '#photos');
  });

  app.post('/events/:slug/photos/:id/delete', async (c) => {
    const loaded = await managed(c);
    await deletePhoto(actionContext(c), loaded, idParam(c.req.param('id')));
    return done(c, loaded, 'participants.removed', '#photos');
  });

  app.get('/events/:slug/photos/:file', async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith('.webp')) throw new HttpError(404, 'error.404.message');
    const { event } = await loadEvent(db, c, c.req.param('slug'));
    const id = idParam(file.slice(0, -5));
    // A draft's photos are seen by its organisers only: no shared cache keeps them.
    return imageResponse(c, (size) => eventPhotos.bytes(db, event.id, id, size), {
      shared: event.status !== 'draft',
    });
  });

  return app;
}
