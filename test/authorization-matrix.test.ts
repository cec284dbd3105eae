// The authorization matrix: every route the app declares (each GET, POST, PUT, PATCH and DELETE route
// of every module: pages, files and API), who must be refused it, from one table
// (test/authorization/: reading.ts, writing.ts, and what the rules mean in rules.ts).
// Each route is requested with real demo records in its parameters (test/route-records.ts), by a
// visitor, a member who owns nothing, a moderator and an editor, each a fresh account; whoever the
// rule leaves out must be refused (401, 403, 404, or sent to the login form) and nothing written.
// A route missing from the table fails the test: a new page or write has to say who may use it.
// Run on both databases.
import { describe, expect, it } from 'vitest';
import { READING } from './authorization/reading.ts';
import { type Entry, type Probe, REFUSED_ROLES, type Rule } from './authorization/rules.ts';
import { WRITING } from './authorization/writing.ts';
import { bearer, platformForFile, type Sent, type TestClient } from './harness.ts';
import { recordsFor } from './route-records.ts';

const hub = await platformForFile({
  seed: [
    'directory',
    'people',
    'events',
    'library',
    'policies',
    'press',
    'news',
    'countries',
    'groups',
    'forums',
    'network',
    'site',
    'skills',
    'qpr',
  ],
});
// The skills module installs its shipped frameworks the first time they are read.
await hub.client().get('/skills/frameworks');

/** The app's routes, as `METHOD /path` with the route's own parameter patterns (not the catch-alls). */
function routesOfApp(): Map<string, { method: string; path: string }> {
  const found = new Map<string, { method: string; path: string }>();
  for (const route of hub.app.routes) {
    if (['HEAD', 'OPTIONS', 'ALL'].includes(route.method) || route.path === '*' || route.path.endsWith('/*'))
      continue;
    found.set(`${route.method} ${route.path}`, route);
  }
  return found;
}

/** Who is asking: a visitor holding a CSRF token, or a fresh account of a role (a token for the API). */
async function asker(role: (typeof REFUSED_ROLES)[Rule][number], api: boolean) {
  if (role === 'visitor') {
    const client = hub.client();
    await client.get('/');
    return { client, headers: {} };
  }
  if (api) {
    const { client, token } = await hub.signedInWithToken(role);
    return { client, headers: bearer(token) };
  }
  return { client: (await hub.signedIn(role)).client, headers: {} };
}

function send(
  client: TestClient,
  headers: Record<string, string>,
  method: string,
  path: string,
  probe: Probe,
) {
  if (method === 'GET') return client.get(path, headers);
  if (probe.multipart) return client.request(path, { method, multipart: probe.multipart, headers });
  if (path.startsWith('/api/')) return client.request(path, { method, json: probe.json ?? {}, headers });
  return client.request(path, { method, form: probe.form ?? {} });
}

const ACCESS: Record<string, Entry> = { ...READING, ...WRITING };

const isRefusal = (res: Sent) =>
  [401, 403, 404].includes(res.status) || (res.status === 303 && (res.location ?? '').startsWith('/login'));

describe('the authorization matrix', () => {
  it('has a rule for every route of the app, and none for a route that is gone', () => {
    const routes = [...routesOfApp().keys()];
    expect(routes.length).toBeGreaterThan(400);
    expect(routes.filter((key) => !(key in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((key) => !routes.includes(key))).toEqual([]);
  });

  it('refuses every route to each role its rule leaves out', async () => {
    const other = await hub.createUser({ name: 'Someone Else' });
    const context = {
      other: other.id,
      category: (await hub.deps.db.selectFrom('forum_categories').select('slug').executeTakeFirstOrThrow())
        .slug,
    };
    const breaches: string[] = [];
    let checked = 0;
    let fourOhFours = 0;
    for (const [key, route] of routesOfApp()) {
      const entry = ACCESS[key];
      if (!entry) continue;
      const { rule, probe = () => ({}) } = typeof entry === 'string' ? { rule: entry } : entry;
      const { path, unfound } = await recordsFor(hub, route.path, other.id);
      for (const role of REFUSED_ROLES[rule]) {
        const { client, headers } = await asker(role, path.startsWith('/api/'));
        const res = await send(client, headers, route.method, path, probe(context));
        checked++;
        if (res.status === 404 && unfound > 0) fourOhFours++;
        if (!isRefusal(res)) breaches.push(`${role}: ${res.status} ${route.method} ${path}`);
      }
    }
    expect(checked).toBeGreaterThan(700);
    // A 404 refuses too (a draft report is its team's, 404 to everyone else), but says nothing of
    // the rule when no record was there to find: the parameters must name real records
    // (test/route-records.ts), so only a few requests with a made-up one may end there.
    expect(fourOhFours).toBeLessThan(10);
    expect(breaches).toEqual([]);
  }, 240_000);
});
