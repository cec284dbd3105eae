// Screenshots of clippings: one attached image per clipping (platform/attached-images.ts), at a
// screenshot's sizes, in press_screenshots.
import { type ImageInfo, imageUrl, singleImage } from '../../platform/attached-images.ts';
import { IMAGE_MAX_BYTES } from '../../platform/images.ts';

export const SCREENSHOT_MAX_BYTES = IMAGE_MAX_BYTES;

export const screenshots = singleImage({
  table: 'press_screenshots',
  owner: 'clipping_id',
  // Wide enough to read a headline on a desktop screenshot, small enough for a phone on 3G.
  sizes: { full: { size: 1200, quality: 80 }, thumb: { size: 320, quality: 75 } },
  maxBytes: SCREENSHOT_MAX_BYTES,
  messages: {
    badName: 'press.screenshot.badName',
    tooLarge: 'press.screenshot.tooLarge',
    type: 'press.screenshot.wrongType',
    unreadable: 'press.screenshot.unreadable',
    tooManyPixels: 'press.screenshot.tooManyPixels',
  },
});

export type ScreenshotInfo = ImageInfo;

export function screenshotUrl(id: number, info: Pick<ImageInfo, 'version'>, size: 'full' | 'thumb' = 'full') {
  return imageUrl(`/press/${id}/screenshot.webp`, info, size);
}
