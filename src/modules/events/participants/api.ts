// /api/v1/events/{slug}/participants, …/checkins/{date}, …/report and …/feedback: the roster,
// check-in, key figures and feedback through the API, with the same schemas, permissions and
// stores as the pages (tag "Event participants" in the OpenAPI document).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiRouter, problems, requireJson, requireSignedIn, signedIn } from '../../../platform/api.ts';
import { auditOrigin, recordAudit } from '../../../platform/audit.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { type FieldErrors, fieldErrors } from '../../../platform/http/forms.ts';
import { withinEvent } from '../agenda.ts';
import { keyFigures } from './figures.ts';
import { loadEvent, loadManagedEvent, refuse } from './load.ts';
import { canSeeFigures } from './permissions.ts';
import {
  addParticipant,
  listRoster,
  type RosterRow,
  removeParticipant,
  resolveParticipant,
  rosterRow,
  setCheckins,
  strangers,
  updateParticipant,
} from './roster.ts';
import { checkinBodySchema, eventDate, participantInputSchema } from './schemas.ts';

type C = Context<AppEnv>;
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

const ParticipantInputDoc = z
  .object({
    name: z.string(),
    role: z.enum(['participant', 'observer']).optional(),
    organisation: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'Slug of a directory organisation' }),
    organisation_name: z.string().nullable().optional(),
    organisation_kind: z.string().nullable().optional(),
    country: z.string().nullable().optional().openapi({ example: 'LA' }),
    category_id: z.number().int().nullable().optional(),
    gender: z.enum(['woman', 'man', 'another']).nullable().optional(),
    networking_consent: z.boolean().optional(),
    account: z.string().nullable().optional().openapi({ description: 'Email of the participant’s account' }),
    person: z.string().nullable().optional().openapi({ description: 'Slug of a people profile' }),
  })
  .openapi('EventParticipantInput');

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

const slugParam = z.object({ slug: z.string().max(120) });
const idParams = slugParam.extend({ id: z.coerce.number().int().min(1) });
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: z.ZodType) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});
const writeProblems = { 401: problems[401], 403: problems[403], 404: problems[404], 422: problems[422] };

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

const invalid = (errors: FieldErrors) =>
  new HttpError(422, 'error.422.message', undefined, undefined, errors);

async function jsonObject(c: C): Promise<Record<string, unknown>> {
  const value: unknown = await c.req.json().catch(() => undefined);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid({ _form: 'form.invalid' });
  return value as Record<string, unknown>;
}

const routes = {
  list: createRoute({
    method: 'get',
    path: '/events/{slug}/participants',
    tags: [TAG],
    summary: 'The roster (the event’s organisers), gender per person included',
    security: signedIn,
    middleware: [requireSignedIn] as const,
    request: {
      params: slugParam,
      query: z.object({
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(500).default(100),
      }),
    },
    responses: {
      200: json(
        z.object({ total: z.number().int(), page: z.number().int(), items: z.array(ParticipantSchema) }),
        'A page of the roster',
      ),
      ...writeProblems,
    },
  }),
  add: createRoute({
    method: 'post',
    path: '/events/{slug}/participants',
    tags: [TAG],
    summary: 'Add a participant who did not apply through the platform (organisers)',
    security: signedIn,
    middleware: [requireSignedIn, requireJson] as const,
    request: { params: slugParam, ...body(ParticipantInputDoc) },
    responses: { 201: json(ParticipantSchema, 'The new row'), ...writeProblems, 415: problems[415] },
  }),
  update: createRoute({
    method: 'patch',
    path: '/events/{slug}/participants/{id}',
    tags: [TAG],
    summary:
      'Change a participant the organisers entered (an accepted application is changed through it: 409)',
    security: signedIn,
    middleware: [requireSignedIn, requireJson] as const,
    request: { params: idParams, ...body(ParticipantInputDoc.partial()) },
    responses: {
      200: json(ParticipantSchema, 'The row'),
      ...writeProblems,
      409: problems[409],
      415: problems[415],
    },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/events/{slug}/participants/{id}',
    tags: [TAG],
    summary: 'Remove a participant the organisers entered',
    security: signedIn,
    middleware: [requireSignedIn] as const,
    request: { params: idParams },
    responses: { 204: { description: 'Removed' }, ...writeProblems, 409: problems[409] },
  }),
  checkin: createRoute({
    method: 'put',
    path: '/events/{slug}/checkins/{date}',
    tags: [TAG],
    summary: 'Who was there on one day of the event (organisers): exactly the participants listed',
    security: signedIn,
    middleware: [requireSignedIn, requireJson] as const,
    request: {
      params: slugParam.extend({ date: z.string().openapi({ example: '2024-09-10' }) }),
      ...body(checkinBodySchema),
    },
    responses: {
      200: json(
        z.object({
          date: z.string(),
          present: z.number().int(),
          added: z.number().int(),
          removed: z.number().int(),
        }),
        'Saved',
      ),
      ...writeProblems,
      415: problems[415],
    },
  }),
  report: createRoute({
    method: 'get',
    path: '/events/{slug}/report',
    tags: [TAG],
    summary: 'The key figures from the roster (everyone once the event is held; its organisers before)',
    request: { params: slugParam },
    responses: {
      200: json(FiguresSchema, 'The figures'),
      401: problems[401],
      403: problems[403],
      404: problems[404],
    },
  }),
};

export function participantsApi(deps: AppDeps) {
  const { db } = deps;

  /** The body checked by the form's schema, then its references. */
  const readParticipant = async (eventId: number, value: unknown, exceptId?: number) => {
    const parsed = participantInputSchema.safeParse(value);
    if (!parsed.success) throw invalid(fieldErrors(parsed.error.issues));
    const { values, errors } = await resolveParticipant(db, eventId, parsed.data, exceptId);
    if (Object.keys(errors).length) throw invalid(errors);
    return values;
  };

  const audit = (c: C, trx: typeof db, eventId: number, action: string, details: Record<string, unknown>) =>
    recordAudit(trx, {
      ...auditOrigin(c),
      action,
      subjectType: 'event',
      subjectId: eventId,
      details: { ...details, via: 'api' },
    });

  const ownRow = async (eventId: number, id: number) => {
    const row = await rosterRow(db, eventId, id);
    if (!row) throw new HttpError(404, 'error.404.message');
    if (row.registration_id !== null) throw new HttpError(409, 'participants.appliedNotice');
    return row;
  };

  return apiRouter()
    .openapi(routes.list, async (c) => {
      const { event } = await loadManagedEvent(db, c, c.req.valid('param').slug);
      const { page, pageSize } = c.req.valid('query');
      const { rows, total } = await listRoster(db, event.id, { page, pageSize });
      return c.json({ total, page, items: rows.map(participantJson) }, 200);
    })
    .openapi(routes.add, async (c) => {
      const { event } = await loadManagedEvent(db, c, c.req.valid('param').slug);
      const values = await readParticipant(event.id, await jsonObject(c));
      const added = await db.transaction().execute(async (trx) => {
        const row = await addParticipant(trx, event.id, values);
        await audit(c, trx, event.id, 'event.participant_added', { participant: row.id, role: row.role });
        return row;
      });
      return c.json(participantJson((await rosterRow(db, event.id, added.id))!), 201);
    })
    .openapi(routes.update, async (c) => {
      const { slug, id } = c.req.valid('param');
      const { event } = await loadManagedEvent(db, c, slug);
      const row = await ownRow(event.id, id);
      const current = {
        name: row.name,
        role: row.role,
        organisation: row.organisationSlug,
        organisation_name: row.organisation_name,
        organisation_kind: row.organisation_kind,
        country: row.country,
        category_id: row.category_id,
        gender: row.gender,
        networking_consent: row.networking_consent === 1,
        person: row.personSlug,
        account: row.user_id
          ? ((await db.selectFrom('users').select('email').where('id', '=', row.user_id).executeTakeFirst())
              ?.email ?? null)
          : null,
      };
      const values = await readParticipant(event.id, { ...current, ...(await jsonObject(c)) }, row.id);
      await db.transaction().execute(async (trx) => {
        const fields = await updateParticipant(trx, row, values);
        if (fields.length)
          await audit(c, trx, event.id, 'event.participant_updated', { participant: row.id, fields });
      });
      return c.json(participantJson((await rosterRow(db, event.id, row.id))!), 200);
    })
    .openapi(routes.remove, async (c) => {
      const { slug, id } = c.req.valid('param');
      const { event } = await loadManagedEvent(db, c, slug);
      const row = await ownRow(event.id, id);
      await db.transaction().execute(async (trx) => {
        await audit(c, trx, event.id, 'event.participant_removed', { participant: row.id, role: row.role });
        await removeParticipant(trx, row.id);
      });
      return c.body(null, 204);
    })
    .openapi(routes.checkin, async (c) => {
      const { slug, date } = c.req.valid('param');
      const { event, user } = await loadManagedEvent(db, c, slug);
      const day = eventDate.safeParse(date);
      if (!day.success || !withinEvent(event, day.data)) throw invalid({ date: 'participants.dayOutside' });
      const parsed = checkinBodySchema.safeParse(await jsonObject(c));
      if (!parsed.success) throw invalid(fieldErrors(parsed.error.issues));
      const present = parsed.data.present;
      if ((await strangers(db, event.id, present)).length)
        throw invalid({ present: 'participants.notOnRoster' });
      const everyone = (await listRoster(db, event.id)).rows.map((r) => r.id);
      const result = await db.transaction().execute(async (trx) => {
        const changed = await setCheckins(trx, event.id, day.data, everyone, present, user.id);
        if (changed.added + changed.removed)
          await audit(c, trx, event.id, 'event.checkin', { day: day.data, ...changed });
        return changed;
      });
      return c.json({ date: day.data, present: new Set(present).size, ...result }, 200);
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
