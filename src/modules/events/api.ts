// /api/v1/events: the events through the API, with the page's filters, schema and actions (so the
// same permissions, validation and audit).
import { z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { actionContext, ensure } from '../../platform/actions.ts';
import { apiRouter, requireJson, requireSignedIn } from '../../platform/api.ts';
import { listFilters, pagedQuery, patchedInput, recordRoutes, slugParam } from '../../platform/api-routes.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { isoWithOffset, todayIn } from '../../platform/time.ts';
import {
  type EventDetails,
  type EventRow,
  getEventById,
  loadEditableEvent,
  loadVisibleEvent,
} from './access.ts';
import { createEvent, updateEvent } from './actions/events.ts';
import { type AgendaDay, getAgenda } from './agenda.ts';
import { listEvents } from './listing.ts';
import { canCreate } from './permissions.ts';
import { eventFilterSchema, eventInputSchema, eventObject, inputOf } from './schemas.ts';
import {
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  ITEM_KINDS,
  ITEM_ROLES,
  ORGANISATION_ROLES,
} from './vocab.ts';

const ItemSchema = z.object({
  id: z.number().int(),
  start: z.string().openapi({ example: '09:15', description: 'Local time in the event’s zone' }),
  end: z.string().nullable(),
  startsAt: z.string().openapi({ description: 'ISO 8601 with the zone’s offset' }),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  people: z.array(
    z.object({
      name: z.string(),
      affiliation: z.string().nullable(),
      role: z.enum(ITEM_ROLES),
      person: z.string().nullable().openapi({ description: 'Slug of the profile under /directory/people' }),
    }),
  ),
});

const EventSummary = z
  .object({
    slug: z.string(),
    url: z.string(),
    title: z.string(),
    lang: z.string(),
    type: z.enum(EVENT_TYPES),
    format: z.enum(EVENT_FORMATS),
    status: z.enum(EVENT_STATUSES),
    startsOn: z.string().openapi({ description: 'Local date in the event’s zone' }),
    endsOn: z.string(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    timeZone: z.string().openapi({ example: 'Asia/Ho_Chi_Minh' }),
    city: z.string().nullable(),
    country: z.string().nullable(),
  })
  .openapi('EventSummary');

const EventSchema = EventSummary.extend({
  description: z.string().openapi({ description: 'Markdown' }),
  translations: z.array(z.object({ lang: z.string(), title: z.string(), description: z.string() })),
  venue: z.object({ slug: z.string(), name: z.string() }).nullable(),
  venueName: z.string().nullable(),
  address: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  organisations: z.array(z.object({ slug: z.string(), name: z.string(), role: z.enum(ORGANISATION_ROLES) })),
  domains: z.array(z.string()),
  agenda: z.array(
    z.object({
      date: z.string(),
      title: z.string().nullable(),
      items: z.array(ItemSchema),
      sections: z.array(z.object({ id: z.number().int(), title: z.string(), items: z.array(ItemSchema) })),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('Event');

/** The body of POST: the form's own schema (PATCH takes any part of it). */
const EventInputDoc = eventInputSchema.openapi('EventInput');

function summary(event: EventRow, baseUrl: string): z.infer<typeof EventSummary> {
  return {
    slug: event.slug,
    url: `${baseUrl}/events/${event.slug}`,
    title: event.title,
    lang: event.lang,
    type: event.type,
    format: event.format,
    status: event.status,
    startsOn: event.starts_on,
    endsOn: event.ends_on,
    startTime: event.start_time,
    endTime: event.end_time,
    timeZone: event.time_zone,
    city: event.city,
    country: event.country,
  };
}

function toJson(event: EventDetails, agenda: AgendaDay[], baseUrl: string): z.infer<typeof EventSchema> {
  const items = (list: AgendaDay['items'], date: string) =>
    list.map((i) => ({
      id: i.id,
      start: i.start,
      end: i.end,
      startsAt: isoWithOffset(date, i.start, event.time_zone),
      title: i.title,
      kind: i.kind,
      people: i.people.map((p) => ({
        name: p.name,
        affiliation: p.affiliation,
        role: p.role,
        person: p.slug,
      })),
    }));
  return {
    ...summary(event, baseUrl),
    description: event.description,
    translations: event.translations,
    venue: event.venue?.published ? { slug: event.venue.slug, name: event.venue.name } : null,
    venueName: event.venue_name,
    address: event.address,
    onlineUrl: event.online_url,
    organisations: event.organisations
      .filter((o) => o.published)
      .map(({ slug, name, role }) => ({ slug, name, role })),
    domains: event.domains,
    agenda: agenda.map((d) => ({
      date: d.date,
      title: d.title,
      items: items(d.items, d.date),
      sections: d.sections.map((s) => ({ id: s.id, title: s.title, items: items(s.items, d.date) })),
    })),
    createdAt: event.created_at,
    updatedAt: event.updated_at,
  };
}

/** Only the editors create events: refused (403) before the body is read, as on the form. */
const mayCreate = createMiddleware<AppEnv>(async (c, next) => {
  ensure(actionContext(c), canCreate);
  await next();
});

const events = recordRoutes({
  path: '/events',
  tags: ['Events'],
  params: slugParam('policy-dialogue-on-creative-hubs-2016'),
  record: EventSchema,
});
const routes = {
  list: events.list('List events, with the filters of the events page', {
    query: pagedQuery(
      listFilters(eventFilterSchema, {
        when: 'upcoming (default) or past',
        country: null,
        type: null,
        domain: null,
        format: 'online (online and hybrid), in_person or hybrid',
      }),
      20,
    ),
    items: EventSummary,
    response: 'A page of events',
  }),
  read: events.read('One event with its agenda', { response: 'The event' }),
  create: events.create('Create an event (the hub’s editors)', {
    body: EventInputDoc,
    response: 'The new event',
    middleware: [requireSignedIn, requireJson, mayCreate],
  }),
  update: events.update('Change an event (the editors and the members of its organisers)', {
    body: eventObject.partial(),
    response: 'The changed event',
  }),
};

export function eventsApi(deps: AppDeps) {
  const { db, config } = deps;
  const withAgenda = async (id: number) => {
    const event = (await getEventById(db, id))!;
    return toJson(event, await getAgenda(db, event.id), config.baseUrl);
  };
  return apiRouter()
    .openapi(routes.list, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = eventFilterSchema.parse(query);
      const { cards, total } = await listEvents(db, filter, {
        viewer: c.var.auth?.user ?? null,
        locale: c.var.locale,
        today: todayIn(c.var.timeZone),
        pageSize,
      });
      return c.json({ total, page: filter.page, items: cards.map((e) => summary(e, config.baseUrl)) }, 200);
    })
    .openapi(routes.read, async (c) => {
      const { event } = await loadVisibleEvent(db, c.var.auth?.user ?? null, c.req.valid('param').slug);
      return c.json(toJson(event, await getAgenda(db, event.id), config.baseUrl), 200);
    })
    .openapi(routes.create, async (c) => {
      const created = await createEvent(actionContext(c), c.req.valid('json'));
      return c.json(await withAgenda(created.id), 201);
    })
    .openapi(routes.update, async (c) => {
      const { event } = await loadEditableEvent(db, c, c.req.valid('param').slug);
      const input = await patchedInput(c, eventInputSchema, inputOf(event));
      await updateEvent(actionContext(c), event, input);
      return c.json(await withAgenda(event.id), 200);
    });
}
