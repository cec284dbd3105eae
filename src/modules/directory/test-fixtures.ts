// Shared by the members and logo tests: a valid organisation form, and a multipart upload the way
// a browser sends the logo form (TestClient sends url-encoded forms only).
import type { TestClient } from '../../../test/harness.ts';
import { BASE_URL } from '../../../test/harness.ts';

export const organisationForm = (overrides: Record<string, string> = {}) => ({
  kind: 'artisan_group',
  name: 'Ban Phanom Weavers',
  name_translit: '',
  lang: 'en',
  description: 'Silk weavers of **Ban Phanom** near Luang Prabang.',
  country: 'LA',
  province: 'Luang Prabang',
  city: 'Luang Prabang',
  address: '',
  latitude: '',
  longitude: '',
  website: '',
  email: '',
  phone: '',
  contact_visibility: 'members',
  founded_year: '',
  parent: '',
  opening_hours: '',
  domains: 'visual_arts_crafts',
  stages: 'production',
  languages: 'lo',
  ...overrides,
});

/**
 * POSTs a multipart form with one file, with the client's cookies and the CSRF token of the last
 * page it loaded. `app` is the platform's app (TestPlatform.app).
 */
export async function uploadFile(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  client: TestClient,
  path: string,
  file: { field: string; name: string; type: string; bytes: Uint8Array },
) {
  const form = new FormData();
  form.set('_csrf', client.csrfToken());
  form.set(file.field, new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  const headers = new Headers({ 'x-forwarded-for': client.ip, 'accept-language': 'en' });
  if (client.cookies.size) headers.set('cookie', [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  // Through a Request so the body gets its multipart content type and length like a browser's.
  const request = new Request(new URL(path, BASE_URL), { method: 'POST', headers, body: form });
  const body = new Uint8Array(await request.arrayBuffer());
  headers.set('content-type', request.headers.get('content-type') ?? '');
  headers.set('content-length', String(body.byteLength));
  const res = await app.request(path, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}
