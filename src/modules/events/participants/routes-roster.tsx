// The organisers' roster pages: the list and its exports, adding, changing and removing the people
// they entered, and check-in one day at a time. The writes are the actions' (actions/roster.ts); a
// refused form comes back with every value kept and nothing written.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actionContext } from '../../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { attempt, readForm } from '../../../platform/http/forms.ts';
import { spreadsheetDownload } from '../../../platform/http/spreadsheet-download.ts';
import { datesBetween, todayIn } from '../../../platform/time.ts';
import type { FormState } from '../../../ui/components/form.tsx';
import { renderPage } from '../../../ui/render.tsx';
import type { EventDetails } from '../access.ts';
import { withinEvent } from '../agenda.ts';
import {
  idParam,
  type LoadedEvent,
  linksOf,
  loadManagedEvent,
  loadRosterRow,
  type RosterRow,
} from './access.ts';
import { addParticipant, removeParticipant, setAttendance, updateParticipant } from './actions/roster.ts';
import { rosterColumns } from './export.ts';
import { categoriesOf, datesPresent, listRoster, presentOn, rosterCounts, rosterPage } from './listing.ts';
import { isEnteredByOrganisers } from './permissions.ts';
import { checkinSchema, formValuesOf, participantInput } from './schemas.ts';
import { CheckinView } from './views/checkin.tsx';
import { ParticipantFormView, RosterView } from './views/roster.tsx';

type C = Context<AppEnv>;

const pageOf = (c: C) => {
  const n = Number(c.req.query('page') ?? 1);
  return Number.isSafeInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

export function rosterPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;
  const managed = (c: C) => loadManagedEvent(db, c, c.req.param('slug') ?? '');

  app.get('/events/:slug/roster', async (c) => {
    const { event } = await managed(c);
    const [roster, counts] = await Promise.all([
      rosterPage(db, event.id, pageOf(c)),
      rosterCounts(db, event.id),
    ]);
    return renderPage(
      c,
      { title: c.var.t('participants.rosterTitle'), noindex: true },
      <RosterView event={event} roster={roster} counts={counts} />,
    );
  });

  app.get('/events/:slug/:file{roster\\.(csv|xlsx)}', async (c) => {
    const { event } = await managed(c);
    const [{ rows }, dates] = await Promise.all([listRoster(db, event.id), datesPresent(db, event.id)]);
    return spreadsheetDownload(c, rosterColumns(dates, config.baseUrl), rows, {
      file: `${event.slug}-roster`,
      sheet: c.var.t('participants.rosterTitle'),
    });
  });

  // ── Adding, changing, removing ─────────────────────────────────────────────

  const form = async (
    c: C,
    event: EventDetails,
    state: FormState,
    editing?: RosterRow,
    status: ContentfulStatusCode = 200,
  ) =>
    renderPage(
      c,
      {
        title: editing
          ? c.var.t('participants.editTitle', { name: editing.name })
          : c.var.t('participants.addTitle'),
        noindex: true,
      },
      <ParticipantFormView
        event={event}
        action={editing ? `/events/${event.slug}/roster/${editing.id}` : `/events/${event.slug}/roster/new`}
        state={state}
        categories={await categoriesOf(db, event.id)}
        editing={editing}
      />,
      status,
    );

  /** The form sent, through the action; the form again with its messages when refused. */
  const save = async (c: C, loaded: LoadedEvent, editing?: RosterRow) => {
    const submitted = await readForm(c, participantInput);
    if (!submitted.ok) return form(c, loaded.event, submitted, editing, 422);
    const ctx = actionContext(c);
    const done = await attempt<unknown>(() =>
      editing
        ? updateParticipant(ctx, loaded, editing, submitted.data)
        : addParticipant(ctx, loaded, submitted.data),
    );
    if (!done.ok)
      return form(c, loaded.event, { values: submitted.values, errors: done.errors }, editing, 422);
    setFlash(c, editing ? 'participants.saved' : 'participants.added');
    return c.redirect(`/events/${loaded.event.slug}/roster`, 303);
  };

  /** A row from an application is changed through it: its page says so (409). */
  const applied = (c: C, event: EventDetails, row: RosterRow) =>
    form(c, event, { errors: { _form: 'participants.appliedNotice' } }, row, 409);

  app.get('/events/:slug/roster/new', async (c) => form(c, (await managed(c)).event, {}));

  app.post('/events/:slug/roster/new', async (c) => save(c, await managed(c)));

  app.get('/events/:slug/roster/:id', async (c) => {
    const { event } = await managed(c);
    const row = await loadRosterRow(db, event.id, idParam(c.req.param('id')));
    return form(c, event, { values: formValuesOf(row, await linksOf(db, row)) }, row);
  });

  app.post('/events/:slug/roster/:id', async (c) => {
    const loaded = await managed(c);
    const row = await loadRosterRow(db, loaded.event.id, idParam(c.req.param('id')));
    if (!isEnteredByOrganisers(row)) return applied(c, loaded.event, row);
    return save(c, loaded, row);
  });

  app.post('/events/:slug/roster/:id/delete', async (c) => {
    const loaded = await managed(c);
    const row = await loadRosterRow(db, loaded.event.id, idParam(c.req.param('id')));
    if (!isEnteredByOrganisers(row)) return applied(c, loaded.event, row);
    await removeParticipant(actionContext(c), loaded, row);
    setFlash(c, 'participants.removed');
    return c.redirect(`/events/${loaded.event.slug}/roster`, 303);
  });

  // ── Check-in ─────────────────────────────────────────────────────────────────

  const checkin = async (
    c: C,
    event: EventDetails,
    day: string,
    page: number,
    state?: FormState,
    status: ContentfulStatusCode = 200,
  ) => {
    const [roster, present] = await Promise.all([
      rosterPage(db, event.id, page),
      presentOn(db, event.id, day),
    ]);
    return renderPage(
      c,
      { title: c.var.t('participants.checkinTitle'), noindex: true },
      <CheckinView
        event={event}
        days={datesBetween(event.starts_on, event.ends_on)}
        day={day}
        roster={roster}
        present={present}
        state={state}
      />,
      status,
    );
  };

  /** The day asked for, today while the event runs, else its first day. */
  const dayOf = (event: EventDetails, asked: string | undefined) => {
    if (asked && withinEvent(event, asked)) return asked;
    const today = todayIn(event.time_zone);
    return withinEvent(event, today) ? today : event.starts_on;
  };

  app.get('/events/:slug/checkin', async (c) => {
    const { event } = await managed(c);
    return checkin(c, event, dayOf(event, c.req.query('day')), pageOf(c));
  });

  app.post('/events/:slug/checkin', async (c) => {
    const loaded = await managed(c);
    const { event } = loaded;
    const submitted = await readForm(c, checkinSchema);
    const page = Number(submitted.values.page) || 1;
    // The day and the ids are hidden fields and boxes: their message goes at the top of the form.
    const refused = (day: string, dayWrong: boolean) =>
      checkin(
        c,
        event,
        dayWrong ? event.starts_on : day,
        page,
        {
          values: submitted.values,
          errors: { _form: dayWrong ? 'participants.dayOutside' : 'participants.notOnRoster' },
        },
        422,
      );
    if (!submitted.ok) return refused(event.starts_on, !!submitted.errors.day);
    const { day, shown, present } = submitted.data;
    const done = await attempt(() => setAttendance(actionContext(c), loaded, day, present, shown));
    if (!done.ok) return refused(day, !!done.errors.date);
    setFlash(c, 'participants.checkinSaved', { added: done.value.added, removed: done.value.removed });
    return c.redirect(`/events/${event.slug}/checkin?day=${day}${page > 1 ? `&page=${page}` : ''}`, 303);
  });

  return app;
}
