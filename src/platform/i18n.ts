// UI strings: ICU messages formatted with intl-messageformat. The platform's own strings are in
// src/locales/<lang>.json; each module keeps its strings beside it, in
// src/modules/<name>/locales/<lang>.json, and declares their keys in its index.ts (see
// ModuleMessages below), so a module is one folder. A key missing from a locale falls back to
// English, key by key.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import type platformEn from '../locales/en.json';
import { isLocale, LOCALES, type Locale } from '../locales/index.ts';

/** The keys of a locale file, as a type: `MessageKeys<typeof en>`. */
export type MessageKeys<T> = { [K in Exclude<keyof T, '@metadata'>]: true };

/**
 * Every key there is. Each module adds its own with
 * `declare module '../../platform/i18n.ts' { interface Messages extends MessageKeys<typeof en> {} }`
 * in its index.ts, so a typo in a key does not compile.
 */
export interface Messages extends MessageKeys<typeof platformEn> {}

export type MessageKey = keyof Messages & string;
export type MessageValues = Record<string, string | number | Date>;
export type Translator = (key: MessageKey, values?: MessageValues) => string;

const SRC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export type Catalog = Record<string, string>;

/** Where the strings live: the platform's folder first, then one per module that has strings. */
export function catalogDirs(): { owner: string; dir: string }[] {
  const modulesDir = path.join(SRC_DIR, 'modules');
  const modules = fs
    .readdirSync(modulesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(modulesDir, e.name, 'locales', 'en.json')))
    .map((e) => ({ owner: e.name, dir: path.join(modulesDir, e.name, 'locales') }))
    .sort((a, b) => (a.owner < b.owner ? -1 : 1));
  return [{ owner: 'platform', dir: path.join(SRC_DIR, 'locales') }, ...modules];
}

function readCatalog(locale: Locale): Catalog {
  const catalog: Catalog = {};
  for (const { dir } of catalogDirs()) {
    const file = path.join(dir, `${locale}.json`);
    if (!fs.existsSync(file)) continue;
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) {
      if (key !== '@metadata' && typeof value === 'string') catalog[key] = value;
    }
  }
  return catalog;
}

/**
 * A translator over the given catalogs: the locale's message when it has one, English otherwise,
 * the key itself as a last resort. Compiled messages are cached per catalog set.
 */
export function makeTranslator(locale: Locale, catalogs: ReadonlyMap<Locale, Catalog>): Translator {
  let cache = compiledBySet.get(catalogs);
  if (!cache) {
    cache = new Map();
    compiledBySet.set(catalogs, cache);
  }
  const compiled = cache;
  // A message without values comes out the same every time: most of a page's strings.
  const plain = new Map<string, string>();
  return (key, values) => {
    if (!values) {
      const done = plain.get(key);
      if (done !== undefined) return done;
    }
    const own = catalogs.get(locale)?.[key];
    const useLocale: Locale = own === undefined ? 'en' : locale;
    const source = own ?? catalogs.get('en')?.[key];
    if (source === undefined) return key;
    const cacheKey = `${useLocale}\u0000${key}`;
    let format = compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(source, useLocale);
      compiled.set(cacheKey, format);
    }
    const out = format.format(values);
    const text = Array.isArray(out) ? out.join('') : String(out);
    if (!values) plain.set(key, text);
    return text;
  };
}

const compiledBySet = new WeakMap<ReadonlyMap<Locale, Catalog>, Map<string, IntlMessageFormat>>();
const catalogs: ReadonlyMap<Locale, Catalog> = new Map(LOCALES.map((l) => [l, readCatalog(l)]));
const translators = new Map(LOCALES.map((l) => [l, makeTranslator(l, catalogs)]));
const english = catalogs.get('en') ?? {};

export function translator(locale: Locale): Translator {
  return translators.get(locale) ?? makeTranslator(locale, catalogs);
}

/** The English catalog of the platform and every module, merged (the i18n test reads it). */
export function englishCatalog(): Readonly<Catalog> {
  return english;
}

/** The language of mail to an account: its own setting, or the hub's default. */
export function accountLocale(account: { locale: string | null } | undefined, hubDefault: Locale): Locale {
  return isLocale(account?.locale) ? account.locale : hubDefault;
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(english, key);
}

/** The locale whose messages a reader sees: account setting > cookie > Accept-Language > default. */
export function negotiateLocale(input: {
  account?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
  fallback: Locale;
}): Locale {
  if (isLocale(input.account)) return input.account;
  if (isLocale(input.cookie)) return input.cookie;
  return fromAcceptLanguage(input.acceptLanguage ?? '') ?? input.fallback;
}

// Browsers send a handful of distinct Accept-Language headers; parsing one (Intl.Locale,
// maximize) is worth doing once. Bounded: emptied when full, so odd headers cannot grow it.
const byAcceptLanguage = new Map<string, Locale | null>();

function fromAcceptLanguage(header: string): Locale | undefined {
  let found = byAcceptLanguage.get(header);
  if (found === undefined) {
    found = null;
    for (const tag of parseAcceptLanguage(header)) {
      const match = matchLocale(tag);
      if (match) {
        found = match;
        break;
      }
    }
    if (byAcceptLanguage.size >= 1000) byAcceptLanguage.clear();
    byAcceptLanguage.set(header, found);
  }
  return found ?? undefined;
}

function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.tag !== '*' && x.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((x) => x.tag);
}

/** Maps a BCP 47 tag to a UI locale: zh, zh-CN, zh-SG and zh-Hans-* all read Simplified Chinese. */
function matchLocale(tag: string): Locale | undefined {
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0] ?? '';
  } catch {
    return undefined;
  }
  if (isLocale(canonical)) return canonical;
  const intl = new Intl.Locale(canonical);
  if (intl.language === 'zh') {
    const script = intl.maximize().script;
    return script === 'Hans' ? 'zh-Hans' : undefined;
  }
  return isLocale(intl.language) ? intl.language : undefined;
}

export interface Formatters {
  dateTime: (iso: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  /**
   * A calendar date (YYYY-MM-DD: a law's date, a clipping's day) as a long date. Formatted in UTC,
   * where the string means itself, so no reader's time zone moves it to the day before.
   */
  day: (yyyyMmDd: string | null | undefined) => string;
  number: (n: number) => string;
  country: (code: string) => string;
  /** The name of a language (BCP 47 tag) in the reader's language. */
  language: (tag: string) => string;
}

// Building Intl formatters costs about a third of a small request: build each one once per
// locale and time zone, and only when a page uses it.
const formatterCache = new Map<string, Formatters>();

/** Dates, numbers and country names in the reader's locale and time zone, via Intl. */
export function formatters(locale: Locale, timeZone: string): Formatters {
  const key = `${locale}|${timeZone}`;
  const cached = formatterCache.get(key);
  if (cached) return cached;
  let dateTime: Intl.DateTimeFormat | undefined;
  let date: Intl.DateTimeFormat | undefined;
  let day: Intl.DateTimeFormat | undefined;
  let number: Intl.NumberFormat | undefined;
  let regions: Intl.DisplayNames | undefined;
  let languages: Intl.DisplayNames | undefined;
  const made: Formatters = {
    dateTime: (iso) => {
      if (!iso) return '';
      dateTime ??= new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
      return dateTime.format(new Date(iso));
    },
    date: (iso) => {
      if (!iso) return '';
      date ??= new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
      return date.format(new Date(iso));
    },
    day: (yyyyMmDd) => {
      if (!yyyyMmDd) return '';
      day ??= new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
      return day.format(new Date(`${yyyyMmDd}T00:00:00Z`));
    },
    number: (n) => {
      number ??= new Intl.NumberFormat(locale);
      return number.format(n);
    },
    country: (code) => {
      regions ??= new Intl.DisplayNames([locale], { type: 'region' });
      return regions.of(code) ?? code;
    },
    language: (tag) => {
      languages ??= new Intl.DisplayNames([locale], { type: 'language' });
      try {
        return languages.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
  };
  formatterCache.set(key, made);
  return made;
}
