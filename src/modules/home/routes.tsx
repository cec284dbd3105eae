// The front page, at /.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { renderPage } from '../../ui/render.tsx';
import { HomeView } from './views/home.tsx';

export function homePages() {
  return new Hono<AppEnv>().get('/', (c) =>
    renderPage(
      c,
      { title: c.var.deps.config.siteName, description: c.var.t('home.lead'), path: '/' },
      <HomeView />,
    ),
  );
}
