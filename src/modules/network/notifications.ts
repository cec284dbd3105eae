// What the network tells members (notify(), platform/notifications): a request to connect, a
// request accepted, a new message. Each goes to the one member it concerns.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionContext } from '../../platform/actions.ts';
import type { NotificationKind } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';

export const networkNotificationKinds: NotificationKind[] = [
  {
    kind: 'network.connection-requested',
    label: 'network.notify.requestedLabel',
    message: 'network.notify.requested',
    defaultDelivery: 'immediate',
  },
  {
    kind: 'network.connection-accepted',
    label: 'network.notify.acceptedLabel',
    message: 'network.notify.accepted',
    defaultDelivery: 'immediate',
  },
  {
    // A conversation may hold many messages a day: one digest rather than a mail for each.
    kind: 'network.message',
    label: 'network.notify.messageLabel',
    message: 'network.notify.message',
    defaultDelivery: 'daily',
  },
];

type Kind = 'network.connection-requested' | 'network.connection-accepted' | 'network.message';

/** Tells `to` that the acting member did something (`kind`), pointing at `url`. */
export async function tellMember(
  trx: Kysely<Database>,
  ctx: ActionContext,
  notice: { kind: Kind; to: number; subject: { type: string; key: number }; url: string; name: string },
): Promise<void> {
  await notify(trx, ctx.deps, {
    kind: notice.kind,
    subject: notice.subject,
    url: notice.url,
    params: { name: notice.name },
    to: { users: [notice.to] },
    actorId: ctx.user?.id ?? null,
  });
}
