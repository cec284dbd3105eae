// The messages' pages: the conversations, one conversation (paged, marked read when shown) with
// its form, and the page that starts a conversation with a connection. Writing is a plain form
// that posts and comes back to the conversation; a refusal shows the form again with the draft.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { User } from '../../db/schema.ts';
import { actionContext } from '../../platform/actions.ts';
import { hasRole, requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import {
  blockedEitherWay,
  type Conversation,
  connectionBetween,
  conversationBetween,
  getMember,
  idOf,
  loadConversation,
  loadOtherMember,
  type Member,
} from './access.ts';
import { markConversationRead, sendMessage } from './actions/messages.ts';
import { submitNetworkForm } from './forms.ts';
import { conversationsOf, messagesOf, messageWithPair } from './listing.ts';
import { otherOf } from './permissions.ts';
import { messageBodySchema } from './schemas.ts';
import { ConversationView } from './views/conversation.tsx';
import { ConversationsView } from './views/conversations.tsx';
import { ReportedMessageView } from './views/reported.tsx';

type C = Context<AppEnv>;
const ID = ':id{[0-9]{1,15}}';

export function messagePages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  /** Whether the two may write to each other now: connected, and nobody blocked. */
  const mayWrite = async (me: number, other: number) =>
    (await connectionBetween(db, me, other))?.status === 'accepted' &&
    !(await blockedEitherWay(db, me, other));

  const otherIn = async (user: User, conversation: Conversation): Promise<Member> => {
    const member = await getMember(db, otherOf(user.id, conversation));
    if (!member) throw new HttpError(404, 'error.404.message');
    return member;
  };

  const show = async (
    c: C,
    user: User,
    member: Member,
    conversation: Conversation | undefined,
    options: { before?: number; form?: FormState; status?: ContentfulStatusCode } = {},
  ) => {
    const page = conversation
      ? await messagesOf(db, conversation, user.id, options.before)
      : { messages: [], older: null };
    return renderPage(
      c,
      { title: c.var.t('network.conversationWith', { name: member.name }), noindex: true },
      <ConversationView
        conversationId={conversation?.id ?? null}
        member={member}
        messages={page.messages}
        older={page.older}
        mayWrite={await mayWrite(user.id, member.id)}
        form={options.form}
      />,
      options.status ?? 200,
    );
  };

  app.get('/network/messages', async (c) => {
    const user = requireUser(c);
    return renderPage(
      c,
      { title: c.var.t('network.messages'), noindex: true },
      <ConversationsView conversations={await conversationsOf(db, user.id)} />,
    );
  });

  app.get(`/network/messages/${ID}`, async (c) => {
    const user = requireUser(c);
    const conversation = await loadConversation(db, user, idOf(c.req.param('id')));
    const member = await otherIn(user, conversation);
    const before = c.req.query('before');
    const response = await show(c, user, member, conversation, {
      before: before && /^[0-9]{1,15}$/.test(before) ? Number(before) : undefined,
    });
    // Read once shown: the marker was drawn from the state before this visit.
    await markConversationRead(actionContext(c), conversation);
    return response;
  });

  app.post(`/network/messages/${ID}`, async (c) => {
    const user = requireUser(c);
    const conversation = await loadConversation(db, user, idOf(c.req.param('id')));
    const member = await otherIn(user, conversation);
    const done = await submitNetworkForm(c, messageBodySchema, (input) =>
      sendMessage(actionContext(c), { to: member.id, body: input.body }),
    );
    if (!done.ok) return show(c, user, member, conversation, { form: done.state, status: done.status });
    return c.redirect(`/network/messages/${conversation.id}#m${done.value.messageId}`, 303);
  });

  // Writing to a connection: their conversation when there is one, else an empty one to start.
  app.get(`/network/members/${ID}/write`, async (c) => {
    const user = requireUser(c);
    const member = await loadOtherMember(db, user, c.req.param('id'));
    const conversation = await conversationBetween(db, user.id, member.id);
    if (conversation) return c.redirect(`/network/messages/${conversation.id}`, 303);
    return show(c, user, member, undefined);
  });

  app.post(`/network/members/${ID}/write`, async (c) => {
    const user = requireUser(c);
    const member = await loadOtherMember(db, user, c.req.param('id'));
    const done = await submitNetworkForm(c, messageBodySchema, (input) =>
      sendMessage(actionContext(c), { to: member.id, body: input.body }),
    );
    if (!done.ok)
      return show(c, user, member, await conversationBetween(db, user.id, member.id), {
        form: done.state,
        status: done.status,
      });
    return c.redirect(`/network/messages/${done.value.conversationId}#m${done.value.messageId}`, 303);
  });

  // A reported message, for the moderators only and only once reported: the report's subject.
  app.get(`/network/reported/${ID}`, async (c) => {
    const user = requireUser(c);
    const id = idOf(c.req.param('id'));
    const reported = await db
      .selectFrom('reports')
      .select('id')
      .where('target_type', '=', 'network-message')
      .where('target_key', '=', String(id))
      .executeTakeFirst();
    const message = hasRole(user, 'moderator') && reported ? await messageWithPair(db, id) : undefined;
    if (!message) throw new HttpError(404, 'error.404.message');
    return renderPage(
      c,
      { title: c.var.t('network.reportedTitle'), noindex: true },
      <ReportedMessageView
        senderName={message.senderName}
        body={message.body}
        createdAt={message.created_at}
      />,
    );
  });

  return app;
}
