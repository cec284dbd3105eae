// The reviewers' pages: the list with the balance and its CSV and XLSX exports, one application
// with its reviews, a reviewer's scores and note, and the decision (decisions.ts moves the roster,
// the audit log and the mail with it). Nobody scores or decides their own application.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { auditOrigin, recordAudit } from '../../../platform/audit.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { attachment } from '../../../platform/http/download.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { type FormValues, readForm } from '../../../platform/http/forms.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../../platform/spreadsheets.ts';
import { renderPage } from '../../../ui/render.tsx';
import { changeContext, loadForReviewing } from './access.ts';
import { applicationById } from './applications-store.ts';
import { decide } from './decisions.ts';
import { applicationsCsv, applicationsTable, applicationsXlsx } from './exports.ts';
import { fieldsOf } from './form-store.ts';
import { applicationListing } from './listing.ts';
import { canJudge, canManage } from './permissions.ts';
import { balanceOf, criteriaOf, type Review, reviewsOf, saveReview } from './review-store.ts';
import { applicationFilterSchema, decisionSchema, reviewSchema } from './schemas.ts';
import { ApplicationReviewView, ApplicationsView, type ReviewForms } from './views-review.tsx';

type C = Context<AppEnv>;

/** A reviewer's earlier review as the form sends it. */
function reviewValues(review: Review | undefined): FormValues {
  if (!review) return {};
  return {
    note: review.note,
    ...Object.fromEntries([...review.scores].map(([id, score]) => [`score_${id}`, String(score)])),
  };
}

export function reviewPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  app.get('/events/:slug/applications', async (c) => {
    const { user, event, organiser, settings } = await loadForReviewing(db, c, c.req.param('slug'));
    const filter = applicationFilterSchema.parse(c.req.query());
    const [{ rows, total }, balance, criteria] = await Promise.all([
      applicationListing(db, event.id, filter),
      balanceOf(db, event.id, settings.capacity),
      criteriaOf(db, event.id),
    ]);
    return renderPage(
      c,
      { title: c.var.t('registration.applicationsTitle', { title: event.title }), noindex: true },
      <ApplicationsView
        event={event}
        filter={filter}
        rows={rows}
        total={total}
        balance={balance}
        categories={settings.categories}
        maxTotal={criteria.reduce((a, x) => a + x.max_score, 0)}
        mayManage={canManage(user, organiser)}
      />,
    );
  });

  /** Every application of the list as filtered and sorted on the page, not one page of it. */
  const exportTable = async (c: C) => {
    const { event } = await loadForReviewing(db, c, c.req.param('slug') ?? '');
    const filter = { ...applicationFilterSchema.parse(c.req.query()), page: 1 };
    const [{ rows }, fields] = await Promise.all([
      applicationListing(db, event.id, filter, Number.MAX_SAFE_INTEGER),
      fieldsOf(db, event.id),
    ]);
    const base = `${deps.config.baseUrl}/events/${event.slug}/applications`;
    return { event, table: applicationsTable(rows, fields, (id) => `${base}/${id}`) };
  };

  app.get('/events/:slug/applications.csv', async (c) => {
    const { event, table } = await exportTable(c);
    return attachment(c, applicationsCsv(table), CSV_TYPE, `${event.slug}-applications.csv`);
  });

  app.get('/events/:slug/applications.xlsx', async (c) => {
    const { event, table } = await exportTable(c);
    const xlsx = await applicationsXlsx(table, c.var.t('registration.applicationsSheet'));
    return attachment(c, xlsx, XLSX_TYPE, `${event.slug}-applications.xlsx`);
  });

  /** The application of the URL, for a reviewer of its event; drafts are not theirs to see. */
  const loadApplication = async (c: C) => {
    const loaded = await loadForReviewing(db, c, c.req.param('slug') ?? '');
    const application = await applicationById(db, loaded.event.id, Number(c.req.param('id')));
    if (!application || application.status === 'draft') throw new HttpError(404, 'error.404.message');
    return { ...loaded, application };
  };
  type Loaded = Awaited<ReturnType<typeof loadApplication>>;

  const show = async (
    c: C,
    loaded: Loaded,
    forms: Partial<ReviewForms> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const { event, application, settings, user } = loaded;
    const [fields, criteria, reviews, balance] = await Promise.all([
      fieldsOf(db, event.id),
      criteriaOf(db, event.id),
      reviewsOf(db, [application.id]),
      balanceOf(db, event.id, settings.capacity),
    ]);
    const list = reviews.get(application.id) ?? [];
    return renderPage(
      c,
      { title: application.name, noindex: true },
      <ApplicationReviewView
        event={event}
        application={application}
        fields={fields}
        criteria={criteria}
        reviews={list}
        balance={balance}
        categories={settings.categories}
        ownApplication={!canJudge(user, application)}
        forms={{
          review: forms.review ?? { values: reviewValues(list.find((r) => r.reviewer_id === user.id)) },
          decision: forms.decision ?? {
            values: { decision: application.status === 'submitted' ? 'accepted' : application.status },
          },
        }}
      />,
      status,
    );
  };

  app.get('/events/:slug/applications/:id', async (c) => show(c, await loadApplication(c)));

  app.post('/events/:slug/applications/:id/review', async (c) => {
    const loaded = await loadApplication(c);
    const { user, event, application } = loaded;
    if (!canJudge(user, application)) throw new HttpError(403, 'registration.ownApplication');
    const form = await readForm(c, reviewSchema(await criteriaOf(db, event.id)));
    if (!form.ok) return show(c, loaded, { review: form }, 422);
    await db.transaction().execute(async (trx) => {
      await saveReview(trx, application.id, user.id, form.data);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'event.registration.reviewed',
        subjectType: 'event_registration',
        subjectId: application.id,
        details: { event: event.id, scores: Object.fromEntries(form.data.scores) },
      });
    });
    setFlash(c, 'registration.reviewSaved');
    return c.redirect(`/events/${event.slug}/applications/${application.id}`, 303);
  });

  app.post('/events/:slug/applications/:id/decision', async (c) => {
    const loaded = await loadApplication(c);
    const { user, event, application, settings } = loaded;
    if (!canJudge(user, application)) throw new HttpError(403, 'registration.ownApplication');
    const form = await readForm(c, decisionSchema);
    if (!form.ok) return show(c, loaded, { decision: form }, 422);
    if (application.status === 'withdrawn')
      return show(
        c,
        loaded,
        { decision: { values: form.values, errors: { decision: 'registration.withdrawnAlready' } } },
        409,
      );
    const outcome = await db
      .transaction()
      .execute((trx) => decide(trx, changeContext(c, event, settings), application.id, form.data.decision));
    if (outcome === 'full')
      return show(
        c,
        loaded,
        { decision: { values: form.values, errors: { decision: 'registration.capacityReached' } } },
        409,
      );
    deps.outbox.kick();
    setFlash(c, outcome === 'unchanged' ? 'registration.decisionUnchanged' : 'registration.decided');
    return c.redirect(`/events/${event.slug}/applications/${application.id}`, 303);
  });

  return app;
}
