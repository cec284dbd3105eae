// The organisers' registration settings: mode, places, waiting list, deadline, criteria, categories
// and invitations, written in one transaction with the audit entry and the invitations' mail (a
// larger capacity moves an open registration's waiting list up in the same step).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { readForm } from '../../../platform/http/forms.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { renderPage } from '../../../ui/render.tsx';
import type { EventDetails } from '../access.ts';
import { auditEvent, changeContext, loadForManaging } from './access.ts';
import { promoteFromWaitingList } from './decisions.ts';
import { invitationMail, mailLocale } from './mail.ts';
import { settingsSchema } from './schemas.ts';
import {
  acceptedCount,
  categoriesInUse,
  getSettings,
  invitationsOf,
  saveSettings,
} from './settings-store.ts';
import { SettingsView, settingsFormValues } from './views-setup.tsx';

type C = Context<AppEnv>;

export function settingsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;
  const showSettings = async (
    c: C,
    event: EventDetails,
    state: Parameters<typeof SettingsView>[0]['state'],
    status: 200 | 409 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: c.var.t('registration.settingsTitle'), noindex: true },
      <SettingsView event={event} state={state} accepted={await acceptedCount(db, event.id)} />,
      status,
    );

  app.get('/events/:slug/registration', async (c) => {
    const { event, settings } = await loadForManaging(db, c, c.req.param('slug'));
    const values = settingsFormValues(event, settings, await invitationsOf(db, event.id));
    return showSettings(c, event, { values });
  });

  app.post('/events/:slug/registration', async (c) => {
    const { user, event, settings: before } = await loadForManaging(db, c, c.req.param('slug'));
    const accepted = await acceptedCount(db, event.id);
    const form = await readForm(c, settingsSchema({ timeZone: event.time_zone, now: new Date(), accepted }));
    if (!form.ok) return showSettings(c, event, form, 422);
    // A category registrations point to may be renamed, not removed: the roster and the key
    // figures count people by it.
    const used = await categoriesInUse(db, event.id);
    const kept = new Set(form.data.categories.map((cat) => cat.id));
    if ([...used].some((id) => !kept.has(id)))
      return showSettings(
        c,
        event,
        { values: form.values, errors: { categories: 'registration.categoryInUse' } },
        409,
      );
    const { newlyInvited } = await db.transaction().execute(async (trx) => {
      const saved = await saveSettings(trx, event.id, form.data, user.id);
      await auditEvent(
        c,
        trx,
        event,
        saved.created ? 'event.registration_opened' : 'event.registration_changed',
        {
          mode: form.data.mode,
          capacity: form.data.capacity,
          deadline: form.data.deadline,
          invited: saved.newlyInvited.length,
        },
      );
      // A larger capacity makes room for the waiting list of an open registration.
      const settings = (await getSettings(trx, event.id))!;
      await promoteFromWaitingList(trx, changeContext(c, event, settings));
      const accounts = saved.newlyInvited.length
        ? await trx
            .selectFrom('users')
            .select(['email', 'locale'])
            .where('email', 'in', saved.newlyInvited)
            .execute()
        : [];
      const localeOf = new Map(accounts.map((a) => [a.email, a]));
      for (const email of saved.newlyInvited)
        await enqueueMail(
          trx,
          invitationMail({
            to: email,
            locale: mailLocale(localeOf.get(email), config),
            event: { ...event, venueName: event.venue?.name ?? null },
            config,
          }),
        );
      return saved;
    });
    deps.outbox.kick();
    setFlash(c, before ? 'form.saved' : 'registration.opened', { invited: newlyInvited.length });
    return c.redirect(`/events/${event.slug}/registration`, 303);
  });

  return app;
}
