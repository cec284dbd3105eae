// A category: its threads (pinned first, then the latest activity) with replies and the reader's
// unread counts, following, the Atom feed (public categories), and the link to start a thread.
import { renderMarkdown } from '../../../platform/markdown.ts';
import { FollowButton } from '../../../ui/components/follow-button.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { Category } from '../access.ts';
import type { ThreadCard } from '../listing.ts';
import { THREADS_PER_PAGE } from '../vocab.ts';

export function CategoryView(props: {
  category: Category;
  name: string;
  threads: ThreadCard[];
  total: number;
  page: number;
  following: boolean;
  groupPath: string | null;
}) {
  const { t, fmt, user, here } = usePage();
  const { category } = props;
  return (
    <div class="wrap stack">
      <Breadcrumb trail={[{ href: '/forum', label: t('forums.title') }]} />
      <header class="page-head">
        <div>
          <h1>{props.name}</h1>
          {category.description && (
            <div
              lang={category.lang}
              dangerouslySetInnerHTML={{ __html: renderMarkdown(category.description) }}
            />
          )}
          {props.groupPath && (
            <p>
              <a href={props.groupPath}>{t('forums.theGroup')}</a>
            </p>
          )}
        </div>
        <FollowButton
          target={{ type: 'forum-category', key: String(category.id) }}
          following={props.following}
        />
      </header>
      <p>
        {user ? (
          <a class="button" href={`/forum/c/${category.slug}/new`}>
            {t('forums.startThread')}
          </a>
        ) : (
          <a class="button" href={`/login?next=${encodeURIComponent(here)}`}>
            {t('forums.signInToWrite')}
          </a>
        )}
        {category.visibility === 'public' && (
          <>
            {' '}
            <a href={`/forum/c/${category.slug}/feed.atom`}>{t('forums.feed')}</a>
          </>
        )}
      </p>
      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading">{t('forums.threadCount', { count: props.total })}</h2>
        {props.threads.length === 0 ? (
          <p>{t('forums.noThreads')}</p>
        ) : (
          <ul class="plain stack">
            {props.threads.map((th) => (
              <li class="card">
                <h3 class="card-title">
                  <a href={`/forum/t/${th.id}`} lang={th.lang}>
                    {th.title}
                  </a>
                </h3>
                <p class="muted">
                  {th.pinned ? `${t('forums.pinned')} · ` : ''}
                  {th.locked ? `${t('forums.lockedMark')} · ` : ''}
                  {th.is_question
                    ? `${th.solved_post_id ? t('forums.solved') : t('forums.question')} · `
                    : ''}
                  {th.author ?? t('forums.formerMember')} ·{' '}
                  {t('forums.replyCount', { count: Math.max(0, th.post_count - 1) })} ·{' '}
                  {fmt.dateTime(String(th.last_post_at))}
                </p>
                {th.unread !== null && th.unread > 0 && (
                  <p>
                    <a href={`/forum/t/${th.id}/unread`}>{t('forums.unreadCount', { count: th.unread })}</a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Pagination page={props.page} pageSize={THREADS_PER_PAGE} total={props.total} />
    </div>
  );
}
