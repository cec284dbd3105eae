// NUL and other control characters in every path and query parameter of every page and API route
// the app declares: the answer is a clear 400, never a 500. PostgreSQL refuses U+0000 in any text
// ("invalid byte sequence for encoding UTF8: 0x00"), so before the platform-wide check a `%00` in a
// slug or a filter reached the database and failed there; SQLite took it. Run on both databases.
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from './harness.ts';

const hub = await platformForFile({ seed: ['directory', 'people', 'library', 'news', 'press', 'events'] });
const { client } = await hub.signedIn('admin');

/** Every GET route of the app, its parameters (`:slug`, `:id{[0-9]+}`…) filled with `value`. */
function routesWith(value: string): string[] {
  const paths = new Set<string>();
  for (const route of hub.app.routes) {
    if (route.method !== 'GET' || route.path.includes('*')) continue;
    if (!route.path.includes(':')) continue;
    paths.add(route.path.replace(/:[A-Za-z_]+(\{[^}]*\})?/g, value));
  }
  return [...paths];
}

/** Every GET route without parameters, with the filters the list pages and APIs read. */
function listsWith(value: string): string[] {
  const filters = [
    'q',
    'tag',
    'country',
    'domain',
    'kind',
    'lang',
    'when',
    'type',
    'stage',
    'after',
    'sort',
    'page',
  ];
  const query = filters.map((f) => `${f}=${value}`).join('&');
  const paths = new Set<string>();
  for (const route of hub.app.routes) {
    if (route.method !== 'GET' || route.path.includes(':') || route.path.includes('*')) continue;
    paths.add(`${route.path}?${query}`);
  }
  return [...paths];
}

/** The paths (with their status) that were not answered 400. */
async function answersOtherThan400(paths: string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const path of paths) {
    const res = await client.get(path);
    if (res.status !== 400) failures.push(`${res.status} ${path}`);
  }
  return failures;
}

describe('control characters in parameters', () => {
  it('answers 400, never 500, for a NUL in any path parameter', async () => {
    const paths = routesWith('a%00b');
    expect(paths.length).toBeGreaterThan(40);
    expect(await answersOtherThan400(paths)).toEqual([]);
  });

  it('answers 400, never 500, for a NUL in any query parameter of any list', async () => {
    const paths = listsWith('a%00b');
    expect(paths.length).toBeGreaterThan(20);
    expect(await answersOtherThan400(paths)).toEqual([]);
  });

  it('says what is wrong, in the API as problem+json and on a page in the reader’s language', async () => {
    const api = await client.get('/api/v1/organisations?q=a%00b');
    expect(api.status).toBe(400);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(api.text).detail).toMatch(/control character/i);
    const page = await hub.client().get('/directory?q=a%00b', { 'accept-language': 'vi' });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('ký tự điều khiển');
  });

  it('still serves a tab or a line break in a search, and a session cookie holding %00 is no session', async () => {
    expect((await client.get('/search?q=craft%09textile%0Aweaving')).status).toBe(200);
    const visitor = hub.client();
    visitor.cookies.set('hub_session', 'a%00b');
    expect((await visitor.get('/account')).status).toBe(303);
  });
});
