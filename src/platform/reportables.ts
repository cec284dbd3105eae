// Most kinds of record a member may report live at one path followed by their key: an organisation
// at /directory/<slug>, a clipping at /press/<number>. For those the report's title and URL, the
// URL of a record that may be gone since, and the refusal of a key that cannot be one are the same
// logic; a module says only how it finds a record as the reporter may see it and what to call it.
import type { DB } from '../db/index.ts';
import type { User } from '../db/schema.ts';
import type { Reportable } from './context.ts';
import type { MessageKey } from './i18n.ts';

/** A key that is a record's number (a clipping, a comment), as a report names it. */
export const NUMBER_KEY = /^\d{1,15}$/;

interface ReportableAt<R> {
  type: string;
  label: MessageKey;
  /** Where the records live, up to their key: '/directory/', '/library/collections/'. */
  path: string;
  /** What a key must look like (SLUG, NUMBER_KEY); others are not looked up. */
  pattern?: RegExp;
  /** The record named `key` as `viewer` may see it; nothing when there is none or it is not theirs. */
  find(db: DB, key: string, viewer: User | null): Promise<R | null | undefined>;
  /** What the moderators read of the record. */
  title(record: R): string;
  /** The record's key in its URL. */
  keyOf(record: R): string | number;
}

/** The Reportable of records at `path` + their key. */
export function reportableAt<R>({
  type,
  label,
  path,
  pattern,
  find,
  title,
  keyOf,
}: ReportableAt<R>): Reportable {
  return {
    type,
    label,
    async find(db, key, viewer) {
      if (pattern && !pattern.test(key)) return null;
      const record = await find(db, key, viewer);
      return record ? { title: title(record), url: `${path}${keyOf(record)}` } : null;
    },
    urlOf: (key) => `${path}${encodeURIComponent(key)}`,
  };
}
