// What the library hands to the moderation queue: anyone signed in may report a document (a wrong
// date, a broken file, a summary that misquotes it) or a collection. A document is found only as
// the reporter may see it: an unpublished record is no one's to report but its editors'.
import type { ModerationHooks } from '../../platform/context.ts';
import { SLUG } from '../../platform/http/fields.ts';
import { findVisible } from './access.ts';

const urlOf = (path: string) => (key: string) => `${path}${encodeURIComponent(key)}`;

export const libraryModeration: ModerationHooks = {
  reportables: [
    {
      type: 'document',
      label: 'library.searchType',
      async find(db, key, viewer) {
        if (!SLUG.test(key)) return null;
        const doc = await findVisible(db, key, viewer);
        return doc ? { title: doc.title, url: `/library/${doc.slug}` } : null;
      },
      urlOf: urlOf('/library/'),
    },
    {
      type: 'document-collection',
      label: 'library.collections',
      async find(db, key) {
        if (!SLUG.test(key)) return null;
        const collection = await db
          .selectFrom('document_collections')
          .select(['slug', 'title'])
          .where('slug', '=', key)
          .executeTakeFirst();
        return collection
          ? { title: collection.title, url: `/library/collections/${collection.slug}` }
          : null;
      },
      urlOf: urlOf('/library/collections/'),
    },
  ],
};
