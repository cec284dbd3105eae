// Changing and removing an organisation's logo: whoever may edit the profile, with an entry in the
// organisation's history and the audit log, in one transaction. The upload is checked and
// re-encoded before (logos.check in logo.ts); nothing is written for a refused file.
import { type ActionContext, audit, transact } from '../../../platform/actions.ts';
import type { ProcessedImage } from '../../../platform/attached-images.ts';
import { imageVersion } from '../../../platform/images.ts';
import { ensureWithRole, type Organisation } from '../access.ts';
import { logos } from '../logo.ts';
import { canChangeLogo } from '../permissions.ts';
import { recordHistory } from './history.ts';

/** Replaces the logo with an uploaded image (`bytes`: the size of the file as sent). */
export async function changeLogo(
  ctx: ActionContext,
  org: Organisation,
  image: ProcessedImage,
  bytes: number,
): Promise<void> {
  const user = await ensureWithRole(ctx, org.id, canChangeLogo);
  await transact(ctx, async (trx) => {
    const before = await logos.info(trx, org.id);
    const savedAt = await logos.replace(trx, org.id, image);
    await recordHistory(trx, org.id, user?.id ?? null, {
      logo: { from: before?.version ?? null, to: imageVersion(savedAt) },
    });
    await audit(trx, ctx, {
      action: 'organisation.logo_updated',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { bytes, width: image.fullWidth, height: image.fullHeight },
    });
  });
}

/** Removes the logo; whether there was one. */
export async function removeLogo(ctx: ActionContext, org: Organisation): Promise<boolean> {
  const user = await ensureWithRole(ctx, org.id, canChangeLogo);
  return transact(ctx, async (trx) => {
    const before = await logos.info(trx, org.id);
    if (!before || !(await logos.remove(trx, org.id))) return false;
    await recordHistory(trx, org.id, user?.id ?? null, { logo: { from: before.version, to: null } });
    await audit(trx, ctx, {
      action: 'organisation.logo_removed',
      subjectType: 'organisation',
      subjectId: org.id,
    });
    return true;
  });
}
