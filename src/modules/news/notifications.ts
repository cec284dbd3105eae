// What the news module tells members: a post, when it becomes public (published now, or its
// scheduled moment come), to the followers of its organisation and of its tags — once per post.
// See docs/notifications.md.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppDeps } from '../../platform/context.ts';
import { type FollowTarget, normaliseTag } from '../../platform/notifications/follows.ts';
import type { NotificationKind } from '../../platform/notifications/kinds.ts';
import { type NotifyDeps, notify } from '../../platform/notifications/notify.ts';
import { siteName } from '../../platform/site/index.ts';

type Db = Kysely<Database>;

export const newsNotificationKinds: NotificationKind[] = [
  {
    kind: 'news.post-published',
    label: 'news.notify.postPublishedKind',
    message: 'news.notify.postPublished',
    defaultDelivery: 'daily',
  },
];

/** What announcing needs: the modules (their notification kinds and scopes) and the site's name. */
export type Announcing = NotifyDeps & { siteName: string };
export const announcingOf = (deps: AppDeps): Announcing => ({
  modules: deps.modules,
  siteName: siteName(deps),
});

/** Tells the followers of the post's organisation and tags (the post has just become public). */
export async function announcePost(db: Db, announcing: Announcing, id: number, now: string): Promise<void> {
  const post = await db
    .selectFrom('posts')
    .leftJoin('organisations', 'organisations.id', 'posts.organisation_id')
    .select([
      'posts.slug',
      'posts.title',
      'posts.author_id',
      'posts.organisation_id',
      'organisations.name as organisation',
    ])
    .where('posts.id', '=', id)
    .executeTakeFirstOrThrow();
  const tags = await db.selectFrom('post_tags').select('tag').where('post_id', '=', id).execute();
  const followersOf: FollowTarget[] = tags.map((t) => ({ type: 'tag', key: normaliseTag(t.tag) }));
  if (post.organisation_id) followersOf.push({ type: 'organisation', key: String(post.organisation_id) });
  await notify(
    db,
    announcing,
    {
      kind: 'news.post-published',
      subject: { type: 'news_post', key: id },
      url: `/news/${post.slug}`,
      params: { title: post.title, source: post.organisation ?? announcing.siteName },
      to: { followersOf },
      actorId: post.author_id,
      once: true,
    },
    now,
  );
}
