// The translation rows of a form (see platform/http/translation-rows.ts): language + a short text
// + a long text, one more empty row than filled ones, at most MAX_TRANSLATIONS. The page works
// without JavaScript: save, and a new empty row appears.

import { MAX_TRANSLATIONS } from '../../platform/http/translation-rows.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { CONTENT_LANGUAGES } from '../../platform/vocabularies.ts';
import { usePage } from '../page-context.ts';
import { FieldRows, rowValues } from './field-rows.tsx';
import type { FormState } from './form.tsx';

/** One of the texts a row translates: the record's field, the row's label ({n}: the row number), its limit. */
export interface TranslatedText {
  field: string;
  label: MessageKey;
  maxLength: number;
}

export interface TranslationRowsProps {
  state: FormState;
  /** The languages offered: the content languages unless told. */
  languages?: readonly string[];
  hint: MessageKey;
  /** The short text (a title, a name), on one line. */
  short: TranslatedText;
  /** The long text (a summary, a description), on several. */
  long: TranslatedText;
}

export function TranslationRows(props: TranslationRowsProps) {
  const { t, fmt } = usePage();
  const { state, short, long } = props;
  const langs = rowValues(state, 'tr_lang');
  const shorts = rowValues(state, `tr_${short.field}`);
  const longs = rowValues(state, `tr_${long.field}`);
  const filled = Math.max(langs.length, shorts.length, longs.length);
  return (
    <FieldRows
      name="translations"
      legend="translations.legend"
      hint={props.hint}
      state={state}
      count={Math.min(MAX_TRANSLATIONS, filled + 1)}
      row={(i, describedBy) => {
        const id = (field: string) => `f-tr-${field}-${i}`;
        const lang = langs[i] || undefined;
        return (
          <div class="stack translation-row">
            <div class="field">
              <label for={id('lang')}>{t('translations.rowLanguage', { n: i + 1 })}</label>
              <select id={id('lang')} name="tr_lang" aria-describedby={describedBy}>
                <option value="">{t('translations.noLanguage')}</option>
                {(props.languages ?? CONTENT_LANGUAGES).map((l) => (
                  <option value={l} lang={l} selected={langs[i] === l}>
                    {fmt.language(l)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={id(short.field)}>{t(short.label, { n: i + 1 })}</label>
              <input
                id={id(short.field)}
                name={`tr_${short.field}`}
                value={shorts[i] ?? ''}
                maxlength={short.maxLength}
                lang={lang}
              />
            </div>
            <div class="field">
              <label for={id(long.field)}>{t(long.label, { n: i + 1 })}</label>
              <textarea
                id={id(long.field)}
                name={`tr_${long.field}`}
                rows={4}
                maxlength={long.maxLength}
                lang={lang}
              >
                {longs[i] ?? ''}
              </textarea>
            </div>
          </div>
        );
      }}
    />
  );
}
