// A thread: its title and state (pinned, locked, slow mode, a question and its answer), following,
// "jump to first unread", a page of its posts, the reply form (pre-filled with a quote when the
// reader followed a "quote" link), and for moderators the thread's settings, move and merge.

import { FollowButton } from '../../../ui/components/follow-button.tsx';
import { Checkbox, Field, Form, type FormState, SelectField } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { ThreadIn } from '../access.ts';
import type { CategoryCard, PostView } from '../listing.ts';
import { canEditPost } from '../permissions.ts';
import { POSTS_PER_PAGE } from '../vocab.ts';
import { Honeypot, ReplyForm } from './forms.tsx';
import { PostArticle, type PostPermissions } from './post.tsx';

export interface ThreadProps {
  thread: ThreadIn;
  posts: PostView[];
  page: number;
  following: boolean;
  /** Where the reader's unread posts start, when there are some. */
  firstUnread: number | null;
  can: Omit<PostPermissions, 'canTranslate' | 'canEdit'> & { translateOwn: boolean; editor: boolean };
  reply: { state: FormState; wait?: number };
  /** A translation form sent back with its messages. */
  translation?: { postId: number; state: FormState };
  /** Categories a moderator may move the thread to. */
  moveTo: CategoryCard[];
  groupPath: string | null;
}

function ThreadState({ thread }: { thread: ThreadIn }) {
  const { t, fmt } = usePage();
  const marks = [
    thread.pinned ? t('forums.pinned') : null,
    thread.locked ? t('forums.lockedMark') : null,
    thread.is_question ? (thread.solved_post_id ? t('forums.solved') : t('forums.question')) : null,
    thread.slow_mode_seconds > 0
      ? t('forums.slowModeMark', { seconds: fmt.number(thread.slow_mode_seconds) })
      : null,
  ].filter((m): m is string => !!m);
  return marks.length ? (
    <p>
      {marks.map((m) => (
        <span class="badge">{m}</span>
      ))}
    </p>
  ) : null;
}

function ModeratorPanel({ props }: { props: ThreadProps }) {
  const { t } = usePage();
  const { thread } = props;
  const settings: FormState = {
    values: {
      ...(thread.pinned ? { pinned: '1' } : {}),
      ...(thread.locked ? { locked: '1' } : {}),
      ...(thread.is_question ? { is_question: '1' } : {}),
      slow_mode_seconds: String(thread.slow_mode_seconds),
    },
  };
  return (
    <section aria-labelledby="moderate-heading">
      <h2 id="moderate-heading">{t('forums.moderate')}</h2>
      <Form action={`/forum/t/${thread.id}/settings`} state={settings}>
        <Checkbox name="pinned" label="forums.pin" state={settings} />
        <Checkbox name="locked" label="forums.lock" state={settings} />
        <Checkbox name="is_question" label="forums.isQuestion" state={settings} />
        <Honeypot id="settings-hp" />
        <Field
          name="slow_mode_seconds"
          type="number"
          label="forums.slowModeSeconds"
          hint="forums.slowModeHint"
          state={settings}
        />
        <button type="submit" class="button secondary">
          {t('forums.saveSettings')}
        </button>
      </Form>
      <Form action={`/forum/t/${thread.id}/move`}>
        <SelectField
          name="category"
          label="forums.moveTo"
          options={props.moveTo.map((c) => ({ value: c.slug, label: c.name, lang: c.lang }))}
          initial={thread.category.slug}
        />
        <Honeypot id="move-hp" />
        <button type="submit" class="button secondary">
          {t('forums.move')}
        </button>
      </Form>
      <Form action={`/forum/t/${thread.id}/merge`}>
        <Field name="into" type="number" label="forums.mergeInto" hint="forums.mergeHint" />
        <Honeypot id="merge-hp" />
        <button type="submit" class="button danger">
          {t('forums.merge')}
        </button>
      </Form>
    </section>
  );
}

export function ThreadView(props: ThreadProps) {
  const { t, user, here } = usePage();
  const { thread, can } = props;
  const first = (props.page - 1) * POSTS_PER_PAGE;
  return (
    <div class="wrap stack">
      <Breadcrumb
        trail={[
          { href: '/forum', label: t('forums.title') },
          { href: `/forum/c/${thread.category.slug}`, label: thread.category.name },
        ]}
      />
      <header class="page-head">
        <div>
          <h1 lang={thread.lang}>{thread.title}</h1>
          <ThreadState thread={thread} />
          {props.groupPath && (
            <p>
              <a href={props.groupPath}>{t('forums.theGroup')}</a>
            </p>
          )}
        </div>
        <FollowButton target={{ type: 'forum-thread', key: String(thread.id) }} following={props.following} />
      </header>
      {props.firstUnread !== null && (
        <p>
          <a href={`/forum/t/${thread.id}/unread`}>{t('forums.jumpToUnread')}</a>
        </p>
      )}
      <Pagination page={props.page} pageSize={POSTS_PER_PAGE} total={thread.post_count} />
      <div class="stack">
        {props.posts.map((post, i) => (
          <PostArticle
            post={post}
            threadId={thread.id}
            number={first + i + 1}
            solved={thread.solved_post_id === post.id}
            translationState={props.translation?.postId === post.id ? props.translation.state : undefined}
            can={{
              ...can,
              canSolve: can.canSolve && i + first > 0,
              canTranslate: can.editor || can.moderator || (can.translateOwn && post.author_id === user?.id),
              canEdit: canEditPost(user ?? null, post, thread, can.moderator),
            }}
          />
        ))}
      </div>
      <Pagination page={props.page} pageSize={POSTS_PER_PAGE} total={thread.post_count} />
      {can.canReply ? (
        <ReplyForm action={`/forum/t/${thread.id}/reply`} state={props.reply.state} wait={props.reply.wait} />
      ) : thread.locked ? (
        <p class="notice">{t('forums.lockedNotice')}</p>
      ) : !user ? (
        <p>
          <a class="button" href={`/login?next=${encodeURIComponent(here)}`}>
            {t('forums.signInToReply')}
          </a>
        </p>
      ) : null}
      {can.moderator && <ModeratorPanel props={props} />}
    </div>
  );
}
