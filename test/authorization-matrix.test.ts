// The authorization matrix: every write the app declares (each POST, PUT, PATCH and DELETE route of
// every module, pages and API), who must be refused it, from one table (test/authorization-table.ts).
// Each route is requested with real demo records in its parameters (test/route-records.ts), by a
// visitor, a member who owns nothing, a moderator and an editor, each a fresh account; whoever the
// rule leaves out must be refused (401, 403, 404, or sent to the login form) and nothing written.
// A route missing from the table fails the test: a new write has to say who may do it.
// Run on both databases.
import { describe, expect, it } from 'vitest';
import { ACCESS, type Probe, REFUSED_ROLES, type Rule } from './authorization-table.ts';
import { bearer, platformForFile, type Sent, type TestClient } from './harness.ts';
import { pathWithRecords } from './route-records.ts';

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
  ],
});

/** The app's writes, as `METHOD /path` with the route's own parameter patterns. */
function writes(): Map<string, { method: string; path: string }> {
  const found = new Map<string, { method: string; path: string }>();
  for (const route of hub.app.routes) {
    if (['GET', 'HEAD', 'OPTIONS', 'ALL'].includes(route.method)) continue;
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
  if (probe.multipart) return client.request(path, { method, multipart: probe.multipart, headers });
  if (path.startsWith('/api/')) return client.request(path, { method, json: probe.json ?? {}, headers });
  return client.request(path, { method, form: probe.form ?? {} });
}

const isRefusal = (res: Sent) =>
  [401, 403, 404].includes(res.status) || (res.status === 303 && (res.location ?? '').startsWith('/login'));

describe('the authorization matrix', () => {
  it('has a rule for every write of the app, and none for a route that is gone', () => {
    const routes = [...writes().keys()];
    expect(routes.length).toBeGreaterThan(200);
    expect(routes.filter((key) => !(key in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((key) => !routes.includes(key))).toEqual([]);
  });

  it('refuses every write to each role its rule leaves out', async () => {
    const other = await hub.createUser({ name: 'Someone Else' });
    const context = {
      other: other.id,
      category: (await hub.deps.db.selectFrom('forum_categories').select('slug').executeTakeFirstOrThrow())
        .slug,
    };
    const breaches: string[] = [];
    let checked = 0;
    for (const [key, route] of writes()) {
      const entry = ACCESS[key];
      if (!entry) continue;
      const { rule, probe = () => ({}) } = typeof entry === 'string' ? { rule: entry } : entry;
      const path = await pathWithRecords(hub, route.path, other.id);
      for (const role of REFUSED_ROLES[rule]) {
        const { client, headers } = await asker(role, path.startsWith('/api/'));
        const res = await send(client, headers, route.method, path, probe(context));
        checked++;
        if (!isRefusal(res)) breaches.push(`${role}: ${res.status} ${route.method} ${path}`);
      }
    }
    expect(checked).toBeGreaterThan(400);
    expect(breaches).toEqual([]);
  }, 240_000);
});
