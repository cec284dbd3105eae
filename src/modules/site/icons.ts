// The web app's icons (192 and 512 px PNG, what phones ask a manifest for): the logo centred on a
// white square, or the platform's mark in the hub's accent colour without a logo. Made with sharp
// when first asked for and kept per version, so a phone's request costs a lookup.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { DB } from '../../db/index.ts';
import { iconVersion, MARK_COLOUR } from '../../platform/site/settings.ts';
import { SITE_ROW, siteLogo } from './logo.ts';

export const ICON_SIZES = [192, 512] as const;
export type IconSize = (typeof ICON_SIZES)[number];

const MARK = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../../ui/assets/icon.svg'),
  'utf8',
);

export { iconVersion };

const made = new Map<string, Promise<Uint8Array | undefined>>();

async function makeIcon(db: DB, site: { logoVersion: string | null; accent: string | null }, size: IconSize) {
  if (site.logoVersion) {
    const logo = await siteLogo.bytes(db, SITE_ROW, 'full');
    if (logo) {
      const inner = Math.round(size * 0.8);
      const fitted = await sharp(logo.bytes).resize(inner, inner, { fit: 'inside' }).png().toBuffer();
      const png = await sharp({ create: { width: size, height: size, channels: 4, background: '#ffffff' } })
        .composite([{ input: fitted, gravity: 'centre' }])
        .png()
        .toBuffer();
      return new Uint8Array(png);
    }
  }
  const svg = MARK.replace(MARK_COLOUR, site.accent ?? MARK_COLOUR);
  return new Uint8Array(
    await sharp(Buffer.from(svg), { density: 72 * (size / 24) })
      .resize(size, size)
      .png()
      .toBuffer(),
  );
}

/** The icon of `size` for the settings `site`; a few are kept (the current ones, and one or two old). */
export function siteIcon(
  db: DB,
  site: { logoVersion: string | null; accent: string | null },
  size: IconSize,
) {
  const key = `${iconVersion(site)}-${size}`;
  let icon = made.get(key);
  if (!icon) {
    icon = makeIcon(db, site, size);
    icon.catch(() => made.delete(key));
    made.set(key, icon);
    if (made.size > 8) made.delete(made.keys().next().value as string);
  }
  return icon;
}
