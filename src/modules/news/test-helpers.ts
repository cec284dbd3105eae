// Shared by the news tests: signed-in clients, an organisation with its owner, and the post form sent
// as a browser sends it (multipart, with an optional cover file).
import { expect } from 'vitest';
import { BASE_URL, type TestClient, type TestPlatform } from '../../../test/harness.ts';
import { createApiToken } from '../../platform/auth.ts';
import { organisationForm } from '../directory/test-fixtures.ts';

export async function signedIn(
  hub: TestPlatform,
  role: 'member' | 'editor' | 'moderator' | 'admin' = 'member',
) {
  const user = await hub.createUser({ role });
  const client = hub.client();
  await client.login(user.email);
  const { token } = await createApiToken(hub.deps.db, user.id, 'tests');
  return { user, client, token };
}

/** Adds an organisation through the directory's form; its creator becomes its owner. */
export async function createOrganisation(client: TestClient, name: string): Promise<string> {
  await client.get('/directory/new');
  const res = await client.request('/directory/new', { form: organisationForm({ name }) });
  expect(res.status).toBe(303);
  return (res.location ?? '').replace('/directory/', '');
}

export const postForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  title: 'Weavers of Ban Phanom open their workshop',
  lang: 'en',
  body: 'The **weavers** welcome visitors every Saturday.',
  category: 'news',
  tags: 'crafts, Silk ',
  organisation: '',
  cover_alt: '',
  status: 'publish',
  publish_at: '',
  ...overrides,
});

/**
 * POSTs the post form as multipart (the form's enctype), with the client's cookies and the CSRF
 * token of the last page it loaded, and an optional file in `cover` (or another field).
 */
export async function sendMultipart(
  hub: TestPlatform,
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  file?: { field?: string; name: string; type: string; bytes: Uint8Array },
) {
  const form = new FormData();
  form.set('_csrf', client.csrfToken());
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file)
    form.set(file.field ?? 'cover', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  const headers = new Headers({ 'x-forwarded-for': client.ip, 'accept-language': 'en' });
  if (client.cookies.size) headers.set('cookie', [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  const request = new Request(new URL(path, BASE_URL), { method: 'POST', headers, body: form });
  const body = new Uint8Array(await request.arrayBuffer());
  headers.set('content-type', request.headers.get('content-type') ?? '');
  headers.set('content-length', String(body.byteLength));
  const res = await hub.app.request(path, { method: 'POST', headers, body });
  const text = await res.text();
  if ((res.headers.get('content-type') ?? '').includes('text/html')) client.lastHtml = text;
  return { status: res.status, text, location: res.headers.get('location') };
}

/** Writes a post through the page's form (loading the form first for its CSRF token). */
export async function writePost(
  hub: TestPlatform,
  client: TestClient,
  overrides: Record<string, string> = {},
) {
  await client.get('/news/new');
  return sendMultipart(hub, client, '/news/new', postForm(overrides));
}

/** The JSON-LD of a page. */
export function jsonLdOf(html: string): Record<string, unknown> {
  const raw = html.match(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/)?.[1];
  expect(raw).toBeDefined();
  return JSON.parse(raw ?? '{}');
}

/** An API call with a personal token. */
export async function api(
  hub: TestPlatform,
  token: string | null,
  method: string,
  path: string,
  json?: unknown,
) {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  const res = await hub.app.request(path, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body };
}

export async function postCount(hub: TestPlatform): Promise<number> {
  const row = await hub.deps.db
    .selectFrom('posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
