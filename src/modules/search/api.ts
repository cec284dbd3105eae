// /api/v1/search and /api/v1/search/suggest: the same search as the page (listing.ts), as JSON.
import { createRoute, z } from '@hono/zod-openapi';
import { anyoneOrSignedIn, apiRouter, jsonResponse, problemsOf } from '../../platform/api.ts';
import { listFilters } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { MAX_QUERY_LENGTH, suggest } from '../../search/index.ts';
import { viewerOf } from './access.ts';
import { searchFor } from './listing.ts';
import { searchParamsSchema } from './schemas.ts';

const Facet = z.record(z.string(), z.number().int());

const SearchResultSchema = z
  .object({
    total: z
      .number()
      .int()
      .openapi({ description: 'Documents matching the query and all filters (at least, when overCap)' }),
    overCap: z
      .boolean()
      .openapi({ description: 'More documents match than are ranked and counted; facets count the newest' }),
    items: z.array(
      z.object({
        type: z.string(),
        id: z.string(),
        title: z.string(),
        url: z.string(),
        lang: z.string().nullable(),
        country: z.string().nullable(),
        snippet: z
          .array(z.object({ text: z.string(), mark: z.boolean() }))
          .openapi({ description: 'The text around the matches; parts with mark=true matched the query' }),
        score: z.number(),
      }),
    ),
    facets: z.object({ type: Facet, lang: Facet, country: Facet }),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page' }),
    problem: z.enum(['empty', 'onlyExcluded']).optional(),
  })
  .openapi('SearchResult');

const queryDoc = {
  q: `Words to look for (at most ${MAX_QUERY_LENGTH} characters are used). "phrase", -exclude, a OR b; the last word also matches as a prefix.`,
  type: 'Only records of this type (e.g. organisation, document, event)',
  lang: 'Only records in this language (BCP 47, e.g. lo, vi, zh)',
  country: 'Only records about this country (ISO 3166-1 alpha-2)',
  cursor: 'The nextCursor of the previous page',
};

const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Search'],
  summary: 'Search every kind of record the reader may see',
  security: anyoneOrSignedIn,
  request: {
    query: z.object({
      ...listFilters(searchParamsSchema, queryDoc),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
  },
  responses: {
    200: jsonResponse(SearchResultSchema, 'Results, facet counts and the next cursor'),
    ...problemsOf(401, 422),
  },
});

const suggestRoute = createRoute({
  method: 'get',
  path: '/search/suggest',
  tags: ['Search'],
  summary: 'Titles for a search box being typed into',
  security: anyoneOrSignedIn,
  request: {
    query: z.object({ q: z.string().optional().openapi({ description: 'What has been typed so far' }) }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        suggestions: z.array(z.object({ title: z.string(), url: z.string(), type: z.string() })),
      }),
      'Up to 8 titles',
    ),
    ...problemsOf(401, 422),
  },
});

export function searchApi(deps: AppDeps) {
  return apiRouter()
    .openapi(searchRoute, async (c) => {
      const { limit, ...raw } = c.req.valid('query');
      const result = await searchFor(deps.db, searchParamsSchema.parse(raw), await viewerOf(c), limit);
      return c.json(
        {
          total: result.total,
          overCap: result.overCap,
          items: result.hits.map(({ recordId, ...hit }) => ({ ...hit, id: recordId })),
          facets: result.facets,
          nextCursor: result.nextCursor,
          ...(result.problem ? { problem: result.problem } : {}),
        },
        200,
      );
    })
    .openapi(suggestRoute, async (c) => {
      const { q } = c.req.valid('query');
      const suggestions = await suggest(deps.db, (q ?? '').slice(0, 1000), await viewerOf(c));
      c.header('Cache-Control', c.var.auth ? 'private, no-store' : 'public, max-age=60');
      return c.json({ suggestions }, 200);
    });
}
