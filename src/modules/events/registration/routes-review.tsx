// The reviewers' pages: the list with its filters, the balance and its CSV and XLSX exports, one
// application with its reviews, a reviewer's scores and note, and the decision. The writes are the
// actions of actions/review.ts (the roster, the audit log and the mail move with a decision).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actionContext } from '../../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { attemptWrite, type FormValues, readForm } from '../../../platform/http/forms.ts';
import { spreadsheetDownload } from '../../../platform/http/spreadsheet-download.ts';
import { questionsOf } from '../../../platform/questionnaires/index.ts';
import { renderPage } from '../../../ui/render.tsx';
import { loadForReviewing } from './access.ts';
import { decideApplication, saveReview } from './actions/review.ts';
import { applicationById } from './applications.ts';
import { applicationColumns } from './export.ts';
import { applicationForm } from './form.ts';
import { applicationListing } from './listing.ts';
import { canJudge, canManage } from './permissions.ts';
import { balanceOf, criteriaOf, type Review, reviewsOf } from './reviews.ts';
import { applicationFilterSchema, decisionSchema, reviewSchema } from './schemas.ts';
import { ApplicationReviewView, ApplicationsView, type ReviewForms } from './views/review.tsx';

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
    const { user, event, organiser, settings } = await loadForReviewing(c, c.req.param('slug'));
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

  // Every application of the list as filtered and sorted on the page, not one page of it.
  app.get('/events/:slug/:file{applications\\.(csv|xlsx)}', async (c) => {
    const { event } = await loadForReviewing(c, c.req.param('slug'));
    const filter = { ...applicationFilterSchema.parse(c.req.query()), page: 1 };
    const [{ rows }, questions] = await Promise.all([
      applicationListing(db, event.id, filter, Number.MAX_SAFE_INTEGER),
      questionsOf(db, applicationForm(event.id)),
    ]);
    const base = `${deps.config.baseUrl}/events/${event.slug}/applications`;
    return spreadsheetDownload(
      c,
      applicationColumns(questions, (id) => `${base}/${id}`),
      rows,
      {
        file: `${event.slug}-applications`,
        sheet: c.var.t('registration.applicationsSheet'),
      },
    );
  });

  /** The application of the URL, for a reviewer of its event; drafts are not theirs to see. */
  const loadApplication = async (c: C) => {
    const reviewing = await loadForReviewing(c, c.req.param('slug') ?? '');
    const application = await applicationById(db, reviewing.event.id, Number(c.req.param('id')));
    if (!application || application.status === 'draft') throw new HttpError(404, 'error.404.message');
    return { reviewing, application };
  };
  type Loaded = Awaited<ReturnType<typeof loadApplication>>;

  const show = async (
    c: C,
    loaded: Loaded,
    forms: Partial<ReviewForms> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const { reviewing, application } = loaded;
    const { event, settings, user } = reviewing;
    const [questions, criteria, reviews, balance] = await Promise.all([
      questionsOf(db, applicationForm(event.id)),
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
        questions={questions}
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
    const { reviewing, application } = loaded;
    const ctx = actionContext(c);
    if (!canJudge(reviewing.user, application)) throw new HttpError(403, 'registration.ownApplication');
    const form = await readForm(c, reviewSchema(await criteriaOf(db, reviewing.event.id)));
    if (!form.ok) return show(c, loaded, { review: form }, 422);
    await saveReview(ctx, reviewing, application, form.data);
    setFlash(c, 'registration.reviewSaved');
    return c.redirect(`/events/${reviewing.event.slug}/applications/${application.id}`, 303);
  });

  app.post('/events/:slug/applications/:id/decision', async (c) => {
    const loaded = await loadApplication(c);
    const { reviewing, application } = loaded;
    if (!canJudge(reviewing.user, application)) throw new HttpError(403, 'registration.ownApplication');
    const form = await readForm(c, decisionSchema);
    if (!form.ok) return show(c, loaded, { decision: form }, 422);
    const done = await attemptWrite(
      () => decideApplication(actionContext(c), reviewing, application, form.data.decision),
      'decision',
    );
    if (!done.ok)
      return show(c, loaded, { decision: { values: form.values, errors: done.errors } }, done.status);
    setFlash(c, done.value === 'unchanged' ? 'registration.decisionUnchanged' : 'registration.decided');
    return c.redirect(`/events/${reviewing.event.slug}/applications/${application.id}`, 303);
  });

  return app;
}
