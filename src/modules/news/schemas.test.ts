// The post, comment and filter schemas and the publishing moments, one table each, without a
// database: what a form and an API body may say, the message each refusal gives, and a saved post
// read back as input.
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../test/schemas.ts';
import type { PostDetails } from './access.ts';
import { localInputOf, momentOf } from './moments.ts';
import {
  commentInput,
  filterQuery,
  formValuesOf,
  inputOf,
  newsFilterSchema,
  normaliseTag,
  postInput,
} from './schemas.ts';
import { postForm } from './test-fixtures.ts';

const form = (overrides: Record<string, unknown> = {}) => ({ ...postForm(), ...overrides });

describe('postInput refuses', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['an empty title', { title: '  ' }, 'title', 'form.required'],
    ['a title of two lines', { title: 'One\ntwo' }, 'title', 'form.oneLine'],
    ['a title with a tab', { title: 'One\ttwo' }, 'title', 'form.oneLine'],
    ['a title too long', { title: 'x'.repeat(201) }, 'title', 'form.tooLong'],
    ['an unknown language', { lang: 'english' }, 'lang', 'news.unknownLanguage'],
    ['U+0000 in the text', { body: 'a\u0000b' }, 'body', 'form.badCharacter'],
    ['an empty text to publish', { body: ' ' }, 'body', 'news.bodyRequired'],
    ['an unknown category', { category: 'gossip' }, 'category', 'news.chooseCategory'],
    ['eleven tags', { tags: 'a,b,c,d,e,f,g,h,i,j,k' }, 'tags', 'news.tooManyTags'],
    ['a tag too long', { tags: 'x'.repeat(41) }, 'tags', 'news.tagTooLong'],
    ['a control character in a tag', { tags: 'ok, b\u0001d' }, 'tags', 'form.oneLine'],
    ['a malformed organisation', { organisation: 'Not a slug!' }, 'organisation', 'news.unknownOrganisation'],
    ['a cover description of two lines', { cover_alt: 'a\u2028b' }, 'cover_alt', 'form.oneLine'],
    ['an unknown status', { status: 'later' }, 'status', 'form.invalid'],
    ['a schedule without a moment', { status: 'schedule' }, 'publish_at', 'news.scheduleNeedsMoment'],
    [
      'a moment that is no moment',
      { status: 'schedule', publish_at: 'tomorrow' },
      'publish_at',
      'news.badMoment',
    ],
    [
      'a translation without its title',
      { tr_lang: 'vi', tr_title: '', tr_body: 'Nội dung' },
      'translations',
      'news.translationNeedsTitle',
    ],
    [
      'a translation in the post’s own language',
      { tr_lang: 'en', tr_title: 'Again', tr_body: '' },
      'translations',
      'translations.sameLanguage',
    ],
  ])('%s', (_, overrides, field, message) => {
    expect(refusalOf(postInput, form(overrides), field)).toBe(message);
  });
});

describe('postInput reads', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'tags typed in one box, normalised',
      { tags: '#Crafts, silk ,crafts、Heritage  Tourism' },
      { tags: ['crafts', 'silk', 'heritage tourism'] },
    ],
    ['tags sent as an array', { tags: ['Call', 'residency'] }, { tags: ['call', 'residency'] }],
    ['no organisation', { organisation: '' }, { organisation: null }],
    ['an organisation', { organisation: ' heritage-space ' }, { organisation: 'heritage-space' }],
    ['no cover description', { cover_alt: '' }, { cover_alt: null }],
    ['a draft without a text', { status: 'draft', body: '' }, { status: 'draft', body: '' }],
    [
      'a moment with its offset',
      { status: 'schedule', publish_at: '2099-01-01T09:00:00+07:00' },
      { publish_at: '2099-01-01T09:00:00+07:00' },
    ],
    [
      'the form’s translation rows',
      { tr_lang: ['vi', ''], tr_title: ['Thợ dệt', ''], tr_body: ['Nội dung', ''] },
      { translations: [{ lang: 'vi', title: 'Thợ dệt', body: 'Nội dung' }] },
    ],
  ])('%s', (_, overrides, expected) => {
    expect(postInput.parse(form(overrides))).toMatchObject(expected);
  });
});

describe('commentInput', () => {
  it.each<[string, string, string | undefined]>([
    ['a comment', 'Looking forward to it!', undefined],
    ['several lines', 'One\n\nTwo\tthree', undefined],
    ['an empty one', '   ', 'form.required'],
    ['one too long', 'x'.repeat(3001), 'form.tooLong'],
    ['a control character', 'Hi\u0007', 'form.badCharacter'],
  ])('%s', (_, body, message) => {
    const parsed = commentInput.safeParse({ body });
    expect(parsed.success ? undefined : parsed.error.issues[0]?.message).toBe(message);
  });
});

describe('a saved post as input', () => {
  const post = {
    id: 7,
    slug: 'weavers',
    title: 'Weavers',
    body: 'Text',
    lang: 'en',
    category: 'blog',
    organisation_id: 3,
    author_id: 1,
    cover_alt: '',
    published_at: '2026-07-01T02:00:00.000Z',
    indexed_as: 'private',
    created_at: '2026-05-01T00:00:00.000Z',
    updated_at: '2026-05-01T00:00:00.000Z',
    translations: [{ lang: 'vi', title: 'Thợ dệt', body: '' }],
    tags: ['crafts', 'silk'],
    organisation: { slug: 'heritage-space', name: 'Heritage Space', lang: 'en' },
    author: { id: 1, name: 'P1' },
  } satisfies PostDetails;

  it.each<[string, string, string]>([
    ['before its moment: scheduled', '2026-06-01T00:00:00.000Z', 'schedule'],
    ['after its moment: published', '2026-08-01T00:00:00.000Z', 'publish'],
  ])('%s', (_, now, status) => {
    const input = inputOf(post, now);
    expect(input).toMatchObject({ status, organisation: 'heritage-space', tags: ['crafts', 'silk'] });
    // The edit form's values read back as the same input (the moment shown in the writer's zone).
    const values = formValuesOf(post, now, 'Asia/Bangkok');
    expect(values.publish_at).toBe(status === 'schedule' ? '2026-07-01T09:00' : '');
    const again = postInput.parse(values);
    expect({ ...again, publish_at: input.publish_at }).toEqual(input);
  });

  it('is a draft when it has no moment', () => {
    expect(inputOf({ ...post, published_at: null }, '2026-06-01T00:00:00.000Z').status).toBe('draft');
  });
});

describe('moments', () => {
  it.each<[string, string, string | undefined]>([
    ['2026-12-01T09:00', 'Asia/Ho_Chi_Minh', '2026-12-01T02:00:00.000Z'],
    ['2026-07-01T09:00', 'Europe/Paris', '2026-07-01T07:00:00.000Z'],
    ['2026-01-01T09:00', 'Europe/Paris', '2026-01-01T08:00:00.000Z'],
    ['2026-12-01T09:00:00+07:00', 'UTC', '2026-12-01T02:00:00.000Z'],
    ['2026-02-30T10:00', 'UTC', undefined],
    ['2026-01-01T24:00', 'UTC', undefined],
  ])('%s in %s → %s', (value, zone, expected) => {
    expect(momentOf(value, zone)).toBe(expected);
  });

  it('shows a moment back in the zone it was typed in', () => {
    expect(localInputOf('2026-12-01T02:00:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12-01T09:00');
  });
});

describe('list filters', () => {
  it.each<[Record<string, string>, Record<string, unknown>, string]>([
    [{}, { page: 1 }, ''],
    [{ category: 'story', page: '2' }, { category: 'story', page: 2 }, '?category=story&page=2'],
    [{ category: 'gossip' }, { category: undefined }, ''],
    [{ tag: '#Silk  Road' }, { tag: 'silk road' }, '?tag=silk+road'],
    [{ language: 'zh-Hans' }, { language: 'zh-Hans' }, '?language=zh-Hans'],
    [{ language: '<script>' }, { language: undefined }, ''],
    [{ organisation: 'heritage-space' }, { organisation: 'heritage-space' }, '?organisation=heritage-space'],
    [{ organisation: '../etc' }, { organisation: undefined }, ''],
    [{ page: '-3' }, { page: 1 }, ''],
  ])('%j', (query, expected, asQuery) => {
    const filter = newsFilterSchema.parse(query);
    expect(filter).toMatchObject(expected);
    expect(filterQuery(filter, { page: true })).toBe(asQuery);
  });

  it.each([
    ['#Crafts', 'crafts'],
    ['  Heritage\u00a0 Tourism ', 'heritage tourism'],
    ['Cafe\u0301', 'café'],
  ])('normalises the tag %j to %j', (raw, tag) => {
    expect(normaliseTag(raw)).toBe(tag);
  });
});
