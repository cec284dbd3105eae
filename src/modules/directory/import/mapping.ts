// Which column of the file feeds which field of an organisation. The form is filled in by guessing
// from the headers: our own export's column names, common synonyms (English, Vietnamese, French),
// and the field labels in every UI language, compared with case and accents folded.

import { LOCALES } from '../../../locales/index.ts';
import type { FormValues } from '../../../platform/http/forms.ts';
import { fieldValue } from '../../../platform/http/forms.ts';
import { type MessageKey, translator } from '../../../platform/i18n.ts';
import { searchForm } from '../../../search/normalize.ts';
import { foldLatin } from '../../../search/tokenize.ts';

export const TARGETS = [
  'name',
  'kind',
  'country',
  'city',
  'province',
  'address',
  'latitude',
  'longitude',
  'website',
  'email',
  'phone',
  'description',
  'lang',
  'name_translit',
  'domains',
  'stages',
  'languages',
  'founded_year',
  'parent',
] as const;
export type Target = (typeof TARGETS)[number];

/** The label of each field, the same as on the organisation form. */
export const TARGET_LABELS: Record<Target, MessageKey> = {
  name: 'directory.name',
  kind: 'directory.kind',
  country: 'directory.country',
  city: 'directory.city',
  province: 'directory.province',
  address: 'directory.address',
  latitude: 'directory.latitude',
  longitude: 'directory.longitude',
  website: 'directory.website',
  email: 'directory.email',
  phone: 'directory.phone',
  description: 'directory.description',
  lang: 'directory.writtenIn',
  name_translit: 'directory.nameTranslit',
  domains: 'directory.domains',
  stages: 'directory.stages',
  languages: 'directory.languages',
  founded_year: 'directory.foundedYear',
  parent: 'directory.parent',
};

/** Case, accents, spacing and punctuation folded away: "Tên tổ chức" → "tentochuc". */
export function foldLabel(text: string): string {
  return foldLatin(searchForm(text)).replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
}

const SYNONYMS: Record<Target, string[]> = {
  name: [
    'name',
    'organisation',
    'organization',
    'org',
    'orgname',
    'organisationname',
    'organizationname',
    'ten',
    'tentochuc',
    'nom',
  ],
  kind: ['kind', 'type', 'category', 'orgtype', 'organisationtype', 'organizationtype', 'loai', 'loaihinh'],
  country: ['country', 'countrycode', 'nation', 'quocgia', 'pays'],
  city: ['city', 'town', 'locality', 'thanhpho', 'ville'],
  province: ['province', 'state', 'region', 'provincestate', 'tinh', 'tinhthanh'],
  address: ['address', 'street', 'streetaddress', 'diachi', 'adresse'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'lng', 'lon', 'long'],
  website: ['website', 'web', 'url', 'site', 'homepage', 'websiteurl', 'trangweb'],
  email: ['email', 'mail', 'emailaddress', 'contactemail', 'courriel'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phonenumber', 'dienthoai', 'sodienthoai', 'sdt'],
  description: ['description', 'about', 'summary', 'profile', 'mota', 'gioithieu'],
  lang: ['lang', 'language', 'writtenin', 'contentlanguage', 'ngonngu'],
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
  domains: ['domains', 'domain', 'sector', 'sectors', 'culturaldomains', 'linhvuc'],
  stages: ['stages', 'stage', 'valuechain', 'valuechainstages'],
  languages: ['languages', 'workinglanguages', 'languagesspoken'],
  founded_year: [
    'foundedyear',
    'founded',
    'yearfounded',
    'established',
    'yearestablished',
    'since',
    'namthanhlap',
  ],
  parent: ['parent', 'partof', 'parentorganisation', 'parentorganization', 'parentslug'],
};

let guessTable: Map<string, Target> | undefined;

/** Folded header → field: synonyms first, then the labels in every UI language. */
function guesses(): Map<string, Target> {
  if (guessTable) return guessTable;
  const table = new Map<string, Target>();
  for (const target of TARGETS) for (const s of SYNONYMS[target]) table.set(s, target);
  for (const locale of LOCALES) {
    const t = translator(locale);
    for (const target of TARGETS) {
      const key = foldLabel(t(TARGET_LABELS[target]));
      if (key && !table.has(key)) table.set(key, target);
    }
  }
  guessTable = table;
  return table;
}

export type Mapping = (Target | null)[];

/** One field per header where it can be guessed; no field twice (the first column wins). */
export function guessMapping(header: string[]): Mapping {
  const table = guesses();
  const used = new Set<Target>();
  return header.map((h) => {
    const target = table.get(foldLabel(h));
    if (!target || used.has(target)) return null;
    used.add(target);
    return target;
  });
}

/** Name of the form field of column i. */
export const columnField = (i: number) => `col_${i}`;

export interface MappingChoice {
  mapping: Mapping;
  /** Values for rows whose cell is empty or whose file has no such column. */
  defaults: { kind: string; country: string; lang: string };
}

export type MappingErrors = Record<string, MessageKey>;

/** The mapping as submitted; each field at most once, and the name must come from somewhere. */
export function readMapping(
  values: FormValues,
  width: number,
): { ok: true; choice: MappingChoice } | { ok: false; errors: MappingErrors } {
  const errors: MappingErrors = {};
  const mapping: Mapping = [];
  const seen = new Set<Target>();
  for (let i = 0; i < width; i++) {
    const raw = fieldValue(values, columnField(i));
    const target = (TARGETS as readonly string[]).includes(raw) ? (raw as Target) : null;
    if (raw && !target) errors[columnField(i)] = 'form.invalid';
    if (target && seen.has(target)) errors[columnField(i)] = 'directoryImport.mappedTwice';
    if (target) seen.add(target);
    mapping.push(target);
  }
  if (!seen.has('name')) errors._form = 'directoryImport.needName';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    choice: {
      mapping,
      defaults: {
        kind: fieldValue(values, 'default_kind'),
        country: fieldValue(values, 'default_country'),
        lang: fieldValue(values, 'default_lang'),
      },
    },
  };
}

/** The mapping as form values, to carry it from the preview to the import. */
export function mappingValues(choice: MappingChoice): FormValues {
  const values: FormValues = {
    default_kind: choice.defaults.kind,
    default_country: choice.defaults.country,
    default_lang: choice.defaults.lang,
  };
  choice.mapping.forEach((target, i) => {
    values[columnField(i)] = target ?? '';
  });
  return values;
}
