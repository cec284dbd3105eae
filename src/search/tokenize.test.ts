import { describe, expect, it } from 'vitest';
import { cleanText, isZawgyi, searchForm } from './normalize.ts';
import { parseQuery, toFts5, toTsquery } from './query.ts';
import { guessLanguage } from './scripts.ts';
import { foldLatin, indexTokens, queryUnits } from './tokenize.ts';

describe('cleaning text', () => {
  it('converts Burmese typed in Zawgyi to Unicode and leaves Unicode Burmese alone', () => {
    const zawgyi = 'ျမန္မာ';
    expect(isZawgyi(zawgyi)).toBe(true);
    expect(cleanText(zawgyi)).toBe('မြန်မာ');
    expect(cleanText('မြန်မာ')).toBe('မြန်မာ');
    expect(cleanText('ေက်ာင္း')).toBe('ကျောင်း');
    // Short Unicode text the detector misjudges is left as it is.
    expect(cleanText('ဘာသာစကား')).toBe('ဘာသာစကား');
  });

  it('drops invisible characters, keeps zero-width spaces as word breaks only where spaces are used', () => {
    expect(cleanText('a\u200Bb')).toBe('a b');
    expect(cleanText('ក\u200Bខ')).toBe('កខ');
    expect(cleanText('co\u00ADoperation\u200D\uFEFF')).toBe('cooperation');
    expect(cleanText('bad \uD800 surrogate\u0007')).toBe('bad   surrogate ');
  });

  it('folds Traditional Chinese to Simplified and compatibility forms to plain ones', () => {
    expect(searchForm('傳統藝術')).toBe('传统艺术');
    expect(searchForm('ＵＮＥＳＣＯ')).toBe('unesco');
  });
});

describe('folding', () => {
  it('removes accents from Latin letters only', () => {
    expect(foldLatin('huế')).toBe('hue');
    expect(foldLatin('đường')).toBe('duong');
    expect(foldLatin('ñandú')).toBe('nandu');
    // Cyrillic й is a letter of its own.
    expect(foldLatin('соёл')).toBe('соёл');
    expect(foldLatin('дуй')).toBe('дуй');
  });

  it('keeps the marks of Thai, Lao, Khmer and Burmese: ข้าว is not ขาว', () => {
    const rice = indexTokens('ข้าว').tokens;
    const white = indexTokens('ขาว').tokens;
    expect(rice).not.toEqual(white);
    expect(rice).toContain('ข้า');
    expect(white).not.toContain('ข้า');
  });
});

describe('tokens', () => {
  it('indexes spaced scripts by word and unspaced ones by overlapping character pairs', () => {
    expect(indexTokens('Lễ hội Huế').tokens).toEqual(['le', 'hoi', 'hue']);
    expect(indexTokens('Lễ hội Huế').exact).toEqual(['lễ', 'hội', 'huế']);
    expect(indexTokens('文化遗产').tokens).toEqual(['文化', '化遗', '遗产', '产']);
    expect(indexTokens('문화유산을').tokens).toEqual(['문화', '화유', '유산', '산을', '을']);
  });

  it('splits a run typed in a query into its words, each found anywhere in a document', () => {
    const units = queryUnits('ผ้าไหมทอมือ', false);
    expect(units.length).toBeGreaterThan(1);
    expect(units.every((u) => u.kind === 'chars')).toBe(true);
  });

  it('guesses the language of text from its script', () => {
    expect(guessLanguage('ສະບາຍດີ')).toBe('lo');
    expect(guessLanguage('世界遺産と文化')).toBe('ja');
    expect(guessLanguage('文化遗产')).toBe('zh');
    expect(guessLanguage('Lễ hội')).toBe('vi');
    expect(guessLanguage('Festival')).toBeUndefined();
  });
});

describe('queries', () => {
  it('never passes user text as FTS or tsquery syntax', () => {
    for (const q of ['"a" OR "b"', 'NEAR(a b)', "a' | 'b", 'a:*', '{title}: x', 'x AND y', '!x & y']) {
      const parsed = parseQuery(q);
      const fts = toFts5(parsed);
      // Every token sits inside double quotes and contains only letters, digits and marks.
      for (const phrase of fts.match(/"[^"]*"/g) ?? []) expect(phrase).toMatch(/^"[\p{L}\p{N}\p{M} ]+"$/u);
      const ts = toTsquery(parsed);
      for (const lexeme of ts.match(/'[^']*'/g) ?? []) expect(lexeme).toMatch(/^'[\p{L}\p{N}\p{M}]+'$/u);
      expect(ts.replace(/'[^']*'/g, '')).toMatch(/^[\s()&|!<>:*-]*$/);
    }
  });

  it('caps very long queries', () => {
    const parsed = parseQuery('word '.repeat(1000));
    expect(parsed.required.length).toBeLessThanOrEqual(12);
  });
});
