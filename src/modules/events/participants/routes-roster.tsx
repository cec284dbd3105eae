// The organisers' roster pages: the list and its exports, adding, changing and removing the people
// they entered, and check-in one day at a time. Every write runs in one transaction with its audit
// entry; a refused form comes back with every value kept and nothing written.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { auditOrigin, recordAudit } from '../../../platform/audit.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { attachment } from '../../../platform/http/download.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { type FieldErrors, type FormValues, readForm } from '../../../platform/http/forms.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../../platform/spreadsheets.ts';
import { datesBetween, todayIn } from '../../../platform/time.ts';
import { renderPage } from '../../../ui/render.tsx';
import type { EventDetails } from '../access.ts';
import { withinEvent } from '../agenda.ts';
import { exportedRoster, rosterCsv, rosterXlsx } from './exports.ts';
import { idParam, loadManagedEvent } from './load.ts';
import {
  addParticipant,
  categoriesOf,
  datesPresent,
  listRoster,
  presentOn,
  removeParticipant,
  resolveParticipant,
  rosterRow,
  setCheckins,
  strangers,
  updateParticipant,
} from './roster.ts';
import { checkinSchema, participantInputSchema } from './schemas.ts';
import { CheckinView } from './views-checkin.tsx';
import { ParticipantFormView, participantValues, RosterView } from './views-roster.tsx';
import { ROSTER_PAGE_SIZE } from './vocab.ts';

type C = Context<AppEnv>;

const pageOf = (c: C) => {
  const n = Number(c.req.query('page') ?? 1);
  return Number.isSafeInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
};

export function rosterPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  const counts = async (eventId: number) => {
    const rows = await db
      .selectFrom('event_participants')
      .select((eb) => ['role', eb.fn.countAll<number>().as('n')])
      .where('event_id', '=', eventId)
      .groupBy('role')
      .execute();
    const of = (role: string) => Number(rows.find((r) => r.role === role)?.n ?? 0);
    return { participants: of('participant'), observers: of('observer') };
  };

  app.get('/events/:slug/roster', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const page = pageOf(c);
    const [{ rows, total }, tally] = await Promise.all([
      listRoster(db, event.id, { page, pageSize: ROSTER_PAGE_SIZE }),
      counts(event.id),
    ]);
    return renderPage(
      c,
      { title: c.var.t('participants.rosterTitle'), noindex: true },
      <RosterView
        event={event}
        rows={rows}
        total={total}
        page={page}
        pageSize={ROSTER_PAGE_SIZE}
        counts={tally}
      />,
    );
  });

  const exportRows = async (event: EventDetails) => {
    const [{ rows }, dates] = await Promise.all([listRoster(db, event.id), datesPresent(db, event.id)]);
    return exportedRoster(rows, dates, config.baseUrl);
  };

  app.get('/events/:slug/roster.csv', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    return attachment(c, rosterCsv(await exportRows(event)), CSV_TYPE, `${event.slug}-roster.csv`);
  });

  app.get('/events/:slug/roster.xlsx', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const xlsx = await rosterXlsx(await exportRows(event), c.var.t('participants.rosterTitle'));
    return attachment(c, xlsx, XLSX_TYPE, `${event.slug}-roster.xlsx`);
  });

  const form = async (
    c: C,
    event: EventDetails,
    state: { values?: FormValues; errors?: FieldErrors },
    editingId?: number,
    status: 200 | 409 | 422 = 200,
  ) => {
    const editing = editingId === undefined ? undefined : await rosterRow(db, event.id, editingId);
    return renderPage(
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
  };

  app.get('/events/:slug/roster/new', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    return form(c, event, {});
  });

  app.post('/events/:slug/roster/new', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const submitted = await readForm(c, participantInputSchema);
    if (!submitted.ok) return form(c, event, submitted, undefined, 422);
    const { values, errors } = await resolveParticipant(db, event.id, submitted.data);
    if (Object.keys(errors).length)
      return form(c, event, { values: submitted.values, errors }, undefined, 422);
    await db.transaction().execute(async (trx) => {
      const added = await addParticipant(trx, event.id, values);
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'event.participant_added',
        subjectType: 'event',
        subjectId: event.id,
        details: { participant: added.id, role: added.role },
      });
    });
    setFlash(c, 'participants.added');
    return c.redirect(`/events/${event.slug}/roster`, 303);
  });

  /** A row the organisers entered themselves; one from an application is changed through it (409). */
  const ownRow = async (event: EventDetails, raw: string | undefined) => {
    const row = await rosterRow(db, event.id, idParam(raw));
    if (!row) throw new HttpError(404, 'error.404.message');
    return row;
  };

  app.get('/events/:slug/roster/:id', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const row = await ownRow(event, c.req.param('id'));
    const account = row.user_id
      ? await db.selectFrom('users').select('email').where('id', '=', row.user_id).executeTakeFirst()
      : undefined;
    const person = row.person_id
      ? await db.selectFrom('people').select('slug').where('id', '=', row.person_id).executeTakeFirst()
      : undefined;
    return form(
      c,
      event,
      { values: participantValues(row, account?.email ?? null, person?.slug ?? null) },
      row.id,
    );
  });

  app.post('/events/:slug/roster/:id', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const row = await ownRow(event, c.req.param('id'));
    if (row.registration_id !== null)
      return form(c, event, { errors: { _form: 'participants.appliedNotice' } }, row.id, 409);
    const submitted = await readForm(c, participantInputSchema);
    if (!submitted.ok) return form(c, event, submitted, row.id, 422);
    const { values, errors } = await resolveParticipant(db, event.id, submitted.data, row.id);
    if (Object.keys(errors).length) return form(c, event, { values: submitted.values, errors }, row.id, 422);
    await db.transaction().execute(async (trx) => {
      const fields = await updateParticipant(trx, row, values);
      if (fields.length)
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'event.participant_updated',
          subjectType: 'event',
          subjectId: event.id,
          details: { participant: row.id, fields },
        });
    });
    setFlash(c, 'participants.saved');
    return c.redirect(`/events/${event.slug}/roster`, 303);
  });

  app.post('/events/:slug/roster/:id/delete', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const row = await ownRow(event, c.req.param('id'));
    if (row.registration_id !== null)
      return form(c, event, { errors: { _form: 'participants.appliedNotice' } }, row.id, 409);
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'event.participant_removed',
        subjectType: 'event',
        subjectId: event.id,
        details: { participant: row.id, role: row.role },
      });
      await removeParticipant(trx, row.id);
    });
    setFlash(c, 'participants.removed');
    return c.redirect(`/events/${event.slug}/roster`, 303);
  });

  // ── Check-in ─────────────────────────────────────────────────────────────────

  const checkin = async (
    c: C,
    event: EventDetails,
    day: string,
    page: number,
    state?: { values?: FormValues; errors?: FieldErrors },
    status: 200 | 422 = 200,
  ) => {
    const [{ rows, total }, present] = await Promise.all([
      listRoster(db, event.id, { page, pageSize: ROSTER_PAGE_SIZE }),
      presentOn(db, event.id, day),
    ]);
    return renderPage(
      c,
      { title: c.var.t('participants.checkinTitle'), noindex: true },
      <CheckinView
        event={event}
        days={datesBetween(event.starts_on, event.ends_on)}
        day={day}
        rows={rows}
        present={present}
        total={total}
        page={page}
        pageSize={ROSTER_PAGE_SIZE}
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
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    return checkin(c, event, dayOf(event, c.req.query('day')), pageOf(c));
  });

  app.post('/events/:slug/checkin', async (c) => {
    const { event, user } = await loadManagedEvent(db, c, c.req.param('slug'));
    const submitted = await readForm(c, checkinSchema);
    const page = Number(submitted.values.page) || 1;
    // The day and the ids are hidden fields and boxes: their message goes at the top of the form.
    if (!submitted.ok)
      return checkin(
        c,
        event,
        event.starts_on,
        page,
        {
          values: submitted.values,
          errors: { _form: submitted.errors.day ? 'participants.dayOutside' : 'participants.notOnRoster' },
        },
        422,
      );
    const { day, shown, present } = submitted.data;
    const refuse = (errors: FieldErrors) =>
      checkin(
        c,
        event,
        withinEvent(event, day) ? day : event.starts_on,
        page,
        { values: submitted.values, errors },
        422,
      );
    if (!withinEvent(event, day)) return refuse({ _form: 'participants.dayOutside' });
    const shownSet = new Set(shown);
    if (present.some((id) => !shownSet.has(id)) || (await strangers(db, event.id, shown)).length)
      return refuse({ _form: 'participants.notOnRoster' });
    const changed = await db.transaction().execute(async (trx) => {
      const result = await setCheckins(trx, event.id, day, shown, present, user.id);
      if (result.added + result.removed > 0)
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'event.checkin',
          subjectType: 'event',
          subjectId: event.id,
          details: { day, ...result },
        });
      return result;
    });
    setFlash(c, 'participants.checkinSaved', { added: changed.added, removed: changed.removed });
    return c.redirect(`/events/${event.slug}/checkin?day=${day}${page > 1 ? `&page=${page}` : ''}`, 303);
  });

  return app;
}
