// The events pages: lists and calendar, iCal feeds, the event page, the form, and the agenda editor.
// Each handler reads its input through the schemas, asks permissions.ts, and writes through the
// stores inside one transaction (event, agenda, search index and audit log together).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { type FieldErrors, type FormValues, readForm } from '../../platform/http/forms.ts';
import { excerpt } from '../../platform/markdown.ts';
import { todayIn } from '../../platform/time.ts';
import { renderPage } from '../../ui/render.tsx';
import {
  checkReferences,
  daysOutside,
  type EventDetails,
  getEvent,
  isOrganiser,
  loadEditableEvent,
  loadVisibleEvent,
  resolveOrganisations,
} from './access.ts';
import { createEvent, deleteEvent, touchEvent, updateEvent } from './actions.ts';
import {
  addSection,
  allItems,
  deleteItem,
  deleteSection,
  getAgenda,
  itemOf,
  overlapping,
  peopleFromLines,
  peopleOfItem,
  resolvePeople,
  saveItem,
  savePasted,
  sectionOf,
  setDayTitle,
  withinEvent,
} from './agenda.ts';
import { itemCount, parseAgendaText } from './agenda-text.ts';
import { eventCalendar, ICAL_TYPE, itemCalendar, listCalendar } from './calendars.ts';
import { eventJsonLd } from './jsonld.ts';
import { eventsInMonth, feedEvents, listEvents, PAGE_SIZE } from './listing.ts';
import { eventPageSummary } from './participants/index.ts';
import { canCreate, canDelete, canEdit, canView } from './permissions.ts';
import { registrationBlock } from './registration/index.ts';
import {
  daySchema,
  type EventInput,
  eventFilterSchema,
  eventInputSchema,
  type ItemInput,
  itemSchema,
  monthSchema,
  pasteSchema,
  sectionSchema,
} from './schemas.ts';
import { AgendaEditorView, type AgendaForms, ItemForm } from './views-agenda.tsx';
import { EventView } from './views-event.tsx';
import { EventFormView, formValuesOf } from './views-form.tsx';
import { CalendarView, EventsListView } from './views-list.tsx';

type C = Context<AppEnv>;
type Db = Kysely<Database>;

export function eventsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  const countries = async () =>
    (
      await db
        .selectFrom('events')
        .select('country')
        .distinct()
        .where('status', '!=', 'draft')
        .where('country', 'is not', null)
        .execute()
    ).flatMap((r) => (r.country ? [r.country] : []));

  app.get('/events', async (c) => {
    const filter = eventFilterSchema.parse(c.req.query());
    const viewer = c.var.auth?.user ?? null;
    const [{ cards, total }, list] = await Promise.all([
      listEvents(db, filter, { viewer, locale: c.var.locale, today: todayIn(c.var.timeZone) }),
      countries(),
    ]);
    const t = c.var.t;
    return renderPage(
      c,
      {
        title: t(filter.when === 'past' ? 'events.pastTitle' : 'events.title'),
        description: t('events.intro'),
        path: '/events',
      },
      <EventsListView
        filter={filter}
        cards={cards}
        total={total}
        pageSize={PAGE_SIZE}
        countries={list}
        canCreate={canCreate(viewer)}
      />,
    );
  });

  app.get('/events/calendar', async (c) => {
    const { page: _page, when: _when, ...filter } = eventFilterSchema.parse(c.req.query());
    const month = monthSchema.parse(c.req.query('month')) ?? todayIn(c.var.timeZone).slice(0, 7);
    const [{ byDate }, list] = await Promise.all([
      eventsInMonth(db, month, filter, { viewer: c.var.auth?.user ?? null, locale: c.var.locale }),
      countries(),
    ]);
    return renderPage(
      c,
      {
        title: c.var.t('events.calendar'),
        description: c.var.t('events.intro'),
        path: `/events/calendar?month=${month}`,
      },
      <CalendarView month={month} filter={filter} byDate={byDate} countries={list} />,
    );
  });

  // The list's filters as a feed calendars subscribe to.
  app.get('/events.ics', async (c) => {
    const { page: _page, when: _when, ...filter } = eventFilterSchema.parse(c.req.query());
    const events = await feedEvents(db, filter, c.var.auth?.user ?? null);
    c.header('Cache-Control', c.var.auth ? 'private, no-store' : 'public, max-age=900');
    return c.body(
      listCalendar(`${config.siteName} · ${c.var.t('events.title')}`, events, config.baseUrl),
      200,
      {
        'Content-Type': ICAL_TYPE,
      },
    );
  });

  app.get('/events/new', async (c) => {
    const user = requireUser(c);
    if (!canCreate(user)) throw new HttpError(403, 'error.403.message');
    return renderPage(
      c,
      { title: c.var.t('events.create'), noindex: true },
      <EventFormView
        action="/events/new"
        state={{ values: { time_zone: c.var.timeZone, lang: c.var.locale, status: 'draft' } }}
      />,
    );
  });

  app.post('/events/new', async (c) => {
    const user = requireUser(c);
    if (!canCreate(user)) throw new HttpError(403, 'error.403.message');
    const form = await readForm(c, eventInputSchema);
    const show = (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t('events.create'), noindex: true },
        <EventFormView action="/events/new" state={{ values: form.values, errors }} />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { ids, errors } = await checkReferences(db, form.data);
    if (Object.keys(errors).length) return show(errors);
    const event = await db.transaction().execute(async (trx) => {
      const created = await createEvent(trx, form.data, { actor: user, organisationIds: ids });
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'event.created',
        subjectType: 'event',
        subjectId: created.id,
        details: { title: created.title, status: created.status },
      });
      return created;
    });
    setFlash(c, 'events.created');
    return c.redirect(`/events/${event.slug}`, 303);
  });

  app.get('/events/:slug', async (c) => {
    const param = c.req.param('slug');
    const user = c.var.auth?.user ?? null;
    if (param.endsWith('.ics')) {
      const { event } = await loadVisibleEvent(db, user, param.slice(0, -4));
      c.header('Cache-Control', event.status === 'draft' ? 'private, no-store' : 'public, max-age=900');
      return c.body(eventCalendar({ ...event, venueName: event.venue?.name ?? null }, config.baseUrl), 200, {
        'Content-Type': ICAL_TYPE,
      });
    }
    const { event, organiser } = await loadVisibleEvent(db, user, param);
    const agenda = await getAgenda(db, event.id);
    const readerZone = c.var.timeZone;
    return renderPage(
      c,
      {
        title: event.title,
        description: event.description ? excerpt(event.description, 200) : undefined,
        path: `/events/${event.slug}`,
        jsonLd: eventJsonLd(event, config.baseUrl),
        noindex: event.status === 'draft',
      },
      <EventView
        event={event}
        agenda={agenda}
        may={{ edit: canEdit(user, organiser), delete: canDelete(user) }}
        view={{ zone: event.time_zone, readerZone, inReaderZone: c.req.query('tz') === 'mine' }}
        participation={await eventPageSummary(db, event, user, organiser, c.var.locale)}
        registration={await registrationBlock(db, event, user, organiser)}
      />,
    );
  });

  app.get('/events/:slug/items/:file', async (c) => {
    const file = c.req.param('file');
    const id = Number(file.replace(/\.ics$/, ''));
    if (!file.endsWith('.ics') || !Number.isSafeInteger(id)) throw new HttpError(404, 'error.404.message');
    const { event } = await loadVisibleEvent(db, c.var.auth?.user ?? null, c.req.param('slug'));
    const item = allItems(await getAgenda(db, event.id)).find((i) => i.id === id);
    if (!item) throw new HttpError(404, 'error.404.message');
    return c.body(
      itemCalendar({ ...event, venueName: event.venue?.name ?? null }, item, config.baseUrl),
      200,
      {
        'Content-Type': ICAL_TYPE,
      },
    );
  });

  app.get('/events/:slug/edit', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    return renderPage(
      c,
      { title: c.var.t('events.editTitle', { title: event.title }), noindex: true },
      <EventFormView
        action={`/events/${event.slug}/edit`}
        state={{ values: formValuesOf(event) }}
        editing={event}
      />,
    );
  });

  app.post('/events/:slug/edit', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const form = await readForm(c, eventInputSchema);
    const show = (errors: FieldErrors) =>
      renderPage(
        c,
        { title: c.var.t('events.editTitle', { title: event.title }), noindex: true },
        <EventFormView
          action={`/events/${event.slug}/edit`}
          state={{ values: form.values, errors }}
          editing={event}
        />,
        422,
      );
    if (!form.ok) return show(form.errors);
    const { ids, errors } = await checkReferences(db, form.data, event.id);
    if (Object.keys(errors).length) return show(errors);
    await db.transaction().execute(async (trx) => {
      const changed = await updateEvent(trx, event, form.data, ids);
      if (changed.length)
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'event.updated',
          subjectType: 'event',
          subjectId: event.id,
          details: { fields: changed },
        });
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${event.slug}`, 303);
  });

  app.post('/events/:slug/delete', async (c) => {
    const user = requireUser(c);
    const { event } = await loadVisibleEvent(db, user, c.req.param('slug'));
    if (!canDelete(user)) throw new HttpError(403, 'error.403.message');
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'event.deleted',
        subjectType: 'event',
        subjectId: event.id,
        details: { title: event.title, slug: event.slug },
      });
      await deleteEvent(trx, event.id);
    });
    setFlash(c, 'events.deleted');
    return c.redirect('/events', 303);
  });

  app.route('/', agendaPages(deps));
  return app;
}

/** The item form's values for an existing item. */
async function itemValues(
  db: Db,
  item: {
    id: number;
    date: string;
    section_id: number | null;
    start_time: string;
    end_time: string | null;
    title: string;
    kind: string;
  },
): Promise<FormValues> {
  const people = await peopleOfItem(db, item.id);
  const lines = (role: string) =>
    people
      .filter((p) => p.role === role)
      .map((p) =>
        p.slug ? `/directory/people/${p.slug}` : [p.name, p.affiliation].filter(Boolean).join(', '),
      )
      .join('\n');
  return {
    date: item.date,
    section_id: item.section_id === null ? '' : String(item.section_id),
    start_time: item.start_time,
    end_time: item.end_time ?? '',
    title: item.title,
    kind: item.kind,
    speakers: lines('speaker'),
    chairs: lines('chair'),
    facilitators: lines('facilitator'),
  };
}

function agendaPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  const editor = async (c: C, event: EventDetails, forms: AgendaForms, status: 200 | 422 = 200) =>
    renderPage(
      c,
      { title: c.var.t('events.agendaEditorTitle', { title: event.title }), noindex: true },
      <AgendaEditorView event={event} agenda={await getAgenda(db, event.id)} forms={forms} />,
      status,
    );

  const audit = (c: C, trx: Db, event: EventDetails, what: string) =>
    recordAudit(trx, {
      ...auditOrigin(c),
      action: 'event.agenda_changed',
      subjectType: 'event',
      subjectId: event.id,
      details: { what },
    });

  app.get('/events/:slug/agenda', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    return editor(c, event, { item: { values: { date: event.starts_on } } });
  });

  app.post('/events/:slug/agenda/day', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const form = await readForm(c, daySchema);
    if (!form.ok) return editor(c, event, { day: form }, 422);
    if (!withinEvent(event, form.data.date))
      return editor(c, event, { day: { values: form.values, errors: { date: 'events.outsideDays' } } }, 422);
    await db.transaction().execute(async (trx) => {
      await setDayTitle(trx, event.id, form.data.date, form.data.title ?? null);
      await touchEvent(trx, event.id);
      await audit(c, trx, event, 'day');
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${event.slug}/agenda`, 303);
  });

  app.post('/events/:slug/agenda/sections', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const form = await readForm(c, sectionSchema);
    if (!form.ok) return editor(c, event, { section: form }, 422);
    if (!withinEvent(event, form.data.date))
      return editor(
        c,
        event,
        { section: { values: form.values, errors: { date: 'events.outsideDays' } } },
        422,
      );
    await db.transaction().execute(async (trx) => {
      await addSection(trx, event.id, form.data.date, form.data.title);
      await touchEvent(trx, event.id);
      await audit(c, trx, event, 'section');
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${event.slug}/agenda`, 303);
  });

  app.post('/events/:slug/agenda/sections/:id/delete', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const section = await sectionOf(db, event.id, Number(c.req.param('id')) || 0);
    if (!section) throw new HttpError(404, 'error.404.message');
    await db.transaction().execute(async (trx) => {
      await deleteSection(trx, section.id);
      await touchEvent(trx, event.id);
      await audit(c, trx, event, 'section deleted');
    });
    setFlash(c, 'events.removed');
    return c.redirect(`/events/${event.slug}/agenda`, 303);
  });

  /**
   * Checks an item against the event (its days, its sections, the other items) before anything is
   * written: field errors refuse it; overlaps only warn until confirmed.
   */
  const checkItem = async (event: EventDetails, input: ItemInput, exceptId?: number) => {
    const errors: FieldErrors = {};
    if (!withinEvent(event, input.date)) errors.date = 'events.outsideDays';
    if (input.section_id) {
      const section = await sectionOf(db, event.id, input.section_id);
      if (!section) errors.section_id = 'form.invalid';
      else if (section.date !== input.date) errors.section_id = 'events.sectionOtherDay';
    }
    const overlaps =
      Object.keys(errors).length || input.confirm_overlap
        ? []
        : await overlapping(db, event.id, input.date, input.start_time, input.end_time ?? null, exceptId);
    return { errors, overlaps };
  };

  const peopleOf = (input: ItemInput) =>
    resolvePeople(db, [
      ...peopleFromLines(input.speakers, 'speaker'),
      ...peopleFromLines(input.chairs, 'chair'),
      ...peopleFromLines(input.facilitators, 'facilitator'),
    ]);

  app.post('/events/:slug/agenda/items', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const form = await readForm(c, itemSchema);
    if (!form.ok) return editor(c, event, { item: form }, 422);
    const { errors, overlaps } = await checkItem(event, form.data);
    if (Object.keys(errors).length) return editor(c, event, { item: { values: form.values, errors } }, 422);
    if (overlaps.length) return editor(c, event, { item: { values: form.values }, overlaps }, 422);
    const people = await peopleOf(form.data);
    await db.transaction().execute(async (trx) => {
      await saveItem(trx, event.id, form.data, people);
      await touchEvent(trx, event.id);
      await audit(c, trx, event, 'item');
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${event.slug}/agenda`, 303);
  });

  const loadItem = async (event: EventDetails, raw: string) => {
    const id = Number(raw);
    const item = Number.isSafeInteger(id) ? await itemOf(db, event.id, id) : undefined;
    if (!item) throw new HttpError(404, 'error.404.message');
    return item;
  };

  const itemPage = async (
    c: C,
    event: EventDetails,
    itemId: number,
    state: AgendaForms['item'],
    overlaps?: AgendaForms['overlaps'],
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: c.var.t('events.editItem'), noindex: true },
      <div class="wrap narrow">
        <p class="breadcrumb">
          <a href={`/events/${event.slug}/agenda`}>{c.var.t('events.agendaEditor')}</a>
        </p>
        <h1>{c.var.t('events.editItem')}</h1>
        <ItemForm
          event={event}
          agenda={await getAgenda(db, event.id)}
          action={`/events/${event.slug}/agenda/items/${itemId}`}
          state={state ?? {}}
          overlaps={overlaps}
          editing
        />
      </div>,
      status,
    );

  app.get('/events/:slug/agenda/items/:id', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const item = await loadItem(event, c.req.param('id'));
    return itemPage(c, event, item.id, { values: await itemValues(db, item) });
  });

  app.post('/events/:slug/agenda/items/:id', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const item = await loadItem(event, c.req.param('id'));
    const form = await readForm(c, itemSchema);
    if (!form.ok) return itemPage(c, event, item.id, form, undefined, 422);
    const { errors, overlaps } = await checkItem(event, form.data, item.id);
    if (Object.keys(errors).length)
      return itemPage(c, event, item.id, { values: form.values, errors }, undefined, 422);
    if (overlaps.length) return itemPage(c, event, item.id, { values: form.values }, overlaps, 422);
    const people = await peopleOf(form.data);
    await db.transaction().execute(async (trx) => {
      await saveItem(trx, event.id, form.data, people, item.id);
      await touchEvent(trx, event.id);
      await audit(c, trx, event, 'item');
    });
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${event.slug}/agenda`, 303);
  });

  app.post('/events/:slug/agenda/items/:id/delete', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const item = await loadItem(event, c.req.param('id'));
    await db.transaction().execute(async (trx) => {
      await deleteItem(trx, item.id);
      await touchEvent(trx, event.id);
      await audit(c, trx, event, 'item deleted');
    });
    setFlash(c, 'events.removed');
    return c.redirect(`/events/${event.slug}/agenda`, 303);
  });

  // Pasted text: read and shown for review; saved only when sent again with confirm=1 and no
  // unreadable line.
  app.post('/events/:slug/agenda/paste', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const form = await readForm(c, pasteSchema);
    if (!form.ok) return editor(c, event, { paste: form }, 422);
    if (!withinEvent(event, form.data.date))
      return editor(
        c,
        event,
        { paste: { values: form.values, errors: { date: 'events.outsideDays' } } },
        422,
      );
    const review = parseAgendaText(form.data.text);
    const count = itemCount(review);
    if (!form.data.confirm || review.problems.length > 0 || count === 0) {
      const errors: FieldErrors = count === 0 ? { text: 'events.nothingRead' } : {};
      return editor(
        c,
        event,
        { paste: { values: form.values, errors }, review },
        form.data.confirm ? 422 : 200,
      );
    }
    const saved = await db.transaction().execute(async (trx) => {
      const n = await savePasted(trx, event.id, form.data.date, review);
      await touchEvent(trx, event.id);
      await audit(c, trx, event, `pasted ${n} items`);
      return n;
    });
    setFlash(c, 'events.pastedSaved', { count: saved });
    return c.redirect(`/events/${event.slug}/agenda`, 303);
  });

  return app;
}
