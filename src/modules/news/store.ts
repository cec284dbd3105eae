// Queries of the news module: the filtered list of published posts, one post with its translations
// and tags, the writes (which also update the search index, in the caller's transaction), comments,
// and the sitemap. "Published" is always decided against the moment passed in (`now`): a scheduled
// post appears by itself when its moment comes, with nothing to run.
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';
import { excerpt } from '../../platform/markdown.ts';
import { nowIso } from '../../platform/time.ts';
import { indexRecord, removeRecord, type SearchableRecord } from '../../search/index.ts';
import { type MemberRole, memberRole } from '../directory/index.ts';
import { type CoverInfo, coverInfos } from './images.ts';
import type { NewsFilter, PostInput } from './schemas.ts';
import type { PostsTable } from './tables.ts';
import { type PostState, RESERVED_SLUGS } from './vocab.ts';

type Db = Kysely<Database>;
export type Post = Selectable<PostsTable>;

export interface PostTranslation {
  lang: string;
  title: string;
  body: string;
}

export interface PostDetails extends Post {
  translations: PostTranslation[];
  tags: string[];
  organisation: { slug: string; name: string; lang: string } | null;
  author: { id: number; name: string } | null;
}

export const PAGE_SIZE = 20;

export function stateOf(post: Pick<Post, 'published_at'>, now: string): PostState {
  if (post.published_at === null) return 'draft';
  return post.published_at > now ? 'scheduled' : 'published';
}

/** The translation for a reader of `locale`, when the post is written in another language. */
export function translationFor(
  post: { lang: string; translations: PostTranslation[] },
  locale: string,
): PostTranslation | undefined {
  if (post.lang === locale) return undefined;
  // zh-Hans readers also read a translation tagged plain zh.
  const base = locale.split('-')[0];
  return (
    post.translations.find((tr) => tr.lang === locale) ?? post.translations.find((tr) => tr.lang === base)
  );
}

/** The published posts a filter selects. */
function selection(db: Db, filter: NewsFilter, now: string) {
  let q = db
    .selectFrom('posts')
    .leftJoin('organisations', 'organisations.id', 'posts.organisation_id')
    .where('posts.published_at', 'is not', null)
    .where('posts.published_at', '<=', now);
  if (filter.category) q = q.where('posts.category', '=', filter.category);
  if (filter.organisation) q = q.where('organisations.slug', '=', filter.organisation);
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
  const [rows, count] = await Promise.all([
    selection(db, filter, options.now)
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
    selection(db, filter, options.now)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const [translations, tags, covers] = await Promise.all([
    translationsOf(db, ids),
    tagsOf(db, ids),
    coverInfos(db, ids),
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
      cover: covers.get(post.id),
      tags: tags.get(post.id) ?? [],
    };
  });
  return { cards, total: Number(count.n) };
}

async function translationsOf(db: Db, ids: number[]): Promise<Map<number, PostTranslation[]>> {
  const out = new Map<number, PostTranslation[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('post_translations')
    .select(['post_id', 'lang', 'title', 'body'])
    .where('post_id', 'in', ids)
    .execute();
  for (const { post_id, ...tr } of rows.sort((a, b) => byText(a.lang, b.lang))) {
    out.set(post_id, [...(out.get(post_id) ?? []), tr]);
  }
  return out;
}

async function tagsOf(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('post_tags')
    .select(['post_id', 'tag'])
    .where('post_id', 'in', ids)
    .execute();
  for (const r of rows.sort((a, b) => byText(a.tag, b.tag)))
    out.set(r.post_id, [...(out.get(r.post_id) ?? []), r.tag]);
  return out;
}

/** Code point order, the same in JS whatever the database's collation. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What the filters offer: the categories, tags, languages and organisations of published posts. */
export async function facets(db: Db, now: string) {
  const published = (q: ReturnType<typeof baseSelect>) =>
    q.where('posts.published_at', 'is not', null).where('posts.published_at', '<=', now);
  const baseSelect = () => db.selectFrom('posts');
  const [tags, languages, organisations] = await Promise.all([
    published(baseSelect())
      .innerJoin('post_tags', 'post_tags.post_id', 'posts.id')
      .select(['post_tags.tag', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('post_tags.tag')
      .orderBy('n', 'desc')
      .limit(30)
      .execute(),
    published(baseSelect()).select('posts.lang').distinct().execute(),
    published(baseSelect())
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

export async function getPost(db: Db, slug: string): Promise<PostDetails | undefined> {
  const post = await db.selectFrom('posts').selectAll().where('slug', '=', slug).executeTakeFirst();
  return post && details(db, post);
}

export async function getPostById(db: Db, id: number): Promise<PostDetails | undefined> {
  const post = await db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
  return post && details(db, post);
}

async function details(db: Db, post: Post): Promise<PostDetails> {
  const [translations, tags, organisation, author] = await Promise.all([
    translationsOf(db, [post.id]),
    tagsOf(db, [post.id]),
    post.organisation_id === null
      ? undefined
      : db
          .selectFrom('organisations')
          .select(['slug', 'name', 'lang'])
          .where('id', '=', post.organisation_id)
          .executeTakeFirst(),
    post.author_id === null
      ? undefined
      : db.selectFrom('users').select(['id', 'name']).where('id', '=', post.author_id).executeTakeFirst(),
  ]);
  return {
    ...post,
    translations: translations.get(post.id) ?? [],
    tags: tags.get(post.id) ?? [],
    organisation: organisation ?? null,
    author: author ?? null,
  };
}

/** The reader's role in the organisation the post is for (null for the hub's own posts). */
export async function roleFor(
  db: Db,
  post: Pick<Post, 'organisation_id'>,
  user: User | null,
): Promise<MemberRole | null> {
  if (!user || post.organisation_id === null) return null;
  return memberRole(db, post.organisation_id, user.id);
}

/** A URL name from the title in Latin letters, unique among posts and never a reserved path. */
export async function uniqueSlug(db: Db, title: string): Promise<string> {
  const base =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'post';
  let slug = RESERVED_SLUGS.has(base) ? `${base}-2` : base;
  for (let n = 2; ; n++) {
    const taken = await db.selectFrom('posts').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!taken) return slug;
    slug = `${base}-${n}`;
  }
}

/** What the store writes besides the form's fields: decided by the route (permissions, time zone). */
export interface PostWrite {
  organisationId: number | null;
  publishedAt: string | null;
}

function rowValues(input: PostInput, write: PostWrite) {
  return {
    title: input.title,
    body: input.body,
    lang: input.lang,
    category: input.category,
    organisation_id: write.organisationId,
    cover_alt: input.cover_alt,
    published_at: write.publishedAt,
  };
}

/** One translation per language, never in the post's own language (the API is trusted less than the form). */
function translationRows(input: PostInput): PostTranslation[] {
  const unique = new Map<string, PostTranslation>();
  for (const tr of input.translations) {
    if (tr.lang === input.lang || unique.has(tr.lang)) continue;
    unique.set(tr.lang, { lang: tr.lang, title: tr.title ?? '', body: tr.body });
  }
  return [...unique.values()].sort((a, b) => byText(a.lang, b.lang));
}

async function writeChildren(db: Db, postId: number, input: PostInput): Promise<void> {
  await db.deleteFrom('post_translations').where('post_id', '=', postId).execute();
  const rows = translationRows(input);
  if (rows.length)
    await db
      .insertInto('post_translations')
      .values(rows.map((tr) => ({ post_id: postId, ...tr })))
      .execute();
  await db.deleteFrom('post_tags').where('post_id', '=', postId).execute();
  if (input.tags.length)
    await db
      .insertInto('post_tags')
      .values(input.tags.map((tag) => ({ post_id: postId, tag })))
      .execute();
}

/**
 * What the search index holds for a post: titles (original and translated), texts and tags. Only a
 * post published by `now` is public; drafts and scheduled posts are private to their author (and
 * the hub's editors, who see everything in search).
 */
export async function searchRecordOf(db: Db, id: number, now: string): Promise<SearchableRecord | undefined> {
  const post = await getPostById(db, id);
  if (!post) return undefined;
  return {
    type: 'post',
    recordId: post.id,
    lang: post.lang,
    title: [post.title, ...post.translations.map((tr) => tr.title)].filter(Boolean).join(' · '),
    body: [
      post.body,
      ...post.translations.map((tr) => tr.body),
      post.tags.join(', '),
      post.organisation?.name,
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/news/${post.slug}`,
    visibility: stateOf(post, now) === 'published' ? 'public' : 'private',
    ownerId: post.author_id,
    updatedAt: post.updated_at,
  };
}

async function reindex(db: Db, id: number, now: string): Promise<void> {
  const record = await searchRecordOf(db, id, now);
  if (!record) return;
  await indexRecord(db, record);
  await db.updateTable('posts').set({ indexed_as: record.visibility }).where('id', '=', id).execute();
}

/**
 * Scheduled posts whose moment has come are still `private` in the search index. The news pages,
 * feeds, API and sitemap call this first: it finds such posts (an indexed query that finds nothing
 * almost always) and makes them public, each in its own transaction. Feed readers poll every few
 * minutes, so a post becomes searchable soon after its moment without a timer or a job runner.
 */
export async function promoteDuePosts(db: Db, now: string = nowIso()): Promise<number> {
  const due = await db
    .selectFrom('posts')
    .select('id')
    .where('indexed_as', '=', 'private')
    .where('published_at', 'is not', null)
    .where('published_at', '<=', now)
    .limit(100)
    .execute();
  for (const { id } of due) await db.transaction().execute((trx) => reindex(trx, id, now));
  return due.length;
}

export async function createPost(
  db: Db,
  input: PostInput,
  write: PostWrite,
  author: User | null,
  slug?: string,
): Promise<Post> {
  const now = nowIso();
  const post = await db
    .insertInto('posts')
    .values({
      ...rowValues(input, write),
      slug: slug ?? (await uniqueSlug(db, input.title)),
      author_id: author?.id ?? null,
      indexed_as: 'private',
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeChildren(db, post.id, input);
  await reindex(db, post.id, now);
  return post;
}

/** Saves the changes and returns the names of the fields that changed. */
export async function updatePost(
  db: Db,
  post: PostDetails,
  input: PostInput,
  write: PostWrite,
  options: { touched?: boolean } = {},
): Promise<string[]> {
  const values = rowValues(input, write);
  const changed = Object.entries(values)
    .filter(([key, to]) => post[key as keyof Post] !== to)
    .map(([key]) => key);
  const asKey = (list: PostTranslation[]) => JSON.stringify(list.map((tr) => [tr.lang, tr.title, tr.body]));
  if (asKey(post.translations) !== asKey(translationRows(input))) changed.push('translations');
  if (JSON.stringify(post.tags) !== JSON.stringify([...input.tags].sort(byText))) changed.push('tags');
  if (changed.length === 0 && !options.touched) return changed;
  const now = nowIso();
  await db
    .updateTable('posts')
    .set({ ...values, updated_at: now })
    .where('id', '=', post.id)
    .execute();
  await writeChildren(db, post.id, input);
  await reindex(db, post.id, now);
  return changed;
}

/** Marks the post changed (a new cover or image) and refreshes its index entry. */
export async function touchPost(db: Db, postId: number): Promise<void> {
  const now = nowIso();
  await db.updateTable('posts').set({ updated_at: now }).where('id', '=', postId).execute();
  await reindex(db, postId, now);
}

export async function deletePost(db: Db, id: number): Promise<void> {
  await removeRecord(db, 'post', id);
  await db.deleteFrom('posts').where('id', '=', id).execute();
}

// Comments

export interface Comment {
  id: number;
  body: string;
  created_at: string;
  hidden_at: string | null;
  author_id: number | null;
  authorName: string | null;
}

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

export async function getComment(db: Db, id: number) {
  return db.selectFrom('post_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function addComment(db: Db, postId: number, author: User, body: string): Promise<number> {
  const row = await db
    .insertInto('post_comments')
    .values({
      post_id: postId,
      author_id: author.id,
      body,
      created_at: nowIso(),
      hidden_at: null,
      hidden_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setCommentHidden(db: Db, id: number, by: User, hidden: boolean): Promise<void> {
  await db
    .updateTable('post_comments')
    .set(hidden ? { hidden_at: nowIso(), hidden_by: by.id } : { hidden_at: null, hidden_by: null })
    .where('id', '=', id)
    .execute();
}

// Reindexing and the sitemap

const BATCH = 1000;

async function* idBatches(db: Db, onlyPublishedBy?: string) {
  let after = 0;
  for (;;) {
    let q = db.selectFrom('posts').select(['id', 'slug', 'updated_at']).where('id', '>', after);
    if (onlyPublishedBy)
      q = q.where('published_at', 'is not', null).where('published_at', '<=', onlyPublishedBy);
    const rows = await q.orderBy('id').limit(BATCH).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/** Every post as a search record, for `hub search reindex` (drafts and scheduled ones private). */
export async function* allSearchRecords(db: Db): AsyncIterable<SearchableRecord> {
  const now = nowIso();
  for await (const rows of idBatches(db)) {
    for (const { id } of rows) {
      const record = await searchRecordOf(db, id, now);
      if (record) yield record;
    }
  }
}

/** The news pages for /sitemap.xml: published posts only. */
export async function* newsSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  const now = nowIso();
  await promoteDuePosts(db, now);
  yield { path: '/news' };
  for await (const rows of idBatches(db, now)) {
    for (const r of rows) yield { path: `/news/${r.slug}`, lastmod: r.updated_at };
  }
}

/** Plain text of a post's start, for descriptions and feed summaries. */
export const summaryOf = (body: string, max = 200) => excerpt(body, max);
