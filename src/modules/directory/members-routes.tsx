// The members page of an organisation (/directory/:slug/members) and the invitation links
// (/directory/invitations/:token). Each action asks permissions.ts, then changes the membership,
// the organisation's history and the audit log (and queues the mail) in one transaction.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isLocale, type Locale } from '../../locales/index.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/forms.ts';
import { formatters, type MessageKey, translator } from '../../platform/i18n.ts';
import { enqueueMail, type MailMessage } from '../../platform/mail/outbox.ts';
import { hitRateLimit, type RateLimitRule } from '../../platform/rate-limit.ts';
import { renderPage } from '../../ui/render.tsx';
import { logoInfo } from './logo.ts';
import {
  acceptInvitation,
  changeRole,
  checkInvitation,
  createInvitation,
  type InviteInput,
  invitationMatches,
  inviteSchema,
  isMemberEmail,
  listMembers,
  listPendingInvitations,
  type MemberChange,
  memberChoiceSchema,
  normaliseEmail,
  removeMember,
  revokeInvitation,
  roleChangeSchema,
  transferOwnership,
} from './members.ts';
import {
  canChangeLogo,
  canManageMembers,
  canSeeMembers,
  canTransferOwnership,
  canView,
} from './permissions.ts';
import { memberRole } from './store.ts';
import {
  type InvitationState,
  InvitationView,
  type MembersPageProps,
  MembersView,
} from './views-members.tsx';
import { RESERVED_SLUGS } from './vocab.ts';

type C = Context<AppEnv>;

/** Invitations one account may send per hour (each sends a mail to an address of their choosing). */
const INVITES_PER_HOUR: RateLimitRule = { name: 'directory-invite:account', limit: 30, windowSeconds: 3600 };

/**
 * The organisation of the URL with the reader's role in it; 404 when there is none or the reader
 * may not see it. Reserved words (/directory/people/…) belong to other routers: `null`.
 */
export async function loadOrganisation(c: C) {
  const slug = c.req.param('slug') ?? '';
  if (RESERVED_SLUGS.has(slug)) return null;
  const { db } = c.var.deps;
  const org = await db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
  const user = c.var.auth?.user ?? null;
  const role = org && user ? await memberRole(db, org.id, user.id) : null;
  if (!org || !canView(user, org, role)) throw new HttpError(404, 'error.404.message');
  return { org, user, role };
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadOrganisation>>>;

/** Loads the organisation for a signed-in reader allowed on its members page (else 401/403/404). */
async function loadForMembers(c: C) {
  requireUser(c);
  const loaded = await loadOrganisation(c);
  if (!loaded) return null;
  if (!loaded.user || !canSeeMembers(loaded.user, loaded.role)) throw new HttpError(403, 'error.403.message');
  return { ...loaded, user: loaded.user };
}

/** Renders the members page, with a refusal or a form's state when an action did not go through. */
export async function showMembersPage(
  c: C,
  { org, user, role }: Loaded,
  extra: Pick<MembersPageProps, 'error' | 'logoError' | 'invite'> = {},
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const { db } = c.var.deps;
  const viewer = user ?? null;
  const may = {
    manage: canManageMembers(viewer, role),
    transfer: canTransferOwnership(viewer, role),
    logo: canChangeLogo(viewer, role),
  };
  const [members, invitations, logo] = await Promise.all([
    listMembers(db, org.id),
    may.manage ? listPendingInvitations(db, org.id) : Promise.resolve([]),
    logoInfo(db, org.id),
  ]);
  return renderPage(
    c,
    { title: c.var.t('directory.members.title', { name: org.name }), noindex: true },
    <MembersView
      org={org}
      members={members}
      invitations={invitations}
      viewerId={viewer?.id ?? 0}
      viewerRole={role}
      may={may}
      logo={logo}
      {...extra}
    />,
    status,
  );
}

const REFUSALS: Record<Exclude<MemberChange, { ok: true }>['reason'], MessageKey> = {
  lastOwner: 'directory.members.lastOwner',
  notMember: 'directory.members.notMember',
  sameMember: 'directory.members.sameMember',
};

function invitationMail(
  locale: Locale,
  input: {
    to: string;
    siteName: string;
    organisation: string;
    inviter: string;
    role: InviteInput['role'];
    link: string;
    expires: string;
  },
): MailMessage {
  const t = translator(locale);
  const expires = formatters(locale, 'UTC').date(input.expires);
  const values = { ...input, role: t(`directory.role.${input.role}`), expires };
  return {
    to: input.to,
    subject: t('mail.invitation.subject', values),
    text: `${t('mail.invitation.body', values)}\n\n-- \n${input.siteName}\n`,
  };
}

export function directoryMemberPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  // ── Invitation links (before /directory/:slug/… so the reserved word is never a slug) ───────
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
  const invalidStatus = (reason: string) => (reason === 'unknown' ? 404 : 410);

  app.get('/directory/invitations/:token', async (c) => {
    const token = c.req.param('token');
    const check = await checkInvitation(db, token);
    if (!check.ok)
      return invitationPage(c, { kind: 'invalid', reason: check.reason }, invalidStatus(check.reason));
    const user = c.var.auth?.user;
    const { invitation } = check;
    if (!user) return invitationPage(c, { kind: 'signIn', invitation, token });
    const match = invitationMatches(invitation, user);
    if (match !== 'ok') return invitationPage(c, { kind: match, invitation, token }, 403);
    return invitationPage(c, { kind: 'accept', invitation, token });
  });

  app.post('/directory/invitations/:token', async (c) => {
    const user = requireUser(c);
    const token = c.req.param('token');
    const check = await checkInvitation(db, token);
    if (!check.ok)
      return invitationPage(c, { kind: 'invalid', reason: check.reason }, invalidStatus(check.reason));
    const match = invitationMatches(check.invitation, user);
    if (match !== 'ok') return invitationPage(c, { kind: match, invitation: check.invitation, token }, 403);
    const result = await db.transaction().execute(async (trx) => {
      const accepted = await acceptInvitation(trx, token, user);
      if (accepted.ok) {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'organisation.member_joined',
          subjectType: 'organisation',
          subjectId: accepted.invitation.organisation_id,
          details: { invitationId: accepted.invitation.id, role: accepted.role },
        });
      }
      return accepted;
    });
    if (!result.ok)
      return invitationPage(c, { kind: 'invalid', reason: result.reason }, invalidStatus(result.reason));
    setFlash(c, 'directory.members.joined');
    return c.redirect(`/directory/${result.invitation.slug}`, 303);
  });

  // ── The members page ───────────────────────────────────────────────────────────────────────
  app.get('/directory/:slug/members', async (c, next) => {
    const loaded = await loadForMembers(c);
    if (!loaded) return next();
    return showMembersPage(c, loaded);
  });

  app.post('/directory/:slug/members/invite', async (c, next) => {
    const loaded = await loadForMembers(c);
    if (!loaded) return next();
    const { org, user, role } = loaded;
    if (!canManageMembers(user, role)) throw new HttpError(403, 'error.403.message');
    const form = await readForm(c, inviteSchema);
    if (!form.ok) return showMembersPage(c, loaded, { invite: form }, 422);
    if (await isMemberEmail(db, org.id, form.data.email)) {
      return showMembersPage(
        c,
        loaded,
        { invite: { values: form.values, errors: { email: 'directory.members.alreadyMember' } } },
        422,
      );
    }
    const limit = await hitRateLimit(db, INVITES_PER_HOUR, String(user.id));
    if (limit.blocked) {
      c.header('Retry-After', String(limit.retryAfter));
      return showMembersPage(
        c,
        loaded,
        { invite: { values: form.values, errors: { _form: 'directory.members.tooManyInvitations' } } },
        429,
      );
    }
    // The mail is written in the invitee's language when they already have an account.
    const account = await db
      .selectFrom('users')
      .select('locale')
      .where('email', '=', normaliseEmail(form.data.email))
      .executeTakeFirst();
    const locale: Locale = isLocale(account?.locale) ? account.locale : c.var.locale;
    await db.transaction().execute(async (trx) => {
      const invitation = await createInvitation(trx, org.id, form.data, user);
      await enqueueMail(
        trx,
        invitationMail(locale, {
          to: form.data.email,
          siteName: config.siteName,
          organisation: org.name,
          inviter: user.name,
          role: form.data.role,
          link: `${config.baseUrl}/directory/invitations/${invitation.token}`,
          expires: invitation.expiresAt,
        }),
      );
      await recordAudit(trx, {
        ...auditOrigin(c),
        action: 'organisation.member_invited',
        subjectType: 'organisation',
        subjectId: org.id,
        details: { invitationId: invitation.id, email: form.data.email, role: form.data.role },
      });
    });
    deps.outbox.kick();
    setFlash(c, 'directory.members.invited');
    return c.redirect(`/directory/${org.slug}/members`, 303);
  });

  app.post('/directory/:slug/members/revoke', async (c, next) => {
    const loaded = await loadForMembers(c);
    if (!loaded) return next();
    const { org, user, role } = loaded;
    if (!canManageMembers(user, role)) throw new HttpError(403, 'error.403.message');
    const body = await c.req.parseBody();
    const id = Number(body.invitation_id);
    const revoked = Number.isSafeInteger(id)
      ? await db.transaction().execute(async (trx) => {
          const row = await revokeInvitation(trx, org.id, id, user.id);
          if (row) {
            await recordAudit(trx, {
              ...auditOrigin(c),
              action: 'organisation.invitation_revoked',
              subjectType: 'organisation',
              subjectId: org.id,
              details: { invitationId: id, email: row.email },
            });
          }
          return row;
        })
      : null;
    if (!revoked) return showMembersPage(c, loaded, { error: 'directory.members.noSuchInvitation' }, 404);
    setFlash(c, 'directory.members.revoked');
    return c.redirect(`/directory/${org.slug}/members`, 303);
  });

  /** Runs a member change with its audit entry; shows the refusal on the page when there is one. */
  async function memberAction(
    c: C,
    loaded: Loaded,
    change: (trx: typeof db) => Promise<MemberChange>,
    audit: { action: string; details: Record<string, unknown> },
    done: { flash: MessageKey; to: string },
  ) {
    const result = await db.transaction().execute(async (trx) => {
      const r = await change(trx);
      if (r.ok) {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: audit.action,
          subjectType: 'organisation',
          subjectId: loaded.org.id,
          details: audit.details,
        });
      }
      return r;
    });
    if (!result.ok) {
      const status = result.reason === 'lastOwner' ? 409 : result.reason === 'notMember' ? 404 : 422;
      return showMembersPage(c, loaded, { error: REFUSALS[result.reason] }, status);
    }
    setFlash(c, done.flash);
    return c.redirect(done.to, 303);
  }

  app.post('/directory/:slug/members/role', async (c, next) => {
    const loaded = await loadForMembers(c);
    if (!loaded) return next();
    const { org, user, role } = loaded;
    if (!canManageMembers(user, role)) throw new HttpError(403, 'error.403.message');
    const form = await readForm(c, roleChangeSchema);
    if (!form.ok) return showMembersPage(c, loaded, { error: 'form.invalid' }, 422);
    const { user_id, role: newRole } = form.data;
    return memberAction(
      c,
      loaded,
      (trx) => changeRole(trx, org.id, user_id, newRole, user.id),
      { action: 'organisation.member_role_changed', details: { userId: user_id, role: newRole } },
      { flash: 'directory.members.roleChanged', to: `/directory/${org.slug}/members` },
    );
  });

  app.post('/directory/:slug/members/remove', async (c, next) => {
    const loaded = await loadForMembers(c);
    if (!loaded) return next();
    const { org, user, role } = loaded;
    if (!canManageMembers(user, role)) throw new HttpError(403, 'error.403.message');
    const form = await readForm(c, memberChoiceSchema);
    if (!form.ok) return showMembersPage(c, loaded, { error: 'form.invalid' }, 422);
    const { user_id } = form.data;
    const self = user_id === user.id;
    return memberAction(
      c,
      loaded,
      (trx) => removeMember(trx, org.id, user_id, user.id),
      {
        action: self ? 'organisation.member_left' : 'organisation.member_removed',
        details: { userId: user_id },
      },
      self
        ? { flash: 'directory.members.left', to: `/directory/${org.slug}` }
        : { flash: 'directory.members.removed', to: `/directory/${org.slug}/members` },
    );
  });

  app.post('/directory/:slug/members/leave', async (c, next) => {
    const loaded = await loadForMembers(c);
    if (!loaded) return next();
    const { org, user, role } = loaded;
    if (role === null) return showMembersPage(c, loaded, { error: 'directory.members.notMember' }, 404);
    return memberAction(
      c,
      loaded,
      (trx) => removeMember(trx, org.id, user.id, user.id),
      { action: 'organisation.member_left', details: { userId: user.id, role } },
      { flash: 'directory.members.left', to: `/directory/${org.slug}` },
    );
  });

  app.post('/directory/:slug/members/transfer', async (c, next) => {
    const loaded = await loadForMembers(c);
    if (!loaded) return next();
    const { org, user, role } = loaded;
    if (!canTransferOwnership(user, role)) throw new HttpError(403, 'error.403.message');
    const form = await readForm(c, memberChoiceSchema);
    if (!form.ok) return showMembersPage(c, loaded, { error: 'form.invalid' }, 422);
    const { user_id } = form.data;
    return memberAction(
      c,
      loaded,
      (trx) => transferOwnership(trx, org.id, user.id, user_id),
      { action: 'organisation.ownership_transferred', details: { from: user.id, to: user_id } },
      { flash: 'directory.members.transferred', to: `/directory/${org.slug}/members` },
    );
  });

  return app;
}
