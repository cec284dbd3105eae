// Uploading, removing and serving people's photos. The upload form is on the profile's edit page
// (views-photo.tsx); a refused upload shows that page again with the reason next to the file field.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { User } from '../../db/schema.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { IMAGE_MAX_BYTES, type ImageRefusal, REFUSAL_STATUS, serveImage } from '../../platform/images.ts';
import { renderPage } from '../../ui/render.tsx';
import { allowedStatuses, canEdit, canView } from './permissions.ts';
import { deletePhoto, photoBytes, processPhoto, savePhoto } from './photo.ts';
import { getPerson, type PersonDetails } from './store.ts';
import { formValuesOf, PersonFormView } from './views-form.tsx';

type C = Context<AppEnv>;

const REFUSALS: Record<ImageRefusal, MessageKey> = {
  type: 'people.photo.wrongType',
  unreadable: 'people.photo.unreadable',
  tooManyPixels: 'people.photo.tooManyPixels',
};

export function peoplePhotoPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  /** The person of the URL as the reader may see it; 404 also for profiles they may not see. */
  async function visiblePerson(c: C, user: User | null): Promise<PersonDetails> {
    const person = await getPerson(db, c.req.param('slug') ?? '');
    if (!person || !canView(user, person)) throw new HttpError(404, 'error.404.message');
    return person;
  }

  /** The person for someone who may change the photo: the same people as edit the profile. */
  async function editablePerson(c: C) {
    const user = requireUser(c);
    const person = await visiblePerson(c, user);
    if (!canEdit(user, person)) throw new HttpError(403, 'error.403.message');
    return { user, person };
  }

  // /photo.webp for people and caches that go by the extension; /photo for short.
  for (const path of ['/directory/people/:slug/photo.webp', '/directory/people/:slug/photo']) {
    app.get(path, async (c) => {
      const person = await visiblePerson(c, c.var.auth?.user ?? null);
      const size = c.req.query('size') === 'thumb' ? 'thumb' : 'full';
      const row = await photoBytes(db, person.id, size);
      if (!row) throw new HttpError(404, 'error.404.message');
      // Photos of drafts and hidden profiles are for the few who may see them: no shared caches.
      return serveImage(c, row, { size, shared: person.status === 'published' });
    });
  }

  app.post('/directory/people/:slug/photo', async (c) => {
    const { user, person } = await editablePerson(c);
    const refuse = (key: MessageKey, status: ContentfulStatusCode, values?: Record<string, number>) =>
      renderPage(
        c,
        { title: c.var.t('form.editTitle', { name: person.name }), noindex: true },
        <PersonFormView
          action={`/directory/people/${person.slug}/edit`}
          state={{ values: formValuesOf(person) }}
          editing={person}
          statuses={allowedStatuses(user)}
          photoError={{ key, values }}
        />,
        status,
      );
    // The CSRF check has already read the body (within UPLOAD_LIMIT_MB); this is the photo's own limit.
    const body = await c.req.parseBody();
    const file = body.photo;
    if (!(file instanceof File) || file.size === 0) return refuse('people.photo.missing', 422);
    if (file.size > IMAGE_MAX_BYTES)
      return refuse('people.photo.tooLarge', 413, { limit: IMAGE_MAX_BYTES / 1024 / 1024 });
    const result = await processPhoto(new Uint8Array(await file.arrayBuffer()));
    if (!result.ok) return refuse(REFUSALS[result.reason], REFUSAL_STATUS[result.reason]);
    await db.transaction().execute(async (trx) => {
      await savePhoto(trx, person.id, result.image);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'person.photo_updated',
        subjectType: 'person',
        subjectId: person.id,
        details: { bytes: file.size, width: result.image.fullWidth, height: result.image.fullHeight },
      });
    });
    setFlash(c, 'people.photo.saved');
    return c.redirect(`/directory/people/${person.slug}/edit`, 303);
  });

  app.post('/directory/people/:slug/photo/delete', async (c) => {
    const { person } = await editablePerson(c);
    await db.transaction().execute(async (trx) => {
      if (!(await deletePhoto(trx, person.id))) return;
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'person.photo_removed',
        subjectType: 'person',
        subjectId: person.id,
      });
    });
    setFlash(c, 'people.photo.removed');
    return c.redirect(`/directory/people/${person.slug}/edit`, 303);
  });

  return app;
}
