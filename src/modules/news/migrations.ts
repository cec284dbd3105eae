// Tables of the news module. Dated after every migration that existed when it was added: Kysely
// refuses a new migration that sorts before ones a database has already run.
import type { Migration } from 'kysely';
import { createIndex, tablesMigration, translationsTable } from '../../db/migration-builders.ts';
import { createSingleImageTable, withImageColumns } from '../../platform/attached-images.ts';

const posts = tablesMigration(
  ['posts', 'post_translations', 'post_tags', 'post_covers', 'post_images', 'post_comments'],
  async (db, c) => {
    await db.schema
      .createTable('posts')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('title', 'varchar(200)', c.notNull)
      .addColumn('body', 'text', c.notNullDefault(''))
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('category', 'varchar(20)', c.notNull)
      // A post outlives its organisation (it becomes the hub's own) and its author.
      .addColumn('organisation_id', 'integer', c.refersTo('organisations'))
      .addColumn('author_id', 'integer', c.refersTo('users'))
      .addColumn('cover_alt', 'varchar(300)', c.notNullDefault(''))
      .addColumn('published_at', c.timestamp)
      .addColumn('indexed_as', 'varchar(10)', c.notNullDefault('private'))
      .$call(c.timestamps)
      .execute();
    // The list, the feed and the sitemap read published posts newest first.
    await createIndex(db, 'posts_published_idx', 'posts', ['published_at', 'id']);
    await createIndex(db, 'posts_category_idx', 'posts', ['category', 'published_at']);
    await createIndex(db, 'posts_organisation_idx', 'posts', 'organisation_id');
    await createIndex(db, 'posts_author_idx', 'posts', 'author_id');
    await createIndex(db, 'posts_indexed_as_idx', 'posts', ['indexed_as', 'published_at']);

    await translationsTable(db, 'post_translations', 'post_id', 'posts')
      .addColumn('title', 'varchar(200)', c.notNull)
      .addColumn('body', 'text', c.notNullDefault(''))
      .execute();
    await createIndex(db, 'post_translations_lang_idx', 'post_translations', ['lang', 'post_id']);

    await db.schema
      .createTable('post_tags')
      .addColumn('post_id', 'integer', c.belongsTo('posts'))
      .addColumn('tag', 'varchar(40)', c.notNull)
      .addPrimaryKeyConstraint('post_tags_pk', ['post_id', 'tag'])
      .execute();
    await createIndex(db, 'post_tags_tag_idx', 'post_tags', ['tag', 'post_id']);

    await createSingleImageTable(db, 'post_covers', 'post_id', 'posts');

    await db.schema
      .createTable('post_images')
      .addColumn('id', 'integer', c.id)
      .addColumn('post_id', 'integer', c.belongsTo('posts'))
      .addColumn('uploaded_by', 'integer', c.refersTo('users'))
      .$call(withImageColumns(c))
      .execute();
    await createIndex(db, 'post_images_post_idx', 'post_images', 'post_id');

    await db.schema
      .createTable('post_comments')
      .addColumn('id', 'integer', c.id)
      .addColumn('post_id', 'integer', c.belongsTo('posts'))
      .addColumn('author_id', 'integer', c.refersTo('users'))
      .addColumn('body', 'text', c.notNull)
      .addColumn('created_at', c.timestamp, c.notNull)
      .addColumn('hidden_at', c.timestamp)
      .addColumn('hidden_by', 'integer', c.refersTo('users'))
      .execute();
    await createIndex(db, 'post_comments_post_idx', 'post_comments', ['post_id', 'id']);
  },
);

export const newsMigrations: Record<string, Migration> = {
  '2026_11_27_0001_news_posts': posts,
};
