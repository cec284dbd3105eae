// Shared by the press tests: a valid clipping form, a signed-in client of a given role, and the
// clipping form sent as a browser sends it (multipart, with an optional file).
import { BASE_URL, type TestClient, type TestPlatform } from '../../../test/harness.ts';

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

export async function signedIn(hub: TestPlatform, role: 'member' | 'editor' | 'admin') {
  const user = await hub.createUser({ role });
  const client = hub.client();
  await client.login(user.email);
  return { user, client };
}

/**
 * POSTs the clipping form as multipart/form-data, with the CSRF token of the page loaded first
 * (TestClient sends url-encoded forms only).
 */
export async function postClippingForm(
  hub: TestPlatform,
  client: TestClient,
  page: string,
  action: string,
  fields: Record<string, string | string[]>,
  file?: { name: string; type: string; bytes: Uint8Array },
) {
  await client.get(page);
  const form = new FormData();
  form.set('_csrf', client.csrfToken());
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  if (file) form.set('screenshot', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  else form.set('screenshot', new File([], '', { type: 'application/octet-stream' }));
  const headers = new Headers({ 'x-forwarded-for': client.ip, 'accept-language': 'en' });
  if (client.cookies.size) headers.set('cookie', [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  // Through a Request so the body gets its multipart content type and length like a browser's.
  const request = new Request(new URL(action, BASE_URL), { method: 'POST', headers, body: form });
  const body = new Uint8Array(await request.arrayBuffer());
  headers.set('content-type', request.headers.get('content-type') ?? '');
  headers.set('content-length', String(body.byteLength));
  const res = await hub.app.request(action, { method: 'POST', headers, body });
  for (const cookie of res.headers.getSetCookie()) {
    const [pair = ''] = cookie.split(';');
    const eq = pair.indexOf('=');
    client.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return { status: res.status, text: await res.text(), location: res.headers.get('location') };
}

export async function countClippings(hub: TestPlatform): Promise<number> {
  const row = await hub.deps.db
    .selectFrom('press_clippings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
