// A group's page with its people (showGroupPage), the forms of its members — ask to join, leave,
// invite, revoke, decide a request, change a role, remove — the invitation links
// (/groups/invitations/:token) and the member's own invitations (/groups/invitations). Each form calls an action of actions/members.ts; a refusal the
// action explains (the last coordinator, an address already in) shows the group's page again.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { User } from '../../db/schema.ts';
import { type ActionContext, actingUser, actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { invitationMatches } from '../../platform/invitations.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import type { FormState } from '../../ui/components/form.tsx';
import type { PageMeta } from '../../ui/layout.tsx';
import { renderPage } from '../../ui/render.tsx';
import { type GroupAccess, loadGroup } from './access.ts';
import {
  acceptGroupInvitation,
  changeGroupRole,
  decideJoinRequest,
  inviteToGroup,
  leaveGroup,
  MemberRefusal,
  removeGroupMember,
  requestToJoin,
  revokeGroupInvitation,
} from './actions/members.ts';
import {
  activityOf,
  checkInvitation,
  listMembers,
  listOpenInvitations,
  listOpenRequests,
  openInvitationsTo,
  openRequestOf,
} from './members.ts';
import { canDelete, canManage, canRequestToJoin, canSeeEmails, canSeeInside } from './permissions.ts';
import {
  decisionSchema,
  invitationChoiceSchema,
  inviteSchema,
  joinRequestSchema,
  memberChoiceSchema,
  roleChangeSchema,
} from './schemas.ts';
import { GroupView } from './views/group.tsx';
import { type InvitationState, InvitationView } from './views/invitation.tsx';
import { InvitationsView } from './views/invitations.tsx';

type C = Context<AppEnv>;
const SLUG = ':slug{[a-z0-9]+(?:-[a-z0-9]+)*}';

/** Renders a group's page for its reader, with a refusal or a form's state when a change did not go through. */
export async function showGroupPage(
  c: C,
  { group, user, held, role }: GroupAccess,
  extra: { error?: string; join?: FormState; invite?: FormState } = {},
  status: ContentfulStatusCode = 200,
  meta?: PageMeta,
): Promise<Response> {
  const { db } = c.var.deps;
  const may = {
    seeInside: canSeeInside(user, group, held),
    manage: canManage(user, held),
    delete: canDelete(user, held),
    requestToJoin: canRequestToJoin(user, group, role),
    seeEmails: canSeeEmails(user, held),
  };
  const [members, activity, pending, requests, invitations, following] = await Promise.all([
    may.seeInside || may.manage ? listMembers(db, group.id) : [],
    may.seeInside ? activityOf(db, group.id) : [],
    user && !role ? openRequestOf(db, group.id, user.id) : undefined,
    may.manage ? listOpenRequests(db, group.id) : [],
    may.manage ? listOpenInvitations(db, group.id) : [],
    isFollowing(db, user?.id, { type: 'group', key: String(group.id) }),
  ]);
  return renderPage(
    c,
    meta ?? { title: group.name, noindex: true },
    <GroupView
      group={group}
      role={role}
      viewerId={user?.id ?? null}
      may={may}
      members={members}
      activity={activity}
      requestPending={!!pending}
      manage={{ requests, invitations, invite: extra.invite }}
      error={extra.error ? c.var.t(extra.error as MessageKey) : undefined}
      join={extra.join}
      following={following}
    />,
    status,
  );
}

export function groupMemberPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  // ── Invitation links ────────────────────────────────────────────────────────────────────────
  const invitationPage = (c: C, state: InvitationState, status: ContentfulStatusCode = 200) =>
    renderPage(
      c,
      {
        title:
          state.kind === 'invalid'
            ? c.var.t('groups.invitation.invalidTitle')
            : c.var.t('groups.invitation.title', { name: state.invitation.name }),
        noindex: true,
      },
      <InvitationView state={state} />,
      status,
    );

  async function invitationFor(c: C, token: string, user: User | null) {
    const check = await checkInvitation(db, token);
    if (!check.ok)
      return {
        page: await invitationPage(
          c,
          { kind: 'invalid', reason: check.reason },
          check.reason === 'unknown' ? 404 : 410,
        ),
      };
    const { invitation } = check;
    if (!user) return { page: await invitationPage(c, { kind: 'signIn', invitation, token }) };
    const match = invitationMatches(invitation.email, user);
    if (match !== 'ok') return { page: await invitationPage(c, { kind: match, invitation, token }, 403) };
    return { invitation };
  }

  // The signed-in member's open invitations (where a notification leads: it never holds the link's
  // secret), and joining from there; another address's invitation is not found (404).
  app.get('/groups/invitations', async (c) => {
    const user = actingUser(actionContext(c));
    return renderPage(
      c,
      { title: c.var.t('groups.invitations.title'), noindex: true },
      <InvitationsView
        invitations={await openInvitationsTo(db, user.email)}
        verified={!!user.email_verified_at}
      />,
    );
  });

  app.post('/groups/invitations/:id{[0-9]+}/accept', async (c) => {
    const ctx = actionContext(c);
    const user = actingUser(ctx);
    const id = Number(c.req.param('id'));
    const row = await db
      .selectFrom('group_invitations')
      .select('email')
      .where('id', '=', id)
      .executeTakeFirst();
    const match = row ? invitationMatches(row.email, user) : 'otherEmail';
    if (match === 'otherEmail') throw new HttpError(404, 'error.404.message');
    if (match === 'unverified') throw new HttpError(403, 'groups.invitation.unverified');
    const accepted = await acceptGroupInvitation(ctx, { id });
    if (!accepted.ok) return invitationPage(c, { kind: 'invalid', reason: accepted.reason }, 410);
    setFlash(c, 'groups.joined');
    return c.redirect(`/groups/${accepted.invitation.slug}`, 303);
  });

  app.get('/groups/invitations/:token', async (c) => {
    const token = c.req.param('token');
    const found = await invitationFor(c, token, c.var.auth?.user ?? null);
    return found.page ?? invitationPage(c, { kind: 'accept', invitation: found.invitation, token });
  });

  app.post('/groups/invitations/:token', async (c) => {
    const ctx = actionContext(c);
    const user = actingUser(ctx);
    const token = c.req.param('token');
    const found = await invitationFor(c, token, user);
    if (found.page) return found.page;
    const accepted = await acceptGroupInvitation(ctx, token);
    if (!accepted.ok) return invitationPage(c, { kind: 'invalid', reason: accepted.reason }, 410);
    setFlash(c, 'groups.joined');
    return c.redirect(`/groups/${accepted.invitation.slug}`, 303);
  });

  // ── The forms of a group's page ─────────────────────────────────────────────────────────────
  /** A form of the group's page: what it holds and the change it makes; a refusal shows the page again. */
  function memberForm<S extends z.ZodType>(
    action: string,
    schema: S,
    change: (ctx: ActionContext, access: GroupAccess, data: z.output<S>) => Promise<unknown>,
    flash: MessageKey,
    to: (access: GroupAccess) => string = (a) => `/groups/${a.group.slug}`,
  ) {
    app.post(`/groups/${SLUG}/${action}`, async (c) => {
      const ctx = actionContext(c);
      actingUser(ctx);
      const access = await loadGroup(c);
      const form = await readForm(c, schema);
      if (!form.ok) {
        if (action === 'invite') return showGroupPage(c, access, { invite: form }, 422);
        if (action === 'join') return showGroupPage(c, access, { join: form }, 422);
        return showGroupPage(c, access, { error: 'form.invalid' }, 422);
      }
      try {
        await change(ctx, access, form.data);
      } catch (err) {
        if (err instanceof MemberRefusal)
          return showGroupPage(c, access, { error: err.messageKey }, err.status as ContentfulStatusCode);
        if (err instanceof HttpError && err.fieldErrors && action === 'invite') {
          for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
          return showGroupPage(
            c,
            access,
            { invite: { values: form.values, errors: err.fieldErrors } },
            err.status as ContentfulStatusCode,
          );
        }
        throw err;
      }
      setFlash(c, flash);
      return c.redirect(to(access), 303);
    });
  }

  memberForm(
    'join',
    joinRequestSchema,
    (ctx, a, d) => requestToJoin(ctx, a.group, d.message),
    'groups.join.asked',
  );
  memberForm(
    'leave',
    joinRequestSchema.pick({}),
    (ctx, a) => leaveGroup(ctx, a.group),
    'groups.left',
    () => '/groups',
  );
  memberForm('invite', inviteSchema, (ctx, a, d) => inviteToGroup(ctx, a.group, d), 'groups.invited');
  memberForm(
    'revoke',
    invitationChoiceSchema,
    (ctx, a, d) => revokeGroupInvitation(ctx, a.group, d.invitation_id),
    'groups.revoked',
  );
  memberForm(
    'decide',
    decisionSchema,
    (ctx, a, d) => decideJoinRequest(ctx, a.group, d.request_id, d.decision),
    'groups.join.decided',
  );
  memberForm(
    'role',
    roleChangeSchema,
    (ctx, a, d) => changeGroupRole(ctx, a.group, d.user_id, d.role),
    'groups.roleChanged',
  );
  memberForm(
    'remove',
    memberChoiceSchema,
    (ctx, a, d) => removeGroupMember(ctx, a.group, d.user_id),
    'groups.removed',
  );

  return app;
}
