// The steps of an import (platform/import) as a browser goes through them, for the tests of each
// import target: upload the file, take the mapping form as guessed (with changes), preview, import.
import { expect } from 'vitest';
import { type Sent, type TestClient, visibleText } from './harness.ts';

/** The values a browser would send for a form: selected options, hidden and checked inputs. */
export function formValues(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const values: Record<string, string> = {};
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = m[2]?.match(/<option value="([^"]*)"[^>]*selected/);
    values[m[1] ?? ''] = selected?.[1] ?? m[2]?.match(/<option value="([^"]*)"/)?.[1] ?? '';
  }
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    if (m[1] !== '_csrf') values[m[1] ?? ''] = (m[2] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  }
  return values;
}

/** The steps of the import at `base` (e.g. /directory/people/import). */
export function importSteps(base: string) {
  /** Sends a file the way a browser sends the upload form (multipart, with the page's CSRF token). */
  async function upload(
    client: TestClient,
    filename: string,
    content: Uint8Array | string,
    options: { csrf?: boolean } = {},
  ): Promise<Sent> {
    await client.get(base);
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content);
    return client.request(base, {
      multipart: { fields: {}, files: [{ field: 'file', name: filename, type: '', bytes }] },
      csrf: options.csrf,
    });
  }

  /** Upload → mapping (as guessed, with changes) → preview. */
  async function preview(
    client: TestClient,
    filename: string,
    content: Uint8Array | string,
    changes: Record<string, string> = {},
  ) {
    const up = await upload(client, filename, content);
    expect(up.status, visibleText(up.text).slice(0, 400)).toBe(303);
    const id = Number(up.location?.slice(base.length + 1));
    const mapping = await client.get(`${base}/${id}`);
    expect(mapping.status).toBe(200);
    const values = { ...formValues(mapping.text, `${base}/${id}/preview`), ...changes };
    const checked = await client.request(`${base}/${id}/preview`, { form: values });
    return { id, mapping, values, checked };
  }

  /** …and import with what the preview page carries. */
  function importAll(client: TestClient, id: number, checked: Sent, extra: Record<string, string> = {}) {
    const values = { ...formValues(checked.text, `${base}/${id}`), ...extra };
    return client.request(`${base}/${id}`, { form: values });
  }

  return { upload, preview, importAll };
}
