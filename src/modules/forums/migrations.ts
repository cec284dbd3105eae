// The forums' tables. Dated after every migration that existed when they were added.
import type { Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';
import { createIndex, tablesMigration, translationsTable } from '../../db/migration-builders.ts';
import { withImageColumns } from '../../platform/attached-images.ts';

const forums = tablesMigration(
  [
    'forum_categories',
    'forum_category_translations',
    'forum_threads',
    'forum_posts',
    'forum_post_translations',
    'forum_reactions',
    'forum_reads',
    'forum_post_images',
  ],
  async (db, c) => {
    await db.schema
      .createTable('forum_categories')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('name', 'varchar(200)', c.notNull)
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addColumn('theme', 'varchar(40)')
      .addColumn('domain', 'varchar(40)')
      .addColumn('country', 'varchar(2)')
      .addColumn('visibility', 'varchar(20)', c.notNull)
      .addColumn('group_id', 'integer', c.refersTo('groups'))
      .addColumn('position', 'integer', c.notNullDefault(0))
      .$call(c.timestamps)
      .execute();
    await createIndex(db, 'forum_categories_group_idx', 'forum_categories', 'group_id');

    await translationsTable(db, 'forum_category_translations', 'category_id', 'forum_categories')
      .addColumn('name', 'varchar(200)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .execute();

    await db.schema
      .createTable('forum_threads')
      .addColumn('id', 'integer', c.id)
      .addColumn('category_id', 'integer', c.belongsTo('forum_categories'))
      .addColumn('title', 'varchar(300)', c.notNull)
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('author_id', 'integer', c.refersTo('users'))
      .addColumn('is_question', 'integer', c.notNullDefault(0))
      .addColumn('pinned', 'integer', c.notNullDefault(0))
      .addColumn('locked', 'integer', c.notNullDefault(0))
      .addColumn('slow_mode_seconds', 'integer', c.notNullDefault(0))
      .addColumn('solved_post_id', 'integer')
      .addColumn('merged_into_id', 'integer')
      .addColumn('post_count', 'integer', c.notNullDefault(0))
      .addColumn('last_post_id', 'integer')
      .addColumn('last_post_at', c.timestamp, c.notNull)
      .$call(c.timestamps)
      .execute();
    // A category's page: pinned first, then the latest activity (merged threads left out).
    await createIndex(db, 'forum_threads_category_idx', 'forum_threads', [
      'category_id',
      'pinned',
      'last_post_at',
    ]);
    await createIndex(db, 'forum_threads_author_idx', 'forum_threads', ['author_id', 'created_at']);

    await db.schema
      .createTable('forum_posts')
      .addColumn('id', 'integer', c.id)
      .addColumn('thread_id', 'integer', c.belongsTo('forum_threads'))
      .addColumn('author_id', 'integer', c.refersTo('users'))
      .addColumn('body', 'text', c.notNull)
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('hidden_at', c.timestamp)
      .addColumn('hidden_by', 'integer', c.refersTo('users'))
      .addColumn('hidden_reason', 'varchar(500)')
      .$call(c.timestamps)
      .execute();
    // A page of a thread is a range of this index (offset within one thread, or after an id).
    await createIndex(db, 'forum_posts_thread_idx', 'forum_posts', ['thread_id', 'id']);
    // Slow mode and "posts of a member": the member's latest post in a thread.
    await createIndex(db, 'forum_posts_author_idx', 'forum_posts', ['author_id', 'thread_id', 'created_at']);

    await translationsTable(db, 'forum_post_translations', 'post_id', 'forum_posts')
      .addColumn('body', 'text', c.notNull)
      .execute();

    await db.schema
      .createTable('forum_reactions')
      .addColumn('post_id', 'integer', c.belongsTo('forum_posts'))
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('reaction', 'varchar(20)', c.notNull)
      .addColumn('created_at', c.timestamp, c.notNull)
      .addPrimaryKeyConstraint('forum_reactions_pk', ['post_id', 'user_id', 'reaction'])
      .execute();

    await db.schema
      .createTable('forum_reads')
      .addColumn('user_id', 'integer', c.belongsTo('users'))
      .addColumn('thread_id', 'integer', c.belongsTo('forum_threads'))
      .addColumn('last_read_post_id', 'integer', c.notNull)
      .addPrimaryKeyConstraint('forum_reads_pk', ['user_id', 'thread_id'])
      .execute();

    // Images attached to a post: bytes in the database, like the other attached images.
    await db.schema
      .createTable('forum_post_images')
      .addColumn('id', 'integer', c.id)
      .addColumn('post_id', 'integer', c.belongsTo('forum_posts'))
      .$call(withImageColumns(c))
      .execute();
    await createIndex(db, 'forum_post_images_post_idx', 'forum_post_images', 'post_id');
  },
);

// A category's threads, without the merged ones, in the order of its page: counting them (the forum
// page's figures, the category's pages) reads this index alone, and a page of them is a range of
// it. With the first index, a count read every thread's row for `merged_into_id`: at 50 000
// threads the forum page took 90 ms, now 30 (bench:forums, docs/forums.md).
const listedThreads: Migration = {
  async up(db) {
    await createIndex(db, 'forum_threads_listed_idx', 'forum_threads', [
      'category_id',
      'merged_into_id',
      'pinned',
      'last_post_at',
      'id',
    ]);
    await db.schema.dropIndex('forum_threads_category_idx').execute();
  },
  async down(db) {
    await createIndex(db, 'forum_threads_category_idx', 'forum_threads', [
      'category_id',
      'pinned',
      'last_post_at',
    ]);
    await db.schema.dropIndex('forum_threads_listed_idx').execute();
  },
};

// When its author (or a moderator) last changed a post: the thread shows "edited".
const postEdits: Migration = {
  async up(db) {
    await db.schema.alterTable('forum_posts').addColumn('edited_at', columns(db).timestamp).execute();
  },
  async down(db) {
    await db.schema.alterTable('forum_posts').dropColumn('edited_at').execute();
  },
};

export const forumsMigrations: Record<string, Migration> = {
  '2026_12_24_0001_forums': forums,
  '2026_12_25_0100_forums_listed_threads': listedThreads,
  '2026_12_25_0101_forums_post_edits': postEdits,
};
