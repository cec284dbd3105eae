// The front page, at /: the blocks the modules add (what waits for a member first, then what is
// coming and new) and the hub in numbers. The home module only lays them out (docs/home.md).
import { Hono } from 'hono';
import { blockContext, type LoadedBlock, loadBlocks } from '../../platform/blocks.ts';
import type { AppEnv } from '../../platform/context.ts';
import { siteName, siteOf, taglineIn } from '../../platform/site/index.ts';
import { VisitorCache } from '../../platform/visitor-cache.ts';
import { renderPage } from '../../ui/render.tsx';
import { homeFigures } from './figures.ts';
import { HomeView } from './views/home.tsx';

export function homePages() {
  const forVisitors = new VisitorCache<[LoadedBlock[], Awaited<ReturnType<typeof homeFigures>>]>();
  return new Hono<AppEnv>().get('/', async (c) => {
    const ctx = blockContext(c);
    const load = () =>
      Promise.all([
        loadBlocks(
          c.var.deps.modules.flatMap((m) => m.homeBlocks ?? []),
          ctx,
        ),
        homeFigures(ctx),
      ]);
    const [blocks, figures] = ctx.viewer
      ? await load()
      : await forVisitors.get(c.var.deps, `${ctx.locale}|${ctx.timeZone}`, load);
    return renderPage(
      c,
      {
        // The operator's name and tagline (admin/site), in the reader's language.
        title: siteName(c),
        description: taglineIn(siteOf(c), c.var.deps.config, c.var.locale) || c.var.t('home.lead'),
        path: '/',
      },
      <HomeView blocks={blocks} figures={figures} />,
    );
  });
}
