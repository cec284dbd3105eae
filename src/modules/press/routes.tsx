// The press pages, top to bottom as the list of their URLs. Each handler reads its input through
// the schemas, asks permissions.ts whether the reader may act, and writes through store.ts inside
// one transaction (clipping, translations, screenshot, search index and audit log together), so a
// refused screenshot or a bad field leaves nothing half-saved.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, type FormValues, readForm } from '../../platform/http/forms.ts';
import type { ProcessedImage } from '../../platform/images.ts';
import { serveImage } from '../../platform/images.ts';
import { excerpt } from '../../platform/markdown.ts';
import { renderPage } from '../../ui/render.tsx';
import { feedHref, feedTitle, pressFeed } from './feed.ts';
import { canWrite } from './permissions.ts';
import { clippingInputSchema, pressFilterSchema } from './schemas.ts';
import {
  deleteScreenshot,
  processScreenshot,
  type ScreenshotRefusal,
  saveScreenshot,
  screenshotBytes,
  screenshotInfo,
  screenshotUrl,
} from './screenshot.ts';
import {
  type ClippingDetails,
  createClipping,
  deleteClipping,
  eventIdOf,
  facets,
  getClipping,
  listClippings,
  PAGE_SIZE,
  recentEvents,
  translationFor,
  updateClipping,
} from './store.ts';
import { ClippingView } from './views-clipping.tsx';
import { ClippingFormView, formValuesOf } from './views-form.tsx';
import { PressListView } from './views-list.tsx';

type C = Context<AppEnv>;

const ID = ':id{[0-9]{1,15}}';

async function loadClipping(c: C): Promise<ClippingDetails> {
  const clipping = await getClipping(c.var.deps.db, Number(c.req.param('id')));
  if (!clipping) throw new HttpError(404, 'error.404.message');
  return clipping;
}

function requireWriter(c: C) {
  const user = requireUser(c);
  if (!canWrite(user)) throw new HttpError(403, 'error.403.message');
  return user;
}

/**
 * The clipping form as submitted: its fields through the shared schema, and the screenshot (if a
 * file was chosen) checked and re-encoded — all before anything is written.
 */
async function readClippingForm(c: C) {
  const form = await readForm(c, clippingInputSchema);
  // Cached by Hono: the CSRF check and readForm have parsed the same body already.
  const body = await c.req.parseBody({ all: true });
  const file = Array.isArray(body.screenshot) ? body.screenshot[0] : body.screenshot;
  let image: ProcessedImage | undefined;
  let refusal: ScreenshotRefusal | undefined;
  if (file instanceof File && (file.size > 0 || file.name !== '')) {
    const result = await processScreenshot(file);
    if (result.ok) image = result.image;
    else refusal = result.refusal;
  }
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  if (form.ok && form.data.event && (await eventIdOf(c.var.deps.db, form.data.event)) === undefined)
    errors.event = 'press.unknownEvent';
  if (refusal) errors.screenshot = refusal.key;
  // A refused file decides the status (413, 415) unless the fields are wrong too.
  const status: ContentfulStatusCode = form.ok && refusal ? refusal.status : 422;
  return {
    form,
    image,
    refusal,
    errors,
    status,
    /** Every check passed: the form may be saved. */
    ok: form.ok && !refusal && Object.keys(errors).length === 0,
    remove: form.values.remove_screenshot === '1',
  };
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

  app.get('/press/new', async (c) => {
    requireWriter(c);
    return renderPage(
      c,
      { title: c.var.t('press.addTitle'), noindex: true },
      <ClippingFormView action="/press/new" state={{}} events={await recentEvents(db)} />,
    );
  });

  app.post('/press/new', async (c) => {
    const user = requireWriter(c);
    const submitted = await readClippingForm(c);
    const { form } = submitted;
    if (!form.ok || !submitted.ok) {
      return renderPage(
        c,
        { title: c.var.t('press.addTitle'), noindex: true },
        <ClippingFormView
          action="/press/new"
          state={{ values: form.values, errors: submitted.errors }}
          screenshotValues={submitted.refusal?.values}
          events={await recentEvents(db)}
        />,
        submitted.status,
      );
    }
    const clipping = await db.transaction().execute(async (trx) => {
      const created = await createClipping(trx, form.data, user);
      if (submitted.image) await saveScreenshot(trx, created.id, submitted.image);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'press.created',
        subjectType: 'press_clipping',
        subjectId: created.id,
        details: { outlet: created.outlet, title: created.title, screenshot: !!submitted.image },
      });
      return created;
    });
    setFlash(c, 'press.created');
    return c.redirect(`/press/${clipping.id}`, 303);
  });

  app.get(`/press/${ID}`, async (c) => {
    const clipping = await loadClipping(c);
    const screenshot = await screenshotInfo(db, clipping.id);
    const translation = translationFor(clipping, c.var.locale);
    const pageUrl = `${config.baseUrl}/press/${clipping.id}`;
    const shot = screenshot ? `${config.baseUrl}${screenshotUrl(clipping.id, screenshot)}` : undefined;
    // A NewsArticle that is the outlet's: its url is the original article, and this page is where
    // the hub keeps it (mainEntityOfPage). The outlet is the publisher, as the article names it.
    const jsonLd: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: clipping.title,
      ...(translation?.title ? { alternativeHeadline: translation.title } : {}),
      inLanguage: clipping.lang,
      datePublished: clipping.published_on,
      url: clipping.url,
      mainEntityOfPage: pageUrl,
      publisher: {
        '@type': 'Organization',
        name: clipping.outlet,
        ...(clipping.outlet_url ? { url: clipping.outlet_url } : {}),
      },
      ...(clipping.summary ? { abstract: excerpt(clipping.summary, 300) } : {}),
      ...(clipping.event?.published
        ? {
            about: {
              '@type': 'Event',
              name: clipping.event.title,
              url: `${config.baseUrl}/events/${clipping.event.slug}`,
            },
          }
        : clipping.covers
          ? {
              about: {
                '@type': 'Thing',
                name: clipping.covers,
                ...(clipping.covers_url ? { url: clipping.covers_url } : {}),
              },
            }
          : {}),
      ...(shot ? { image: shot } : {}),
      dateModified: clipping.updated_at,
    };
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
        jsonLd,
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
    const size = c.req.query('size') === 'thumb' ? 'thumb' : 'full';
    const row = await screenshotBytes(db, clipping.id, size);
    if (!row) throw new HttpError(404, 'error.404.message');
    return serveImage(c, row, { size, shared: true });
  });

  const showEdit = async (
    c: C,
    clipping: ClippingDetails,
    state: { values: FormValues; errors?: FieldErrors },
    status: ContentfulStatusCode = 200,
    screenshotValues?: Record<string, number>,
  ) =>
    renderPage(
      c,
      { title: c.var.t('press.editTitle'), noindex: true },
      <ClippingFormView
        action={`/press/${clipping.id}/edit`}
        state={state}
        editing={clipping}
        screenshot={await screenshotInfo(db, clipping.id)}
        screenshotValues={screenshotValues}
        events={await recentEvents(db)}
      />,
      status,
    );

  app.get(`/press/${ID}/edit`, async (c) => {
    requireWriter(c);
    const clipping = await loadClipping(c);
    return showEdit(c, clipping, { values: formValuesOf(clipping) });
  });

  app.post(`/press/${ID}/edit`, async (c) => {
    requireWriter(c);
    const clipping = await loadClipping(c);
    const submitted = await readClippingForm(c);
    const { form } = submitted;
    if (!form.ok || !submitted.ok) {
      return showEdit(
        c,
        clipping,
        { values: form.values, errors: submitted.errors },
        submitted.status,
        submitted.refusal?.values,
      );
    }
    await db.transaction().execute(async (trx) => {
      let screenshotChange: 'replaced' | 'removed' | null = null;
      if (submitted.image) {
        await saveScreenshot(trx, clipping.id, submitted.image);
        screenshotChange = 'replaced';
      } else if (submitted.remove && (await deleteScreenshot(trx, clipping.id))) {
        screenshotChange = 'removed';
      }
      const fields = await updateClipping(trx, clipping, form.data, { touched: screenshotChange !== null });
      if (screenshotChange) fields.push('screenshot');
      if (fields.length) {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'press.updated',
          subjectType: 'press_clipping',
          subjectId: clipping.id,
          details: { fields, ...(screenshotChange ? { screenshot: screenshotChange } : {}) },
        });
      }
    });
    setFlash(c, 'press.saved');
    return c.redirect(`/press/${clipping.id}`, 303);
  });

  app.post(`/press/${ID}/delete`, async (c) => {
    requireWriter(c);
    const clipping = await loadClipping(c);
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'press.deleted',
        subjectType: 'press_clipping',
        subjectId: clipping.id,
        details: { outlet: clipping.outlet, title: clipping.title, url: clipping.url },
      });
      await deleteClipping(trx, clipping.id);
    });
    setFlash(c, 'press.deleted');
    return c.redirect('/press', 303);
  });

  return app;
}
