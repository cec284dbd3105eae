// The languages of the user interface. Each has a `<code>.json` beside this file with the same keys
// as en.json; `npm run i18n:check` keeps them in step.
export const LOCALES = ['en', 'vi', 'th', 'lo', 'km', 'my', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, as the language switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  vi: 'Tiếng Việt',
  th: 'ไทย',
  lo: 'ລາວ',
  km: 'ខ្មែរ',
  my: 'မြန်မာ',
  'zh-Hans': '简体中文',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
