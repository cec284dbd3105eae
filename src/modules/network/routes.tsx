// The network's pages, top to bottom as the list of their URLs: "My network", connecting with a
// member (request, answer, withdraw, remove, block), "Find a partner", and who met at an event.
// The messages are in routes-messages.tsx. Each handler reads its input, calls an action or a
// listing, and renders or redirects; the rules are the actions' (the API calls the same).
import { Hono } from 'hono';
import { actionContext } from '../../platform/actions.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { renderPage } from '../../ui/render.tsx';
import { connectionBetween, idOf, loadOtherMember } from './access.ts';
import {
  acceptRequest,
  blockMember,
  declineRequest,
  removeConnection,
  requestConnection,
  unblockMember,
  withdrawRequest,
} from './actions/connections.ts';
import { ensureTookPart, eventNetwork, loadNetworkEvent, metAt } from './event-network.ts';
import { submitNetworkForm } from './forms.ts';
import { myNetwork, unreadConversations } from './listing.ts';
import { findPartners } from './partners.ts';
import { messagePages } from './routes-messages.tsx';
import { partnerFilterSchema, requestSchema } from './schemas.ts';
import { type ConnectState, ConnectView } from './views/connect.tsx';
import { EventNetworkView } from './views/event-network.tsx';
import { MyNetworkView } from './views/my-network.tsx';
import { PartnersView } from './views/partners.tsx';

const ID = ':id{[0-9]{1,15}}';
const noteSchema = requestSchema.omit({ to: true });

export function networkPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  app.get('/network', async (c) => {
    const user = requireUser(c);
    const [network, unread] = await Promise.all([myNetwork(db, user.id), unreadConversations(db, user.id)]);
    return renderPage(
      c,
      { title: c.var.t('network.myNetwork'), noindex: true },
      <MyNetworkView network={network} unread={unread} />,
    );
  });

  app.get('/network/find', async (c) => {
    const filter = partnerFilterSchema.parse(c.req.query());
    const chosen = filter.domain || filter.country || filter.kind || filter.language;
    const results = chosen
      ? await findPartners(db, filter, { viewer: c.var.auth?.user ?? null, locale: c.var.locale })
      : null;
    const t = c.var.t;
    return renderPage(
      c,
      { title: t('network.findPartner'), description: t('network.findIntro'), path: '/network/find' },
      <PartnersView filter={filter} results={results} />,
    );
  });

  // ── One member ─────────────────────────────────────────────────────────────

  const stateWith = async (me: number, other: number): Promise<ConnectState> => {
    const connection = await connectionBetween(db, me, other);
    if (!connection) return 'none';
    if (connection.status === 'accepted') return 'connected';
    return connection.requester_id === me ? 'sent' : 'received';
  };

  app.get(`/network/members/${ID}/connect`, async (c) => {
    const user = requireUser(c);
    const member = await loadOtherMember(db, user, c.req.param('id'));
    const state = await stateWith(user.id, member.id);
    return renderPage(
      c,
      { title: c.var.t('network.connectWith', { name: member.name }), noindex: true },
      <ConnectView member={member} state={state} />,
    );
  });

  app.post(`/network/members/${ID}/connect`, async (c) => {
    const user = requireUser(c);
    const member = await loadOtherMember(db, user, c.req.param('id'));
    const done = await submitNetworkForm(c, noteSchema, (input) =>
      requestConnection(actionContext(c), { to: member.id, message: input.message }),
    );
    if (!done.ok)
      return renderPage(
        c,
        { title: c.var.t('network.connectWith', { name: member.name }), noindex: true },
        <ConnectView member={member} state="none" form={done.state} />,
        done.status,
      );
    setFlash(c, done.value.status === 'accepted' ? 'network.nowConnected' : 'network.requestSent');
    return c.redirect('/network', 303);
  });

  const answer = (
    path: string,
    write: typeof acceptRequest | typeof declineRequest,
    flash: 'network.accepted' | 'network.declined' | 'network.withdrawn',
  ) =>
    app.post(`/network/requests/${ID}/${path}`, async (c) => {
      requireUser(c);
      await write(actionContext(c), idOf(c.req.param('id')));
      setFlash(c, flash);
      return c.redirect('/network', 303);
    });
  answer('accept', acceptRequest, 'network.accepted');
  answer('decline', declineRequest, 'network.declined');
  answer('withdraw', withdrawRequest, 'network.withdrawn');

  const onMember = (
    path: string,
    write: typeof removeConnection,
    flash: 'network.removed' | 'network.blockedNow' | 'network.unblocked',
  ) =>
    app.post(`/network/members/${ID}/${path}`, async (c) => {
      requireUser(c);
      await write(actionContext(c), idOf(c.req.param('id')));
      setFlash(c, flash);
      return c.redirect('/network', 303);
    });
  onMember('remove', removeConnection, 'network.removed');
  onMember('block', blockMember, 'network.blockedNow');
  onMember('unblock', unblockMember, 'network.unblocked');

  // ── Messages ───────────────────────────────────────────────────────────────

  app.route('/', messagePages(deps));

  // ── Met at an event ────────────────────────────────────────────────────────

  app.get('/events/:slug/network', async (c) => {
    const user = requireUser(c);
    const event = await loadNetworkEvent(db, c.req.param('slug'));
    await ensureTookPart(db, event.id, user);
    const people = await metAt(db, event.id);
    const { groups, links } = await eventNetwork(db, people);
    return renderPage(
      c,
      { title: c.var.t('network.metAtTitle', { event: event.title }), noindex: true },
      <EventNetworkView event={event} people={people} groups={groups} links={links} />,
    );
  });

  return app;
}
