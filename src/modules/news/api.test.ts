// /api/v1/posts through the whole app, on SQLite or PostgreSQL: the same rules as the pages —
// strangers get 404 for drafts and scheduled posts, writes need the right role, bad bodies 422 —
// and the routes are in the OpenAPI document.
import { describe, expect, it } from 'vitest';
import { api } from '../../../test/api.ts';
import { createOrganisation, newsHub, postCount } from './test-helpers.ts';

const {
  hub,
  editor: { token: editorToken },
  owner: { token: ownerToken },
  stranger: { token: strangerToken, client: stranger },
  orgSlug,
} = await newsHub('The Factory Contemporary Arts Centre');
const otherOrg = await createOrganisation(stranger, { name: '3A Art Alternative Area' });

const body = (overrides: Record<string, unknown> = {}) => ({
  title: 'Call for artists',
  lang: 'en',
  body: 'Apply by **Friday**. [More](https://example.org/call)',
  category: 'opportunity',
  tags: ['Call', 'residency'],
  organisation: null,
  status: 'publish',
  ...overrides,
});

describe('/api/v1/posts', () => {
  it('creates, reads, lists, changes and deletes a post for an editor', async () => {
    const created = await api(hub, editorToken, 'POST', '/api/v1/posts', body());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'call-for-artists',
      state: 'published',
      tags: ['call', 'residency'],
      category: 'opportunity',
      organisation: null,
    });
    expect(created.body.html).toContain('<strong>Friday</strong>');
    const read = await api(hub, null, 'GET', '/api/v1/posts/call-for-artists');
    expect(read.status).toBe(200);
    const list = await api(hub, null, 'GET', '/api/v1/posts?category=opportunity');
    expect(list.body.total).toBe(1);
    const patched = await api(hub, editorToken, 'PATCH', '/api/v1/posts/call-for-artists', {
      title: 'Call for artists (extended)',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      title: 'Call for artists (extended)',
      tags: ['call', 'residency'],
      state: 'published',
    });
    expect(patched.body.publishedAt).toBe(created.body.publishedAt);
    const gone = await api(hub, editorToken, 'DELETE', '/api/v1/posts/call-for-artists');
    expect(gone.status).toBe(204);
    expect((await api(hub, null, 'GET', '/api/v1/posts/call-for-artists')).status).toBe(404);
  });

  it('hides drafts and scheduled posts from strangers (404) but not from their writers', async () => {
    const draft = await api(
      hub,
      ownerToken,
      'POST',
      '/api/v1/posts',
      body({ title: 'Draft via API', organisation: orgSlug, status: 'draft' }),
    );
    expect(draft.status).toBe(201);
    const later = await api(
      hub,
      ownerToken,
      'POST',
      '/api/v1/posts',
      body({
        title: 'Later via API',
        organisation: orgSlug,
        status: 'schedule',
        publish_at: '2099-01-01T09:00:00+07:00',
      }),
    );
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ state: 'scheduled', publishedAt: '2099-01-01T02:00:00.000Z' });
    for (const slug of ['draft-via-api', 'later-via-api']) {
      expect((await api(hub, null, 'GET', `/api/v1/posts/${slug}`)).status).toBe(404);
      expect((await api(hub, strangerToken, 'GET', `/api/v1/posts/${slug}`)).status).toBe(404);
      expect((await api(hub, strangerToken, 'PATCH', `/api/v1/posts/${slug}`, { title: 'x' })).status).toBe(
        404,
      );
      expect((await api(hub, ownerToken, 'GET', `/api/v1/posts/${slug}`)).status).toBe(200);
    }
    const list = await api(hub, null, 'GET', '/api/v1/posts');
    expect(JSON.stringify(list.body)).not.toMatch(/via-api/);
  });

  it('refuses writes without the right role, with nothing saved', async () => {
    const before = await postCount(hub);
    expect((await api(hub, null, 'POST', '/api/v1/posts', body())).status).toBe(401);
    const { token: loner } = await hub.signedInWithToken();
    expect((await api(hub, loner, 'POST', '/api/v1/posts', body({ organisation: orgSlug }))).status).toBe(
      403,
    );
    const notMine = await api(hub, ownerToken, 'POST', '/api/v1/posts', body({ organisation: otherOrg }));
    expect(notMine.status).toBe(403);
    expect(notMine.body.errors).toMatchObject({ organisation: expect.any(String) });
    expect((await api(hub, ownerToken, 'POST', '/api/v1/posts', body({ organisation: null }))).status).toBe(
      403,
    );
    const invalid = await api(
      hub,
      editorToken,
      'POST',
      '/api/v1/posts',
      body({ title: '', lang: 'not a language' }),
    );
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.errors as object)).toEqual(expect.arrayContaining(['title', 'lang']));
    expect(
      (
        await api(
          hub,
          editorToken,
          'POST',
          '/api/v1/posts',
          body({ status: 'schedule', publish_at: '2001-01-01T00:00:00Z' }),
        )
      ).status,
    ).toBe(422);
    expect(await postCount(hub)).toBe(before);
    // An organisation's post: a stranger may see it once published, but not change it.
    const published = await api(
      hub,
      ownerToken,
      'POST',
      '/api/v1/posts',
      body({ title: 'Factory news', organisation: orgSlug }),
    );
    expect(published.status).toBe(201);
    expect(
      (await api(hub, strangerToken, 'PATCH', '/api/v1/posts/factory-news', { title: 'Hijacked' })).status,
    ).toBe(403);
    expect((await api(hub, strangerToken, 'DELETE', '/api/v1/posts/factory-news')).status).toBe(403);
    expect(
      (await api(hub, editorToken, 'PATCH', '/api/v1/posts/factory-news', { body: 'Checked by an editor.' }))
        .status,
    ).toBe(200);
  });

  it('is described in the OpenAPI document', async () => {
    const res = await hub.app.request('/api/v1/openapi.json');
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths['/posts'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/posts/{slug}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
    expect(doc.components.schemas.Post).toBeDefined();
    expect(doc.components.schemas.PostInput).toBeDefined();
  });
});
