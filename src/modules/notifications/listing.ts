// The inbox: a member's notifications, newest first, 30 to a page with an "older" link (the id to
// start before), and each one's line in the reader's language. What is shown of a private group is
// checked against the reader's groups now (platform/notifications/inbox.ts, visibleTo).
import type { User } from '../../db/schema.ts';
import type { AppDeps } from '../../platform/context.ts';
import type { MessageKey, Translator } from '../../platform/i18n.ts';
import { visibleTo } from '../../platform/notifications/inbox.ts';
import type { notificationKinds } from '../../platform/notifications/kinds.ts';
import { readableScopes } from '../../platform/scopes.ts';

export const INBOX_PAGE = 30;

export interface InboxItem {
  id: number;
  kind: string;
  url: string;
  params: Record<string, string>;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  /** The id to continue from (`?before=`), when there are older ones. */
  older: number | null;
}

/** A notification's stored params (JSON); none when they cannot be read. */
export function paramsOf(json: string): Record<string, string> {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export async function listInbox(
  deps: AppDeps,
  user: User,
  options: { before?: number; unreadOnly?: boolean } = {},
): Promise<InboxPage> {
  const readable = await readableScopes(deps, user);
  let q = deps.db
    .selectFrom('notifications')
    .select(['id', 'kind', 'url', 'params', 'created_at', 'read_at'])
    .where(visibleTo(user.id, readable))
    .orderBy('id', 'desc')
    .limit(INBOX_PAGE + 1);
  if (options.before) q = q.where('id', '<', options.before);
  if (options.unreadOnly) q = q.where('read_at', 'is', null);
  const rows = await q.execute();
  const items = rows.slice(0, INBOX_PAGE).map((r) => ({
    id: r.id,
    kind: r.kind,
    url: r.url,
    params: paramsOf(r.params),
    createdAt: r.created_at,
    readAt: r.read_at,
  }));
  return { items, older: rows.length > INBOX_PAGE ? (items.at(-1)?.id ?? null) : null };
}

/** One notification of `user`'s, if they may still see it. */
export async function findNotification(deps: AppDeps, user: User, id: number) {
  return deps.db
    .selectFrom('notifications')
    .select(['id', 'url', 'read_at'])
    .where(visibleTo(user.id, await readableScopes(deps, user)))
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A notification's line in the reader's language: its kind's message with its params. */
export function messageOf(
  kinds: ReturnType<typeof notificationKinds>,
  t: Translator,
  item: { kind: string; params: Record<string, string> },
): string {
  const kind = kinds.get(item.kind);
  if (!kind) return t('notifications.unknownKind');
  return t(kind.message as MessageKey, item.params);
}
