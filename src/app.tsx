// Builds the web application: platform middleware (request id, logging, security headers,
// compression, body limit, language, authentication, CSRF), the platform's own routes, then every
// module's pages and API, and the error handling that turns refusals into pages or problem+json.

import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sql } from 'kysely';
import { isLocale } from './locales/index.ts';
import { buildApi, openApiDocument } from './platform/api.ts';
import { authenticate } from './platform/auth.ts';
import type { AppDeps, AppEnv } from './platform/context.ts';
import { csrfProtection } from './platform/csrf.ts';
import { compression } from './platform/http/compression.ts';
import { HttpError, TITLE_BY_STATUS } from './platform/http/errors.ts';
import { LANG_COOKIE, setLocale, withLang } from './platform/http/language.ts';
import { addressHasControlCharacter, clientIp, isApiPath, localPath } from './platform/http/request.ts';
import { translator } from './platform/i18n.ts';
import { loadSite } from './platform/site/index.ts';
import { sitemapPartResponse, sitemapResponse } from './platform/sitemap.ts';
import { DAY } from './platform/time.ts';
import { ApiReferenceView } from './ui/api-reference.tsx';
import { assetsByUrl } from './ui/assets.ts';
import { ErrorView } from './ui/error-page.tsx';
import { renderPage } from './ui/render.tsx';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { config, logger } = deps;
  const app = new Hono<AppEnv>();

  app.use(requestId({ limitLength: 64 }));

  // Everything a handler or the error handler needs is set before anything can fail.
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('clientIp', clientIp(c, config.trustProxy));
    c.set('auth', null);
    c.set('csrfToken', '');
    setLocale(c, null);
    const started = performance.now();
    await next();
    logger.info(
      {
        reqId: c.var.requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        user: c.var.auth?.user.id,
      },
      'request',
    );
  });

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
      // A response that sets its own header keeps it: a stored file served in place gets a
      // stricter CSP (sandbox, no scripts) than the pages (platform/files/serve.ts).
      overwrite: false,
      xFrameOptions: 'DENY',
      // HSTS means something only over https, and a browser ignores it over http; a hub on plain
      // http (a laptop, or behind no proxy yet) sends none rather than a header that promises https.
      strictTransportSecurity: config.secureCookies ? 'max-age=15552000; includeSubDomains' : false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );

  app.use(async (c, next) => {
    if (addressHasControlCharacter(c.req.url)) throw new HttpError(400, 'error.controlCharacter');
    await next();
  });

  // Liveness, for load balancers that ask many times a second: before the site's settings, the
  // session lookup and compression, none of which its 15 bytes need.
  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.get('/assets/:file', (c) => {
    const asset = assetsByUrl.get(c.req.path);
    if (!asset) throw new HttpError(404, 'error.404.message');
    const accept = c.req.header('accept-encoding') ?? '';
    const [body, encoding] = accept.includes('br')
      ? [asset.brotli, 'br']
      : accept.includes('gzip')
        ? [asset.gzip, 'gzip']
        : [asset.body, undefined];
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Vary', 'Accept-Encoding');
    if (encoding) c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(body));
  });

  // The operator's settings (name, colour, default language and zone), then the language again
  // with the hub's own default (platform/site: a copy per process, a few seconds old at most).
  app.use(async (c, next) => {
    c.set('site', await loadSite(deps.db));
    setLocale(c, null);
    await next();
  });

  app.use(compression);
  // Who is asking is known before the body is read: only they may send a large one.
  app.use(authenticate);
  // Forms and JSON get a small limit. File uploads (multipart) of a signed-in member or a token
  // get a larger one, applied only after the CSRF check below has read the form's token from the
  // head of the body (hono's limit reads the body ahead, up to the limit, as it counts); a visitor
  // has no upload to make, so theirs gets the form limit. Each upload route then applies its own,
  // smaller limit where it knows better (a logo is far smaller than a spreadsheet).
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new HttpError(413, 'error.413.message', { limit: Math.round(maxSize / 1024) });
      },
    });
  const isUpload = (c: Context<AppEnv>) =>
    !!c.var.auth && (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  const formLimit = limitOf(config.bodyLimitBytes);
  const uploadLimit = limitOf(config.multipartLimitBytes);
  app.use((c, next) => (isUpload(c) ? next() : formLimit(c, next)));

  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
      return c.json({ status: 'ok', database: deps.dialect });
    } catch (err) {
      logger.error({ err }, 'database is not answering');
      return c.json({ status: 'unavailable', database: deps.dialect }, 503);
    }
  });
  app.get('/robots.txt', (c) =>
    c.text(
      `User-agent: *\nDisallow: /account\nDisallow: /admin\nDisallow: /api/\nSitemap: ${config.baseUrl}/sitemap.xml\n`,
    ),
  );
  app.get('/sitemap.xml', (c) => sitemapResponse(c));
  app.get('/:part{sitemap-[0-9]+\\.xml}', async (c, next) => {
    const part = Number(c.req.param('part').replace(/\D/g, ''));
    return (await sitemapPartResponse(c, part)) ?? next();
  });
  app.get('/favicon.ico', (c) =>
    c.redirect([...assetsByUrl.keys()].find((u) => u.includes('/icon.')) ?? '/', 301),
  );

  app.use(async (c, next) => {
    // The account's language wins over cookie and browser (a ?lang= in the URL over all of them),
    // once we know who is asking.
    if (c.var.auth) setLocale(c, c.var.auth.user.locale, c.var.auth.user.time_zone);
    await next();
  });
  app.use(csrfProtection);
  app.use((c, next) => (isUpload(c) ? uploadLimit(c, next) : next()));

  app.post('/language', async (c) => {
    const body = await c.req.parseBody({ all: true });
    const locale = typeof body.locale === 'string' ? body.locale : '';
    if (!isLocale(locale)) throw new HttpError(400, 'error.unknownLocale');
    setCookie(c, LANG_COOKIE, locale, {
      path: '/',
      sameSite: 'Lax',
      httpOnly: true,
      secure: config.secureCookies,
      maxAge: 365 * DAY,
    });
    const auth = c.var.auth;
    if (auth) {
      await deps.db.updateTable('users').set({ locale }).where('id', '=', auth.user.id).execute();
    }
    // Back to the page without a language in its URL, which would otherwise win over the choice.
    return c.redirect(withLang(localPath(typeof body.next === 'string' ? body.next : '/')), 303);
  });

  for (const module of deps.modules) {
    if (module.pages) app.route('/', module.pages(deps));
  }

  const api = buildApi(deps);
  app.route('/api/v1', api);
  app.get('/api/docs', (c) =>
    renderPage(
      c,
      { title: c.var.t('api.title'), description: c.var.t('api.description') },
      <ApiReferenceView doc={openApiDocument(api, deps) as unknown as Record<string, unknown>} />,
    ),
  );

  app.notFound(() => {
    throw new HttpError(404, 'error.404.message');
  });
  app.onError((err, c) => handleError(err, c));
  return app;
}

async function handleError(err: Error, c: Context<AppEnv>): Promise<Response> {
  let httpError: HttpError;
  if (err instanceof HttpError) {
    httpError = err;
  } else if (err instanceof HTTPException && err.status < 500) {
    // Hono's own refusals: malformed JSON or form bodies and the like.
    httpError = new HttpError(
      err.status === 413 ? 413 : 400,
      err.status === 413 ? 'error.413.message' : 'error.400.message',
    );
  } else {
    c.var.deps?.logger.error({ err, reqId: c.var.requestId, path: c.req.path }, 'unhandled error');
    httpError = new HttpError(500, 'error.500.message');
  }
  for (const [name, value] of Object.entries(httpError.headers ?? {})) c.header(name, value);
  const t = c.var.t ?? translator('en');
  const status = httpError.status as ContentfulStatusCode;
  const title = TITLE_BY_STATUS[status] ?? 'error.500.title';
  const detail = t(httpError.messageKey, httpError.values);

  if (isApiPath(c.req.path)) {
    const body = {
      type: 'about:blank',
      title: t(title),
      status,
      detail,
      instance: c.req.path,
      requestId: c.var.requestId,
      ...(httpError.fieldErrors
        ? {
            // A field's message may name values (a measured ratio, a limit): the refusal carries them.
            errors: Object.fromEntries(
              Object.entries(httpError.fieldErrors).map(([k, v]) => [k, t(v, httpError.values)]),
            ),
          }
        : {}),
    };
    return c.body(JSON.stringify(body), status, {
      'Content-Type': 'application/problem+json; charset=utf-8',
    });
  }
  // A page that needs a login sends the visitor to the login form, and back afterwards.
  if (status === 401 && c.req.method === 'GET') {
    return c.redirect(
      `/login?next=${encodeURIComponent(localPath(c.req.path + new URL(c.req.url).search))}`,
      303,
    );
  }
  try {
    return await renderPage(
      c,
      { title: t(title), noindex: true },
      <ErrorView status={status} title={title} message={detail} requestId={c.var.requestId} />,
      status,
    );
  } catch (renderErr) {
    c.var.deps?.logger.error({ err: renderErr, reqId: c.var.requestId }, 'error page failed to render');
    return c.text(`${t(title)} (${status}) — ${c.var.requestId ?? ''}`, status);
  }
}
