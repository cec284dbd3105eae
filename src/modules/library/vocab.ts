// The controlled vocabularies of the library. Stored as these codes; shown through the locale files
// (`library.kind.<code>`, `library.status.<code>`, `vocab.region.<code>`).
import { CONTENT_LANGUAGES } from '../../platform/vocabularies.ts';

export const DOCUMENT_KINDS = [
  'convention',
  'law',
  'decree',
  'policy',
  'report',
  'training',
  'minutes',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Kinds that are legal or policy instruments: schema.org `Legislation` on their page, `LEGAL` in
 * RIS and `@misc` with a number in BibTeX. Reports and studies are `Report`; the rest `CreativeWork`.
 */
export const LEGISLATION_KINDS: ReadonlySet<DocumentKind> = new Set([
  'convention',
  'law',
  'decree',
  'policy',
]);
export const REPORT_KINDS: ReadonlySet<DocumentKind> = new Set(['report']);

/**
 * The legal state of the document itself (a draft law, a law in force, one replaced by another).
 * Not the same as whether the record is public: that is `published_at`. Null for documents a
 * legal state does not apply to (a study, a toolkit).
 */
export const DOCUMENT_STATUSES = ['draft', 'in_force', 'superseded'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const SORTS = ['issued', 'title', 'added'] as const;
export type Sort = (typeof SORTS)[number];

/**
 * Words under /library/ that name pages of their own, never a document: new slugs avoid them and
 * the seed and the form refuse them.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'new',
  'collections',
  'feed.atom',
  'export.ris',
  'export.bib',
  'export.csv',
  'export.xlsx',
  'feed',
  'export',
  'search',
]);

/**
 * Languages a record may be written in, and languages a document may exist in: the platform's
 * content languages, and the other languages of the UN in which conventions are published.
 */
export const DOCUMENT_LANGUAGES = [...CONTENT_LANGUAGES, 'es', 'ar', 'ru'] as const;
