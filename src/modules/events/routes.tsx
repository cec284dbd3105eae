// The events pages, top to bottom as the list of their URLs: the lists and the calendar, the
// exports and iCal feeds, the form, the event page, and (routes-agenda.tsx) the agenda editor. Each
// handler reads its input through the schemas, calls a listing or an action, and renders; the
// rules and the writes are the actions' (actions/), the same the API and the seed call.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actingUser, actionContext, ensure } from '../../platform/actions.ts';
import { blockContext, loadBlocks } from '../../platform/blocks.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { submitForm } from '../../platform/http/forms.ts';
import { varyOnLanguage } from '../../platform/http/language.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { excerpt } from '../../platform/markdown.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import { siteName } from '../../platform/site/index.ts';
import { siteUuid } from '../../platform/stable-ids.ts';
import { todayIn } from '../../platform/time.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { type EventDetails, loadEditableEvent, loadVisibleEvent } from './access.ts';
import { createEvent, deleteEvent, updateEvent } from './actions/events.ts';
import { allItems, getAgenda } from './agenda.ts';
import { eventCalendar, ICAL_TYPE, itemCalendar, listCalendar } from './calendars.ts';
import { EXPORT_LIMIT, exportColumns, exportRows } from './export.ts';
import { eventCountries, eventsInMonth, feedEvents, listEvents, PAGE_SIZE } from './listing.ts';
import { eventPageSummary } from './participants/index.ts';
import { canCreate, canDelete, canEdit } from './permissions.ts';
import { registrationBlock } from './registration/index.ts';
import { agendaPages } from './routes-agenda.tsx';
import { eventFilterSchema, eventInputSchema, formValuesOf, monthSchema } from './schemas.ts';
import { sharedPicture } from './shared-picture.ts';
import { eventJsonLd } from './structured-data.ts';
import { CalendarView } from './views/calendar.tsx';
import { EventView } from './views/event.tsx';
import { EventFormView } from './views/form.tsx';
import { EventsListView } from './views/list.tsx';

type C = Context<AppEnv>;

export function eventsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;
  const calendarSite = async () => ({ baseUrl: config.baseUrl, uuid: await siteUuid(db) });
  const viewerOf = (c: C) => c.var.auth?.user ?? null;
  /** The list's filters without the page and the upcoming/past switch: the calendar's and feed's. */
  const feedFilter = (c: C) => {
    const { page: _page, when: _when, ...filter } = eventFilterSchema.parse(c.req.query());
    return filter;
  };

  app.get('/events', async (c) => {
    const filter = eventFilterSchema.parse(c.req.query());
    const viewer = viewerOf(c);
    const [{ cards, total }, countries] = await Promise.all([
      listEvents(db, filter, { viewer, locale: c.var.locale, today: todayIn(c.var.timeZone) }),
      eventCountries(db),
    ]);
    const t = c.var.t;
    return renderPage(
      c,
      {
        title: t(filter.when === 'past' ? 'events.pastTitle' : 'events.title'),
        description: t('events.intro'),
        // The past events are a page of their own (in the sitemap, with their own canonical URL).
        path: filter.when === 'past' ? '/events?when=past' : '/events',
      },
      <EventsListView
        filter={filter}
        cards={cards}
        total={total}
        pageSize={PAGE_SIZE}
        countries={countries}
        canCreate={canCreate(viewer)}
      />,
    );
  });

  app.get('/events/calendar', async (c) => {
    const filter = feedFilter(c);
    const asked = monthSchema.parse(c.req.query('month'));
    const month = asked ?? todayIn(c.var.timeZone).slice(0, 7);
    const [{ byDate }, countries] = await Promise.all([
      eventsInMonth(db, month, filter, { viewer: viewerOf(c), locale: c.var.locale }),
      eventCountries(db),
    ]);
    return renderPage(
      c,
      {
        title: c.var.t('events.calendar'),
        description: c.var.t('events.intro'),
        // Without a month it is the current month's page, whichever month that is.
        path: asked ? `/events/calendar?month=${month}` : '/events/calendar',
      },
      <CalendarView month={month} filter={filter} byDate={byDate} countries={countries} />,
    );
  });

  // The list as it is filtered, every page of it, as a spreadsheet.
  app.get('/events/:file{export\\.(csv|xlsx)}', async (c) => {
    const filter = eventFilterSchema.parse(c.req.query());
    const rows = await exportRows(db, filter, {
      viewer: viewerOf(c),
      locale: c.var.locale,
      today: todayIn(c.var.timeZone),
    });
    return spreadsheetDownload(c, exportColumns(config.baseUrl), rows.slice(0, EXPORT_LIMIT), {
      file: 'events',
      sheet: 'Events',
    });
  });

  // The list's filters as a feed calendars subscribe to: the newest events by their start, past
  // ones too (a subscribed calendar keeps what happened), so it is not named "upcoming".
  app.get('/events.ics', async (c) => {
    const events = await feedEvents(db, feedFilter(c), viewerOf(c));
    c.header('Cache-Control', c.var.auth ? 'private, no-store' : 'public, max-age=900');
    // The calendar's name is in the reader's language.
    varyOnLanguage(c);
    const name = `${siteName(c)} · ${c.var.t('events.calendarName')}`;
    return c.body(listCalendar(name, events, await calendarSite()), 200, { 'Content-Type': ICAL_TYPE });
  });

  const showForm = (c: C, state: FormState, status: ContentfulStatusCode = 200, editing?: EventDetails) =>
    renderPage(
      c,
      {
        title: editing ? c.var.t('events.editTitle', { title: editing.title }) : c.var.t('events.create'),
        noindex: true,
      },
      <EventFormView
        action={editing ? `/events/${editing.slug}/edit` : '/events/new'}
        state={state}
        editing={editing}
      />,
      status,
    );

  app.get('/events/new', (c) => {
    ensure(actionContext(c), canCreate);
    return showForm(c, { values: { time_zone: c.var.timeZone, lang: c.var.locale, status: 'draft' } });
  });

  app.post('/events/new', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canCreate);
    const done = await submitForm(c, eventInputSchema, (input) => createEvent(ctx, input));
    if (!done.ok) return showForm(c, done, 422);
    setFlash(c, 'events.created');
    return c.redirect(`/events/${done.value.slug}`, 303);
  });

  app.get('/events/:slug', async (c) => {
    const param = c.req.param('slug');
    const user = viewerOf(c);
    if (param.endsWith('.ics')) {
      const { event } = await loadVisibleEvent(db, user, param.slice(0, -4));
      c.header('Cache-Control', event.status === 'draft' ? 'private, no-store' : 'public, max-age=900');
      const calendar = eventCalendar(
        { ...event, venueName: event.venue?.name ?? null },
        await calendarSite(),
      );
      return c.body(calendar, 200, { 'Content-Type': ICAL_TYPE });
    }
    const { event, organiser } = await loadVisibleEvent(db, user, param);
    const readerZone = c.var.timeZone;
    const participation = await eventPageSummary(db, event, user, organiser, c.var.locale);
    const picture = await sharedPicture(db, event, participation.photos[0]);
    return renderPage(
      c,
      {
        title: event.title,
        description: event.description ? excerpt(event.description, 200) : undefined,
        path: `/events/${event.slug}`,
        ogImage: picture && `${config.baseUrl}${picture.path}`,
        ogImageSize: picture,
        jsonLd: eventJsonLd(event, config.baseUrl),
        noindex: event.status === 'draft',
      },
      <EventView
        event={event}
        agenda={await getAgenda(db, event.id)}
        past={event.ends_on < todayIn(readerZone)}
        may={{ edit: canEdit(user, organiser), delete: canDelete(user) }}
        view={{ zone: event.time_zone, readerZone, inReaderZone: c.req.query('tz') === 'mine' }}
        participation={participation}
        registration={await registrationBlock(db, event, user, organiser)}
        blocks={
          await loadBlocks(
            deps.modules.flatMap((m) => m.eventBlocks ?? []),
            blockContext(c),
            { id: event.id, slug: event.slug, title: event.title },
          )
        }
        following={await isFollowing(db, user?.id, { type: 'event', key: String(event.id) })}
      />,
    );
  });

  app.get('/events/:slug/items/:file', async (c) => {
    const file = c.req.param('file');
    const id = Number(file.replace(/\.ics$/, ''));
    if (!file.endsWith('.ics') || !Number.isSafeInteger(id)) throw new HttpError(404, 'error.404.message');
    const { event } = await loadVisibleEvent(db, viewerOf(c), c.req.param('slug'));
    const item = allItems(await getAgenda(db, event.id)).find((i) => i.id === id);
    if (!item) throw new HttpError(404, 'error.404.message');
    const calendar = itemCalendar(
      { ...event, venueName: event.venue?.name ?? null },
      item,
      await calendarSite(),
    );
    return c.body(calendar, 200, { 'Content-Type': ICAL_TYPE });
  });

  app.get('/events/:slug/edit', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    return showForm(c, { values: formValuesOf(event) }, 200, event);
  });

  app.post('/events/:slug/edit', async (c) => {
    const { event } = await loadEditableEvent(db, c, c.req.param('slug'));
    const done = await submitForm(c, eventInputSchema, (input) =>
      updateEvent(actionContext(c), event, input),
    );
    if (!done.ok) return showForm(c, done, 422, event);
    setFlash(c, 'form.saved');
    return c.redirect(`/events/${event.slug}`, 303);
  });

  app.post('/events/:slug/delete', async (c) => {
    const ctx = actionContext(c);
    const { event } = await loadVisibleEvent(db, actingUser(ctx), c.req.param('slug'));
    await deleteEvent(ctx, event);
    setFlash(c, 'events.deleted');
    return c.redirect('/events', 303);
  });

  app.route('/', agendaPages(deps));
  return app;
}
