// The steps of an import (platform/import) as a browser goes through them, for the tests of each
// import target: upload the file, take the mapping form as guessed (with changes), preview, import;
// and what every import promises whatever it imports: for editors only, a size limit, the CSRF
// token on every step.
import { expect } from 'vitest';
import { MAX_FILE_BYTES } from '../src/platform/import/index.ts';
import { type Sent, type TestClient, type TestPlatform, visibleText } from './harness.ts';

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

/** A file to upload: its name and its content. */
type SampleFile = [filename: string, content: Uint8Array | string];

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

  /** The id of the upload that upload()'s redirect leads to. */
  const uploadId = (res: Sent) => Number(res.location?.split('/').pop());

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

  /** A file one byte over the import's limit (5 MB) is refused with 413 and a message. */
  async function expectTooBigRefused(client: TestClient) {
    const res = await upload(client, 'big.csv', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61));
    expect(res.status).toBe(413);
    expect(visibleText(res.text)).toContain('The file is larger than 5 MB.');
  }

  /**
   * The import is for editors and admins: a member is refused the page and the upload (403), a
   * visitor is sent to the login page, and their upload is a 401. Returns the member's client.
   */
  async function expectEditorsOnly(hub: TestPlatform, file: SampleFile) {
    const { client: member } = await hub.signedIn('member');
    expect((await member.get(base)).status).toBe(403);
    expect((await upload(member, ...file)).status).toBe(403);
    const visitor = hub.client();
    const page = await visitor.get(base);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/login?next=${encodeURIComponent(base)}`);
    await visitor.get('/login'); // a page with the visitor's CSRF token
    expect((await upload(visitor, ...file)).status).toBe(401);
    return member;
  }

  /** Without the CSRF token, the upload and every later step are refused (403): nothing imported. */
  async function expectCsrfOnEveryStep(client: TestClient, file: SampleFile, count: () => Promise<number>) {
    expect((await upload(client, ...file, { csrf: false })).status).toBe(403);
    const id = uploadId(await upload(client, ...file));
    const page = await client.get(`${base}/${id}`);
    const values = formValues(page.text, `${base}/${id}/preview`);
    expect((await client.request(`${base}/${id}/preview`, { form: values, csrf: false })).status).toBe(403);
    const before = await count();
    expect((await client.request(`${base}/${id}`, { form: values, csrf: false })).status).toBe(403);
    expect((await client.request(`${base}/${id}/discard`, { form: {}, csrf: false })).status).toBe(403);
    expect(await count()).toBe(before);
  }

  return {
    upload,
    uploadId,
    preview,
    importAll,
    expectTooBigRefused,
    expectEditorsOnly,
    expectCsrfOnEveryStep,
  };
}
