import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../locales/index.ts';
import {
  type Catalog,
  englishCatalog,
  formatters,
  makeTranslator,
  negotiateLocale,
  translator,
} from './i18n.ts';

describe('negotiateLocale', () => {
  const fallback = 'en' as const;
  it('prefers the account, then the cookie, then the browser, then the default', () => {
    expect(negotiateLocale({ account: 'lo', cookie: 'th', acceptLanguage: 'km', fallback })).toBe('lo');
    expect(negotiateLocale({ account: null, cookie: 'th', acceptLanguage: 'km', fallback })).toBe('th');
    expect(negotiateLocale({ account: 'xx', cookie: 'bogus', acceptLanguage: 'km', fallback })).toBe('km');
    expect(negotiateLocale({ acceptLanguage: '', fallback: 'vi' })).toBe('vi');
  });

  it('reads Accept-Language by quality and maps regional and script variants', () => {
    expect(negotiateLocale({ acceptLanguage: 'fr;q=0.9, my;q=0.8, en;q=0.1', fallback })).toBe('my');
    expect(negotiateLocale({ acceptLanguage: 'en;q=0.2, vi-VN;q=0.9', fallback })).toBe('vi');
    expect(negotiateLocale({ acceptLanguage: 'zh-SG', fallback })).toBe('zh-Hans');
    expect(negotiateLocale({ acceptLanguage: 'zh-Hans-HK', fallback })).toBe('zh-Hans');
    // Traditional Chinese is not a UI language (yet): no false match on zh-Hans.
    expect(negotiateLocale({ acceptLanguage: 'zh-TW', fallback })).toBe('en');
    expect(negotiateLocale({ acceptLanguage: '*;q=1, !!garbage, ;q=x', fallback })).toBe('en');
  });
});

describe('translator', () => {
  it('falls back to English per key when a locale lacks a message', () => {
    const catalogs = new Map<Locale, Catalog>([
      ['en', { 'layout.logIn': 'Log in', 'layout.logOut': 'Log out' }],
      ['lo', { 'layout.logIn': 'ເຂົ້າສູ່ລະບົບ' }],
    ]);
    const t = makeTranslator('lo', catalogs);
    expect(t('layout.logIn')).toBe('ເຂົ້າສູ່ລະບົບ');
    expect(t('layout.logOut')).toBe('Log out');
    expect(t('layout.register')).toBe('layout.register');
  });

  it('formats ICU plurals in each language', () => {
    expect(translator('en')('list.count', { count: 1 })).toBe('1 result');
    expect(translator('en')('list.count', { count: 3 })).toBe('3 results');
    expect(translator('en')('list.count', { count: 0 })).toBe('Nothing found');
  });

  it('has every English key in every locale, each formatting with its placeholders', async () => {
    // The platform's strings and every module's.
    const en = englishCatalog();
    expect(Object.keys(en).length).toBeGreaterThan(1000);
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const [key, message] of Object.entries(en)) {
        if (typeof message !== 'string') continue;
        // A value for every {placeholder} of the English message: numbers work for plurals too.
        const values = Object.fromEntries([...message.matchAll(/\{(\w+)/g)].map((m) => [m[1], 2]));
        expect(t(key as never, values)).not.toBe(key);
      }
    }
  });
});

describe('formatters', () => {
  it('uses the reader’s locale and time zone', () => {
    const iso = '2024-09-09T02:15:00.000Z';
    expect(formatters('en', 'Asia/Bangkok').dateTime(iso)).toContain('9:15');
    // Thai readers get the Buddhist era by default.
    expect(formatters('th', 'Asia/Bangkok').date(iso)).toContain('2567');
    expect(formatters('lo', 'UTC').country('LA')).toBe(
      new Intl.DisplayNames(['lo'], { type: 'region' }).of('LA'),
    );
    expect(formatters('vi', 'UTC').number(64000)).toBe('64.000');
  });
});
