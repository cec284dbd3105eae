// Renders a view inside the layout as a complete HTML document.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../platform/context.ts';
import { takeFlash } from '../platform/http/flash.ts';
import { urlLocale, varyOnLanguage } from '../platform/http/language.ts';
import { unreadCount } from '../platform/notifications/inbox.ts';
import { readableScopes } from '../platform/scopes.ts';
import { siteName, siteOf, taglineIn } from '../platform/site/index.ts';
import { Layout, type PageMeta } from './layout.tsx';
import { type PageContext, PageCtx } from './page-context.ts';

export type { PageMeta };

export function pageContext(c: Context<AppEnv>): PageContext {
  // c.var builds a fresh object on every access: read it once.
  const v = c.var;
  const { modules } = v.deps;
  const url = new URL(c.req.url);
  return {
    t: v.t,
    locale: v.locale,
    timeZone: v.timeZone,
    fmt: v.fmt,
    user: v.auth?.user ?? null,
    csrfToken: v.csrfToken,
    nonce: v.secureHeadersNonce,
    siteName: siteName(c),
    site: siteOf(c),
    tagline: taglineIn(siteOf(c), v.deps.config, v.locale),
    here: url.pathname + url.search,
    langInUrl: urlLocale(c) !== undefined,
    nav: modules
      .flatMap((m) => (m.nav ? [m.nav] : []))
      .sort((a, b) => a.order - b.order)
      .map(({ href, label }) => ({ href, label })),
    accountMenu: modules.flatMap((m) => m.accountMenu ?? []),
    hasSearch: modules.some((m) => m.id === 'search'),
    unread: null,
    flash: takeFlash(c),
  };
}

export async function renderPage(
  c: Context<AppEnv>,
  meta: PageMeta,
  body: Child,
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const ctx = pageContext(c);
  const { deps } = c.var;
  // The bell in the header: one indexed count per page a member sees (bench/: inbox targets).
  if (ctx.user && deps.modules.some((m) => m.id === 'notifications'))
    ctx.unread = await unreadCount(deps.db, ctx.user.id, await readableScopes(deps, ctx.user));
  const document = (
    <PageCtx.Provider value={ctx}>
      <Layout meta={meta} baseUrl={c.var.deps.config.baseUrl}>
        {body}
      </Layout>
    </PageCtx.Provider>
  );
  const html = `<!DOCTYPE html>${await document.toString()}`;
  // Pages can hold personal data: browsers and proxies must not keep them.
  c.header('Cache-Control', c.var.auth ? 'private, no-store' : 'no-cache');
  varyOnLanguage(c);
  return c.html(html, status);
}
