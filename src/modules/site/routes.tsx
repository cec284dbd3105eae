// The operator's pages of the administration: /admin/site (the hub's name, colour, logo, language,
// zone, contact and footer links) and /admin/pages (about, privacy, accessibility, terms in each
// language). Administrators only: every handler asks canRunSite first, through the actions.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext, ensure } from '../../platform/actions.ts';
import { chosenFile } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { found, HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, readForm } from '../../platform/http/forms.ts';
import { SITE_PAGES, type SitePageSlug } from '../../platform/site/index.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import {
  type LogoChange,
  pageLanguages,
  saveSitePage,
  saveSiteSettings,
  sitePageRows,
  storedSettings,
} from './actions.ts';
import { siteLogo } from './logo.ts';
import { canRunSite } from './permissions.ts';
import { formValuesOf, sitePageInput, siteSettingsInput } from './schemas.ts';
import { PageFormView, PagesView } from './views/pages-admin.tsx';
import { SiteSettingsView } from './views/settings-form.tsx';

type C = Context<AppEnv>;

const SLUG = `:slug{${SITE_PAGES.join('|')}}`;

const administrator = (c: C) => ensure(actionContext(c), canRunSite);

export function siteAdminPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  const settingsPage = async (c: C, state: FormState, status: ContentfulStatusCode = 200) =>
    renderPage(
      c,
      { title: c.var.t('site.settings.title'), noindex: true },
      <SiteSettingsView state={state} logo={await siteLogo.info(db, 1)} />,
      status,
    );

  app.get('/admin/site', async (c) => {
    administrator(c);
    return settingsPage(c, { values: formValuesOf(await storedSettings(db)) });
  });

  app.post('/admin/site', async (c) => {
    administrator(c);
    const form = await readForm(c, siteSettingsInput);
    const file = chosenFile((await c.req.parseBody({ all: true })).logo);
    const check = file ? await siteLogo.check(file) : undefined;
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    const state: FormState = { values: form.values, errors };
    if (check && !check.ok) {
      errors.logo = check.refusal.key;
      state.errorValues = { logo: check.refusal.values ?? {} };
    }
    if (!form.ok || (check && !check.ok))
      return settingsPage(c, state, form.ok && check && !check.ok ? check.refusal.status : 422);
    const logo: LogoChange = check?.ok
      ? { replace: check.image }
      : form.data.removeLogo
        ? 'remove'
        : undefined;
    const { removeLogo: _remove, ...input } = form.data;
    try {
      await saveSiteSettings(actionContext(c), input, logo);
    } catch (err) {
      if (!(err instanceof HttpError && err.isInvalidInput && err.fieldErrors)) throw err;
      // The contrast refusal carries the measured ratio, shown beside the colour field.
      const errorValues = Object.fromEntries(Object.keys(err.fieldErrors).map((f) => [f, err.values ?? {}]));
      return settingsPage(c, { ...state, errors: err.fieldErrors, errorValues }, 422);
    }
    setFlash(c, 'site.settings.saved');
    return c.redirect('/admin/site', 303);
  });

  app.get('/admin/pages', async (c) => {
    administrator(c);
    return renderPage(
      c,
      { title: c.var.t('site.pages.title'), noindex: true },
      <PagesView languages={await pageLanguages(db)} />,
    );
  });

  const pageForm = (c: C, slug: SitePageSlug, state: FormState, status: ContentfulStatusCode = 200) =>
    renderPage(
      c,
      { title: c.var.t(`site.page.${slug}`), noindex: true },
      <PageFormView slug={slug} state={state} />,
      status,
    );

  app.get(`/admin/pages/${SLUG}`, async (c) => {
    administrator(c);
    const slug = found(SITE_PAGES.find((p) => p === c.req.param('slug')));
    const values: Record<string, string> = {};
    for (const row of await sitePageRows(db, slug)) {
      values[`title_${row.lang}`] = row.title;
      values[`body_${row.lang}`] = row.body;
    }
    return pageForm(c, slug, { values });
  });

  app.post(`/admin/pages/${SLUG}`, async (c) => {
    administrator(c);
    const slug = found(SITE_PAGES.find((p) => p === c.req.param('slug')));
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      Object.entries(body).filter(([k, v]) => k !== '_csrf' && typeof v === 'string'),
    ) as Record<string, string>;
    const parsed = sitePageInput.safeParse(values);
    if (!parsed.success) {
      // Issues name `translations.<lang>.<field>`: shown beside that language's field.
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const [, lang, field] = issue.path.map(String);
        errors[lang && field ? `${field}_${lang}` : '_form'] ??= issue.message.includes('.')
          ? (issue.message as FieldErrors[string])
          : 'form.invalid';
      }
      return pageForm(c, slug, { values, errors }, 422);
    }
    await saveSitePage(actionContext(c), slug, parsed.data);
    setFlash(c, 'site.pages.saved');
    return c.redirect('/admin/pages', 303);
  });

  return app;
}
