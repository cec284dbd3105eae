// The countries' pages, top to bottom as the list of their URLs: the list, a country's page, and
// the form of its status towards the 2005 Convention (admins, the country's focal points).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext } from '../../platform/actions.ts';
import { blockContext, type LoadedBlock, loadBlocks } from '../../platform/blocks.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { inCountry, may } from '../../platform/scopes.ts';
import { VisitorCache } from '../../platform/visitor-cache.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { countryOf, getStatus } from './access.ts';
import { ensureMayEditStatus, saveStatus } from './actions.ts';
import { hasPage, listCountries } from './listing.ts';
import { EDIT_STATUS } from './permissions.ts';
import { formValuesOf, statusInput } from './schemas.ts';
import { countryJsonLd } from './structured-data.ts';
import { CountryView } from './views/country.tsx';
import { CountryListView } from './views/list.tsx';
import { StatusFormView } from './views/status-form.tsx';

type C = Context<AppEnv>;
const CODE = ':code{[A-Za-z]{2}}';

export function countriesPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // A visitor's blocks of each country's page in each language and time zone.
  const forVisitors = new VisitorCache<LoadedBlock[]>(1000);
  const { db, config } = deps;

  app.get('/countries', async (c) => {
    const rows = await listCountries(blockContext(c), c.var.fmt.country);
    const t = c.var.t;
    return renderPage(
      c,
      { title: t('countries.title'), description: t('countries.intro'), path: '/countries' },
      <CountryListView rows={rows} />,
    );
  });

  app.get(`/countries/${CODE}`, async (c) => {
    const found = countryOf(c, c.req.param('code'));
    if ('redirect' in found) return c.redirect(found.redirect, 301);
    const { code } = found;
    const user = c.var.auth?.user ?? null;
    const ctx = blockContext(c);
    // Its organisations, people, groups, documents, events, press, news and measures (docs/countries.md):
    // for a visitor, kept while nothing is written (platform/visitor-cache.ts); a member's are their own.
    const load = () =>
      loadBlocks(
        deps.modules.flatMap((m) => m.countryBlocks ?? []),
        ctx,
        { code },
      );
    const [status, blocks, mayEdit] = await Promise.all([
      getStatus(db, code),
      user ? load() : forVisitors.get(deps, `${code}|${ctx.locale}|${ctx.timeZone}`, load),
      may(deps, user, EDIT_STATUS, inCountry(code)),
    ]);
    // A country outside the region that the hub holds nothing about has no page.
    if (!hasPage(code, [], status !== null, blocks.length)) throw new HttpError(404, 'error.404.message');
    const name = c.var.fmt.country(code);
    return renderPage(
      c,
      {
        title: name,
        description: c.var.t('countries.pageDescription', { country: name }),
        path: `/countries/${code}`,
        jsonLd: countryJsonLd(code, name, config.baseUrl),
      },
      <CountryView code={code} status={status} mayEdit={mayEdit} blocks={blocks} />,
    );
  });

  const showForm = (c: C, code: string, state: FormState, status: ContentfulStatusCode = 200) =>
    renderPage(
      c,
      { title: c.var.t('countries.statusFormTitle', { country: c.var.fmt.country(code) }), noindex: true },
      <StatusFormView code={code} state={state} />,
      status,
    );

  app.get(`/countries/${CODE}/status`, async (c) => {
    const found = countryOf(c, c.req.param('code'));
    if ('redirect' in found) return c.redirect(found.redirect, 301);
    await ensureMayEditStatus(actionContext(c), found.code);
    return showForm(c, found.code, { values: formValuesOf(await getStatus(db, found.code)) });
  });

  app.post(`/countries/${CODE}/status`, async (c) => {
    const found = countryOf(c, c.req.param('code'));
    if ('redirect' in found) throw new HttpError(404, 'error.404.message');
    const ctx = actionContext(c);
    await ensureMayEditStatus(ctx, found.code);
    const done = await submitForm(c, statusInput, (input) => saveStatus(ctx, found.code, input));
    if (!done.ok) return showForm(c, found.code, done, 422);
    setFlash(c, 'form.saved');
    return c.redirect(`/countries/${found.code}`, 303);
  });

  return app;
}
