// The one way to name the hub: siteName(c) in a request, siteName(deps, locale) elsewhere (a mail
// written by an action, a job). Both read the copy of the settings that the request's middleware
// (app.tsx) or the job runner loaded with loadSite() just before, so they need no await.
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { currentSite, type Site, shortNameIn, siteNameIn } from './settings.ts';

export * from './settings.ts';

type Source = Context<AppEnv> | AppDeps;

const isContext = (source: Source): source is Context<AppEnv> => 'req' in source;

/** The settings of the request (or the process's latest copy). */
export function siteOf(source: Source): Site {
  if (isContext(source)) return source.var.site ?? currentSite(source.var.deps.db);
  return currentSite(source.db);
}

/** The hub's name in `locale` (the request's language by default, or the hub's default language). */
export function siteName(source: Source, locale?: string): string {
  const config = isContext(source) ? source.var.deps.config : source.config;
  const site = siteOf(source);
  const lang =
    locale ?? (isContext(source) ? source.var.locale : (site.defaultLanguage ?? config.defaultLocale));
  return siteNameIn(site, config, lang);
}

/** The hub's short name in `locale` (the web app manifest). */
export function siteShortName(source: Source, locale?: string): string {
  const config = isContext(source) ? source.var.deps.config : source.config;
  const site = siteOf(source);
  const lang =
    locale ?? (isContext(source) ? source.var.locale : (site.defaultLanguage ?? config.defaultLocale));
  return shortNameIn(site, config, lang);
}
