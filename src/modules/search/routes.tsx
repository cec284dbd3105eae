// /search: the page behind the search box in the header. Works without JavaScript; a small
// script adds title suggestions while typing.
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { search } from '../../search/index.ts';
import { renderPage } from '../../ui/render.tsx';
import { searchParamsSchema } from './schemas.ts';
import { typeLabels, viewerOf } from './shared.ts';
import { SearchView } from './views.tsx';

export function searchPages(deps: AppDeps) {
  const labels = typeLabels(deps.modules);
  return new Hono<AppEnv>().get('/search', async (c) => {
    const params = searchParamsSchema.parse(c.req.query());
    const q = params.q ?? '';
    const result = await search(deps.db, {
      q,
      viewer: viewerOf(c),
      ...(params.type ? { types: [params.type] } : {}),
      ...(params.lang ? { lang: params.lang } : {}),
      ...(params.country ? { country: params.country } : {}),
      ...(params.cursor ? { cursor: params.cursor } : {}),
    });
    const t = c.var.t;
    const title = q.trim() ? t('search.titleFor', { q: q.trim().slice(0, 80) }) : t('search.title');
    return renderPage(
      c,
      { title, noindex: q.trim() !== '', description: t('search.description') },
      <SearchView params={params} result={result} labels={labels} />,
    );
  });
}
