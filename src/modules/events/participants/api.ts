// /api/v1/events/{slug}/participants, …/checkins/{date} and …/report: the roster, check-in and key
// figures through the API, with the pages' schemas, loaders and actions (so the same permissions,
// validation and audit; tag "Event participants" in the OpenAPI document). The feedback's routes
// are in feedback-api.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { actionContext } from '../../../platform/actions.ts';
import {
  anyoneOrSignedIn,
  apiRouter,
  jsonBody,
  jsonResponse,
  listPage,
  problemsOf,
} from '../../../platform/api.ts';
import {
  forSignedIn,
  forSignedInWithJson,
  patchedInput,
  recordRoutes,
  slugParam,
} from '../../../platform/api-routes.ts';
import type { AppDeps } from '../../../platform/context.ts';
import { linksOf, loadEvent, loadManagedEvent, loadRosterRow, type RosterRow, refuse } from './access.ts';
import { addParticipant, removeParticipant, setAttendance, updateParticipant } from './actions/roster.ts';
import { keyFigures } from './figures.ts';
import { listRoster } from './listing.ts';
import { canSeeFigures } from './permissions.ts';
import { checkinBodySchema, inputOf, participantInput } from './schemas.ts';

const TAG = 'Event participants';

const ParticipantSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: z.enum(['participant', 'observer']),
    organisation: z.string().nullable().openapi({ description: 'Slug of the directory organisation' }),
    organisationName: z.string().nullable(),
    organisationKind: z.string().nullable(),
    country: z.string().nullable(),
    categoryId: z.number().int().nullable(),
    category: z.string().nullable(),
    gender: z.string().nullable().openapi({ description: 'woman, man, another; null when not stated' }),
    networkingConsent: z.boolean(),
    person: z
      .string()
      .nullable()
      .openapi({ description: 'Slug of the published profile under /directory/people' }),
    fromApplication: z.boolean(),
    daysPresent: z.number().int(),
  })
  .openapi('EventParticipant');

/** The body of POST: the roster form's own schema (PATCH takes any part of it). */
const ParticipantInputDoc = participantInput.openapi('EventParticipantInput');

const FiguresSchema = z
  .object({
    participants: z.number().int(),
    observers: z.number().int(),
    countries: z.array(z.object({ country: z.string(), participants: z.number().int() })),
    countryUnknown: z.number().int(),
    gender: z.object({
      woman: z.number().int(),
      man: z.number().int(),
      another: z.number().int(),
      unstated: z.number().int(),
    }),
    womenShare: z
      .number()
      .nullable()
      .openapi({ description: 'Women among the participants who stated a gender (0–1)' }),
    categories: z.array(
      z.object({ id: z.number().int(), label: z.string(), participants: z.number().int() }),
    ),
    organisationKinds: z.array(z.object({ kind: z.string(), participants: z.number().int() })),
    attendance: z.array(
      z.object({ date: z.string(), participants: z.number().int(), observers: z.number().int() }),
    ),
  })
  .openapi('EventKeyFigures');

/** The event's `{slug}`. */
const eventParam = slugParam();
const participants = recordRoutes({
  path: '/events/{slug}/participants',
  tags: [TAG],
  parent: eventParam,
  params: eventParam.extend({ id: z.coerce.number().int().min(1) }),
  record: ParticipantSchema,
});
const organiserProblems = problemsOf(401, 403, 404, 422);

function participantJson(r: RosterRow) {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    organisation: r.organisationSlug,
    organisationName: r.organisation_name,
    organisationKind: r.organisation_kind,
    country: r.country,
    categoryId: r.category_id,
    category: r.category,
    gender: r.gender,
    networkingConsent: r.networking_consent === 1,
    person: r.personSlug,
    fromApplication: r.registration_id !== null,
    daysPresent: r.daysPresent,
  };
}

const routes = {
  list: createRoute({
    method: 'get',
    path: '/events/{slug}/participants',
    tags: [TAG],
    summary: 'The roster (the event’s organisers), gender per person included',
    ...forSignedIn,
    request: {
      params: eventParam,
      query: z.object({
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    responses: {
      200: jsonResponse(listPage(ParticipantSchema), 'A page of the roster'),
      ...organiserProblems,
    },
  }),
  add: participants.create('Add a participant who did not apply through the platform (organisers)', {
    body: ParticipantInputDoc,
    response: 'The new row',
  }),
  update: participants.update(
    'Change a participant the organisers entered (an accepted application is changed through it: 409)',
    { body: participantInput.partial(), response: 'The row', also: [409] },
  ),
  remove: participants.delete('Remove a participant the organisers entered', {
    response: 'Removed',
    also: [422, 409],
  }),
  checkin: createRoute({
    method: 'put',
    path: '/events/{slug}/checkins/{date}',
    tags: [TAG],
    summary: 'Who was there on one day of the event (organisers): exactly the participants listed',
    ...forSignedInWithJson,
    request: {
      params: eventParam.extend({ date: z.string().openapi({ example: '2024-09-10' }) }),
      body: jsonBody(checkinBodySchema),
    },
    responses: {
      200: jsonResponse(
        z.object({
          date: z.string(),
          present: z.number().int(),
          added: z.number().int(),
          removed: z.number().int(),
        }),
        'Saved',
      ),
      ...organiserProblems,
      ...problemsOf(415),
    },
  }),
  report: createRoute({
    method: 'get',
    path: '/events/{slug}/report',
    tags: [TAG],
    summary: 'The key figures from the roster (everyone once the event is held; its organisers before)',
    security: anyoneOrSignedIn,
    request: { params: eventParam },
    responses: { 200: jsonResponse(FiguresSchema, 'The figures'), ...problemsOf(401, 403, 404) },
  }),
};

export function participantsApi(deps: AppDeps) {
  const { db } = deps;
  const rowJson = async (eventId: number, id: number) =>
    participantJson(await loadRosterRow(db, eventId, id));

  return apiRouter()
    .openapi(routes.list, async (c) => {
      const { event } = await loadManagedEvent(db, c, c.req.valid('param').slug);
      const { page, pageSize } = c.req.valid('query');
      const { rows, total } = await listRoster(db, event.id, { page, pageSize });
      return c.json({ total, page, items: rows.map(participantJson) }, 200);
    })
    .openapi(routes.add, async (c) => {
      const loaded = await loadManagedEvent(db, c, c.req.valid('param').slug);
      const row = await addParticipant(actionContext(c), loaded, c.req.valid('json'));
      return c.json(await rowJson(loaded.event.id, row.id), 201);
    })
    .openapi(routes.update, async (c) => {
      const { slug, id } = c.req.valid('param');
      const loaded = await loadManagedEvent(db, c, slug);
      const row = await loadRosterRow(db, loaded.event.id, id);
      const input = await patchedInput(c, participantInput, inputOf(row, await linksOf(db, row)));
      await updateParticipant(actionContext(c), loaded, row, input);
      return c.json(await rowJson(loaded.event.id, row.id), 200);
    })
    .openapi(routes.remove, async (c) => {
      const { slug, id } = c.req.valid('param');
      const loaded = await loadManagedEvent(db, c, slug);
      await removeParticipant(actionContext(c), loaded, await loadRosterRow(db, loaded.event.id, id));
      return c.body(null, 204);
    })
    .openapi(routes.checkin, async (c) => {
      const { slug, date } = c.req.valid('param');
      const loaded = await loadManagedEvent(db, c, slug);
      const { present } = c.req.valid('json');
      const changed = await setAttendance(actionContext(c), loaded, date, present);
      return c.json({ date, present: new Set(present).size, ...changed }, 200);
    })
    .openapi(routes.report, async (c) => {
      const { event, user, organiser } = await loadEvent(db, c, c.req.valid('param').slug);
      if (!canSeeFigures(user, event, organiser)) refuse(c);
      const f = await keyFigures(db, event.id);
      return c.json(
        {
          participants: f.participants,
          observers: f.observers,
          countries: f.countries.map((x) => ({ country: x.key, participants: x.count })),
          countryUnknown: f.countryUnknown,
          gender: f.gender,
          womenShare: f.womenShare,
          categories: f.categories.map((x) => ({ id: x.id, label: x.label, participants: x.count })),
          organisationKinds: f.kinds.map((x) => ({ kind: x.key, participants: x.count })),
          attendance: f.attendance,
        },
        200,
      );
    });
}
