// The translation rows of a form (see platform/http/translation-rows.ts): language + a short text
// + a long text, one more empty row than filled ones, at most MAX_TRANSLATIONS. The page works
// without JavaScript: save, and a new empty row appears.

import { MAX_TRANSLATIONS, type TranslationFields } from '../../platform/http/translation-rows.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { usePage } from '../page-context.ts';
import { FieldRows, rowValues } from './field-rows.tsx';
import type { FormState } from './form.tsx';

export interface TranslationRowsProps {
  state: FormState;
  /** The languages offered. */
  languages: readonly string[];
  hint: MessageKey;
  fields: TranslationFields;
  /** Labels of the row's texts, with {n} the row number. */
  labels: { short: MessageKey; long: MessageKey };
  maxLength: { short: number; long: number };
}

export function TranslationRows(props: TranslationRowsProps) {
  const { t, fmt } = usePage();
  const { state, fields } = props;
  const langs = rowValues(state, 'tr_lang');
  const shorts = rowValues(state, `tr_${fields.short}`);
  const longs = rowValues(state, `tr_${fields.long}`);
  const filled = Math.max(langs.length, shorts.length, longs.length);
  return (
    <FieldRows
      name="translations"
      legend="translations.legend"
      hint={props.hint}
      state={state}
      count={Math.min(MAX_TRANSLATIONS, filled + 1)}
      row={(i, describedBy) => (
        <div class="stack translation-row">
          <div class="field">
            <label for={`f-tr-lang-${i}`}>{t('translations.rowLanguage', { n: i + 1 })}</label>
            <select id={`f-tr-lang-${i}`} name="tr_lang" aria-describedby={describedBy}>
              <option value="">{t('translations.noLanguage')}</option>
              {props.languages.map((l) => (
                <option value={l} lang={l} selected={langs[i] === l}>
                  {fmt.language(l)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`f-tr-${fields.short}-${i}`}>{t(props.labels.short, { n: i + 1 })}</label>
            <input
              id={`f-tr-${fields.short}-${i}`}
              name={`tr_${fields.short}`}
              value={shorts[i] ?? ''}
              maxlength={props.maxLength.short}
              lang={langs[i] || undefined}
            />
          </div>
          <div class="field">
            <label for={`f-tr-${fields.long}-${i}`}>{t(props.labels.long, { n: i + 1 })}</label>
            <textarea
              id={`f-tr-${fields.long}-${i}`}
              name={`tr_${fields.long}`}
              rows={4}
              maxlength={props.maxLength.long}
              lang={langs[i] || undefined}
            >
              {longs[i] ?? ''}
            </textarea>
          </div>
        </div>
      )}
    />
  );
}
