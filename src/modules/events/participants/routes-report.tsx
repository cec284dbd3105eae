// The report and what follows from the roster for everyone else: the key figures page and its
// exports, the certificates of attendance, and the networking page of the participants.
import { Hono } from 'hono';
import { auditOrigin, recordAudit } from '../../../platform/audit.ts';
import { requireUser } from '../../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { attachment } from '../../../platform/http/download.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { CSV_TYPE, XLSX_TYPE } from '../../../platform/spreadsheets.ts';
import { datesBetween, nowIso } from '../../../platform/time.ts';
import { renderPage } from '../../../ui/render.tsx';
import { outcomesOf } from './after.ts';
import { renderCertificates } from './certificate.tsx';
import { figureRows, figuresCsv, figuresXlsx } from './exports.ts';
import { feedbackSummary, questionsOf } from './feedback.ts';
import { keyFigures } from './figures.ts';
import { idParam, loadEvent, loadManagedEvent, refuse } from './load.ts';
import { canSeeCertificate, canSeeFeedbackSummary, canSeeFigures, canSeeNetworking } from './permissions.ts';
import { checkinUsed, listRoster, participantOf, rosterRow } from './roster.ts';
import { NetworkingView } from './views-networking.tsx';
import { ReportView } from './views-report.tsx';

export function reportPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  /** The event whose figures the reader may see: organisers always, everyone once it is held. */
  const figuresEvent = async (c: Parameters<typeof loadEvent>[1]) => {
    const loaded = await loadEvent(db, c, c.req.param('slug') ?? '');
    if (!canSeeFigures(loaded.user, loaded.event, loaded.organiser)) refuse(c);
    return loaded;
  };

  app.get('/events/:slug/report', async (c) => {
    const { event, user, organiser, manage } = await figuresEvent(c);
    const [figures, outcomes] = await Promise.all([keyFigures(db, event.id), outcomesOf(db, event.id)]);
    const feedback = canSeeFeedbackSummary(user, event, organiser, outcomes.feedbackPublic)
      ? await feedbackSummary(db, event.id, await questionsOf(db, event.id))
      : null;
    return renderPage(
      c,
      {
        title: `${c.var.t('participants.reportTitle')} · ${event.title}`,
        description: c.var.t('participants.keySentence', {
          participants: figures.participants,
          countries: figures.countries.length,
        }),
        path: `/events/${event.slug}/report`,
        noindex: event.status !== 'held',
      },
      <ReportView
        event={event}
        figures={figures}
        organiser={manage}
        isPublic={event.status === 'held'}
        feedback={feedback}
      />,
    );
  });

  const rowsFor = async (c: Parameters<typeof loadEvent>[1]) => {
    const { event } = await figuresEvent(c);
    const rows = figureRows(await keyFigures(db, event.id), {
      t: c.var.t,
      locale: c.var.locale,
      country: c.var.fmt.country,
    });
    return { event, rows };
  };

  app.get('/events/:slug/report.csv', async (c) => {
    const { event, rows } = await rowsFor(c);
    return attachment(c, figuresCsv(rows), CSV_TYPE, `${event.slug}-figures.csv`);
  });

  app.get('/events/:slug/report.xlsx', async (c) => {
    const { event, rows } = await rowsFor(c);
    const xlsx = await figuresXlsx(rows, c.var.t('participants.reportTitle'));
    return attachment(c, xlsx, XLSX_TYPE, `${event.slug}-figures.xlsx`);
  });

  // ── Certificates ───────────────────────────────────────────────────────────

  const totalDays = (event: { starts_on: string; ends_on: string }) =>
    datesBetween(event.starts_on, event.ends_on).length;

  app.get('/events/:slug/certificates', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    const [{ rows }, used] = await Promise.all([listRoster(db, event.id), checkinUsed(db, event.id)]);
    return renderCertificates(c, {
      event,
      holders: rows,
      totalDays: totalDays(event),
      checkinUsed: used,
      back: `/events/${event.slug}/roster`,
    });
  });

  app.get('/events/:slug/certificates/:id', async (c) => {
    const { event, user, organiser } = await loadEvent(db, c, c.req.param('slug'));
    const row = await rosterRow(db, event.id, idParam(c.req.param('id')));
    // Not on this event's roster: as if there were no such certificate (for the organisers too).
    if (!row) throw new HttpError(404, 'error.404.message');
    const used = await checkinUsed(db, event.id);
    if (!canSeeCertificate(user, event, organiser, row, used)) refuse(c);
    return renderCertificates(c, {
      event,
      holders: [row],
      totalDays: totalDays(event),
      checkinUsed: used,
      back: `/events/${event.slug}`,
    });
  });

  // "My certificate": the reader's own row of the roster.
  app.get('/events/:slug/certificate', async (c) => {
    const user = requireUser(c);
    const { event } = await loadEvent(db, c, c.req.param('slug'));
    const me = await participantOf(db, event.id, user.id);
    if (!me) throw new HttpError(403, 'participants.notParticipant');
    return c.redirect(`/events/${event.slug}/certificates/${me.id}`, 303);
  });

  // ── Networking ─────────────────────────────────────────────────────────────

  app.get('/events/:slug/participants', async (c) => {
    const user = requireUser(c);
    const { event, organiser } = await loadEvent(db, c, c.req.param('slug'));
    const me = await participantOf(db, event.id, user.id);
    if (!canSeeNetworking(user, organiser, !!me)) throw new HttpError(403, 'participants.notParticipant');
    const { rows } = await listRoster(db, event.id);
    const shown = rows.filter((r) => r.networking_consent === 1);
    return renderPage(
      c,
      { title: c.var.t('participants.networkingTitle'), noindex: true },
      <NetworkingView event={event} people={shown} me={me} hidden={rows.length - shown.length} />,
    );
  });

  // A participant chooses whether the others see them; an accepted application keeps the same choice.
  app.post('/events/:slug/participants/consent', async (c) => {
    const user = requireUser(c);
    const { event } = await loadEvent(db, c, c.req.param('slug'));
    const me = await participantOf(db, event.id, user.id);
    if (!me) throw new HttpError(403, 'participants.notParticipant');
    const body = await c.req.parseBody();
    const consent = body.consent === '1' ? 1 : 0;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('event_participants')
        .set({ networking_consent: consent, updated_at: nowIso() })
        .where('id', '=', me.id)
        .execute();
      if (me.registration_id !== null)
        await trx
          .updateTable('event_registrations')
          .set({ networking_consent: consent, updated_at: nowIso() })
          .where('id', '=', me.registration_id)
          .execute();
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'event.networking_consent',
        subjectType: 'event',
        subjectId: event.id,
        details: { participant: me.id, consent: consent === 1 },
      });
    });
    setFlash(c, consent ? 'participants.nowShown' : 'participants.nowHidden');
    return c.redirect(`/events/${event.slug}/participants`, 303);
  });

  return app;
}
