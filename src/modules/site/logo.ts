// The hub's logo: one image (platform/attached-images.ts), shown beside the name and made into the
// web app's icons. A logo is small: 1 MB is plenty, and keeps the icons quick to make.
import { singleImage } from '../../platform/attached-images.ts';

/** The one row's key (the table holds the hub's logo only). */
export const SITE_ROW = 1;
export const LOGO_MAX_BYTES = 1024 * 1024;

export const siteLogo = singleImage({
  table: 'site_logo',
  owner: 'site',
  sizes: { full: { size: 512, quality: 90 }, thumb: { size: 128, quality: 85 } },
  maxBytes: LOGO_MAX_BYTES,
});
