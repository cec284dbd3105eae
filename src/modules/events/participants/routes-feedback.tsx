// Feedback: the participants' form (one response each), the organisers' questions (the platform's
// questionnaire builder, framed by the event), and the summary of the answers. A response of the
// wrong type comes back with the message next to the question and everything kept; a second
// response is refused (409). The writes are actions (actions/feedback.ts and the builder's).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { actionContext } from '../../../platform/actions.ts';
import { requireUser } from '../../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { attemptWrite, readForm } from '../../../platform/http/forms.ts';
import { builderPages, hasResponded } from '../../../platform/questionnaires/index.ts';
import { todayIn } from '../../../platform/time.ts';
import type { FormState } from '../../../ui/components/form.tsx';
import { renderPage } from '../../../ui/render.tsx';
import type { EventDetails } from '../access.ts';
import { loadEvent, loadManagedEvent, participantOf, refuse } from './access.ts';
import { sendFeedback } from './actions/feedback.ts';
import { outcomesOf } from './after.ts';
import { feedbackForm, feedbackOwner, feedbackSummary, questionsOf } from './feedback.ts';
import { canSeeFeedbackSummary, feedbackIsOpen } from './permissions.ts';
import { FeedbackFormView, FeedbackSummaryPage, QuestionsFrame } from './views/feedback.tsx';

type C = Context<AppEnv>;

/** Any form: the answers' fields are checked by the questionnaire's own schema. */
const anyForm = z.record(z.string(), z.unknown());

export function feedbackPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  const formPage = async (c: C, event: EventDetails, state: FormState, answered: boolean, status = 200) =>
    renderPage(
      c,
      { title: c.var.t('participants.feedbackTitle'), noindex: true },
      <FeedbackFormView
        event={event}
        questions={await questionsOf(db, event.id)}
        state={state}
        answered={answered}
        open={feedbackIsOpen(event, todayIn(event.time_zone))}
      />,
      status as 200 | 409 | 422,
    );

  app.get('/events/:slug/feedback', async (c) => {
    const user = requireUser(c);
    const { event, manage } = await loadEvent(db, c, c.req.param('slug'));
    const me = await participantOf(db, event.id, user.id);
    // Only people on the roster answer; the organisers go to their questions.
    if (!me) {
      if (manage) return c.redirect(`/events/${event.slug}/feedback/questions`, 303);
      throw new HttpError(403, 'participants.notParticipant');
    }
    return formPage(c, event, {}, await hasResponded(db, feedbackForm(event.id), me.id));
  });

  app.post('/events/:slug/feedback', async (c) => {
    requireUser(c);
    const { event } = await loadEvent(db, c, c.req.param('slug'));
    const { values } = await readForm(c, anyForm);
    const done = await attemptWrite(() => sendFeedback(actionContext(c), event, values));
    if (!done.ok)
      return formPage(c, event, { values, errors: done.errors }, done.status === 409, done.status);
    setFlash(c, 'participants.feedbackThanks');
    return c.redirect(`/events/${event.slug}`, 303);
  });

  app.route(
    '/',
    builderPages({
      path: '/events/:slug/feedback/questions',
      load: async (c) => {
        const { event, organiser } = await loadManagedEvent(db, c, c.req.param('slug') ?? '');
        return {
          owner: feedbackOwner(event, organiser),
          base: `/events/${event.slug}/feedback/questions`,
          title: c.var.t('participants.questionsTitle'),
          Frame: (props) => <QuestionsFrame event={event} {...props} />,
        };
      },
    }),
  );

  app.get('/events/:slug/feedback/summary', async (c) => {
    const { event, user, organiser } = await loadEvent(db, c, c.req.param('slug'));
    const { feedbackPublic } = await outcomesOf(db, event.id);
    if (!canSeeFeedbackSummary(user, event, organiser, feedbackPublic)) refuse(c);
    const summary = await feedbackSummary(db, event.id, await questionsOf(db, event.id));
    return renderPage(
      c,
      { title: c.var.t('participants.feedbackSummary'), noindex: true },
      <FeedbackSummaryPage event={event} summary={summary} />,
    );
  });

  return app;
}
