// /api/v1/events/{slug}/feedback: the summary of an event's feedback, and sending one's own, with
// the same questions, rules and checks as the feedback pages (tag "Event participants").
import { createRoute, z } from '@hono/zod-openapi';
import { actionContext } from '../../../platform/actions.ts';
import { anyoneOrSignedIn, apiRouter, jsonBody, jsonResponse, problemsOf } from '../../../platform/api.ts';
import { forSignedInWithJson, slugParam } from '../../../platform/api-routes.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { loadEvent, refuse } from './access.ts';
import { sendFeedback } from './actions/feedback.ts';
import { outcomesOf } from './after.ts';
import { API_KIND, FEEDBACK_NAMING, feedbackSummary, questionsOf } from './feedback.ts';
import { canSeeFeedbackSummary } from './permissions.ts';

const TAG = 'Event participants';

const FeedbackSummarySchema = z
  .object({
    responses: z.number().int(),
    questions: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(['rating', 'choice', 'text']),
        label: z.string(),
        answered: z.number().int(),
        average: z.number().nullable(),
        counts: z.array(z.object({ value: z.string(), count: z.number().int() })),
        texts: z.array(z.string()),
      }),
    ),
  })
  .openapi('EventFeedbackSummary');

/** The event's `{slug}`. */
const eventParam = slugParam();
/** The API's answers by question id, as the form's fields (q<id>): the schema and its messages name them so. */
const answerFields = (answers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(answers).map(([id, v]) => [`${FEEDBACK_NAMING.prefix}${id}`, v]));

const routes = {
  summary: createRoute({
    method: 'get',
    path: '/events/{slug}/feedback',
    tags: [TAG],
    summary: 'The summary of the feedback (organisers; everyone who sees the report when they chose so)',
    security: anyoneOrSignedIn,
    request: { params: eventParam },
    responses: { 200: jsonResponse(FeedbackSummarySchema, 'The summary'), ...problemsOf(401, 403, 404) },
  }),
  answer: createRoute({
    method: 'post',
    path: '/events/{slug}/feedback',
    tags: [TAG],
    summary: 'Send one’s feedback, once (the people on the roster, from the event’s last day)',
    ...forSignedInWithJson,
    request: {
      params: eventParam,
      body: jsonBody(
        z
          .object({
            answers: z.record(z.string(), z.unknown()).openapi({
              description:
                'By question id: a whole number 1–5 for a rating, one of the choices, or a text. A wrong value is refused with `errors.q<id>`.',
            }),
          })
          .openapi({ example: { answers: { '12': 4, '13': 'Yes', '14': 'More time for questions' } } }),
      ),
    },
    responses: { 201: { description: 'Saved' }, ...problemsOf(401, 403, 404, 409, 415, 422) },
  }),
};

export function feedbackApi(deps: AppDeps) {
  const { db } = deps;
  return apiRouter()
    .openapi(routes.summary, async (c) => {
      const { event, user, organiser } = await loadEvent(db, c, c.req.valid('param').slug);
      const { feedbackPublic } = await outcomesOf(db, event.id);
      if (!canSeeFeedbackSummary(user, event, organiser, feedbackPublic)) refuse(c);
      const summary = await feedbackSummary(db, event.id, await questionsOf(db, event.id));
      return c.json(
        {
          responses: summary.responses,
          questions: summary.questions.map(({ question, answered, average, counts, texts }) => ({
            id: question.id,
            kind: API_KIND[question.kind as keyof typeof API_KIND] ?? 'text',
            label: question.label,
            answered,
            average,
            counts,
            texts,
          })),
        },
        200,
      );
    })
    .openapi(routes.answer, async (c) => {
      const { event } = await loadEvent(db, c, c.req.valid('param').slug);
      const { answers } = c.req.valid('json');
      await sendFeedback(actionContext(c), event, answerFields(answers));
      return c.body(null, 201);
    });
}
