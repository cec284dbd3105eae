// Tables of the news module. Dated after every migration that existed when it was added: Kysely
// refuses a new migration that sorts before ones a database has already run.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';
import { withImageColumns } from '../../platform/attached-images.ts';

const posts: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('posts')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('title', 'varchar(200)', (col) => col.notNull())
      .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('category', 'varchar(20)', (col) => col.notNull())
      // A post outlives its organisation (it becomes the hub's own) and its author.
      .addColumn('organisation_id', 'integer', (col) =>
        col.references('organisations.id').onDelete('set null'),
      )
      .addColumn('author_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('cover_alt', 'varchar(300)', (col) => col.notNull().defaultTo(''))
      .addColumn('published_at', c.timestamp)
      .addColumn('indexed_as', 'varchar(10)', (col) => col.notNull().defaultTo('private'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    // The list, the feed and the sitemap read published posts newest first.
    await db.schema.createIndex('posts_published_idx').on('posts').columns(['published_at', 'id']).execute();
    await db.schema
      .createIndex('posts_category_idx')
      .on('posts')
      .columns(['category', 'published_at'])
      .execute();
    await db.schema.createIndex('posts_organisation_idx').on('posts').column('organisation_id').execute();
    await db.schema.createIndex('posts_author_idx').on('posts').column('author_id').execute();
    await db.schema
      .createIndex('posts_indexed_as_idx')
      .on('posts')
      .columns(['indexed_as', 'published_at'])
      .execute();

    await db.schema
      .createTable('post_translations')
      .addColumn('post_id', 'integer', (col) => col.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('title', 'varchar(200)', (col) => col.notNull())
      .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('post_translations_pk', ['post_id', 'lang'])
      .execute();
    await db.schema
      .createIndex('post_translations_lang_idx')
      .on('post_translations')
      .columns(['lang', 'post_id'])
      .execute();

    await db.schema
      .createTable('post_tags')
      .addColumn('post_id', 'integer', (col) => col.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('tag', 'varchar(40)', (col) => col.notNull())
      .addPrimaryKeyConstraint('post_tags_pk', ['post_id', 'tag'])
      .execute();
    await db.schema.createIndex('post_tags_tag_idx').on('post_tags').columns(['tag', 'post_id']).execute();

    await db.schema
      .createTable('post_covers')
      .addColumn('post_id', 'integer', (col) => col.primaryKey().references('posts.id').onDelete('cascade'))
      .$call(withImageColumns(c))
      .execute();

    await db.schema
      .createTable('post_images')
      .addColumn('id', 'integer', c.id)
      .addColumn('post_id', 'integer', (col) => col.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('uploaded_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .$call(withImageColumns(c))
      .execute();
    await db.schema.createIndex('post_images_post_idx').on('post_images').column('post_id').execute();

    await db.schema
      .createTable('post_comments')
      .addColumn('id', 'integer', c.id)
      .addColumn('post_id', 'integer', (col) => col.notNull().references('posts.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('body', 'text', (col) => col.notNull())
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('hidden_at', c.timestamp)
      .addColumn('hidden_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .execute();
    await db.schema
      .createIndex('post_comments_post_idx')
      .on('post_comments')
      .columns(['post_id', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'post_comments',
      'post_images',
      'post_covers',
      'post_tags',
      'post_translations',
      'posts',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

export const newsMigrations: Record<string, Migration> = {
  '2026_11_27_0001_news_posts': posts,
};
