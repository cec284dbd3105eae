// /network/messages: the member's conversations, the latest first; unread ones say so in words.
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { ConversationCard } from '../listing.ts';
import { NetworkTabs } from './parts.tsx';

export function ConversationsView({ conversations }: { conversations: ConversationCard[] }) {
  const { t, fmt } = usePage();
  const unread = conversations.filter((c) => c.unread).length;
  return (
    <div class="wrap stack">
      <PageHead title={t('network.messages')} />
      <NetworkTabs current="messages" unread={unread} />
      {conversations.length === 0 ? (
        <p class="empty">{t('network.noConversations')}</p>
      ) : (
        <ul class="network-list">
          {conversations.map((c) => (
            <li class={c.unread ? 'unread' : undefined}>
              <a href={`/network/messages/${c.id}`}>
                {c.unread && <span class="badge">{t('network.unread')}</span>} {c.member.name}
              </a>
              {c.lastMessageAt && (
                <span class="muted">
                  {' '}
                  · <time datetime={c.lastMessageAt}>{fmt.dateTime(c.lastMessageAt)}</time>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
