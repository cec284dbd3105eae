// What the groups module tells members, and what they may follow. A group is followed by its id and
// found only by those who know it exists (a secret group by its people and its country's focal
// points; a private one by everyone, its name being public). An invitation to an address that has an
// account is told to that account, linking to its list of invitations (/groups/invitations), never
// to the mailed link: the secret stays in the mail.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionContext } from '../../platform/actions.ts';
import type { Followable } from '../../platform/notifications/follows.ts';
import type { NotificationKind } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { heldRoles, inGroup } from '../../platform/scopes.ts';
import { canSeeGroup } from './permissions.ts';
import { groupScope } from './scope.ts';

type Db = Kysely<Database>;

export const groupsNotificationKinds: NotificationKind[] = [
  {
    kind: 'groups.invited',
    label: 'groups.notify.invitedLabel',
    message: 'groups.notify.invited',
    defaultDelivery: 'immediate',
  },
];

export const groupFollowable: Followable = {
  type: 'group',
  label: 'groups.searchType',
  async find(db, key, viewer) {
    const id = Number(key);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const group = await db
      .selectFrom('groups')
      .select(['id', 'slug', 'name', 'visibility'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!group) return null;
    // Seeing a secret group takes a role in it or in its country (platform/scopes.ts): the group's
    // own resolver and the platform's countries answer; no other module's role grants it.
    const held = await heldRoles({ db, modules: [{ scopes: [groupScope] }] }, viewer, inGroup(group.id));
    return canSeeGroup(viewer, group, held) ? { title: group.name, url: `/groups/${group.slug}` } : null;
  },
};

/** In the invitation's transaction: the account of the invited address (if any) is told. */
export async function announceInvitation(
  trx: Db,
  ctx: ActionContext,
  invitation: { id: number; email: string; group: string },
): Promise<void> {
  const account = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', invitation.email)
    .executeTakeFirst();
  if (!account) return;
  await notify(trx, ctx.deps, {
    kind: 'groups.invited',
    subject: { type: 'group_invitation', key: invitation.id },
    url: '/groups/invitations',
    params: { group: invitation.group, inviter: ctx.user?.name ?? '' },
    to: { users: [account.id] },
    actorId: ctx.user?.id ?? null,
  });
}
