// The organisers' rubric (criteria with their highest score; a scored criterion stays, and its
// maximum stays above the scores given) and the accounts they add as reviewers.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { readForm } from '../../../platform/http/forms.ts';
import { renderPage } from '../../../ui/render.tsx';
import { findUserByEmail } from '../../accounts/index.ts';
import type { EventDetails } from '../access.ts';
import { auditEvent, loadForManaging } from './access.ts';
import {
  addCriterion,
  addReviewer,
  criteriaOf,
  deleteCriterion,
  highestScore,
  removeReviewer,
  reviewersOf,
  updateCriterion,
} from './review-store.ts';
import { criterionSchema, reviewerSchema } from './schemas.ts';
import { type RubricForms, RubricView } from './views-rubric.tsx';
import { MAX_CRITERIA } from './vocab.ts';

type C = Context<AppEnv>;

export function rubricPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;
  const showRubric = async (
    c: C,
    event: EventDetails,
    forms: RubricForms = {},
    status: 200 | 404 | 409 | 422 = 200,
  ) => {
    const [criteria, reviewers] = await Promise.all([criteriaOf(db, event.id), reviewersOf(db, event.id)]);
    return renderPage(
      c,
      { title: c.var.t('registration.rubricTitle'), noindex: true },
      <RubricView event={event} criteria={criteria} reviewers={reviewers} forms={forms} />,
      status,
    );
  };

  const loadCriterion = async (c: C) => {
    const loaded = await loadForManaging(db, c, c.req.param('slug') ?? '');
    const id = Number(c.req.param('id'));
    const criterion = (await criteriaOf(db, loaded.event.id)).find((x) => x.id === id);
    if (!criterion) throw new HttpError(404, 'error.404.message');
    return { ...loaded, criterion };
  };

  app.get('/events/:slug/registration/rubric', async (c) => {
    const { event } = await loadForManaging(db, c, c.req.param('slug'));
    return showRubric(c, event);
  });

  app.post('/events/:slug/registration/rubric', async (c) => {
    const { event } = await loadForManaging(db, c, c.req.param('slug'));
    const form = await readForm(c, criterionSchema);
    if (!form.ok) return showRubric(c, event, { add: form }, 422);
    if ((await criteriaOf(db, event.id)).length >= MAX_CRITERIA)
      return showRubric(
        c,
        event,
        { add: { values: form.values, errors: { _form: 'registration.tooManyCriteria' } } },
        422,
      );
    await db.transaction().execute(async (trx) => {
      await addCriterion(trx, event.id, form.data);
      await auditEvent(c, trx, event, 'event.rubric_changed', {
        what: 'criterion added',
        label: form.data.label,
      });
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${event.slug}/registration/rubric`, 303);
  });

  app.post('/events/:slug/registration/rubric/:id', async (c) => {
    const { event, criterion } = await loadCriterion(c);
    const form = await readForm(c, criterionSchema);
    if (!form.ok) return showRubric(c, event, { edit: { id: criterion.id, state: form } }, 422);
    const top = await highestScore(db, criterion.id);
    if (top !== null && form.data.max_score < top)
      return showRubric(
        c,
        event,
        {
          edit: {
            id: criterion.id,
            state: { values: form.values, errors: { max_score: 'registration.maxBelowScores' } },
          },
        },
        409,
      );
    await db.transaction().execute(async (trx) => {
      await updateCriterion(trx, criterion.id, form.data);
      await auditEvent(c, trx, event, 'event.rubric_changed', {
        what: 'criterion changed',
        criterion: criterion.id,
      });
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${event.slug}/registration/rubric`, 303);
  });

  app.post('/events/:slug/registration/rubric/:id/delete', async (c) => {
    const { event, criterion } = await loadCriterion(c);
    // Reviewers' scores on it would go with it: a scored criterion stays.
    if ((await highestScore(db, criterion.id)) !== null)
      return showRubric(
        c,
        event,
        {
          edit: {
            id: criterion.id,
            state: {
              values: { label: criterion.label, max_score: String(criterion.max_score) },
              errors: { _form: 'registration.criterionScored' },
            },
          },
        },
        409,
      );
    await db.transaction().execute(async (trx) => {
      await deleteCriterion(trx, criterion.id);
      await auditEvent(c, trx, event, 'event.rubric_changed', {
        what: 'criterion deleted',
        label: criterion.label,
      });
    });
    setFlash(c, 'events.removed');
    return c.redirect(`/events/${event.slug}/registration/rubric`, 303);
  });

  app.post('/events/:slug/registration/reviewers', async (c) => {
    const { user, event } = await loadForManaging(db, c, c.req.param('slug'));
    const form = await readForm(c, reviewerSchema);
    if (!form.ok) return showRubric(c, event, { reviewer: form }, 422);
    const account = await findUserByEmail(db, form.data.email);
    if (!account || account.disabled_at)
      return showRubric(
        c,
        event,
        { reviewer: { values: form.values, errors: { email: 'registration.noSuchAccount' } } },
        422,
      );
    await db.transaction().execute(async (trx) => {
      if (await addReviewer(trx, event.id, account.id, user.id))
        await auditEvent(c, trx, event, 'event.reviewer_added', { reviewer: account.id });
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${event.slug}/registration/rubric#reviewers`, 303);
  });

  app.post('/events/:slug/registration/reviewers/:userId/delete', async (c) => {
    const { event } = await loadForManaging(db, c, c.req.param('slug'));
    const reviewerId = Number(c.req.param('userId'));
    await db.transaction().execute(async (trx) => {
      await removeReviewer(trx, event.id, reviewerId);
      await auditEvent(c, trx, event, 'event.reviewer_removed', { reviewer: reviewerId });
    });
    setFlash(c, 'events.removed');
    return c.redirect(`/events/${event.slug}/registration/rubric#reviewers`, 303);
  });

  return app;
}
