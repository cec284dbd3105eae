// The kinds of notifications the modules emit (`notificationKinds` in a manifest), and how a member
// may receive each: in the inbox only, by mail at once, in a daily or a weekly digest, or not at all.
import type { MessageKey } from '../i18n.ts';

export const DELIVERIES = ['inbox', 'immediate', 'daily', 'weekly', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];
/** The deliveries that send mail; the digests among them. */
export const MAILED: readonly Delivery[] = ['immediate', 'daily', 'weekly'];
export const DIGESTS = ['daily', 'weekly'] as const;
export type DigestPeriod = (typeof DIGESTS)[number];

export const isDelivery = (value: unknown): value is Delivery => DELIVERIES.includes(value as Delivery);

export interface NotificationKind {
  /** `<module>.<what>`, e.g. `news.post-published`; unique across the platform. */
  kind: string;
  /** What the preferences page calls it ("New posts of what you follow"). */
  label: MessageKey;
  /** The line in the inbox and the mail, filled with the notification's params ({title}, {name}…). */
  message: MessageKey;
  /** How it reaches a member who has not chosen. */
  defaultDelivery: Delivery;
}

/** Every kind of the modules, by name. */
export function notificationKinds(
  modules: readonly { notificationKinds?: readonly NotificationKind[] }[],
): ReadonlyMap<string, NotificationKind> {
  const kinds = new Map<string, NotificationKind>();
  for (const kind of modules.flatMap((m) => m.notificationKinds ?? [])) {
    if (kinds.has(kind.kind)) throw new Error(`Two notification kinds are named ${kind.kind}`);
    kinds.set(kind.kind, kind);
  }
  return kinds;
}
