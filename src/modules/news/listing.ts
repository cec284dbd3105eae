// The lists of the news: the filtered list of published posts (page, feed, export, API), what the
// filters offer, and a post's comments. "Published" is always decided against the moment passed in
// (`now`): a scheduled post appears by itself when its moment comes, with nothing to run.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listMatches } from '../../search/index.ts';
import { byText, type Post, tagsOf, translationFor, translationsOf } from './access.ts';
import { type CoverInfo, covers } from './images.ts';
import type { NewsFilter } from './schemas.ts';

type Db = Kysely<Database>;

export const PAGE_SIZE = 20;

/** Posts published by `now`. */
const published = (db: Db, now: string) =>
  db.selectFrom('posts').where('posts.published_at', 'is not', null).where('posts.published_at', '<=', now);

/** The published posts a filter selects. */
function selection(db: Db, filter: NewsFilter, now: string, matches?: number[]) {
  let q = published(db, now).leftJoin('organisations', 'organisations.id', 'posts.organisation_id');
  if (matches) q = q.where('posts.id', 'in', matches);
  if (filter.category) q = q.where('posts.category', '=', filter.category);
  if (filter.organisation) q = q.where('organisations.slug', '=', filter.organisation);
  // A post has no country of its own: it is a country's through the organisation it is posted for.
  if (filter.country) q = q.where('organisations.country', '=', filter.country);
  if (filter.tag) {
    const tag = filter.tag;
    q = q.where('posts.id', 'in', (eb) =>
      eb.selectFrom('post_tags').select('post_id').where('tag', '=', tag),
    );
  }
  if (filter.language) {
    const lang = filter.language;
    // Written in it, or translated into it.
    q = q.where((eb) =>
      eb.or([
        eb('posts.lang', '=', lang),
        eb('posts.id', 'in', eb.selectFrom('post_translations').select('post_id').where('lang', '=', lang)),
      ]),
    );
  }
  return q;
}

export interface PostCard extends Post {
  /** Title and body in the reader's language where there is a translation. */
  shownTitle: string;
  shownBody: string;
  /** The language of what is shown. */
  shownLang: string;
  translated: boolean;
  organisationSlug: string | null;
  organisationName: string | null;
  authorName: string | null;
  cover: CoverInfo | undefined;
  tags: string[];
}

/** A page of the list, newest first, in the reader's language where a translation exists. */
export async function listPosts(
  db: Db,
  filter: NewsFilter,
  options: { locale: string; now: string; pageSize?: number; offset?: number },
): Promise<{ cards: PostCard[]; total: number }> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const matches = await listMatches(db, filter.q, 'post', null);
  const [rows, count] = await Promise.all([
    selection(db, filter, options.now, matches)
      .leftJoin('users', 'users.id', 'posts.author_id')
      .selectAll('posts')
      .select([
        'organisations.slug as org_slug',
        'organisations.name as org_name',
        'users.name as author_name',
      ])
      .orderBy('posts.published_at', 'desc')
      .orderBy('posts.id', 'desc')
      .limit(pageSize)
      .offset(options.offset ?? (filter.page - 1) * pageSize)
      .execute(),
    selection(db, filter, options.now, matches)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const [translations, tags, coverInfos] = await Promise.all([
    translationsOf(db, ids),
    tagsOf(db, ids),
    covers.infos(db, ids),
  ]);
  const cards = rows.map(({ org_slug, org_name, author_name, ...post }) => {
    const tr = translationFor(
      { lang: post.lang, translations: translations.get(post.id) ?? [] },
      options.locale,
    );
    return {
      ...post,
      shownTitle: tr?.title || post.title,
      shownBody: tr?.body || post.body,
      shownLang: tr ? tr.lang : post.lang,
      translated: !!tr,
      organisationSlug: org_slug,
      organisationName: org_name,
      authorName: author_name,
      cover: coverInfos.get(post.id),
      tags: tags.get(post.id) ?? [],
    };
  });
  return { cards, total: Number(count.n) };
}

/** What the filters offer: the tags, languages and organisations of published posts. */
export async function facets(db: Db, now: string) {
  const [tags, languages, organisations] = await Promise.all([
    published(db, now)
      .innerJoin('post_tags', 'post_tags.post_id', 'posts.id')
      .select(['post_tags.tag', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('post_tags.tag')
      .orderBy('n', 'desc')
      .limit(30)
      .execute(),
    published(db, now).select('posts.lang').distinct().execute(),
    published(db, now)
      .innerJoin('organisations', 'organisations.id', 'posts.organisation_id')
      .select(['organisations.slug', 'organisations.name'])
      .distinct()
      .execute(),
  ]);
  return {
    tags: tags.map((t) => t.tag).sort(byText),
    languages: languages.map((l) => l.lang).sort(byText),
    organisations: organisations.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export interface Comment {
  id: number;
  body: string;
  created_at: string;
  hidden_at: string | null;
  author_id: number | null;
  authorName: string | null;
}

/** A post's comments in the order they were written; hidden ones only for those who may hide them. */
export async function listComments(
  db: Db,
  postId: number,
  options: { withHidden: boolean },
): Promise<Comment[]> {
  let q = db
    .selectFrom('post_comments')
    .leftJoin('users', 'users.id', 'post_comments.author_id')
    .select([
      'post_comments.id',
      'post_comments.body',
      'post_comments.created_at',
      'post_comments.hidden_at',
      'post_comments.author_id',
      'users.name as authorName',
    ])
    .where('post_comments.post_id', '=', postId);
  if (!options.withHidden) q = q.where('post_comments.hidden_at', 'is', null);
  return q.orderBy('post_comments.id').limit(500).execute();
}
