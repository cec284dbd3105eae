// What the QPR workspace tells members: a section assigned to them, a section due soon (the
// reminders' job), and the coordinator's decision on a civil-society input. Each goes to named
// members only (`to.users`): a draft's titles never reach anyone outside its team.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppDeps } from '../../platform/context.ts';
import type { NotificationKind } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';

type Db = Kysely<Database>;

export const qprNotificationKinds: NotificationKind[] = [
  {
    kind: 'qpr.section-assigned',
    label: 'qpr.notify.assignedLabel',
    message: 'qpr.notify.assigned',
    defaultDelivery: 'immediate',
  },
  {
    kind: 'qpr.section-due',
    label: 'qpr.notify.dueLabel',
    message: 'qpr.notify.due',
    defaultDelivery: 'immediate',
  },
  {
    kind: 'qpr.input-decided',
    label: 'qpr.notify.decidedLabel',
    message: 'qpr.notify.decided',
    defaultDelivery: 'immediate',
  },
];

interface Told {
  kind: 'qpr.section-assigned' | 'qpr.section-due' | 'qpr.input-decided';
  subject: { type: string; key: number };
  url: string;
  params: Record<string, string>;
  userId: number;
  actorId?: number | null;
}

export const tell = (trx: Db, deps: Pick<AppDeps, 'modules'>, told: Told) =>
  notify(trx, deps, {
    kind: told.kind,
    subject: told.subject,
    url: told.url,
    params: told.params,
    to: { users: [told.userId] },
    actorId: told.actorId ?? null,
  });
