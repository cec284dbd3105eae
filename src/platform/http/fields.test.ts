// The input blocks every schema is built from, without a database: what a form sends and what JSON
// sends give the same value, and each refusal carries its message key.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  calendarDate,
  checkbox,
  country,
  email,
  integer,
  langTag,
  line,
  list,
  optionalInteger,
  optionalLine,
  optionalUrl,
  slug,
  slugOrAddress,
  text,
  webUrl,
} from './fields.ts';
import { fieldErrors } from './forms.ts';

/** The message key of the first refusal, or the parsed value. */
function outcome(schema: z.ZodType, value: unknown): { ok: unknown } | { error: string } {
  const parsed = z.object({ f: schema }).safeParse(value === undefined ? {} : { f: value });
  return parsed.success ? { ok: parsed.data.f } : { error: fieldErrors(parsed.error.issues).f ?? '?' };
}

describe('text fields', () => {
  it.each([
    ['Lao and Khmer text, trimmed', line(50), '  ສະເຕລລາ ស្ទូឌីយោ ', { ok: 'ສະເຕລລາ ស្ទូឌីយោ' }],
    ['a line break inside one line', line(50), 'Vientiane\r\nTimes', { error: 'form.oneLine' }],
    ['a tab inside one line', line(50), 'a\tb', { error: 'form.oneLine' }],
    ['U+0000 inside one line', line(50), 'a\u0000b', { error: 'form.oneLine' }],
    ['a line separator', line(50), 'a\u2028b', { error: 'form.oneLine' }],
    ['nothing', line(50), undefined, { error: 'form.required' }],
    ['blank', line(50), '   ', { error: 'form.required' }],
    ['too long', line(5), 'abcdef', { error: 'form.tooLong' }],
    ['a number where text goes', line(5), 42, { error: 'form.required' }],
    ['an optional line left empty', optionalLine(50), '', { ok: null }],
    ['an optional line absent', optionalLine(50), undefined, { ok: null }],
    ['an optional line with a line break', optionalLine(50), 'a\nb', { error: 'form.oneLine' }],
    ['several lines with tabs', text(100), 'one\n\ttwo\r\nthree', { ok: 'one\n\ttwo\r\nthree' }],
    ['U+0000 in a text', text(100), 'one\u0000two', { error: 'form.badCharacter' }],
    ['an escape character in a text', text(100), 'bell\u0007', { error: 'form.badCharacter' }],
    ['a text left out', text(100), undefined, { ok: '' }],
  ])('%s', (_name, schema, value, expected) => {
    expect(outcome(schema, value)).toEqual(expected);
  });
});

describe('codes, dates and numbers', () => {
  it.each([
    ['a language tag', langTag(), 'zh-Hans', { ok: 'zh-Hans' }],
    ['a path for a language', langTag(), '../../etc', { error: 'form.unknownLanguage' }],
    ['a slug pasted in capitals', slug(), ' STELLA-Vientiane ', { ok: 'stella-vientiane' }],
    ['a slug with a double hyphen', slug(), 'a--b', { error: 'form.invalid' }],
    ['a country', country(), 'LA', { ok: 'LA' }],
    ['a country that is not one', country(), 'XX', { error: 'form.unknownCountry' }],
    ['a day that exists', calendarDate(), '2016-11-24', { ok: '2016-11-24' }],
    ['30 February', calendarDate(), '2016-02-30', { error: 'form.badDate' }],
    ['a number from a form', integer({ min: 1, max: 10 }), '7', { ok: 7 }],
    ['a number out of bounds', integer({ min: 1, max: 10 }), '11', { error: 'form.invalid' }],
    ['an optional number left empty', optionalInteger({ min: 1, max: 10 }), '', { ok: null }],
  ])('%s', (_name, schema, value, expected) => {
    expect(outcome(schema, value)).toEqual(expected);
  });
});

describe('check boxes and lists', () => {
  it.each([
    ['ticked on a form', '1', true],
    ['ticked, as some browsers send it', 'on', true],
    ['not sent', undefined, false],
    ['true in JSON', true, true],
    ['false in JSON', false, false],
  ])('a check box %s', (_name, value, expected) => {
    expect(outcome(checkbox(), value)).toEqual({ ok: expected });
  });

  it('reads one value, several, or none as a list, and refuses too many', () => {
    const codes = list(z.enum(['a', 'b', 'c']), 2);
    expect(outcome(codes, 'a')).toEqual({ ok: ['a'] });
    expect(outcome(codes, ['a', 'b'])).toEqual({ ok: ['a', 'b'] });
    expect(outcome(codes, undefined)).toEqual({ ok: [] });
    expect(outcome(codes, ['a', 'b', 'c'])).toEqual({ error: 'form.tooMany' });
  });
});

describe('addresses', () => {
  it.each([
    ['an https address', webUrl(100), 'https://stella.la/about', { ok: 'https://stella.la/about' }],
    ['a javascript: link', webUrl(100), 'javascript:alert(1)', { error: 'form.badUrl' }],
    ['a data: address', webUrl(100), 'data:text/html,<b>x</b>', { error: 'form.badUrl' }],
    ['an ftp address', webUrl(100), 'ftp://example.org/a', { error: 'form.badUrl' }],
    ['no address', webUrl(100), '', { error: 'form.required' }],
    ['an optional address left empty', optionalUrl(100), ' ', { ok: null }],
    ['an email in capitals', email(), ' Noy@Stella.LA ', { ok: 'noy@stella.la' }],
    ['not an email', email(), 'noy at stella', { error: 'form.invalidEmail' }],
  ])('%s', (_name, schema, value, expected) => {
    expect(outcome(schema, value)).toEqual(expected);
  });
});

describe('a record named by its slug or its address', () => {
  const organisation = slugOrAddress('/directory/', 'form.invalid');
  it.each([
    ['its slug', 'stella', { ok: 'stella' }],
    ['its slug in capitals', ' STELLA ', { ok: 'stella' }],
    ['its address', 'https://hub.example/directory/stella/?tab=people#top', { ok: 'stella' }],
    ['an address leading elsewhere', 'https://hub.example/directory/../admin', { error: 'form.invalid' }],
    ['nothing', '', { error: 'form.invalid' }],
  ])('%s', (_name, value, expected) => {
    expect(outcome(organisation, value)).toEqual(expected);
  });
});
