// What the directory tells members, and what they may follow in it. Followed: an organisation, by
// its id (a slug may change), found only as the follower may see it (an unpublished one by its
// people and the hub's editors). Told: the owners of an organisation another one names as its
// parent, so they confirm or decline the link (actions/parents.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionContext } from '../../platform/actions.ts';
import type { Followable } from '../../platform/notifications/follows.ts';
import type { NotificationKind } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { memberRole } from './access.ts';
import { canView } from './permissions.ts';

export const organisationFollowable: Followable = {
  type: 'organisation',
  label: 'directory.searchType',
  async find(db, key, viewer) {
    const id = Number(key);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const org = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!org) return null;
    const role = viewer ? await memberRole(db, org.id, viewer.id) : null;
    return canView(viewer, org, role) ? { title: org.name, url: `/directory/${org.slug}` } : null;
  },
};

export const directoryNotificationKinds: NotificationKind[] = [
  {
    kind: 'directory.unit-requested',
    label: 'directory.notify.unitRequestedLabel',
    message: 'directory.notify.unitRequested',
    defaultDelivery: 'immediate',
  },
];

/**
 * In the write's transaction, when a link waits: the parent's owners are told, once for this unit
 * and this parent (setting and clearing the parent again does not flood their inbox).
 */
export async function askParentOwners(
  trx: Kysely<Database>,
  ctx: ActionContext,
  unit: { id: number; name: string },
  parentId: number,
): Promise<void> {
  const parent = await trx
    .selectFrom('organisations')
    .select(['slug', 'name'])
    .where('id', '=', parentId)
    .executeTakeFirstOrThrow();
  const owners = await trx
    .selectFrom('organisation_members')
    .select('user_id')
    .where('organisation_id', '=', parentId)
    .where('role', '=', 'owner')
    .execute();
  if (owners.length === 0) return;
  await notify(trx, ctx.deps, {
    kind: 'directory.unit-requested',
    subject: { type: 'organisation_parent', key: `${unit.id}:${parentId}` },
    url: `/directory/${parent.slug}/members`,
    params: { unit: unit.name, parent: parent.name },
    to: { users: owners.map((o) => o.user_id) },
    actorId: ctx.user?.id ?? null,
    once: true,
  });
}
