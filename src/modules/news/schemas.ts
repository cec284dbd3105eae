// One schema for the post form and the API body; one for comments; one for the list filters
// (page, feed and API).
import { z } from 'zod';
import {
  checkTranslations,
  MAX_TRANSLATIONS,
  translationsFromForm,
} from '../../platform/http/translation-rows.ts';
import {
  BODY_MAX,
  CATEGORIES,
  COMMENT_MAX,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  PUBLISH_CHOICES,
  TITLE_MAX,
} from './vocab.ts';

export { MAX_TRANSLATIONS };

export const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
/** A moment as the form's datetime-local field sends it (in the writer's time zone)… */
export const LOCAL_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** …or as an API client sends it, with its offset. */
export const ZONED_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Empty form fields mean "not given". */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** One tag as it is stored and compared: NFC, trimmed, lower case, single spaces, no leading #. */
export function normaliseTag(tag: string): string {
  return tag.normalize('NFC').replace(/^#+/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The form has one text box ("craft, heritage tourism"); the API sends an array. Commas in the
 * scripts of the hub's languages (、，،) separate as well.
 */
function tagsFrom(v: unknown): unknown {
  if (v === undefined || v === null) return [];
  const parts = typeof v === 'string' ? v.split(/[,，、،;\n]/) : Array.isArray(v) ? v : v;
  if (!Array.isArray(parts)) return parts;
  const seen = new Set<string>();
  for (const p of parts) {
    if (typeof p !== 'string') return parts;
    const tag = normaliseTag(p);
    if (tag) seen.add(tag);
  }
  return [...seen];
}

const translationObject = z
  .object({
    lang: z.string('translations.language').regex(LANG_TAG, 'translations.language'),
    title: z.preprocess(blankToNull, z.string().trim().max(TITLE_MAX, 'form.tooLong').nullable().optional()),
    body: z.string('form.invalid').max(BODY_MAX, 'form.tooLong').default(''),
  })
  // A translation needs its title: the list and the feed show the title in the reader's language.
  .refine((tr) => !!tr.title, { message: 'news.translationNeedsTitle' });

const postObject = z.object({
  title: z.string('form.required').trim().min(1, 'form.required').max(TITLE_MAX, 'form.tooLong'),
  lang: z.string('news.unknownLanguage').regex(LANG_TAG, 'news.unknownLanguage'),
  body: z.string('form.invalid').max(BODY_MAX, 'form.tooLong').default(''),
  category: z.enum(CATEGORIES, 'news.chooseCategory').default('news'),
  tags: z.preprocess(
    tagsFrom,
    z
      .array(z.string().max(MAX_TAG_LENGTH, 'news.tagTooLong'), 'form.invalid')
      .max(MAX_TAGS, 'news.tooManyTags'),
  ),
  /** Slug of the organisation it is posted for; empty for the hub's own news. */
  organisation: z.preprocess(blankToNull, z.string().trim().max(120, 'form.tooLong').nullable().optional()),
  cover_alt: z.string('form.invalid').trim().max(300, 'form.tooLong').default(''),
  status: z.enum(PUBLISH_CHOICES, 'form.invalid').default('draft'),
  publish_at: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .refine((v) => LOCAL_MOMENT.test(v) || ZONED_MOMENT.test(v), 'news.badMoment')
      .nullable()
      .optional(),
  ),
  translations: z.array(translationObject, 'form.invalid').max(MAX_TRANSLATIONS, 'form.tooMany').default([]),
});

export const postInputSchema = z
  .preprocess(translationsFromForm({ short: 'title', long: 'body' }), postObject)
  .superRefine(checkTranslations)
  .superRefine((input, ctx) => {
    // A draft may be a title and nothing else; what readers will see needs a text.
    if (input.status !== 'draft' && input.body.trim() === '')
      ctx.addIssue({ code: 'custom', path: ['body'], message: 'news.bodyRequired' });
    if (input.status === 'schedule' && !input.publish_at)
      ctx.addIssue({ code: 'custom', path: ['publish_at'], message: 'news.scheduleNeedsMoment' });
  });
export type PostInput = z.infer<typeof postObject>;

export const commentInputSchema = z.object({
  body: z.string('form.required').trim().min(1, 'form.required').max(COMMENT_MAX, 'form.tooLong'),
});

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const newsFilterSchema = z.object({
  category: z.enum(CATEGORIES).optional().catch(undefined),
  tag: z
    .string()
    .transform(normaliseTag)
    .pipe(z.string().min(1).max(MAX_TAG_LENGTH))
    .optional()
    .catch(undefined),
  language: z.string().regex(LANG_TAG).optional().catch(undefined),
  organisation: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type NewsFilter = z.infer<typeof newsFilterSchema>;

/** The filters as a query string (the page only when asked), for feeds, links and the API. */
export function filterQuery(filter: NewsFilter, extra: { page?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (filter.category) params.set('category', filter.category);
  if (filter.tag) params.set('tag', filter.tag);
  if (filter.language) params.set('language', filter.language);
  if (filter.organisation) params.set('organisation', filter.organisation);
  if (extra.page && filter.page > 1) params.set('page', String(filter.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const isFiltered = (f: NewsFilter) => !!(f.category || f.tag || f.language || f.organisation);
