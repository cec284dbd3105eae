// Spreadsheet habits turned into the values forms take, for every import target: countries and
// languages as names or codes in any UI language, labels of the hub's vocabularies in any UI
// language, "a; b" lists, web addresses without their scheme.
import { LOCALES } from '../../locales/index.ts';
import { COUNTRY_CODES } from '../countries.ts';
import { type MessageKey, translator } from '../i18n.ts';
import { DOMAINS, regionLanguages } from '../vocabularies.ts';
import { foldLabel } from './mapping.ts';

/** Folded code and folded label (in every UI language) → code. */
export function vocabulary(codes: readonly string[], prefix: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const code of codes) map.set(foldLabel(code), code);
  for (const locale of LOCALES) {
    const t = translator(locale);
    for (const code of codes) {
      const key = foldLabel(t(`${prefix}.${code}` as MessageKey));
      if (key && !map.has(key)) map.set(key, code);
    }
  }
  return map;
}

/** Country names that Intl does not give but lists in the region use. */
const COUNTRY_SYNONYMS: Record<string, string> = {
  laopdr: 'LA',
  laopeoplesdemocraticrepublic: 'LA',
  vietnam: 'VN',
  burma: 'MM',
  myanmar: 'MM',
  republicofkorea: 'KR',
  korea: 'KR',
  dprk: 'KP',
  prc: 'CN',
  peoplesrepublicofchina: 'CN',
  timorleste: 'TL',
  easttimor: 'TL',
  bruneidarussalam: 'BN',
};

/** Other languages of the world and the region's own minority languages (Hmong, Shan, Kachin, Cebuano). */
const WORLD_AND_MINORITY_LANGUAGES = [
  'de',
  'es',
  'pt',
  'ru',
  'hi',
  'bn',
  'ne',
  'si',
  'ta',
  'ar',
  'hmn',
  'shn',
  'kac',
  'ceb',
];

/** Languages a directory entry is commonly written in, to recognise their names. */
const KNOWN_LANGUAGES = [...regionLanguages(['zh', 'zh-Hans', 'zh-Hant']), ...WORLD_AND_MINORITY_LANGUAGES];

interface Lookups {
  domains: Map<string, string>;
  countries: Map<string, string>;
  languages: Map<string, string>;
}

let lookups: Lookups | undefined;

function getLookups(): Lookups {
  if (lookups) return lookups;
  const countries = new Map<string, string>(Object.entries(COUNTRY_SYNONYMS));
  const languages = new Map<string, string>();
  for (const locale of ['en', ...LOCALES]) {
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    for (const code of COUNTRY_CODES) {
      const key = foldLabel(regions.of(code) ?? '');
      if (key && !countries.has(key)) countries.set(key, code);
    }
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    for (const tag of KNOWN_LANGUAGES) {
      const key = foldLabel(names.of(tag) ?? '');
      if (key && !languages.has(key)) languages.set(key, tag);
    }
  }
  lookups = { domains: vocabulary(DOMAINS, 'vocab.domain'), countries, languages };
  return lookups;
}

/** An ISO code from a code in any case or a country's name in any UI language ("Lao PDR"). */
export function countryCode(value: string): string | undefined {
  if (/^[a-z]{2}$/i.test(value)) return value.toUpperCase();
  return getLookups().countries.get(foldLabel(value));
}

/** A BCP 47 tag as the form writes it ("zh-Hans", "lo"), from a tag in any case or a name. */
export function languageTag(value: string): string | undefined {
  const named = getLookups().languages.get(foldLabel(value));
  if (named) return named;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/** A domain's code from its code or its label in any UI language. */
export const domainCode = (value: string) => getLookups().domains.get(foldLabel(value));

/** "a; b, c" → ['a', 'b', 'c']. */
export const splitList = (cell: string) =>
  cell
    .split(/[;,\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

/** Spreadsheets often hold "www.example.org": forms want the scheme, and it is not in doubt. */
export function withScheme(url: string): string {
  return url && !/^[a-z][a-z0-9+.-]*:/i.test(url) && /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(url)
    ? `https://${url}`
    : url;
}
