// /search: the page behind the search box in the header. Works without JavaScript; a small
// script adds title suggestions while typing.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { renderPage } from '../../ui/render.tsx';
import { viewerOf } from './access.ts';
import { searchFor, typeLabels } from './listing.ts';
import { searchParamsSchema } from './schemas.ts';
import { SearchView } from './views/search.tsx';

export function searchPages(deps: AppDeps) {
  const labels = typeLabels(deps.modules);
  return new Hono<AppEnv>().get('/search', async (c) => {
    const params = searchParamsSchema.parse(c.req.query());
    const q = (params.q ?? '').trim();
    const result = await searchFor(deps.db, params, await viewerOf(c));
    const t = c.var.t;
    return renderPage(
      c,
      {
        title: q ? t('search.titleFor', { q: q.slice(0, 80) }) : t('search.title'),
        noindex: q !== '',
        description: t('search.description'),
      },
      <SearchView params={params} result={result} labels={labels} />,
    );
  });
}
