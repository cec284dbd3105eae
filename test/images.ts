// Images for the tests of uploads (logos, photos, screenshots, covers): real pictures made with
// sharp, and the files the image pipeline must refuse by their content, whatever their name says.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A plain picture of `width` × `height` pixels, to encode as PNG, JPEG… */
export const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

/** Files that are no image: each is refused by its content (415), whatever its name and type say. */
export const notImages = {
  svg: Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
  ),
  html: HTML,
  garbage: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)),
};

/** A PNG signature followed by anything else: looks right, cannot be decoded (422). */
export const undecodablePng = () => Buffer.concat([Buffer.from(PNG_SIGNATURE), HTML]);

/** A tiny PNG whose header claims 20,000 × 20,000 pixels, its CRC fixed so it looks genuine (422). */
export async function pixelBomb(): Promise<Buffer> {
  const bomb = await picture(1, 1).png().toBuffer();
  bomb.writeUInt32BE(20_000, 16);
  bomb.writeUInt32BE(20_000, 20);
  bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
  return bomb;
}

/** `megabytes` of zeros behind a PNG signature: refused for its size before it is read (413). */
export function oversized(megabytes: number): Uint8Array {
  const bytes = new Uint8Array(megabytes * 1024 * 1024);
  bytes.set(PNG_SIGNATURE);
  return bytes;
}
