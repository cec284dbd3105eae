// The front page on a phone, in Lao, on a fresh install's demo content: what is coming (the demo
// event dated from the day of the seed), the latest news and the creative hubs on the map are each
// within the first two screens, and nothing sticks out sideways.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Hub,
  horizontalOverflow,
  openPage,
  PHONE,
  screenshot,
  startHub,
  switchLanguage,
} from './harness.ts';

let hub: Hub;
let page: Page;

beforeAll(async () => {
  hub = await startHub();
  ({ page } = await openPage(hub, { viewport: PHONE }));
  await page.goto('/');
  await switchLanguage(page, 'lo');
});

afterAll(async () => {
  await hub?.stop();
});

/** How far down the page (in CSS pixels from its top) the first element matching `selector` starts. */
async function topOf(selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return box.y + (await page.evaluate(() => window.scrollY));
}

describe('the front page at 360 px in Lao', () => {
  it('shows a coming event, a news post and a creative hub within the first two screens', async () => {
    await page.goto('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('lo');
    const twoScreens = 2 * PHONE.height;
    // The demo event, by its Lao title.
    const event = page.locator('#home-events a[href="/events/creative-hubs-meetup-vientiane"]');
    expect(await event.textContent()).toContain('ສູນສ້າງສັນ');
    expect(await topOf('#home-events a[href="/events/creative-hubs-meetup-vientiane"]')).toBeLessThan(
      twoScreens,
    );
    expect(await topOf('#home-news .block-list a[href^="/news/"]')).toBeLessThan(twoScreens);
    // STELLA, the creative hub of Vientiane, on the map.
    expect(await topOf('#home-hubs a[href="/directory/stella"]')).toBeLessThan(twoScreens);
    await screenshot(page, 'home-360-lo');
  });

  it('stacks its blocks and never scrolls sideways', async () => {
    await page.goto('/');
    const { scrollWidth, culprits } = await horizontalOverflow(page);
    expect(scrollWidth, `sticking out: ${culprits.join(', ')}`).toBeLessThanOrEqual(PHONE.width);
    const lefts = await page
      .locator('.blocks > section')
      .evaluateAll((sections) => sections.map((s) => Math.round(s.getBoundingClientRect().left)));
    expect(lefts.length).toBeGreaterThan(2);
    expect(new Set(lefts).size).toBe(1);
  });

  it('reads as well in Khmer: the demo event in Khmer, still no sideways scroll', async () => {
    await switchLanguage(page, 'km');
    await page.goto('/');
    const event = page.locator('#home-events a[href="/events/creative-hubs-meetup-vientiane"]');
    expect(await event.textContent()).toContain('មជ្ឈមណ្ឌលច្នៃប្រឌិត');
    const { scrollWidth, culprits } = await horizontalOverflow(page);
    expect(scrollWidth, `sticking out: ${culprits.join(', ')}`).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'home-360-km');
  });
});
