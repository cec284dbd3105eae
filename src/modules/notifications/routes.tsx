// The pages of notifications and following: the inbox (/notifications), opening one
// (/notifications/:id marks it read and goes where it points), marking read, the preferences, what
// one follows, the follow form's target (POST /follow) and the unsubscribe links of mail
// (/unsubscribe/<secret>, which work without a session: csrf.ts lets their one-click POST through).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isLocale } from '../../locales/index.ts';
import { actingUser, actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { localPath } from '../../platform/http/request.ts';
import { formatters, type MessageKey, translator } from '../../platform/i18n.ts';
import { type FollowType, followablesOf, followsOf } from '../../platform/notifications/follows.ts';
import { markRead } from '../../platform/notifications/inbox.ts';
import { type Delivery, isDelivery, notificationKinds } from '../../platform/notifications/kinds.ts';
import { renderPage } from '../../ui/render.tsx';
import { markNotificationsRead, savePreferences, setFollowing } from './actions.ts';
import { findNotification, listInbox, messageOf } from './listing.ts';
import { effectiveDeliveries } from './preferences.ts';
import { followFormSchema, inboxQuerySchema, readSchema } from './schemas.ts';
import { findUnsubscribeLink, useUnsubscribeLink } from './unsubscribe.ts';
import { type FollowedRow, FollowingView } from './views/following.tsx';
import { InboxView } from './views/inbox.tsx';
import { SettingsView } from './views/settings.tsx';
import { UnsubscribeView } from './views/unsubscribe.tsx';

type C = Context<AppEnv>;
const TOKEN = ':token{[A-Za-z0-9_-]{20,64}}';

function signedIn(c: C) {
  return actingUser(actionContext(c));
}

async function showSettings(
  c: C,
  state?: Parameters<typeof SettingsView>[0]['state'],
  status: 200 | 422 = 200,
) {
  const user = signedIn(c);
  const { deps } = c.var;
  const deliveries = await effectiveDeliveries(deps.db, deps.modules, user.id);
  const kinds = [...notificationKinds(deps.modules).values()].map((k) => ({
    kind: k.kind,
    label: k.label,
    delivery: deliveries.get(k.kind) ?? k.defaultDelivery,
  }));
  return renderPage(
    c,
    { title: c.var.t('notifications.settingsTitle'), noindex: true },
    <SettingsView kinds={kinds} state={state} />,
    status,
  );
}

/** What an unsubscribe link stops, in the reader's words. */
function whatOf(c: C, what: string): string {
  const { t, deps } = c.var;
  if (what === 'daily') return t('notifications.delivery.daily');
  if (what === 'weekly') return t('notifications.delivery.weekly');
  const kind = notificationKinds(deps.modules).get(what.slice('kind:'.length));
  return kind ? `${t(kind.label)} (${t('notifications.delivery.immediate')})` : what;
}

/**
 * The unsubscribe pages speak the language of the link's owner (who opened it from their mail,
 * often not signed in on that device): their account's language, when they chose one.
 */
async function speakOwnersLanguage(c: C, userId: number): Promise<void> {
  const owner = await c.var.deps.db
    .selectFrom('users')
    .select('locale')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!isLocale(owner?.locale)) return;
  c.set('locale', owner.locale);
  c.set('t', translator(owner.locale));
  c.set('fmt', formatters(owner.locale, c.var.timeZone));
}

export function notificationPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/notifications', async (c) => {
    const user = signedIn(c);
    const query = inboxQuerySchema.safeParse(c.req.query());
    const { before, unread } = query.success ? query.data : {};
    const unreadOnly = !!unread;
    const page = await listInbox(deps, user, { before, unreadOnly });
    const kinds = notificationKinds(deps.modules);
    const items = page.items.map((item) => ({ ...item, line: messageOf(kinds, c.var.t, item) }));
    return renderPage(
      c,
      { title: c.var.t('notifications.title'), noindex: true },
      <InboxView items={items} older={page.older} unreadOnly={unreadOnly} />,
    );
  });

  app.get('/notifications/:id{[0-9]{1,15}}', async (c) => {
    const user = signedIn(c);
    const found = await findNotification(deps, user, Number(c.req.param('id')));
    if (!found) throw new HttpError(404, 'notifications.notFound');
    // Opening it is reading it: a link, so it works without JavaScript.
    if (!found.read_at) await markRead(deps.db, user.id, [found.id]);
    return c.redirect(localPath(found.url, '/notifications'), 303);
  });

  app.post('/notifications/read', async (c) => {
    const form = await readForm(c, readSchema);
    if (!form.ok) throw new HttpError(422, 'form.invalid');
    await markNotificationsRead(actionContext(c), form.data.all ? 'all' : form.data.id);
    return c.redirect('/notifications', 303);
  });

  app.get('/notifications/settings', (c) => showSettings(c));

  app.post('/notifications/settings', async (c) => {
    signedIn(c);
    const body = await c.req.parseBody();
    const kinds = notificationKinds(deps.modules);
    const choices: Record<string, Delivery> = {};
    const errors: Record<string, MessageKey> = {};
    for (const kind of kinds.keys()) {
      const value = body[kind];
      if (value === undefined) continue;
      if (isDelivery(value)) choices[kind] = value;
      else errors[kind] = 'form.invalid';
    }
    if (Object.keys(errors).length > 0) {
      const values = Object.fromEntries(
        Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      return showSettings(c, { values, errors }, 422);
    }
    await savePreferences(actionContext(c), choices);
    setFlash(c, 'notifications.saved');
    return c.redirect('/notifications/settings', 303);
  });

  app.get('/notifications/following', async (c) => {
    const user = signedIn(c);
    const followables = followablesOf(deps.modules);
    const words = { t: c.var.t, fmt: c.var.fmt };
    const rows: FollowedRow[] = [];
    for (const f of await followsOf(deps.db, user.id)) {
      const followable = followables.get(f.target_type);
      if (!followable) continue;
      // What one can no longer see stays listed (to stop following it), without its name.
      const thing = await followable.find(deps.db, f.target_key, user, words);
      rows.push({
        type: f.target_type as FollowType,
        key: f.target_key,
        label: followable.label,
        title: thing?.title ?? c.var.t('notifications.unavailable'),
        url: thing?.url ?? null,
      });
    }
    return renderPage(
      c,
      { title: c.var.t('notifications.followingTitle'), noindex: true },
      <FollowingView rows={rows} />,
    );
  });

  app.post('/follow', async (c) => {
    const form = await readForm(c, followFormSchema);
    const back = localPath(form.values.back, '/notifications/following');
    if (!form.ok) {
      signedIn(c);
      throw new HttpError(422, 'notifications.nothingToFollow');
    }
    const following = form.data.follow === '1';
    await setFollowing(actionContext(c), { type: form.data.type, key: form.data.key }, following);
    setFlash(c, following ? 'notifications.followed' : 'notifications.unfollowed');
    return c.redirect(back, 303);
  });

  app.get(`/unsubscribe/${TOKEN}`, async (c) => {
    const token = c.req.param('token');
    const link = await findUnsubscribeLink(deps.db, token);
    if (!link) throw new HttpError(404, 'notifications.unsubscribe.unknown');
    await speakOwnersLanguage(c, link.userId);
    return renderPage(
      c,
      { title: c.var.t('notifications.unsubscribe.title'), noindex: true },
      <UnsubscribeView
        state={link.usedAt ? 'used' : 'ask'}
        what={whatOf(c, link.what)}
        action={`/unsubscribe/${token}`}
      />,
    );
  });

  // The page's button, or a mail program's one-click POST (RFC 8058: body List-Unsubscribe=One-Click).
  app.post(`/unsubscribe/${TOKEN}`, async (c) => {
    const token = c.req.param('token');
    const link = await findUnsubscribeLink(deps.db, token);
    if (!link) throw new HttpError(404, 'notifications.unsubscribe.unknown');
    const done = await useUnsubscribeLink(deps.db, deps.modules, token);
    await speakOwnersLanguage(c, link.userId);
    return renderPage(
      c,
      { title: c.var.t('notifications.unsubscribe.title'), noindex: true },
      <UnsubscribeView
        state={done ? 'done' : 'used'}
        what={whatOf(c, link.what)}
        action={`/unsubscribe/${token}`}
      />,
    );
  });

  return app;
}
