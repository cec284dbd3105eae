// Translations of a record's texts (an organisation's name and description, a person's title and
// bio) as rows on a form and as an array in the API: the one way both are read and checked, the
// `translations` field of a record's schema, and the form's rows of a saved record.
// The rows are shown by ui/components/translation-rows.tsx.
import { z } from 'zod';
import type { MessageKey } from '../i18n.ts';
import { langTag } from './fields.ts';
import type { FormValues } from './forms.ts';

/** At most this many translations are written at once (rows on the form). */
export const MAX_TRANSLATIONS = 6;

/** The two texts of a row: a short one (`name`, `title`) and a long one (`description`, `bio`). */
export interface TranslationFields {
  short: string;
  long: string;
}

/**
 * The form sends its rows as three lists of the same length (`tr_lang`, `tr_<short>`,
 * `tr_<long>`); the API sends `translations: [{ lang, <short>, <long> }]`. This turns the first
 * into the second. Rows without text are dropped: emptying a row removes that translation.
 */
export function translationsFromForm(fields: TranslationFields) {
  return (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const values = v as Record<string, unknown>;
    if ('translations' in values || !('tr_lang' in values)) return v;
    // An empty string is a row too (a language not chosen yet).
    const cells = (x: unknown): unknown[] =>
      x === undefined || x === null ? [] : Array.isArray(x) ? x : [x];
    const langs = cells(values.tr_lang);
    const shorts = cells(values[`tr_${fields.short}`]);
    const longs = cells(values[`tr_${fields.long}`]);
    const blank = (x: unknown) => x === undefined || x === null || (typeof x === 'string' && x.trim() === '');
    const count = Math.max(langs.length, shorts.length, longs.length);
    const rows = Array.from({ length: count }, (_, i) => i).flatMap((i) =>
      blank(shorts[i]) && blank(longs[i])
        ? []
        : [
            {
              lang: langs[i] ?? '',
              [fields.short]: shorts[i] ?? null,
              [fields.long]: typeof longs[i] === 'string' ? longs[i] : '',
            },
          ],
    );
    return { ...values, translations: rows };
  };
}

/** A translation is in another language than the original, and there is one per language. */
export function checkTranslations(
  input: { lang: string; translations: { lang: string }[] },
  ctx: z.core.$RefinementCtx,
): void {
  const seen = new Set<string>();
  for (const tr of input.translations) {
    if (tr.lang === input.lang)
      ctx.addIssue({ code: 'custom', path: ['translations'], message: 'translations.sameLanguage' });
    else if (seen.has(tr.lang))
      ctx.addIssue({ code: 'custom', path: ['translations'], message: 'translations.twice' });
    seen.add(tr.lang);
  }
}

/**
 * What a record's schema does with its translated texts, `fields` named once: the `translations`
 * field, the refusal of a row with neither text, the form's rows read and checked, and saved
 * translations shown as the form's rows.
 */
export function translatedTexts(fields: TranslationFields) {
  const fromForm = translationsFromForm(fields);
  const hasEitherText = (tr: Record<string, unknown>): boolean => {
    const long = tr[fields.long];
    return !!tr[fields.short] || (typeof long === 'string' && long.trim() !== '');
  };
  return {
    /**
     * One translation: its language and `texts`; with `empty`, a row with neither of its two texts
     * says nothing and is refused with that message.
     */
    row: <S extends z.ZodRawShape>(texts: S, empty?: MessageKey) => {
      const row = z.object({ lang: langTag('translations.language'), ...texts });
      return empty ? row.refine(hasEitherText, empty) : row;
    },

    /** The `translations` field: at most MAX_TRANSLATIONS rows of `row`, none when omitted. */
    list: <T extends z.ZodType>(row: T, description: string) =>
      z.array(row, 'form.invalid').max(MAX_TRANSLATIONS, 'form.tooMany').default([]).describe(description),

    /**
     * The record's input as the form and the API send it: the form's translation rows become
     * `translations` (after `otherRows` has turned the form's other rows, if any, into their
     * lists), and the translations are checked against the record's language.
     */
    input: <T extends z.ZodType<{ lang: string; translations: { lang: string }[] }>>(
      object: T,
      otherRows: (v: unknown) => unknown = (v) => v,
    ) => z.preprocess((v) => fromForm(otherRows(v)), object).superRefine(checkTranslations),

    /** Saved translations as the form's rows: `tr_lang`, `tr_<short>` ('' for none) and `tr_<long>`. */
    formValues: (translations: readonly ({ lang: string } & Record<string, unknown>)[]): FormValues => {
      const cell = (v: unknown) => (typeof v === 'string' ? v : '');
      return {
        tr_lang: translations.map((tr) => tr.lang),
        [`tr_${fields.short}`]: translations.map((tr) => cell(tr[fields.short])),
        [`tr_${fields.long}`]: translations.map((tr) => cell(tr[fields.long])),
      };
    },
  };
}
