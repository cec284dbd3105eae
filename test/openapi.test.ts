// The OpenAPI document as client generators and linters read it: Redocly's linter with its
// recommended rules finds nothing, every operation has a unique operationId and states its security,
// and a filter value a list cannot use is refused with a 422 problem naming the parameter.
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { operationIdOf } from '../src/platform/operation-ids.ts';
import { bearer, platformForFile } from './harness.ts';

const hub = await platformForFile();

interface Parameter {
  name: string;
  in: string;
  schema?: { enum?: string[] };
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  responses: Record<string, unknown>;
}

const source = await (await hub.app.request('/api/v1/openapi.json')).text();
const doc = JSON.parse(source) as {
  info: { license?: unknown };
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
);

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended rules without an error or a warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source,
      absoluteRef: 'http://hub.test/api/v1/openapi.json',
      config,
    });
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`),
    ).toEqual([]);
  });

  it('names the licence of the platform', () => {
    expect(doc.info.license).toEqual({ name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' });
  });

  it('gives every operation an operationId from its method and path, once', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const { method, path, operation } of operations)
      expect(operation.operationId).toBe(operationIdOf(method, path));
    // What generated clients call their methods: it changes only when the path does.
    expect(doc.paths['/events/{slug}/report']?.get?.operationId).toBe('getEventsBySlugReport');
    expect(doc.paths['/document-collections/{slug}']?.delete?.operationId).toBe(
      'deleteDocumentCollectionsBySlug',
    );
    expect(doc.paths['/follows/{type}/{key}']?.delete?.operationId).toBe('deleteFollowsByTypeByKey');
  });

  it('states the security of every operation: none, optional, or the bearer and cookie schemes', () => {
    const schemes = [{ bearerAuth: [] }, { cookieAuth: [] }];
    for (const { method, path, operation } of operations) {
      const where = `${method} ${path}`;
      expect(operation.security, where).toBeDefined();
      const security = operation.security ?? [];
      if (security.length === 0) continue; // public, the same answer for everyone
      expect(
        security.filter((s) => Object.keys(s).length > 0),
        where,
      ).toEqual(schemes);
      // Optional credentials (public, more for the signed-in) are still checked: a bad token is 401.
      expect(Object.keys(operation.responses), where).toContain('401');
    }
    expect(doc.paths['/press']?.get?.security).toEqual([]);
    expect(doc.paths['/events']?.get?.security).toEqual([{}, ...schemes]);
    expect(doc.paths['/events']?.post?.security).toEqual(schemes);
  });

  it('lists a 4xx answer for every operation', () => {
    for (const { method, path, operation } of operations)
      expect(
        Object.keys(operation.responses).some((s) => s.startsWith('4')),
        `${method} ${path}`,
      ).toBe(true);
  });
});

describe('filters of the lists', () => {
  const get = (path: string, headers: Record<string, string> = {}) =>
    hub.app.request(`/api/v1${path}`, { headers: { accept: 'application/json', ...headers } });

  it('refuses ?when=bogus on the events with a 422 problem naming the parameter', async () => {
    const res = await get('/events?when=bogus');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { status: number; errors?: Record<string, string> };
    expect(body.status).toBe(422);
    expect(Object.keys(body.errors ?? {})).toEqual(['when']);
    // The values the list knows, and no value at all, still answer.
    for (const ok of ['?when=past', '?when=upcoming', '?when=', ''])
      expect((await get(`/events${ok}`)).status).toBe(200);
  });

  it('refuses a country code that is none, as the page would drop it', async () => {
    const res = await get('/events?country=XX');
    expect(res.status).toBe(422);
    expect(Object.keys(((await res.json()) as { errors: object }).errors)).toEqual(['country']);
    expect((await get('/events?country=LA')).status).toBe(200);
  });

  it('refuses an unknown value of every code-list filter of every list in the document', async () => {
    const { token } = await hub.signedInWithToken('admin');
    const checked: string[] = [];
    for (const { method, path, operation } of operations) {
      if (method !== 'get') continue;
      // Path parameters that pass their own validation: the query is checked before any record is read.
      const url = path.replace(/\{[^}]+\}/g, (p) => (/id\}$/i.test(p) ? '1' : 'any'));
      for (const param of operation.parameters ?? []) {
        if (param.in !== 'query' || !param.schema?.enum) continue;
        const res = await get(`${url}?${param.name}=not-a-${param.name}`, bearer(token));
        const where = `${path}?${param.name}`;
        expect(res.status, where).toBe(422);
        expect(((await res.json()) as { errors?: object }).errors, where).toHaveProperty(param.name);
        checked.push(where);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        '/events?when',
        '/events?type',
        '/organisations?kind',
        '/organisations?sort',
        '/documents?status',
        '/press?sort',
        '/posts?category',
        '/groups?kind',
        '/people?domain',
        '/users?role',
        '/events/{slug}/applications?status',
      ]),
    );
  });
});
