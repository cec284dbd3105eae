// The Atom feed of a public category (a members' or a group's category has none: feed readers
// carry no account): its newest threads, each with its opening post, written by platform/feeds.ts.
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { absoluteUrl, atomResponse, FEED_SIZE } from '../../platform/feeds.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import type { Category } from './access.ts';

export async function categoryFeed(c: Context<AppEnv>, category: Category): Promise<Response> {
  const rows = await c.var.deps.db
    .selectFrom('forum_threads as t')
    .innerJoin('forum_posts as p', (join) => join.onRef('p.thread_id', '=', 't.id'))
    .leftJoin('users as u', 'u.id', 't.author_id')
    .select(['t.id', 't.title', 't.created_at', 't.updated_at', 'p.body', 'p.hidden_at', 'u.name'])
    .where('t.category_id', '=', category.id)
    .where('t.merged_into_id', 'is', null)
    // The opening post: the thread's first.
    .where((eb) =>
      eb(
        'p.id',
        '=',
        eb
          .selectFrom('forum_posts as f')
          .select((e) => e.fn.min('f.id').as('m'))
          .whereRef('f.thread_id', '=', 't.id'),
      ),
    )
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(FEED_SIZE)
    .execute();
  return atomResponse(c, {
    title: category.name,
    subtitle: c.var.t('forums.intro'),
    selfUrl: absoluteUrl(c, `/forum/c/${category.slug}/feed.atom`),
    alternateUrl: absoluteUrl(c, `/forum/c/${category.slug}`),
    lang: c.var.locale,
    entries: rows.map((r) => ({
      name: `forums/thread/${r.id}`,
      title: r.title,
      url: absoluteUrl(c, `/forum/t/${r.id}`),
      updated: String(r.updated_at),
      published: String(r.created_at),
      contentHtml: r.hidden_at ? undefined : renderMarkdown(r.body),
      authors: r.name ? [r.name] : [],
    })),
  });
}
