// /api/v1/events/{slug}/applications (the event's reviewers: list with the balance, read, decide)
// and /api/v1/me/applications (the applicant: list, read, withdraw) — the pages' rules through the
// same loaders, permissions and actions, in the OpenAPI document under "Applications".
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actionContext } from '../../../platform/actions.ts';
import { apiRouter, jsonBody, jsonResponse, problemsOf } from '../../../platform/api.ts';
import {
  forSignedIn,
  forSignedInWithJson,
  listFilters,
  pagedQuery,
  slugParam,
} from '../../../platform/api-routes.ts';
import { requireUser } from '../../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { found, HttpError } from '../../../platform/http/errors.ts';
import { questionsOf } from '../../../platform/questionnaires/index.ts';
import { getEventById } from '../access.ts';
import { getSettings, loadForReviewing } from './access.ts';
import { withdrawApplication } from './actions/apply.ts';
import { decideApplication } from './actions/review.ts';
import { ApplicationSchema, BalanceSchema, toJson } from './api-json.ts';
import { applicationById, applicationsOfUser, registrationById } from './applications.ts';
import { applicationForm } from './form.ts';
import { applicationListing } from './listing.ts';
import { balanceOf, reviewsOf } from './reviews.ts';
import { applicationFilterSchema, decisionSchema } from './schemas.ts';
import { REGISTRATION_STATUSES } from './vocab.ts';

type C = Context<AppEnv>;

const idParams = slugParam().extend({ id: z.coerce.number().int().positive() });
/** Every route here is about applications, for someone signed in. */
const ABOUT = { tags: ['Applications'], ...forSignedIn };
const reviewerProblems = problemsOf(401, 403, 404);

const listRoute = createRoute({
  method: 'get',
  path: '/events/{slug}/applications',
  ...ABOUT,
  summary: 'The applications of an event (its organisers and reviewers), with the balance of the selection',
  request: {
    params: slugParam(),
    query: pagedQuery(listFilters(applicationFilterSchema, { status: null, sort: null }), 25),
  },
  responses: {
    200: jsonResponse(
      z.object({
        total: z.number().int(),
        page: z.number().int(),
        balance: BalanceSchema,
        items: z.array(ApplicationSchema),
      }),
      'A page of applications',
    ),
    ...reviewerProblems,
  },
});
const readRoute = createRoute({
  method: 'get',
  path: '/events/{slug}/applications/{id}',
  ...ABOUT,
  summary: 'One application with its answers and reviews (the event’s organisers and reviewers)',
  request: { params: idParams },
  responses: { 200: jsonResponse(ApplicationSchema, 'The application'), ...reviewerProblems },
});
const decideRoute = createRoute({
  method: 'post',
  path: '/events/{slug}/applications/{id}/decision',
  ...ABOUT,
  summary: 'Record a decision: accepted, waitlisted or declined (the applicant is mailed)',
  ...forSignedInWithJson,
  request: {
    params: idParams,
    body: jsonBody(decisionSchema.openapi('Decision')),
  },
  responses: {
    200: jsonResponse(ApplicationSchema, 'The application as decided'),
    ...reviewerProblems,
    ...problemsOf(409, 415, 422),
  },
});
const mineRoute = createRoute({
  method: 'get',
  path: '/me/applications',
  ...ABOUT,
  summary: 'The signed-in account’s registrations and applications',
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(
          z.object({
            id: z.number().int(),
            event: z.object({
              slug: z.string(),
              title: z.string(),
              startsOn: z.string(),
              endsOn: z.string(),
            }),
            status: z.enum(REGISTRATION_STATUSES),
            submittedAt: z.string().nullable(),
            decidedAt: z.string().nullable(),
            url: z.string(),
          }),
        ),
      }),
      'The account’s applications, latest events first',
    ),
    ...problemsOf(401),
  },
});
const ownParams = z.object({ id: z.coerce.number().int().positive() });
const ownRoute = createRoute({
  method: 'get',
  path: '/me/applications/{id}',
  ...ABOUT,
  summary: 'One of the signed-in account’s applications',
  request: { params: ownParams },
  responses: { 200: jsonResponse(ApplicationSchema, 'The application'), ...problemsOf(401, 404) },
});
const withdrawRoute = createRoute({
  method: 'post',
  path: '/me/applications/{id}/withdraw',
  ...ABOUT,
  summary: 'Withdraw one of the signed-in account’s applications (until the event starts)',
  request: { params: ownParams },
  responses: {
    200: jsonResponse(ApplicationSchema, 'The withdrawn application'),
    ...problemsOf(401, 404, 409),
  },
});

export function registrationApi(deps: AppDeps) {
  const { db, config } = deps;
  const questions = (eventId: number) => questionsOf(db, applicationForm(eventId));

  /** An application of the signed-in account, with its event; 404 for anyone else's. */
  const ownApplication = async (c: C, id: number) => {
    const user = requireUser(c);
    const row = await registrationById(db, id);
    const event = row && row.user_id === user.id ? await getEventById(db, row.event_id) : undefined;
    const application = event && (await applicationById(db, event.id, id));
    if (!event || !application) throw new HttpError(404, 'error.404.message');
    return { user, event, application };
  };

  /** An application of the event for its reviewers (drafts are not theirs to see), as JSON. */
  const reviewedJson = async (event: { id: number; slug: string }, id: number) => {
    const application = await applicationById(db, event.id, id);
    if (!application || application.status === 'draft') throw new HttpError(404, 'error.404.message');
    const [form, reviews] = await Promise.all([questions(event.id), reviewsOf(db, [id])]);
    return {
      application,
      json: toJson(application, form, config.baseUrl, event.slug, reviews.get(id) ?? []),
    };
  };

  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { event, settings } = await loadForReviewing(c, c.req.valid('param').slug);
      const { pageSize, ...query } = c.req.valid('query');
      const filter = applicationFilterSchema.parse(query);
      const [{ rows, total }, form, balance] = await Promise.all([
        applicationListing(db, event.id, filter, pageSize),
        questions(event.id),
        balanceOf(db, event.id, settings.capacity),
      ]);
      const reviews = await reviewsOf(
        db,
        rows.map((r) => r.application.id),
      );
      const label = new Map(settings.categories.map((x) => [String(x.id), x.label]));
      return c.json(
        {
          total,
          page: filter.page,
          balance: {
            ...balance,
            byCategory: balance.byCategory.map((r) => ({
              ...r,
              label: r.key ? (label.get(r.key) ?? null) : null,
            })),
          },
          items: rows.map((r) =>
            toJson(r.application, form, config.baseUrl, event.slug, reviews.get(r.application.id) ?? []),
          ),
        },
        200,
      );
    })
    .openapi(readRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      const { event } = await loadForReviewing(c, slug);
      return c.json((await reviewedJson(event, id)).json, 200);
    })
    .openapi(decideRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      const reviewing = await loadForReviewing(c, slug);
      const { application } = await reviewedJson(reviewing.event, id);
      await decideApplication(actionContext(c), reviewing, application, c.req.valid('json').decision);
      return c.json((await reviewedJson(reviewing.event, id)).json, 200);
    })
    .openapi(mineRoute, async (c) => {
      const user = requireUser(c);
      const list = await applicationsOfUser(db, user);
      return c.json(
        {
          items: list.map((a) => ({
            id: a.id,
            event: {
              slug: a.event.slug,
              title: a.event.title,
              startsOn: a.event.starts_on,
              endsOn: a.event.ends_on,
            },
            status: a.status,
            submittedAt: a.submitted_at,
            decidedAt: a.decided_at,
            url: `${config.baseUrl}/events/${a.event.slug}/application`,
          })),
        },
        200,
      );
    })
    .openapi(ownRoute, async (c) => {
      const { event, application } = await ownApplication(c, c.req.valid('param').id);
      return c.json(toJson(application, await questions(event.id), config.baseUrl, event.slug), 200);
    })
    .openapi(withdrawRoute, async (c) => {
      const { event, application } = await ownApplication(c, c.req.valid('param').id);
      const settings = await getSettings(db, event.id);
      if (!settings) throw new HttpError(409, 'registration.cannotWithdraw');
      await withdrawApplication(actionContext(c), event, settings, application);
      const updated = found(await applicationById(db, event.id, application.id));
      return c.json(toJson(updated, await questions(event.id), config.baseUrl, event.slug), 200);
    });
}
