// The reader's language for one request, and a page's address in each language.
//
// Pages are negotiated (account, `hub_lang` cookie, Accept-Language), which crawlers do not send,
// so each page also has one URL per language: `?lang=lo` wins over all of them for that response.
// It does not set the language cookie: a link someone shared or a search engine showed must not
// change the language a reader chose for the whole site (the language menu does that, on purpose,
// with a POST), and crawlers keep no cookies, so it would buy nothing for indexing. Links on a
// `?lang=` page stay plain, so the next page is negotiated again.
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { isLocale, type Locale } from '../../locales/index.ts';
import type { AppEnv } from '../context.ts';
import { formatters, negotiateLocale, translator } from '../i18n.ts';

export const LANG_COOKIE = 'hub_lang';
/** The query parameter that names the language of a page's URL. */
export const LANG_PARAM = 'lang';

/** The UI language the URL names (`?lang=km`), if it names one; anything else is ignored. */
export function urlLocale(c: Context): Locale | undefined {
  const asked = c.req.query(LANG_PARAM);
  return isLocale(asked) ? asked : undefined;
}

/**
 * Sets the reader's language, time zone, translator and formatters: the URL's language, else the
 * account's (`account`), else the cookie's, else Accept-Language, else the hub's default.
 */
export function setLocale(c: Context<AppEnv>, account: string | null, timeZone?: string | null): void {
  const { config } = c.var.deps;
  // The operator's default language and zone (platform/site) once loaded, else the configuration's.
  const site = c.var.site;
  const locale =
    urlLocale(c) ??
    negotiateLocale({
      account,
      cookie: getCookie(c, LANG_COOKIE),
      acceptLanguage: c.req.header('accept-language'),
      fallback: site?.defaultLanguage ?? config.defaultLocale,
    });
  const zone = timeZone ?? site?.timeZone ?? config.defaultTimeZone;
  c.set('locale', locale);
  c.set('timeZone', zone);
  c.set('t', translator(locale));
  c.set('fmt', formatters(locale, zone));
}

/**
 * For a response whose text is in the reader's language: caches keep one copy per cookie (the
 * language cookie or the session decides it) and per Accept-Language, unless the URL names the
 * language, which then decides alone.
 */
export function varyOnLanguage(c: Context): void {
  c.header('Vary', urlLocale(c) ? 'Cookie' : 'Cookie, Accept-Language', { append: true });
}

/**
 * `pathAndQuery` in `locale` (`/events?country=LA` → `/events?country=LA&lang=lo`), or without any
 * language when `locale` is undefined: the negotiated page, the `x-default` of its alternates.
 */
export function withLang(pathAndQuery: string, locale?: Locale): string {
  const [path = '', query = ''] = splitOnce(pathAndQuery, '?');
  const params = new URLSearchParams(query);
  params.delete(LANG_PARAM);
  if (locale) params.set(LANG_PARAM, locale);
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
