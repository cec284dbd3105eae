// The organisers' pages: the registration settings, the application form (the platform's
// questionnaire builder, framed by these pages), the rubric and the reviewers. Each reads its form,
// calls an action of actions/setup.ts (or the builder's), and shows the form again with every value
// and a message next to the field when it is refused.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actionContext } from '../../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { attemptWrite, readForm } from '../../../platform/http/forms.ts';
import { builderPages } from '../../../platform/questionnaires/index.ts';
import type { FormState } from '../../../ui/components/form.tsx';
import { renderPage } from '../../../ui/render.tsx';
import type { EventDetails } from '../access.ts';
import { acceptedCount, invitationsOf, loadForManaging } from './access.ts';
import {
  addCriterion,
  addReviewer,
  deleteCriterion,
  removeReviewer,
  saveRegistrationSettings,
  updateCriterion,
} from './actions/setup.ts';
import { applicationFormOwner } from './form.ts';
import { criteriaOf, reviewersOf } from './reviews.ts';
import { criterionSchema, reviewerSchema, settingsFormValues, settingsSchema } from './schemas.ts';
import { FormFrame } from './views/parts.tsx';
import { type RubricForms, RubricView } from './views/rubric.tsx';
import { SettingsView } from './views/settings.tsx';

type C = Context<AppEnv>;
const slugOf = (c: C) => c.req.param('slug') ?? '';

export function settingsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  const showSettings = async (c: C, event: EventDetails, state: FormState, status: 200 | 409 | 422 = 200) =>
    renderPage(
      c,
      { title: c.var.t('registration.settingsTitle'), noindex: true },
      <SettingsView event={event} state={state} accepted={await acceptedCount(db, event.id)} />,
      status,
    );

  app.get('/events/:slug/registration', async (c) => {
    const { event, settings } = await loadForManaging(c, slugOf(c));
    return showSettings(c, event, {
      values: settingsFormValues(event, settings, await invitationsOf(db, event.id)),
    });
  });

  app.post('/events/:slug/registration', async (c) => {
    const managing = await loadForManaging(c, slugOf(c));
    const { event } = managing;
    const accepted = await acceptedCount(db, event.id);
    const form = await readForm(c, settingsSchema({ timeZone: event.time_zone, now: new Date(), accepted }));
    if (!form.ok) return showSettings(c, event, form, 422);
    const done = await attemptWrite(
      () => saveRegistrationSettings(actionContext(c), managing, form.data),
      'categories',
    );
    if (!done.ok) return showSettings(c, event, { values: form.values, errors: done.errors }, done.status);
    setFlash(c, managing.settings ? 'form.saved' : 'registration.opened', { invited: done.value.invited });
    return c.redirect(`/events/${event.slug}/registration`, 303);
  });

  app.route(
    '/',
    builderPages({
      path: '/events/:slug/registration/form',
      load: async (c) => {
        const { event, organiser } = await loadForManaging(c, slugOf(c));
        return {
          owner: applicationFormOwner(event, organiser),
          base: `/events/${event.slug}/registration/form`,
          title: c.var.t('registration.formTitle'),
          Frame: (props) => <FormFrame event={event} {...props} />,
        };
      },
    }),
  );

  const showRubric = async (
    c: C,
    event: EventDetails,
    forms: RubricForms = {},
    status: 200 | 409 | 422 = 200,
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
    const managing = await loadForManaging(c, slugOf(c));
    const id = Number(c.req.param('id'));
    const criterion = (await criteriaOf(db, managing.event.id)).find((x) => x.id === id);
    if (!criterion) throw new HttpError(404, 'error.404.message');
    return { managing, criterion };
  };

  app.get('/events/:slug/registration/rubric', async (c) => {
    const { event } = await loadForManaging(c, slugOf(c));
    return showRubric(c, event);
  });

  app.post('/events/:slug/registration/rubric', async (c) => {
    const managing = await loadForManaging(c, slugOf(c));
    const form = await readForm(c, criterionSchema);
    if (!form.ok) return showRubric(c, managing.event, { add: form }, 422);
    const done = await attemptWrite(() => addCriterion(actionContext(c), managing, form.data));
    if (!done.ok)
      return showRubric(c, managing.event, { add: { values: form.values, errors: done.errors } }, 422);
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${managing.event.slug}/registration/rubric`, 303);
  });

  app.post('/events/:slug/registration/rubric/:id', async (c) => {
    const { managing, criterion } = await loadCriterion(c);
    const form = await readForm(c, criterionSchema);
    const edit = (state: FormState) => ({ edit: { id: criterion.id, state } });
    if (!form.ok) return showRubric(c, managing.event, edit(form), 422);
    const done = await attemptWrite(() => updateCriterion(actionContext(c), managing, criterion, form.data));
    if (!done.ok)
      return showRubric(c, managing.event, edit({ values: form.values, errors: done.errors }), done.status);
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${managing.event.slug}/registration/rubric`, 303);
  });

  app.post('/events/:slug/registration/rubric/:id/delete', async (c) => {
    const { managing, criterion } = await loadCriterion(c);
    const done = await attemptWrite(() => deleteCriterion(actionContext(c), managing, criterion));
    if (!done.ok) {
      const values = { label: criterion.label, max_score: String(criterion.max_score) };
      return showRubric(
        c,
        managing.event,
        { edit: { id: criterion.id, state: { values, errors: done.errors } } },
        done.status,
      );
    }
    setFlash(c, 'events.removed');
    return c.redirect(`/events/${managing.event.slug}/registration/rubric`, 303);
  });

  app.post('/events/:slug/registration/reviewers', async (c) => {
    const managing = await loadForManaging(c, slugOf(c));
    const form = await readForm(c, reviewerSchema);
    if (!form.ok) return showRubric(c, managing.event, { reviewer: form }, 422);
    const done = await attemptWrite(() => addReviewer(actionContext(c), managing, form.data.email));
    if (!done.ok)
      return showRubric(c, managing.event, { reviewer: { values: form.values, errors: done.errors } }, 422);
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${managing.event.slug}/registration/rubric#reviewers`, 303);
  });

  app.post('/events/:slug/registration/reviewers/:userId/delete', async (c) => {
    const managing = await loadForManaging(c, slugOf(c));
    await removeReviewer(actionContext(c), managing, Number(c.req.param('userId')));
    setFlash(c, 'events.removed');
    return c.redirect(`/events/${managing.event.slug}/registration/rubric#reviewers`, 303);
  });

  return app;
}
