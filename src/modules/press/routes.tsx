// The press pages, top to bottom as the list of their URLs. Each handler reads its input (the
// schemas, the screenshot check), calls a listing or an action, and renders; the rules and the
// writes are the actions' (actions.ts), the same the API calls.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext, ensure } from '../../platform/actions.ts';
import { chosenFile, imageResponse } from '../../platform/attached-images.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attempt, readForm } from '../../platform/http/forms.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { excerpt } from '../../platform/markdown.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { type ClippingDetails, loadClipping, translationFor } from './access.ts';
import { createClipping, deleteClipping, type ScreenshotChange, updateClipping } from './actions.ts';
import { EXPORT_LIMIT, exportColumns, exportRows } from './export.ts';
import { feedHref, feedTitle, pressFeed } from './feed.ts';
import { facets, listClippings, PAGE_SIZE, recentEvents } from './listing.ts';
import { canWrite } from './permissions.ts';
import { clippingInput, formValuesOf, pressFilterSchema } from './schemas.ts';
import { screenshots, screenshotUrl } from './screenshot.ts';
import { clippingJsonLd } from './structured-data.ts';
import { ClippingView } from './views/clipping.tsx';
import { ClippingFormView } from './views/form.tsx';
import { PressListView } from './views/list.tsx';

type C = Context<AppEnv>;

const ID = ':id{[0-9]{1,15}}';

/**
 * The clipping form as submitted: its fields through the schema and the screenshot (if a file was
 * chosen) checked and re-encoded, before anything is written. A refused file decides the status
 * (413, 415) unless the fields are wrong too.
 */
async function readClippingForm(c: C) {
  const form = await readForm(c, clippingInput);
  const body = await c.req.parseBody({ all: true });
  const file = chosenFile(body.screenshot);
  const check = file ? await screenshots.check(file) : undefined;
  const state: FormState = { values: form.values, errors: form.ok ? {} : { ...form.errors } };
  let status: ContentfulStatusCode = 422;
  if (check && !check.ok) {
    state.errors = { ...state.errors, screenshot: check.refusal.key };
    state.errorValues = { screenshot: check.refusal.values ?? {} };
    if (form.ok) status = check.refusal.status;
  }
  const change: ScreenshotChange = {
    image: check?.ok ? check.image : undefined,
    remove: form.values.remove_screenshot === '1',
  };
  return form.ok && !(check && !check.ok)
    ? ({ ok: true, input: form.data, change, state } as const)
    : ({ ok: false, state, status } as const);
}

export function pressPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/press', async (c) => {
    const filter = pressFilterSchema.parse(c.req.query());
    const [{ cards, total }, facet] = await Promise.all([
      listClippings(db, filter, { locale: c.var.locale }),
      facets(db),
    ]);
    const t = c.var.t;
    return renderPage(
      c,
      {
        title: t('press.title'),
        description: t('press.intro'),
        path: '/press',
        feeds: [{ title: feedTitle(c, filter), href: feedHref(filter) }],
      },
      <PressListView
        filter={filter}
        cards={cards}
        total={total}
        pageSize={PAGE_SIZE}
        outlets={facet.outlets}
        languages={facet.languages}
        years={facet.years}
        canWrite={canWrite(c.var.auth?.user ?? null)}
      />,
    );
  });

  app.get('/press/feed.atom', (c) => pressFeed(c, pressFilterSchema.parse(c.req.query())));

  app.get('/press/:file{export\\.(csv|xlsx)}', async (c) => {
    const rows = await exportRows(db, pressFilterSchema.parse(c.req.query()), c.var.locale);
    return spreadsheetDownload(c, exportColumns(config.baseUrl), rows.slice(0, EXPORT_LIMIT), {
      file: 'press',
      sheet: 'Press',
    });
  });

  const showForm = async (
    c: C,
    state: FormState,
    status: ContentfulStatusCode = 200,
    editing?: ClippingDetails,
  ) =>
    renderPage(
      c,
      { title: c.var.t(editing ? 'press.editTitle' : 'press.addTitle'), noindex: true },
      <ClippingFormView
        action={editing ? `/press/${editing.id}/edit` : '/press/new'}
        state={state}
        editing={editing}
        screenshot={editing ? await screenshots.info(db, editing.id) : undefined}
        events={await recentEvents(db)}
      />,
      status,
    );

  app.get('/press/new', (c) => {
    ensure(actionContext(c), canWrite);
    return showForm(c, {});
  });

  app.post('/press/new', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canWrite);
    const form = await readClippingForm(c);
    if (!form.ok) return showForm(c, form.state, form.status);
    const done = await attempt(() => createClipping(ctx, form.input, form.change));
    if (!done.ok) return showForm(c, { values: form.state.values, errors: done.errors }, 422);
    setFlash(c, 'press.created');
    return c.redirect(`/press/${done.value.id}`, 303);
  });

  app.get(`/press/${ID}`, async (c) => {
    const clipping = await loadClipping(c);
    const screenshot = await screenshots.info(db, clipping.id);
    const translation = translationFor(clipping, c.var.locale);
    const shot = screenshot ? `${config.baseUrl}${screenshotUrl(clipping.id, screenshot)}` : undefined;
    return renderPage(
      c,
      {
        title: translation?.title ?? clipping.title,
        description: clipping.summary
          ? excerpt(clipping.summary, 200)
          : `${clipping.outlet}, ${clipping.published_on}`,
        path: `/press/${clipping.id}`,
        ogType: 'article',
        ogImage: shot,
        jsonLd: clippingJsonLd(clipping, { baseUrl: config.baseUrl, translation, screenshot: shot }),
      },
      <ClippingView
        clipping={clipping}
        screenshot={screenshot}
        canWrite={canWrite(c.var.auth?.user ?? null)}
      />,
    );
  });

  app.get(`/press/${ID}/screenshot.webp`, async (c) => {
    const clipping = await loadClipping(c);
    return imageResponse(c, (size) => screenshots.bytes(db, clipping.id, size), { shared: true });
  });

  app.get(`/press/${ID}/edit`, async (c) => {
    ensure(actionContext(c), canWrite);
    const clipping = await loadClipping(c);
    return showForm(c, { values: formValuesOf(clipping) }, 200, clipping);
  });

  app.post(`/press/${ID}/edit`, async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canWrite);
    const clipping = await loadClipping(c);
    const form = await readClippingForm(c);
    if (!form.ok) return showForm(c, form.state, form.status, clipping);
    const done = await attempt(() => updateClipping(ctx, clipping, form.input, form.change));
    if (!done.ok) return showForm(c, { values: form.state.values, errors: done.errors }, 422, clipping);
    setFlash(c, 'press.saved');
    return c.redirect(`/press/${clipping.id}`, 303);
  });

  app.post(`/press/${ID}/delete`, async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canWrite);
    await deleteClipping(ctx, await loadClipping(c));
    setFlash(c, 'press.deleted');
    return c.redirect('/press', 303);
  });

  return app;
}
