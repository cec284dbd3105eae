// What the library hands to the moderation queue: anyone signed in may report a document (a wrong
// date, a broken file, a summary that misquotes it) or a collection. A document is found only as
// the reporter may see it: an unpublished record is no one's to report but its editors'.
import type { ModerationHooks } from '../../platform/context.ts';
import { SLUG } from '../../platform/http/fields.ts';
import { reportableAt } from '../../platform/reportables.ts';
import { findVisible } from './access.ts';

export const libraryModeration: ModerationHooks = {
  reportables: [
    reportableAt({
      type: 'document',
      label: 'library.searchType',
      path: '/library/',
      pattern: SLUG,
      find: findVisible,
      title: (doc) => doc.title,
      keyOf: (doc) => doc.slug,
    }),
    reportableAt({
      type: 'document-collection',
      label: 'library.collections',
      path: '/library/collections/',
      pattern: SLUG,
      find: (db, key) =>
        db
          .selectFrom('document_collections')
          .select(['slug', 'title'])
          .where('slug', '=', key)
          .executeTakeFirst(),
      title: (collection) => collection.title,
      keyOf: (collection) => collection.slug,
    }),
  ],
};
