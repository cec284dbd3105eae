// /api/v1/site: the hub's settings. Everyone may read them (they are what every page shows);
// administrators change them with PATCH (what is not sent stays). The logo is uploaded on the
// page's form (multipart); the API reports its URL.
import { createRoute, z } from '@hono/zod-openapi';
import { actionContext, ensure } from '../../platform/actions.ts';
import { anyone, apiRouter, jsonBody, jsonResponse, problemsOf } from '../../platform/api.ts';
import { forSignedInWithJson, patchedInput } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { imageVersion } from '../../platform/images.ts';
import { loadSite, type Site, siteName } from '../../platform/site/index.ts';
import { saveSiteSettings, storedSettings } from './actions.ts';
import { canRunSite } from './permissions.ts';
import { inputOf, siteSettingsObject } from './schemas.ts';

const perLocale = z
  .record(z.string(), z.string())
  .openapi({ description: 'By UI language (en, vi, th, lo, km, my, zh-Hans)' });

const SiteSchema = z
  .object({
    name: z.string().openapi({ description: 'The name in the language of the request' }),
    names: perLocale,
    shortNames: perLocale,
    taglines: perLocale,
    accent: z
      .string()
      .nullable()
      .openapi({ example: '#1a5fb4', description: 'Accent colour (WCAG AA against the page)' }),
    defaultLanguage: z.string().nullable(),
    timeZone: z.string().nullable().openapi({ example: 'Asia/Vientiane' }),
    contactEmail: z.string().nullable(),
    footerLinks: z.array(z.object({ label: z.string(), url: z.string() })),
    logo: z.string().nullable().openapi({ description: 'URL of the logo (WebP), if any' }),
    pages: z.array(z.string()).openapi({ description: 'The operator’s pages that exist, at /<slug>' }),
    manifest: z.string(),
  })
  .openapi('SiteSettings');

const SiteInputDoc = siteSettingsObject.partial().openapi('SiteSettingsInput');

const routes = {
  read: createRoute({
    method: 'get',
    path: '/site',
    tags: ['Site'],
    summary: 'The hub’s name, colour, languages, contact and links',
    security: anyone,
    // (A malformed address is refused before any route: 400.)
    responses: { 200: jsonResponse(SiteSchema, 'The settings'), ...problemsOf(400) },
  }),
  update: createRoute({
    method: 'patch',
    path: '/site',
    tags: ['Site'],
    summary: 'Change the hub’s settings (administrators); what is not sent stays',
    ...forSignedInWithJson,
    request: { body: jsonBody(SiteInputDoc) },
    responses: {
      200: jsonResponse(SiteSchema, 'The changed settings'),
      ...problemsOf(400, 401, 403, 415, 422),
    },
  }),
};

export function siteApi(deps: AppDeps) {
  const { db, config } = deps;
  const toJson = (site: Site, locale: string): z.infer<typeof SiteSchema> => ({
    name: siteName(deps, locale),
    names: site.names,
    shortNames: site.shortNames,
    taglines: site.taglines,
    accent: site.accent,
    defaultLanguage: site.defaultLanguage,
    timeZone: site.timeZone,
    contactEmail: site.contactEmail,
    footerLinks: site.footerLinks,
    logo: site.logoVersion ? `${config.baseUrl}/site/logo.webp?v=${imageVersion(site.logoVersion)}` : null,
    pages: site.pages,
    manifest: `${config.baseUrl}/manifest.webmanifest`,
  });
  return apiRouter()
    .openapi(routes.read, async (c) => c.json(toJson(await loadSite(db), c.var.locale), 200))
    .openapi(routes.update, async (c) => {
      const ctx = actionContext(c);
      ensure(ctx, canRunSite);
      const input = await patchedInput(c, siteSettingsObject, inputOf(await storedSettings(db)));
      await saveSiteSettings(ctx, input);
      return c.json(toJson(await loadSite(db), c.var.locale), 200);
    });
}
