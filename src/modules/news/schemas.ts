// One schema for a post, serving the form, the API body and the OpenAPI document; inputOf(), a saved
// post as that input (what a PATCH is merged onto) and formValuesOf() (the edit form's values); the
// comment; and the list's filters (page, feed, export and API).
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  blankToNull,
  choice,
  langTag,
  line,
  optionalLine,
  requiredText,
  slug,
  text,
} from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { choiceFilter, filterQueryOf, optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { savedInput } from '../../platform/http/record-input.ts';
import { MAX_TRANSLATIONS, translatedTexts } from '../../platform/http/translation-rows.ts';
import { type PostDetails, stateOf } from './access.ts';
import { LOCAL_MOMENT, localInputOf, ZONED_MOMENT } from './moments.ts';
import {
  BODY_MAX,
  CATEGORIES,
  COMMENT_MAX,
  MAX_TAG_LENGTH,
  MAX_TAGS,
  PUBLISH_CHOICES,
  type PublishChoice,
  TITLE_MAX,
} from './vocab.ts';

export { MAX_TRANSLATIONS };

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
  const parts = typeof v === 'string' ? v.split(/[,，、،;\n]/) : v;
  if (!Array.isArray(parts)) return parts;
  const seen = new Set<string>();
  for (const p of parts) {
    if (typeof p !== 'string') return parts;
    const tag = normaliseTag(p);
    if (tag) seen.add(tag);
  }
  return [...seen];
}

/** The texts a translation has: the title and the body. */
const TRANSLATED = translatedTexts({ short: 'title', long: 'body' });

const translation = TRANSLATED.row({ title: optionalLine(TITLE_MAX), body: text(BODY_MAX) })
  // A translation needs its title: the list and the feed show the title in the reader's language.
  .refine((tr) => !!tr.title, { message: 'news.translationNeedsTitle' });

export const postObject = z.object({
  title: line(TITLE_MAX),
  lang: langTag('news.unknownLanguage').describe('BCP 47 language of the title and body'),
  body: text(BODY_MAX).describe('Markdown; required unless `status` is draft'),
  category: choice(CATEGORIES, 'news.chooseCategory').default('news'),
  tags: z
    .preprocess(
      tagsFrom,
      z
        .array(z.string().max(MAX_TAG_LENGTH, 'news.tagTooLong').pipe(line(MAX_TAG_LENGTH)), 'form.invalid')
        .max(MAX_TAGS, 'news.tooManyTags'),
    )
    .describe(`At most ${MAX_TAGS}, each at most ${MAX_TAG_LENGTH} characters (a form: comma-separated)`),
  /** Slug of the organisation it is posted for; empty for the hub's own news. */
  organisation: z
    .preprocess(blankToNull, slug('news.unknownOrganisation').nullable().default(null))
    .describe('Slug of an organisation you belong to; null for the hub’s own news (editors)'),
  cover_alt: optionalLine(300).describe('What the cover shows, for readers who cannot see it'),
  status: choice(PUBLISH_CHOICES).default('draft').describe('draft (default), publish, or schedule'),
  publish_at: z
    .preprocess(
      blankToNull,
      z
        .string('news.badMoment')
        .trim()
        .refine((v) => LOCAL_MOMENT.test(v) || ZONED_MOMENT.test(v), 'news.badMoment')
        .nullable()
        .default(null),
    )
    .describe('For `schedule`: a future moment with its offset (2026-12-01T09:00:00+07:00)'),
  translations: TRANSLATED.list(
    translation,
    `At most ${MAX_TRANSLATIONS}, one per language. Replaces all; omitted on PATCH, they stay.`,
  ),
});

/** The post as the form and the API send it; the form's translation rows become `translations`. */
export const postInput = TRANSLATED.input(postObject).superRefine((input, ctx) => {
  // A draft may be a title and nothing else; what readers will see needs a text.
  if (input.status !== 'draft' && input.body.trim() === '')
    ctx.addIssue({ code: 'custom', path: ['body'], message: 'news.bodyRequired' });
  if (input.status === 'schedule' && !input.publish_at)
    ctx.addIssue({ code: 'custom', path: ['publish_at'], message: 'news.scheduleNeedsMoment' });
});
export type PostInput = z.infer<typeof postObject>;

/** What the form's publishing choice is for a saved post at `now`. */
export function publishChoiceOf(post: Pick<PostDetails, 'published_at'>, now: string): PublishChoice {
  const state = stateOf(post, now);
  return state === 'draft' ? 'draft' : state === 'scheduled' ? 'schedule' : 'publish';
}

/** A saved post as input: what PATCH merges the sent fields onto. */
export function inputOf(post: PostDetails, now: string): PostInput {
  const status = publishChoiceOf(post, now);
  return savedInput(postObject, post, {
    organisation: post.organisation?.slug ?? null,
    cover_alt: post.cover_alt || null,
    status,
    // The stored moment itself, so a PATCH that leaves it alone keeps it to the second.
    publish_at: status === 'schedule' ? post.published_at : null,
  });
}

/** A saved post as the edit form shows it (the moment in the writer's time zone). */
export function formValuesOf(post: PostDetails, now: string, timeZone: string): FormValues {
  const { tags, organisation, cover_alt, publish_at, translations, ...texts } = inputOf(post, now);
  return {
    ...texts,
    tags: tags.join(', '),
    organisation: organisation ?? '',
    cover_alt: cover_alt ?? '',
    publish_at: publish_at ? localInputOf(publish_at, timeZone) : '',
    ...TRANSLATED.formValues(translations),
  };
}

export const commentInput = z.object({ body: requiredText(COMMENT_MAX) });
export type CommentInput = z.infer<typeof commentInput>;

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const newsFilterSchema = z.object({
  q: optionalFilter(z.string().trim().min(1).max(200)),
  category: choiceFilter(CATEGORIES),
  tag: optionalFilter(z.string().transform(normaliseTag).pipe(z.string().min(1).max(MAX_TAG_LENGTH))),
  language: optionalFilter(langTag()),
  organisation: optionalFilter(slug()),
  /** Posts for the organisations of a country (its page, /countries/<code>, links here). */
  country: optionalFilter(z.string().refine(isCountryCode)),
  page: pageFilter(),
});
export type NewsFilter = z.infer<typeof newsFilterSchema>;

/** The filters as a query string (the page only when asked), for feeds, links and the API. */
export function filterQuery(filter: NewsFilter, extra: { page?: boolean } = {}): string {
  const page = extra.page && filter.page > 1 ? filter.page : undefined;
  return filterQueryOf({ ...filter, page }, [
    'q',
    'category',
    'tag',
    'language',
    'organisation',
    'country',
    'page',
  ]);
}

export const isFiltered = (f: NewsFilter) =>
  !!(f.q || f.category || f.tag || f.language || f.organisation || f.country);
