// The report and what follows from the roster for everyone else: the key figures page and its
// exports, the certificates of attendance, and the networking page of the participants.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actionContext } from '../../../platform/actions.ts';
import { requireUser } from '../../../platform/auth.ts';
import { blockContext, loadBlocks } from '../../../platform/blocks.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { attachment } from '../../../platform/http/download.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { spreadsheetFormat } from '../../../platform/http/spreadsheet-download.ts';
import { spreadsheetOf, XLSX_TYPE } from '../../../platform/spreadsheets.ts';
import { datesBetween } from '../../../platform/time.ts';
import { renderPage } from '../../../ui/render.tsx';
import { idParam, loadEvent, loadManagedEvent, loadRosterRow, participantOf, refuse } from './access.ts';
import { setNetworkingConsent } from './actions/roster.ts';
import { outcomesOf } from './after.ts';
import { figureColumns, figureRows, figuresXlsx } from './export.ts';
import { feedbackSummary, questionsOf } from './feedback.ts';
import { keyFigures } from './figures.ts';
import { checkinUsed, listRoster } from './listing.ts';
import { canSeeCertificate, canSeeFeedbackSummary, canSeeFigures, canSeeNetworking } from './permissions.ts';
import { renderCertificates } from './views/certificate.tsx';
import { NetworkingView } from './views/networking.tsx';
import { ReportView } from './views/report.tsx';

type C = Context<AppEnv>;

export function reportPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;
  const visible = (c: C) => loadEvent(db, c, c.req.param('slug') ?? '');

  /** The event whose figures the reader may see: organisers always, everyone once it is held. */
  const figuresEvent = async (c: C) => {
    const loaded = await visible(c);
    if (!canSeeFigures(loaded.user, loaded.event, loaded.organiser)) refuse(c);
    return loaded;
  };

  app.get('/events/:slug/report', async (c) => {
    const { event, user, organiser, manage } = await figuresEvent(c);
    const [figures, outcomes] = await Promise.all([keyFigures(db, event.id), outcomesOf(db, event.id)]);
    const feedback = canSeeFeedbackSummary(user, event, organiser, outcomes.feedbackPublic)
      ? await feedbackSummary(db, event.id, await questionsOf(db, event.id))
      : null;
    // What other modules collected at the event (the measures its participants presented).
    const blocks = await loadBlocks(
      deps.modules.flatMap((m) => m.eventReportBlocks ?? []),
      blockContext(c),
      { id: event.id, slug: event.slug, title: event.title },
    );
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
        blocks={blocks}
      />,
    );
  });

  app.get('/events/:slug/:file{report\\.(csv|xlsx)}', async (c) => {
    const format = spreadsheetFormat(c.req.param('file'));
    const { event } = await figuresEvent(c);
    const rows = figureRows(await keyFigures(db, event.id), {
      t: c.var.t,
      locale: c.var.locale,
      country: c.var.fmt.country,
    });
    // The workbook shows the share as a percentage (a number format a plain sheet has not).
    const file =
      format === 'csv'
        ? await spreadsheetOf('csv', figureColumns, rows)
        : { body: await figuresXlsx(rows, c.var.t('participants.reportTitle')), type: XLSX_TYPE };
    return attachment(c, file.body, file.type, `${event.slug}-figures.${format}`);
  });

  // ── Certificates ───────────────────────────────────────────────────────────

  const totalDays = (event: { starts_on: string; ends_on: string }) =>
    datesBetween(event.starts_on, event.ends_on).length;

  /** Past the retention period the roster has no names left to print (events/retention.ts). */
  const ensureNamesKept = (event: { personal_data_removed_on: string | null }) => {
    if (event.personal_data_removed_on)
      throw new HttpError(404, 'participants.personalDataRemoved', { date: event.personal_data_removed_on });
  };

  app.get('/events/:slug/certificates', async (c) => {
    const { event } = await loadManagedEvent(db, c, c.req.param('slug'));
    ensureNamesKept(event);
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
    const { event, user, organiser } = await visible(c);
    ensureNamesKept(event);
    // Not on this event's roster: as if there were no such certificate (for the organisers too).
    const row = await loadRosterRow(db, event.id, idParam(c.req.param('id')));
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
    const { event } = await visible(c);
    const me = await participantOf(db, event.id, user.id);
    if (!me) throw new HttpError(403, 'participants.notParticipant');
    return c.redirect(`/events/${event.slug}/certificates/${me.id}`, 303);
  });

  // ── Networking ─────────────────────────────────────────────────────────────

  app.get('/events/:slug/participants', async (c) => {
    const user = requireUser(c);
    const { event, organiser } = await visible(c);
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
    requireUser(c);
    const { event } = await visible(c);
    const consent = (await c.req.parseBody()).consent === '1';
    await setNetworkingConsent(actionContext(c), { event }, consent);
    setFlash(c, consent ? 'participants.nowShown' : 'participants.nowHidden');
    return c.redirect(`/events/${event.slug}/participants`, 303);
  });

  return app;
}
