// Every write of what the organisers add after an event: the outcomes and recommendations (and
// whether the feedback summary is public), the library documents linked to it, and its photos.
// Each checks that the actor organises the event, refuses next to the field what only it can know
// (a document the actor may not see, one too many), and writes its audit entry in its transaction.

import { type ActionContext, ensure, transact } from '../../../../platform/actions.ts';
import type { ProcessedImage } from '../../../../platform/attached-images.ts';
import { HttpError } from '../../../../platform/http/errors.ts';
import { nowIso } from '../../../../platform/time.ts';
import type { EventAccess } from '../access.ts';
import { attachedCount, findDocument, outcomesOf } from '../after.ts';
import { managesRoster } from '../permissions.ts';
import { eventPhotos } from '../photos.ts';
import type { OutcomesInput } from '../schemas.ts';
import { type DocumentRole, MAX_DOCUMENTS, MAX_PHOTOS } from '../vocab.ts';
import { auditEvent } from './roster.ts';

const notFound = () => new HttpError(404, 'error.404.message');

/** Saves the texts; the names of the fields that changed (none: nothing is written). */
export async function saveOutcomes(
  ctx: ActionContext,
  { event, organiser }: EventAccess,
  input: OutcomesInput,
): Promise<string[]> {
  const user = ensure(ctx, managesRoster(organiser));
  return transact(ctx, async (trx) => {
    const before = await outcomesOf(trx, event.id);
    const changed = [
      before.outcomes !== input.outcomes && 'outcomes',
      before.recommendations !== input.recommendations && 'recommendations',
      before.feedbackPublic !== input.feedback_public && 'feedback_public',
    ].filter((f): f is string => !!f);
    if (changed.length === 0) return changed;
    // Delete and insert: the same on both databases.
    await trx.deleteFrom('event_outcomes').where('event_id', '=', event.id).execute();
    await trx
      .insertInto('event_outcomes')
      .values({
        event_id: event.id,
        outcomes: input.outcomes,
        recommendations: input.recommendations,
        feedback_public: input.feedback_public ? 1 : 0,
        updated_by: user?.id ?? null,
        updated_at: nowIso(),
      })
      .execute();
    await auditEvent(trx, ctx, event.id, 'event.outcomes_changed', { fields: changed });
    return changed;
  });
}

/**
 * Links a library document the actor may see (or changes its role when it is linked already); an
 * unknown one, or one more than MAX_DOCUMENTS, is refused next to the field.
 */
export async function linkDocument(
  ctx: ActionContext,
  { event, organiser }: EventAccess,
  input: { document: string; role: DocumentRole },
): Promise<void> {
  ensure(ctx, managesRoster(organiser));
  const { db } = ctx.deps;
  const document = await findDocument(db, input.document, ctx.user);
  if (!document) throw HttpError.invalid({ document: 'participants.unknownDocument' });
  if ((await attachedCount(db, 'event_documents', event.id)) >= MAX_DOCUMENTS)
    throw HttpError.invalid({ document: 'participants.tooMany' });
  await transact(ctx, async (trx) => {
    await trx
      .deleteFrom('event_documents')
      .where('event_id', '=', event.id)
      .where('document_id', '=', document.id)
      .execute();
    const last = await trx
      .selectFrom('event_documents')
      .select((eb) => eb.fn.max<number>('position').as('p'))
      .where('event_id', '=', event.id)
      .executeTakeFirst();
    await trx
      .insertInto('event_documents')
      .values({
        event_id: event.id,
        document_id: document.id,
        role: input.role,
        position: Number(last?.p ?? 0) + 1,
      })
      .execute();
    await auditEvent(trx, ctx, event.id, 'event.document_linked', {
      document: document.id,
      role: input.role,
    });
  });
}

/** Unlinks a document; 404 when it is not linked to this event. */
export async function unlinkDocument(
  ctx: ActionContext,
  { event, organiser }: EventAccess,
  documentId: number,
): Promise<void> {
  ensure(ctx, managesRoster(organiser));
  await transact(ctx, async (trx) => {
    const result = await trx
      .deleteFrom('event_documents')
      .where('event_id', '=', event.id)
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound();
    await auditEvent(trx, ctx, event.id, 'event.document_unlinked', { document: documentId });
  });
}

/** Adds a photo (checked and re-encoded by eventPhotos.check) after the others; its id. */
export async function addPhoto(
  ctx: ActionContext,
  { event, organiser }: EventAccess,
  caption: string,
  image: ProcessedImage,
): Promise<number> {
  const user = ensure(ctx, managesRoster(organiser));
  if ((await attachedCount(ctx.deps.db, 'event_photos', event.id)) >= MAX_PHOTOS)
    throw HttpError.invalid({ photo: 'participants.tooMany' });
  return transact(ctx, async (trx) => {
    const position = await attachedCount(trx, 'event_photos', event.id);
    const id = await eventPhotos.add(trx, event.id, image, {
      caption,
      position,
      created_by: user?.id ?? null,
    });
    await auditEvent(trx, ctx, event.id, 'event.photo_added', { photo: id });
    return id;
  });
}

/** Deletes a photo; 404 when it is not one of this event's. */
export async function deletePhoto(
  ctx: ActionContext,
  { event, organiser }: EventAccess,
  photoId: number,
): Promise<void> {
  ensure(ctx, managesRoster(organiser));
  await transact(ctx, async (trx) => {
    if (!(await eventPhotos.remove(trx, event.id, photoId))) throw notFound();
    await auditEvent(trx, ctx, event.id, 'event.photo_deleted', { photo: photoId });
  });
}
