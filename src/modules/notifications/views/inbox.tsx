// /notifications: the member's notifications, newest first. Each is a link through
// /notifications/:id (which marks it read, then goes to what it is about); unread ones say so in
// words, not only in weight, and each has its own "mark read" button. Works without JavaScript.

import { CsrfField } from '../../../ui/components/form.tsx';
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { InboxItem } from '../listing.ts';

export interface InboxViewProps {
  items: (InboxItem & { line: string })[];
  older: number | null;
  unreadOnly: boolean;
}

export function InboxView({ items, older, unreadOnly }: InboxViewProps) {
  // The header's count (render.tsx counts it for the bell): no second count for this page.
  const { t, fmt, unread } = usePage();
  return (
    <div class="wrap stack">
      <PageHead title={t('notifications.title')} />
      <nav class="tabs" aria-label={t('notifications.show')}>
        <a href="/notifications" aria-current={unreadOnly ? undefined : 'page'}>
          {t('notifications.all')}
        </a>{' '}
        <a href="/notifications?unread=1" aria-current={unreadOnly ? 'page' : undefined}>
          {t('notifications.unreadOnly')}
        </a>{' '}
        <a href="/notifications/following">{t('notifications.following')}</a>{' '}
        <a href="/notifications/settings">{t('notifications.settings')}</a>
      </nav>
      {!!unread && (
        <form method="post" action="/notifications/read">
          <CsrfField />
          <input type="hidden" name="all" value="1" />
          <button type="submit" class="button secondary small">
            {t('notifications.markAllRead')}
          </button>
        </form>
      )}
      {items.length === 0 ? (
        <p class="empty">{unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}</p>
      ) : (
        <ul class="notifications">
          {items.map((item) => (
            <li class={item.readAt ? 'notification' : 'notification unread'}>
              <a href={`/notifications/${item.id}`}>
                {!item.readAt && <span class="badge">{t('notifications.new')}</span>} {item.line}
              </a>
              <span class="muted">
                {' '}
                · <time datetime={item.createdAt}>{fmt.date(item.createdAt)}</time>
              </span>
              {!item.readAt && (
                <form method="post" action="/notifications/read" class="inline">
                  <CsrfField />
                  <input type="hidden" name="id" value={String(item.id)} />
                  <button
                    type="submit"
                    class="link-button"
                    aria-label={`${t('notifications.markRead')}: ${item.line}`}
                  >
                    {t('notifications.markRead')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {older && (
        <p>
          <a href={`/notifications?before=${older}${unreadOnly ? '&unread=1' : ''}`}>
            {t('notifications.older')}
          </a>
        </p>
      )}
    </div>
  );
}
