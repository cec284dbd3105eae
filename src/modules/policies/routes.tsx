// The policies pages, top to bottom as the list of their URLs. Each handler reads its input, calls
// a listing or an action, and renders; the rules and the writes are the actions' (actions.ts).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext, ensure } from '../../platform/actions.ts';
import { hasRole } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attempt, readForm } from '../../platform/http/forms.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { excerpt } from '../../platform/markdown.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { loadMeasure, type MeasureDetails, mayEdit, translationFor } from './access.ts';
import { createMeasure, deleteMeasure, ensureMayEdit, updateMeasure } from './actions.ts';
import { countsOf } from './counts.ts';
import { EXPORT_LIMIT, exportColumns, exportRows } from './export.ts';
import { feedHref, feedTitle, measuresFeed } from './feed.ts';
import { facets, listMeasures, PAGE_SIZE } from './listing.ts';
import { canCreate } from './permissions.ts';
import { comparedCountries, formValuesOf, measureFilterSchema, measureInput } from './schemas.ts';
import { measureJsonLd } from './structured-data.ts';
import { CompareView } from './views/compare.tsx';
import { MeasureFormView } from './views/form.tsx';
import { MeasureListView } from './views/list.tsx';
import { MeasureView } from './views/measure.tsx';
import { CURRENT_FRAMEWORK, LIMITS } from './vocab.ts';

type C = Context<AppEnv>;

const ID = ':id{[0-9]{1,15}}';

/** Recent events for the form's suggestions (the field takes any event's slug or address). */
const recentEvents = (deps: AppDeps) =>
  deps.db
    .selectFrom('events')
    .select(['slug', 'title'])
    .where('status', '!=', 'draft')
    .orderBy('starts_on', 'desc')
    .limit(50)
    .execute();

export function policiesPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/measures', async (c) => {
    const filter = measureFilterSchema.parse(c.req.query());
    const [{ cards, total }, facet] = await Promise.all([
      listMeasures(db, filter, { locale: c.var.locale }),
      facets(db),
    ]);
    const t = c.var.t;
    return renderPage(
      c,
      {
        title: t('policies.title'),
        description: t('policies.intro'),
        path: '/measures',
        feeds: [{ title: feedTitle(c, filter), href: feedHref(filter) }],
      },
      <MeasureListView
        filter={filter}
        cards={cards}
        total={total}
        pageSize={PAGE_SIZE}
        countries={facet.countries}
        years={facet.years}
        canCreate={canCreate(c.var.auth?.user ?? null)}
        canImport={hasRole(c.var.auth?.user, 'editor')}
      />,
    );
  });

  app.get('/measures/feed.atom', (c) => measuresFeed(c, measureFilterSchema.parse(c.req.query())));

  app.get('/measures/:file{export\\.(csv|xlsx)}', async (c) => {
    const rows = await exportRows(db, measureFilterSchema.parse(c.req.query()), c.var.locale);
    return spreadsheetDownload(c, exportColumns(config.baseUrl), rows.slice(0, EXPORT_LIMIT), {
      file: 'measures',
      sheet: 'Measures',
    });
  });

  app.get('/measures/compare', async (c) => {
    const countries = comparedCountries(c.req.queries('country') ?? []);
    const enough = countries.length >= LIMITS.compareMin;
    const counts = enough ? await countsOf(db, countries) : null;
    const t = c.var.t;
    return renderPage(
      c,
      {
        title: enough
          ? t('policies.compareOf', {
              countries: countries.map((code) => c.var.fmt.country(code)).join(' · '),
            })
          : t('policies.compareTitle'),
        description: t('policies.compareIntro'),
        path: '/measures/compare',
      },
      <CompareView countries={countries} counts={counts} />,
    );
  });

  const showForm = async (
    c: C,
    state: FormState,
    status: ContentfulStatusCode = 200,
    editing?: MeasureDetails,
  ) =>
    renderPage(
      c,
      { title: c.var.t(editing ? 'policies.editTitle' : 'policies.addTitle'), noindex: true },
      <MeasureFormView
        action={editing ? `/measures/${editing.id}/edit` : '/measures/new'}
        state={state}
        editing={editing}
        events={await recentEvents(deps)}
      />,
      status,
    );

  app.get('/measures/new', (c) => {
    ensure(actionContext(c), canCreate);
    const event = c.req.query('event');
    return showForm(c, {
      values: {
        report_year: String(new Date().getUTCFullYear()),
        status: 'in_force',
        source: 'government',
        framework: CURRENT_FRAMEWORK,
        ...(event ? { event } : {}),
      },
    });
  });

  app.post('/measures/new', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canCreate);
    const form = await readForm(c, measureInput);
    if (!form.ok) return showForm(c, { values: form.values, errors: form.errors }, 422);
    const done = await attempt(() => createMeasure(ctx, form.data));
    if (!done.ok) return showForm(c, { values: form.values, errors: done.errors }, 422);
    setFlash(c, 'policies.created');
    return c.redirect(`/measures/${done.value.id}`, 303);
  });

  app.get(`/measures/${ID}`, async (c) => {
    const m = await loadMeasure(c);
    const translation = translationFor(m, c.var.locale);
    return renderPage(
      c,
      {
        title: translation?.title ?? m.title,
        description: m.description
          ? excerpt(m.description, 200)
          : `${c.var.fmt.country(m.country)}, ${m.report_year}`,
        path: `/measures/${m.id}`,
        ogType: 'article',
        jsonLd: measureJsonLd(m, { baseUrl: config.baseUrl, translation }),
      },
      <MeasureView measure={m} canEdit={await mayEdit(db, c.var.auth?.user ?? null, m)} />,
    );
  });

  app.get(`/measures/${ID}/edit`, async (c) => {
    const ctx = actionContext(c);
    const m = await loadMeasure(c, true);
    await ensureMayEdit(ctx, m);
    return showForm(c, { values: formValuesOf(m) }, 200, m);
  });

  app.post(`/measures/${ID}/edit`, async (c) => {
    const ctx = actionContext(c);
    const m = await loadMeasure(c, true);
    await ensureMayEdit(ctx, m);
    const form = await readForm(c, measureInput);
    if (!form.ok) return showForm(c, { values: form.values, errors: form.errors }, 422, m);
    const done = await attempt(() => updateMeasure(ctx, m, form.data));
    if (!done.ok) return showForm(c, { values: form.values, errors: done.errors }, 422, m);
    setFlash(c, 'policies.saved');
    return c.redirect(`/measures/${m.id}`, 303);
  });

  app.post(`/measures/${ID}/delete`, async (c) => {
    const ctx = actionContext(c);
    await deleteMeasure(ctx, await loadMeasure(c));
    setFlash(c, 'policies.deleted');
    return c.redirect('/measures', 303);
  });

  return app;
}
