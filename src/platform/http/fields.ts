// The building blocks of input schemas. A module's schemas.ts builds one z.object per record from
// these, and that one schema reads the page's form, validates the API's JSON and describes the body
// in the OpenAPI document: each block coerces what a form sends (strings, an empty string for
// "nothing", a check box sent or not, repeated fields for lists) into what JSON sends, so nothing
// is converted by hand in routes. Error messages are message keys (`form.*` unless a module passes
// its own), shown next to the field on the page and under `errors` in an API problem.
//
// Text rules: single-line fields refuse line breaks, tabs and other control characters (a name with a
// line break breaks CSV exports, mail headers and page titles); multi-line fields keep tabs and line
// breaks; every text refuses U+0000, which PostgreSQL cannot store. Both get a clear message.
// Loaded for its side effect first: it gives every zod schema its .openapi() method, which only
// schemas made after it have (zod copies methods onto each schema as it is made). Every module's
// schemas are built from these blocks, so they are made after it whichever file is loaded first.
import '@hono/zod-openapi';
import { z } from 'zod';
import { isCountryCode } from '../countries.ts';
import type { MessageKey } from '../i18n.ts';
import { isRealDate } from '../time.ts';

// ── Coercions from form values ──────────────────────────────────────────────

/** An empty (or blank) form field means "not given". */
export const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** Check boxes and multiple selects arrive as nothing, one string or several; the API sends arrays. */
export const asList = (v: unknown): unknown[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];

/**
 * A form's repeated rows as the API's list: the form sends each column as a repeated field
 * (`org_slug`, `org_role`), the API `organisations: [{ slug, role }]`. `row` makes an item of a
 * row's cells (in the order of `columns`), or null to drop a row left empty; the rows are counted
 * by the first column. A body without `marker` (the first column unless named), or with the list
 * already (JSON), passes unchanged.
 */
export function rowsFromForm(
  rows: { list: string; columns: readonly [string, ...string[]]; marker?: string },
  row: (cells: unknown[]) => unknown,
) {
  const marker = rows.marker ?? rows.columns[0];
  return (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const values = v as Record<string, unknown>;
    if (rows.list in values || !(marker in values)) return v;
    const [first, ...others] = rows.columns.map((name) => asList(values[name]));
    const items = (first ?? []).flatMap((cell, i) => {
      const item = row([cell, ...others.map((column) => column[i])]);
      return item === null ? [] : [item];
    });
    return { ...values, [rows.list]: items };
  };
}

/** Free lists typed in one box ("copyright, crafts" or one per line), or arrays from the API. */
export const splitText = (v: unknown): unknown[] =>
  typeof v === 'string'
    ? v
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : asList(v);

/** One entry per line (a textarea), or an array from the API. */
export const splitLines = (v: unknown): unknown[] =>
  typeof v === 'string'
    ? v
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean)
    : asList(v);

// ── Shapes ──────────────────────────────────────────────────────────────────

/** A BCP 47 language tag as the platform stores them: en, lo, zh-Hans, pt-BR. */
export const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
/** The one slug rule: lower-case letters and digits in words joined by single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 120;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL_ON_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: tabs and line breaks are kept, the rest refused
export const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const oneLine = (s: string) => !CONTROL_ON_ONE_LINE.test(s);
const cleanText = (s: string) => !CONTROL_IN_TEXT.test(s);

// ── Text ────────────────────────────────────────────────────────────────────

/** A required single-line text, trimmed, at most `max` characters. */
export const line = (max: number, required: MessageKey = 'form.required') =>
  z.string(required).trim().min(1, required).max(max, 'form.tooLong').refine(oneLine, 'form.oneLine');

/** An optional single-line text: null when left empty. */
export const optionalLine = (max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string('form.invalid')
      .trim()
      .max(max, 'form.tooLong')
      .refine(oneLine, 'form.oneLine')
      .nullable()
      .default(null),
  );

/** A multi-line text (Markdown where the page renders it), '' when left empty. */
export const text = (max: number) =>
  z.string('form.invalid').max(max, 'form.tooLong').refine(cleanText, 'form.badCharacter').default('');

/** A required multi-line text. */
export const requiredText = (max: number, required: MessageKey = 'form.required') =>
  z.string(required).trim().min(1, required).max(max, 'form.tooLong').refine(cleanText, 'form.badCharacter');

/** An optional multi-line text: null when left empty. */
export const optionalText = (max: number) =>
  z.preprocess(
    blankToNull,
    z
      .string('form.invalid')
      .trim()
      .max(max, 'form.tooLong')
      .refine(cleanText, 'form.badCharacter')
      .nullable()
      .default(null),
  );

// ── Codes ───────────────────────────────────────────────────────────────────

/** The language a record is written in. */
export const langTag = (message: MessageKey = 'form.unknownLanguage') =>
  z.string(message).trim().regex(LANG_TAG, message);

/** A slug typed or pasted: trimmed and lower-cased before the one rule is checked. */
export const slug = (message: MessageKey = 'form.invalid') =>
  z.string(message).trim().toLowerCase().max(SLUG_MAX, 'form.tooLong').regex(SLUG, message);

/**
 * A record of this site named by its slug or by its address pasted (`https://hub.example/directory/
 * stella/` for `path` '/directory/'): what follows `path`, up to the next /, ? or #.
 */
export const slugOrAddress = (path: string, message: MessageKey = 'form.invalid') => {
  const before = new RegExp(`^.*${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .trim()
            .replace(before, '')
            .replace(/[/?#].*$/, '')
        : v,
    slug(message),
  );
};

/** One of a code list. */
export const choice = <const T extends readonly [string, ...string[]]>(
  values: T,
  message: MessageKey = 'form.invalid',
) => z.enum(values, message);

/** One of a code list, or null when left empty. */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(
  values: T,
  message: MessageKey = 'form.invalid',
) => z.preprocess(blankToNull, z.enum(values, message).nullable().default(null));

/** An ISO 3166-1 alpha-2 country code. */
export const country = (message: MessageKey = 'form.unknownCountry') =>
  z.string(message).refine(isCountryCode, message);

/** A country, or null when left empty. */
export const optionalCountry = (message: MessageKey = 'form.unknownCountry') =>
  z.preprocess(blankToNull, z.string(message).refine(isCountryCode, message).nullable().default(null));

// ── Dates, numbers, choices ─────────────────────────────────────────────────

/** A calendar date that exists (no 30 February), as YYYY-MM-DD. */
export const calendarDate = (message: MessageKey = 'form.badDate') =>
  z.string(message).trim().refine(isRealDate, message);

/** A calendar date, or null when left empty. */
export const optionalDate = (message: MessageKey = 'form.badDate') =>
  z.preprocess(blankToNull, z.string(message).trim().refine(isRealDate, message).nullable().default(null));

/** A whole number within bounds; a form's string is read as a number. */
export const integer = (bounds: { min: number; max: number }, message: MessageKey = 'form.invalid') =>
  z.coerce.number(message).int(message).min(bounds.min, message).max(bounds.max, message);

/** A whole number, or null when left empty. */
export const optionalInteger = (bounds: { min: number; max: number }, message: MessageKey = 'form.invalid') =>
  z.preprocess(blankToNull, integer(bounds, message).nullable().default(null));

/** The id of a record (a positive whole number). */
export const recordId = (message: MessageKey = 'form.invalid') =>
  z.coerce.number(message).int(message).positive(message);

/**
 * A check box: a form sends its value ("1", "on") when ticked and nothing otherwise; JSON sends a
 * boolean. Any other text means unticked.
 */
export const checkbox = () =>
  z.preprocess(
    (v) =>
      typeof v === 'string' ? ['1', 'on', 'true'].includes(v) : v === undefined || v === null ? false : v,
    z.boolean('form.invalid'),
  );

/** Several values (check boxes, a multiple select, an API array), each checked by `item`. */
export const list = <T extends z.ZodType>(item: T, max: number, tooMany: MessageKey = 'form.tooMany') =>
  z.preprocess(asList, z.array(item, 'form.invalid').max(max, tooMany));

// ── Addresses ───────────────────────────────────────────────────────────────

/** http and https only: javascript:, data: and friends never become a link on our pages. */
export const webUrl = (max: number, message: MessageKey = 'form.badUrl') =>
  z
    .string('form.required')
    .trim()
    .min(1, 'form.required')
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, message }).max(max, 'form.tooLong'));

/** A web address, or null when left empty. */
export const optionalUrl = (max: number, message: MessageKey = 'form.badUrl') =>
  z.preprocess(
    blankToNull,
    z
      .url({ protocol: /^https?$/, hostname: z.regexes.domain, message })
      .max(max, 'form.tooLong')
      .nullable()
      .default(null),
  );

/** An email address, trimmed and lower-cased. */
export const email = () =>
  z.string('form.required').trim().toLowerCase().max(254, 'form.tooLong').pipe(z.email('form.invalidEmail'));

/** An email address, or null when left empty. */
export const optionalEmail = () =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .toLowerCase()
      .max(254, 'form.tooLong')
      .pipe(z.email('form.invalidEmail'))
      .nullable()
      .default(null),
  );
