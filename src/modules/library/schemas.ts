// One schema per record of the library, built from platform/http/fields.ts: each reads the page's
// form, validates the API's JSON and is the body in the OpenAPI document. Beside them inputOf()
// (a saved record as input: what PATCH merges onto) and formValuesOf() (the edit form's values),
// and the list's filters with filterQuery().
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  checkbox,
  choice,
  LANG_TAG,
  langTag,
  line,
  list,
  optionalChoice,
  optionalDate,
  optionalLine,
  optionalUrl,
  SLUG,
  splitText,
  text,
} from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { choiceFilter, filterQueryOf, optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { formValuesFrom, savedInput } from '../../platform/http/record-input.ts';
import { MAX_TRANSLATIONS, translatedTexts } from '../../platform/http/translation-rows.ts';
import { DOMAINS, REGIONS } from '../../platform/vocabularies.ts';
import type { Collection, DocumentDetails } from './access.ts';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, SORTS } from './vocab.ts';

export { MAX_TRANSLATIONS };

/** Where a document applies: an ISO 3166-1 country or one of the regions. */
export const isPlace = (v: unknown): v is string =>
  isCountryCode(v) || (typeof v === 'string' && (REGIONS as readonly string[]).includes(v));

/**
 * Themes and tags are free words, normalised so that "Copyright ", "copyright" and "COPYRIGHT" are
 * one filter value: NFC, spaces collapsed, lower case (Intl-aware for every script).
 */
export function normaliseTerm(term: string): string {
  return term.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('und');
}

/** Themes or tags: typed in one box separated by commas, or an array from the API. */
const terms = () =>
  z.preprocess(
    splitText,
    z
      .array(
        z
          .string('form.invalid')
          .trim()
          .min(1, 'form.invalid')
          .max(60, 'library.termTooLong')
          .pipe(line(60))
          .transform(normaliseTerm),
        'form.invalid',
      )
      .max(20, 'form.tooMany')
      .transform((list) => [...new Set(list)]),
  );

/** Slugs of documents: one per line on the form (or separated by commas), an array from the API. */
const documentSlugs = (max: number) =>
  z.preprocess(
    splitText,
    z
      .array(z.string('form.invalid').trim().max(120, 'form.tooLong'), 'form.invalid')
      .max(max, 'form.tooMany'),
  );

/** The texts a translation has: the title and the summary. */
const TRANSLATED = translatedTexts({ short: 'title', long: 'summary' });

const translation = TRANSLATED.row(
  { title: optionalLine(400), summary: text(20_000).describe('Markdown') },
  'library.translationEmpty',
);

export const documentObject = z.object({
  kind: choice(DOCUMENT_KINDS, 'library.chooseKind'),
  title: line(400).describe('At most 400 characters'),
  lang: langTag().describe('BCP 47 language of title and summary'),
  summary: text(20_000).describe('Markdown, at most 20 000 characters'),
  official_number: optionalLine(100),
  /** Slug of the issuing organisation in the directory. */
  issuer: optionalLine(120).describe('Slug of a directory organisation'),
  /** The issuing body's name when it is not in the directory. */
  issuer_name: optionalLine(200),
  places: list(z.string('form.invalid').refine(isPlace, 'library.unknownPlace'), 60).describe(
    `ISO 3166-1 alpha-2 or ${REGIONS.join(', ')}`,
  ),
  languages: list(langTag(), 30).describe('BCP 47 tags of the languages the document exists in'),
  issued_on: optionalDate().describe('YYYY-MM-DD'),
  in_force_from: optionalDate().describe('YYYY-MM-DD'),
  in_force_to: optionalDate().describe('YYYY-MM-DD, not before in_force_from'),
  status: optionalChoice(DOCUMENT_STATUSES),
  domains: list(choice(DOMAINS), DOMAINS.length),
  themes: terms(),
  tags: terms(),
  licence: optionalLine(200),
  source_url: optionalUrl(500).describe('http(s) URL'),
  supersedes: documentSlugs(20).describe('Slugs of the documents this one replaces'),
  language_version_of: optionalLine(120).describe(
    'Slug of the record this one is a language version of (its original)',
  ),
  published: checkbox().describe('Public when true; otherwise seen by editors only'),
  translations: TRANSLATED.list(
    translation,
    `Title and summary in other languages, one per language, at most ${MAX_TRANSLATIONS}. Replaces all translations; omitted on PATCH, they stay.`,
  ),
});

/** Dates that cannot be: in force until before it came into force. */
function checkDates(input: z.infer<typeof documentObject>, ctx: z.core.$RefinementCtx): void {
  if (input.in_force_from && input.in_force_to && input.in_force_to < input.in_force_from)
    ctx.addIssue({ code: 'custom', path: ['in_force_to'], message: 'library.endBeforeStart' });
}

/** The document as the form and the API send it; the form's translation rows become `translations`. */
export const documentInput = TRANSLATED.input(documentObject).superRefine(checkDates);
export type DocumentInput = z.infer<typeof documentObject>;

/** A saved document as input: what PATCH merges the sent fields onto. */
export function inputOf(doc: DocumentDetails): DocumentInput {
  return savedInput(documentObject, doc, {
    issuer: doc.issuer?.slug ?? null,
    domains: doc.domains as DocumentInput['domains'],
    supersedes: doc.supersedes.map((s) => s.slug),
    language_version_of: doc.languageVersionOf?.slug ?? null,
    published: doc.published_at !== null,
    translations: doc.translations.map((tr) => ({ ...tr, title: tr.title || null })),
  });
}

/** A saved document as the edit form shows it: themes and tags in their boxes, one superseded slug a line. */
export function formValuesOf(doc: DocumentDetails): FormValues {
  const { themes, tags, supersedes, translations, ...fields } = inputOf(doc);
  return {
    ...formValuesFrom(fields),
    themes: themes.join(', '),
    tags: tags.join(', '),
    supersedes: supersedes.join('\n'),
    ...TRANSLATED.formValues(translations),
  };
}

export const collectionInput = z.object({
  title: line(300).describe('At most 300 characters'),
  lang: langTag(),
  description: text(20_000).describe('Markdown'),
  /** Document slugs in the order the collection shows them (one per line on the form). */
  documents: documentSlugs(500).describe('Slugs of the documents, in order'),
});
export type CollectionInput = z.infer<typeof collectionInput>;

/** A saved collection as the edit form shows it: its documents one per line, in order. */
export function collectionFormValues(collection: Collection, slugs: string[]): FormValues {
  return {
    title: collection.title,
    lang: collection.lang,
    description: collection.description,
    documents: slugs.join('\n'),
  };
}

/**
 * The fields sent with a file (the file itself is checked by platform/files, see actions/files.ts):
 * the language of its text and an optional label ("Official text", "Annex 2").
 */
export const fileInput = z.object({
  lang: langTag(),
  label: optionalLine(200),
});
export type FileInput = z.infer<typeof fileInput>;

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const libraryFilterSchema = z.object({
  q: optionalFilter(z.string().trim().min(1).max(200)),
  kind: choiceFilter(DOCUMENT_KINDS),
  country: optionalFilter(z.string().refine(isPlace)),
  language: optionalFilter(z.string().regex(LANG_TAG)),
  domain: choiceFilter(DOMAINS),
  year: optionalFilter(z.string().regex(/^\d{4}$/)),
  issuer: optionalFilter(z.string().regex(SLUG).max(120)),
  status: choiceFilter(DOCUMENT_STATUSES),
  theme: optionalFilter(z.string().trim().min(1).max(60).transform(normaliseTerm)),
  tag: optionalFilter(z.string().trim().min(1).max(60).transform(normaliseTerm)),
  sort: choiceFilter(SORTS),
  page: pageFilter(),
});
export type LibraryFilter = z.infer<typeof libraryFilterSchema>;

const FILTER_KEYS = [
  'q',
  'kind',
  'country',
  'language',
  'domain',
  'year',
  'issuer',
  'status',
  'theme',
  'tag',
  'sort',
] as const;

/** The filter's own query string (no page), for feeds, exports and the links between them. */
export function filterQuery(filter: LibraryFilter, extra: Record<string, string> = {}): string {
  return filterQueryOf({ ...filter, ...extra }, [...FILTER_KEYS, ...Object.keys(extra)]);
}
