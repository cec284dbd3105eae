// The members page of an organisation (/directory/:slug/members) and the invitation links
// (/directory/invitations/:token). Each handler reads its form and calls an action of
// actions/members.ts; a refusal the action explains (the last owner, an address already a member)
// shows the members page again with its message.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { User } from '../../db/schema.ts';
import { type ActionContext, ensure } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { renderPage } from '../../ui/render.tsx';
import {
  bySlug,
  loadOrganisationRow,
  type Organisation,
  type OrganisationAccess,
  signedInContext,
} from './access.ts';
import {
  acceptInvitation,
  changeMemberRole,
  inviteMember,
  leaveOrganisation,
  MemberRefusal,
  removeMember,
  revokeInvitation,
  transferOwnership,
} from './actions/members.ts';
import { decideUnit, pendingUnits } from './actions/parents.ts';
import { logos } from './logo.ts';
import { checkInvitation, invitationMatches, listMembers, listPendingInvitations } from './members.ts';
import {
  canChangeLogo,
  canConfirmUnit,
  canManageMembers,
  canSeeMembers,
  canTransferOwnership,
} from './permissions.ts';
import { invitationChoiceSchema, inviteSchema, memberChoiceSchema, roleChangeSchema } from './schemas.ts';
import { type InvitationState, InvitationView } from './views/invitation.tsx';
import { type MembersPageProps, MembersView } from './views/members.tsx';
import type { MemberRole } from './vocab.ts';

type C = Context<AppEnv>;

/** The organisation of the members page, with the context of the signed-in person acting on it. */
export type MembersAccess = OrganisationAccess<Organisation> & { ctx: ActionContext };

/**
 * The organisation for a signed-in reader allowed on its members page, or on one of its forms
 * (`may`: seeing the members, managing them, changing the logo…); 401, 403 or 404 otherwise.
 */
export async function loadForMembers(
  c: C,
  may: (user: User, role: MemberRole | null) => boolean = canSeeMembers,
): Promise<MembersAccess> {
  const ctx = signedInContext(c);
  const loaded = await loadOrganisationRow(c);
  ensure(ctx, (u) => may(u, loaded.role));
  return { ...loaded, ctx };
}

/** Renders the members page, with a refusal or a form's state when an action did not go through. */
export async function showMembersPage(
  c: C,
  { org, user, role }: OrganisationAccess<Organisation>,
  extra: Pick<MembersPageProps, 'error' | 'logoError' | 'invite'> = {},
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const { db } = c.var.deps;
  const may = {
    manage: canManageMembers(user, role),
    transfer: canTransferOwnership(user, role),
    logo: canChangeLogo(user, role),
  };
  const [members, invitations, logo, units] = await Promise.all([
    listMembers(db, org.id),
    may.manage ? listPendingInvitations(db, org.id) : Promise.resolve([]),
    logos.info(db, org.id),
    canConfirmUnit(user, role) ? pendingUnits(db, org.id) : Promise.resolve([]),
  ]);
  return renderPage(
    c,
    { title: c.var.t('directory.members.title', { name: org.name }), noindex: true },
    <MembersView
      org={org}
      members={members}
      invitations={invitations}
      viewerId={user?.id ?? 0}
      viewerRole={role}
      may={may}
      logo={logo}
      pendingUnits={units}
      {...extra}
    />,
    status,
  );
}

/** A change of members: the action, and the message and page after it. */
interface MemberChangeOf {
  run: () => Promise<unknown>;
  flash: MessageKey;
  to: string;
}

/** Runs a change of members, then goes on with a message; a refusal shows the members page again. */
async function memberChange(c: C, loaded: MembersAccess, change: MemberChangeOf): Promise<Response> {
  try {
    await change.run();
  } catch (err) {
    if (!(err instanceof MemberRefusal)) throw err;
    return showMembersPage(c, loaded, { error: err.messageKey }, err.status as ContentfulStatusCode);
  }
  setFlash(c, change.flash);
  return c.redirect(change.to, 303);
}

export function directoryMemberPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  // ── Invitation links ────────────────────────────────────────────────────────────────────────
  const invitationPage = (c: C, state: InvitationState, status: ContentfulStatusCode = 200) =>
    renderPage(
      c,
      {
        title:
          state.kind === 'invalid'
            ? c.var.t('directory.invitation.invalidTitle')
            : c.var.t('directory.invitation.title', { name: state.invitation.name }),
        noindex: true,
      },
      <InvitationView state={state} />,
      status,
    );
  const invalid = (c: C, reason: Extract<InvitationState, { kind: 'invalid' }>['reason']) =>
    invitationPage(c, { kind: 'invalid', reason }, reason === 'unknown' ? 404 : 410);

  /** What the link shows this reader: the invitation, or why they cannot take it (403). */
  async function invitationFor(c: C, token: string, user: User | null) {
    const check = await checkInvitation(db, token);
    if (!check.ok) return { page: await invalid(c, check.reason) };
    const { invitation } = check;
    if (!user) return { page: await invitationPage(c, { kind: 'signIn', invitation, token }) };
    const match = invitationMatches(invitation, user);
    if (match !== 'ok') return { page: await invitationPage(c, { kind: match, invitation, token }, 403) };
    return { invitation };
  }

  app.get('/directory/invitations/:token', async (c) => {
    const token = c.req.param('token');
    const found = await invitationFor(c, token, c.var.auth?.user ?? null);
    return found.page ?? invitationPage(c, { kind: 'accept', invitation: found.invitation, token });
  });

  app.post('/directory/invitations/:token', async (c) => {
    const ctx = signedInContext(c);
    const token = c.req.param('token');
    const found = await invitationFor(c, token, ctx.user);
    if (found.page) return found.page;
    const accepted = await acceptInvitation(ctx, token);
    if (!accepted.ok) return invalid(c, accepted.reason);
    setFlash(c, 'directory.members.joined');
    return c.redirect(`/directory/${accepted.invitation.slug}`, 303);
  });

  // ── The members page ────────────────────────────────────────────────────────────────────────
  app.get(
    '/directory/:slug/members',
    bySlug(async (c) => showMembersPage(c, await loadForMembers(c))),
  );

  app.post(
    '/directory/:slug/members/invite',
    bySlug(async (c) => {
      const loaded = await loadForMembers(c, canManageMembers);
      const form = await readForm(c, inviteSchema);
      if (!form.ok) return showMembersPage(c, loaded, { invite: form }, 422);
      try {
        await inviteMember(loaded.ctx, loaded.org, form.data);
      } catch (err) {
        // An address already a member (422), too many invitations in an hour (429).
        if (!(err instanceof HttpError && err.fieldErrors)) throw err;
        for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
        const invite = { values: form.values, errors: err.fieldErrors };
        return showMembersPage(c, loaded, { invite }, err.status as ContentfulStatusCode);
      }
      setFlash(c, 'directory.members.invited');
      return c.redirect(`/directory/${loaded.org.slug}/members`, 303);
    }),
  );

  /** A form of the members page: who may send it, what it holds, and the change it makes. */
  function memberForm<S extends z.ZodType>(
    action: string,
    may: (user: User, role: MemberRole | null) => boolean,
    schema: S,
    change: (loaded: MembersAccess, data: z.output<S>) => MemberChangeOf,
    invalid: { error: MessageKey; status: ContentfulStatusCode } = { error: 'form.invalid', status: 422 },
  ) {
    app.post(
      `/directory/:slug/members/${action}`,
      bySlug(async (c) => {
        const loaded = await loadForMembers(c, may);
        const form = await readForm(c, schema);
        if (!form.ok) return showMembersPage(c, loaded, { error: invalid.error }, invalid.status);
        return memberChange(c, loaded, change(loaded, form.data));
      }),
    );
  }
  const membersPage = ({ org }: MembersAccess) => `/directory/${org.slug}/members`;

  memberForm(
    'revoke',
    canManageMembers,
    invitationChoiceSchema,
    (l, { invitation_id }) => ({
      run: () => revokeInvitation(l.ctx, l.org, invitation_id),
      flash: 'directory.members.revoked',
      to: membersPage(l),
    }),
    { error: 'directory.members.noSuchInvitation', status: 404 },
  );
  memberForm('role', canManageMembers, roleChangeSchema, (l, { user_id, role }) => ({
    run: () => changeMemberRole(l.ctx, l.org, user_id, role),
    flash: 'directory.members.roleChanged',
    to: membersPage(l),
  }));
  // Removing oneself is leaving: back to the profile, which one may no longer edit.
  memberForm('remove', canManageMembers, memberChoiceSchema, (l, { user_id }) => ({
    run: () => removeMember(l.ctx, l.org, user_id),
    ...(user_id === l.user?.id
      ? { flash: 'directory.members.left', to: `/directory/${l.org.slug}` }
      : { flash: 'directory.members.removed', to: membersPage(l) }),
  }));
  memberForm('leave', canSeeMembers, z.object({}), (l) => ({
    run: () => leaveOrganisation(l.ctx, l.org),
    flash: 'directory.members.left',
    to: `/directory/${l.org.slug}`,
  }));
  memberForm('transfer', canTransferOwnership, memberChoiceSchema, (l, { user_id }) => ({
    run: () => transferOwnership(l.ctx, l.org, user_id),
    flash: 'directory.members.transferred',
    to: membersPage(l),
  }));

  // An organisation that named this one as its parent: its owners confirm the link or decline it.
  for (const decision of ['confirm', 'decline'] as const)
    app.post(
      `/directory/:slug/units/:unit/${decision}`,
      bySlug(async (c) => {
        const loaded = await loadForMembers(c, canConfirmUnit);
        await decideUnit(loaded.ctx, loaded.org, c.req.param('unit') ?? '', decision);
        setFlash(c, decision === 'confirm' ? 'directory.units.confirmed' : 'directory.units.declined');
        return c.redirect(`/directory/${loaded.org.slug}/members`, 303);
      }),
    );

  return app;
}
