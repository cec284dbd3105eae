// What waits for a signed-in member first on the home page: how many notifications they have not
// read, and the latest few, each leading through /notifications/:id (which marks it read).
import type { PageBlock } from '../../platform/context.ts';
import { UNREAD_CAP, unreadCount } from '../../platform/notifications/inbox.ts';
import { type NotificationKind, notificationKinds } from '../../platform/notifications/kinds.ts';
import { readableScopes } from '../../platform/scopes.ts';
import { Block, BlockList } from '../../ui/components/block.tsx';
import { usePage } from '../../ui/page-context.ts';
import { type InboxItem, listInbox, messageOf } from './listing.ts';

const SHOWN = 3;

interface Waiting {
  unread: number;
  items: InboxItem[];
  kinds: ReadonlyMap<string, NotificationKind>;
}

export const notificationsHomeBlock: PageBlock<Waiting> = {
  id: 'home-notifications',
  order: 1,
  load: async ({ deps, viewer }) => {
    if (!viewer) return null;
    const [unread, page] = await Promise.all([
      readableScopes(deps, viewer).then((scopes) => unreadCount(deps.db, viewer.id, scopes)),
      listInbox(deps, viewer, { unreadOnly: true }),
    ]);
    if (!unread) return null;
    return { unread, items: page.items.slice(0, SHOWN), kinds: notificationKinds(deps.modules) };
  },
  view: (data) => <WaitingNotifications {...data} />,
};

function WaitingNotifications(props: Waiting) {
  const { t, fmt } = usePage();
  return (
    <Block
      id="home-notifications"
      title={t('notifications.title')}
      more={{ href: '/notifications?unread=1', label: t('notifications.allUnread') }}
    >
      <p>
        <strong>
          {t('layout.unreadCount', {
            count: props.unread >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : fmt.number(props.unread),
          })}
        </strong>
      </p>
      <BlockList>
        {props.items.map((item) => (
          <li>
            <a href={`/notifications/${item.id}`}>{messageOf(props.kinds, t, item)}</a>
            <span class="muted"> · {fmt.dateTime(item.createdAt)}</span>
          </li>
        ))}
      </BlockList>
    </Block>
  );
}
