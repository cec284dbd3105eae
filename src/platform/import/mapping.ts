// Which column of the file feeds which field of the target (organisation, person). The form is
// filled in by guessing from the headers: the target's synonyms (our own export's column names,
// common spellings in English, Vietnamese, French) and the field labels in every UI language,
// compared with case and accents folded.

import { LOCALES } from '../../locales/index.ts';
import { searchForm } from '../../search/normalize.ts';
import { foldLatin } from '../../search/tokenize.ts';
import type { FormValues } from '../http/forms.ts';
import { fieldValue } from '../http/forms.ts';
import { type MessageKey, translator } from '../i18n.ts';
import type { ImportTarget, MappingChoice } from './target.ts';

export type { MappingChoice } from './target.ts';

type AnyTarget = Pick<ImportTarget<unknown>, 'fields' | 'labels' | 'synonyms' | 'defaults' | 'text'>;

/** Case, accents, spacing and punctuation folded away: "Tên tổ chức" → "tentochuc". */
export function foldLabel(text: string): string {
  return foldLatin(searchForm(text)).replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
}

/** Header spellings, folded, of fields that more than one target has: the same words mean the same field. */
export const SHARED_SYNONYMS = {
  name_translit: [
    'nametranslit',
    'namelatin',
    'latinname',
    'transliteration',
    'romanisation',
    'romanization',
    'romanizedname',
    'englishname',
    'nameinenglish',
  ],
  email: ['email', 'mail', 'emailaddress', 'contactemail', 'courriel'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phonenumber', 'dienthoai', 'sodienthoai', 'sdt'],
  domains: ['domains', 'domain', 'sector', 'sectors', 'culturaldomains', 'linhvuc'],
};

const guessTables = new WeakMap<object, Map<string, string>>();

/** Folded header → field: synonyms first, then the labels in every UI language. */
function guesses(target: AnyTarget): Map<string, string> {
  const known = guessTables.get(target.fields);
  if (known) return known;
  const table = new Map<string, string>();
  for (const field of target.fields) for (const s of target.synonyms[field] ?? []) table.set(s, field);
  for (const locale of LOCALES) {
    const t = translator(locale);
    for (const field of target.fields) {
      const label = target.labels[field];
      const key = label ? foldLabel(t(label)) : '';
      if (key && !table.has(key)) table.set(key, field);
    }
  }
  guessTables.set(target.fields, table);
  return table;
}

export type Mapping = MappingChoice['mapping'];

/** One field per header where it can be guessed; no field twice (the first column wins). */
export function guessMapping(header: string[], target: AnyTarget): Mapping {
  const table = guesses(target);
  const used = new Set<string>();
  return header.map((h) => {
    const field = table.get(foldLabel(h));
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** Name of the form field of column i. */
export const columnField = (i: number) => `col_${i}`;
/** Name of the form field of a default value. */
export const defaultField = (name: string) => `default_${name}`;

export type MappingErrors = Record<string, MessageKey>;

/** The mapping as submitted; each field at most once, and the name must come from somewhere. */
export function readMapping(
  values: FormValues,
  width: number,
  target: AnyTarget,
): { ok: true; choice: MappingChoice } | { ok: false; errors: MappingErrors } {
  const errors: MappingErrors = {};
  const mapping: Mapping = [];
  const seen = new Set<string>();
  for (let i = 0; i < width; i++) {
    const raw = fieldValue(values, columnField(i));
    const field = target.fields.includes(raw) ? raw : null;
    if (raw && !field) errors[columnField(i)] = 'form.invalid';
    if (field && seen.has(field)) errors[columnField(i)] = 'import.mappedTwice';
    if (field) seen.add(field);
    mapping.push(field);
  }
  if (!seen.has('name')) errors._form = target.text.needName;
  if (Object.keys(errors).length) return { ok: false, errors };
  const defaults: Record<string, string> = {};
  for (const d of target.defaults) defaults[d.name] = fieldValue(values, defaultField(d.name));
  return { ok: true, choice: { mapping, defaults } };
}

/** The mapping as form values, to carry it from the preview to the import. */
export function mappingValues(choice: MappingChoice): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries(choice.defaults)) values[defaultField(name)] = value;
  choice.mapping.forEach((field, i) => {
    values[columnField(i)] = field ?? '';
  });
  return values;
}

/** The trimmed cells of a row by the field they fill. */
export function cellsOf(cells: string[], choice: MappingChoice): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  choice.mapping.forEach((field, i) => {
    if (field) out[field] = (cells[i] ?? '').trim();
  });
  return out;
}
