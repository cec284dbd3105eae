// Feedback: the participants' form (one response each), the organisers' questions, and the summary
// of the answers. A response of the wrong type comes back with the message next to the question and
// everything kept; a second response is refused (409) — also when two arrive at the same moment,
// by the unique participant of event_feedback_responses.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isUniqueViolation } from '../../../db/dialect.ts';
import { auditOrigin, recordAudit } from '../../../platform/audit.ts';
import { requireUser } from '../../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { readForm, validateForm } from '../../../platform/http/forms.ts';
import { todayIn } from '../../../platform/time.ts';
import type { FormState } from '../../../ui/components/form.tsx';
import { renderPage } from '../../../ui/render.tsx';
import type { EventDetails } from '../access.ts';
import { idParam, loadEvent, loadManagedEvent, participantOf, refuse } from './access.ts';
import { outcomesOf } from './after.ts';
import {
  addQuestion,
  deleteQuestion,
  feedbackSummary,
  hasResponded,
  questionsOf,
  saveResponse,
} from './feedback.ts';
import { canSeeFeedbackSummary, feedbackIsOpen } from './permissions.ts';
import { answersSchema, questionSchema } from './schemas.ts';
import { FeedbackFormView, FeedbackSummaryPage, QuestionsView } from './views-feedback.tsx';
import { MAX_QUESTIONS } from './vocab.ts';

type C = Context<AppEnv>;

export function feedbackPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  const formPage = async (
    c: C,
    event: EventDetails,
    state: FormState,
    answered: boolean,
    status: 200 | 409 | 422 = 200,
  ) =>
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
      status,
    );

  /** The reader's row of the roster: only people on it answer. Organisers go to their questions. */
  const respondent = async (c: C) => {
    const user = requireUser(c);
    const loaded = await loadEvent(db, c, c.req.param('slug') ?? '');
    const me = await participantOf(db, loaded.event.id, user.id);
    return { ...loaded, me };
  };

  app.get('/events/:slug/feedback', async (c) => {
    const { event, me, manage } = await respondent(c);
    if (!me) {
      if (manage) return c.redirect(`/events/${event.slug}/feedback/questions`, 303);
      throw new HttpError(403, 'participants.notParticipant');
    }
    return formPage(c, event, {}, await hasResponded(db, me.id));
  });

  app.post('/events/:slug/feedback', async (c) => {
    const { event, me } = await respondent(c);
    if (!me) throw new HttpError(403, 'participants.notParticipant');
    if (!feedbackIsOpen(event, todayIn(event.time_zone)))
      throw new HttpError(403, 'participants.feedbackNotOpen');
    if (await hasResponded(db, me.id))
      return formPage(c, event, { errors: { _form: 'participants.alreadyAnswered' } }, true, 409);
    const questions = await questionsOf(db, event.id);
    const body = await c.req.parseBody({ all: true });
    const values = Object.fromEntries(
      Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' && k !== '_csrf' ? [[k, v]] : [])),
    );
    const form = validateForm(answersSchema(questions), values);
    if (!form.ok) return formPage(c, event, form, false, 422);
    try {
      await db.transaction().execute(async (trx) => {
        await saveResponse(trx, event.id, me.id, form.data);
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'event.feedback_sent',
          subjectType: 'event',
          subjectId: event.id,
          details: { answers: form.data.size },
        });
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return formPage(c, event, { errors: { _form: 'participants.alreadyAnswered' } }, true, 409);
    }
    setFlash(c, 'participants.feedbackThanks');
    return c.redirect(`/events/${event.slug}`, 303);
  });

  const questionsPage = async (c: C, event: EventDetails, state: FormState, status: 200 | 422 = 200) =>
    renderPage(
      c,
      { title: c.var.t('participants.questionsTitle'), noindex: true },
      <QuestionsView event={event} questions={await questionsOf(db, event.id)} state={state} />,
      status,
    );

  app.get('/events/:slug/feedback/questions', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    return questionsPage(c, event, {});
  });

  app.post('/events/:slug/feedback/questions', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const form = await readForm(c, questionSchema);
    if (!form.ok) return questionsPage(c, event, form, 422);
    const existing = await questionsOf(db, event.id);
    if (existing.length >= MAX_QUESTIONS)
      return questionsPage(c, event, { values: form.values, errors: { label: 'participants.tooMany' } }, 422);
    await db.transaction().execute(async (trx) => {
      const q = await addQuestion(trx, event.id, form.data, existing.length);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'event.feedback_question_added',
        subjectType: 'event',
        subjectId: event.id,
        details: { question: q.id, kind: form.data.kind },
      });
    });
    setFlash(c, 'participants.saved');
    return c.redirect(`/events/${event.slug}/feedback/questions`, 303);
  });

  app.post('/events/:slug/feedback/questions/:id/delete', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const id = idParam(c.req.param('id'));
    const removed = await db.transaction().execute(async (trx) => {
      const done = await deleteQuestion(trx, event.id, id);
      if (done)
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'event.feedback_question_deleted',
          subjectType: 'event',
          subjectId: event.id,
          details: { question: id },
        });
      return done;
    });
    if (!removed) throw new HttpError(404, 'error.404.message');
    setFlash(c, 'participants.removed');
    return c.redirect(`/events/${event.slug}/feedback/questions`, 303);
  });

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
