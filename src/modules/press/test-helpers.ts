// Shared by the press tests: a valid clipping form, and the clipping form sent as a browser sends it
// (multipart, with an optional file).
import { rowCount } from '../../../test/counts.ts';
import type { TestClient, TestPlatform } from '../../../test/harness.ts';

export const clippingForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  outlet: 'Vientiane Times',
  outlet_url: 'https://www.vientianetimes.org.la',
  published_on: '2017-06-23',
  title: 'Creative hub STELLA opens its doors',
  lang: 'en',
  url: 'https://www.vientianetimes.org.la/freeContent/stella.php',
  summary: 'A new **creative hub** in Vientiane.',
  covers: 'STELLA opening',
  covers_url: '',
  ...overrides,
});

/**
 * POSTs the clipping form as multipart/form-data, with the CSRF token of the page loaded first.
 * Without a file the screenshot field is sent empty, as a browser sends an empty file input.
 */
export async function postClippingForm(
  client: TestClient,
  page: string,
  action: string,
  fields: Record<string, string | string[]>,
  file?: { name: string; type: string; bytes: Uint8Array },
) {
  await client.get(page);
  const screenshot = file ?? { name: '', type: 'application/octet-stream', bytes: new Uint8Array() };
  return client.request(action, { multipart: { fields, files: [{ ...screenshot, field: 'screenshot' }] } });
}

export const countClippings = (hub: TestPlatform) => rowCount(hub, 'press_clippings');
