// Organisation logos: one attached image per organisation (platform/attached-images.ts: checked by
// content, decoded with limits, re-encoded as WebP at 256 and 64 px without metadata), stored as
// bytes in organisation_logos, served at /directory/:slug/logo.webp?v=….

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type ImageInfo, imageUrl, singleImage } from '../../platform/attached-images.ts';
import { IMAGE_MAX_BYTES } from '../../platform/images.ts';

/** Largest accepted upload; the app's general multipart limit (UPLOAD_LIMIT_MB) is higher. */
export const LOGO_MAX_BYTES = IMAGE_MAX_BYTES;

export const logos = singleImage({
  table: 'organisation_logos',
  owner: 'organisation_id',
  sizes: { full: { size: 256, quality: 85 }, thumb: { size: 64, quality: 80 } },
  maxBytes: LOGO_MAX_BYTES,
  messages: {
    missing: 'directory.logo.missing',
    tooLarge: 'directory.logo.tooLarge',
    type: 'directory.logo.wrongType',
    unreadable: 'directory.logo.unreadable',
    tooManyPixels: 'directory.logo.tooManyPixels',
  },
});

export type LogoInfo = ImageInfo;

export function logoUrl(slug: string, info: Pick<LogoInfo, 'version'>, size: 'full' | 'thumb' = 'full') {
  return imageUrl(`/directory/${slug}/logo.webp`, info, size);
}

/** A published organisation's logo as the picture of a shared link (an event's card in a chat app). */
export async function sharedLogoOf(
  db: Kysely<Database>,
  slug: string,
): Promise<{ path: string; width: number; height: number } | undefined> {
  const org = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  const info = org && (await logos.info(db, org.id));
  return info && { path: logoUrl(slug, info), width: info.fullWidth, height: info.fullHeight };
}
