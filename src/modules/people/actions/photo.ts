// A profile's photo: replaced or removed by whoever may edit the profile, with an audit entry, in
// one transaction. The file is checked and re-encoded before (photo.ts: photos.check).
import { type ActionContext, audit, ensure, transact } from '../../../platform/actions.ts';
import type { ProcessedImage } from '../../../platform/attached-images.ts';
import type { PersonDetails } from '../access.ts';
import { canEdit } from '../permissions.ts';
import { photos } from '../photo.ts';

export async function replacePhoto(
  ctx: ActionContext,
  person: PersonDetails,
  image: ProcessedImage,
  /** The size of the file sent, for the audit log. */
  bytes: number,
): Promise<void> {
  ensure(ctx, (user) => canEdit(user, person));
  await transact(ctx, async (trx) => {
    await photos.replace(trx, person.id, image);
    await audit(trx, ctx, {
      action: 'person.photo_updated',
      subjectType: 'person',
      subjectId: person.id,
      details: { bytes, width: image.fullWidth, height: image.fullHeight },
    });
  });
}

/** Removes the photo; whether there was one (nothing is recorded when there was none). */
export async function removePhoto(ctx: ActionContext, person: PersonDetails): Promise<boolean> {
  ensure(ctx, (user) => canEdit(user, person));
  return transact(ctx, async (trx) => {
    if (!(await photos.remove(trx, person.id))) return false;
    await audit(trx, ctx, { action: 'person.photo_removed', subjectType: 'person', subjectId: person.id });
    return true;
  });
}
