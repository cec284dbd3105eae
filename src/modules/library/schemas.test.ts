// The document, collection, file and filter schemas, one table each, without a database: what a
// form and an API body may say, the message each refusal gives, and a saved document read back as
// input and as the edit form's values.
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../test/schemas.ts';
import type { DocumentDetails } from './access.ts';
import {
  collectionInput,
  documentInput,
  fileInput,
  filterQuery,
  formValuesOf,
  inputOf,
  libraryFilterSchema,
  normaliseTerm,
} from './schemas.ts';
import { lawForm } from './test-helpers.ts';

/** A law as the form sends it (with a Vietnamese translation row), changed by `overrides`. */
const form = (overrides: Record<string, unknown> = {}) => ({ ...lawForm(), ...overrides });

describe('documentInput reads a form', () => {
  it('as the API would send it: blanks as null, lists as arrays, terms normalised, a ticked box as true', () => {
    const data = documentInput.parse(form({ places: ['VN', 'mekong'], supersedes: 'old-law\nolder-law' }));
    expect(data).toMatchObject({
      issuer: 'vietnam-mcst',
      issuer_name: null,
      in_force_to: null,
      licence: null,
      places: ['VN', 'mekong'],
      languages: ['vi'],
      domains: ['books_press'],
      themes: ['copyright', 'intellectual property'],
      tags: ['ipr'],
      supersedes: ['old-law', 'older-law'],
      published: true,
      translations: [
        { lang: 'vi', title: 'Luật Sở hữu trí tuệ (thử)', summary: 'Bản ghi thử về **quyền tác giả**.' },
      ],
    });
    expect(documentInput.parse(form({ published: undefined })).published).toBe(false);
  });

  it('turns the translation rows into translations, dropping empty rows', () => {
    const data = documentInput.parse(
      form({ tr_lang: ['vi', 'th'], tr_title: ['Luật Sở hữu trí tuệ', ''], tr_summary: ['', ''] }),
    );
    expect(data.translations).toEqual([{ lang: 'vi', title: 'Luật Sở hữu trí tuệ', summary: '' }]);
  });
});

describe('documentInput refuses', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['no kind', { kind: '' }, 'kind', 'library.chooseKind'],
    ['an unknown kind', { kind: 'memo' }, 'kind', 'library.chooseKind'],
    ['an empty title', { title: '  ' }, 'title', 'form.required'],
    ['a title of two lines', { title: 'Law\non IP' }, 'title', 'form.oneLine'],
    ['a title with a tab', { title: 'Law\ton IP' }, 'title', 'form.oneLine'],
    ['a title too long', { title: 'x'.repeat(401) }, 'title', 'form.tooLong'],
    ['an unknown language', { lang: 'english' }, 'lang', 'form.unknownLanguage'],
    ['U+0000 in the summary', { summary: 'a\u0000b' }, 'summary', 'form.badCharacter'],
    ['a line break in the number', { official_number: '50/2005\r\nQH11' }, 'official_number', 'form.oneLine'],
    [
      'a control character in the issuer name',
      { issuer_name: 'Mini\u0007stry' },
      'issuer_name',
      'form.oneLine',
    ],
    ['an unknown place', { places: ['VN', 'atlantis'] }, 'places', 'library.unknownPlace'],
    ['an unknown language of the document', { languages: ['vi', '??'] }, 'languages', 'form.unknownLanguage'],
    ['a day that does not exist', { issued_on: '2016-02-30' }, 'issued_on', 'form.badDate'],
    ['a date as a sentence', { in_force_from: 'last July' }, 'in_force_from', 'form.badDate'],
    [
      'the end of force before its start',
      { in_force_to: '2006-06-30' },
      'in_force_to',
      'library.endBeforeStart',
    ],
    ['an unknown status', { status: 'repealed' }, 'status', 'form.invalid'],
    ['an unknown domain', { domains: ['cooking'] }, 'domains', 'form.invalid'],
    ['a theme too long', { themes: 'x'.repeat(61) }, 'themes', 'library.termTooLong'],
    ['a tab in a theme', { themes: 'copy\tright' }, 'themes', 'form.oneLine'],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') }, 'tags', 'form.tooMany'],
    ['a javascript: address', { source_url: 'javascript:alert(1)' }, 'source_url', 'form.badUrl'],
    ['an ftp address', { source_url: 'ftp://example.org/x' }, 'source_url', 'form.badUrl'],
    [
      '21 superseded documents',
      { supersedes: Array.from({ length: 21 }, (_, i) => `d${i}`) },
      'supersedes',
      'form.tooMany',
    ],
    [
      'a translation without title or summary',
      { translations: [{ lang: 'vi', title: '', summary: ' ' }] },
      'translations',
      'library.translationEmpty',
    ],
    [
      'a translation in the record’s own language',
      { translations: [{ lang: 'en', title: 'Same' }] },
      'translations',
      'translations.sameLanguage',
    ],
    [
      'two translations in one language',
      {
        translations: [
          { lang: 'vi', title: 'Một' },
          { lang: 'vi', title: 'Hai' },
        ],
      },
      'translations',
      'translations.twice',
    ],
  ])('%s', (_, change, field, message) => {
    expect(refusalOf(documentInput, form(change), field)).toBe(message);
  });
});

describe('collectionInput and fileInput', () => {
  it('read the documents one per line, and an empty label as null', () => {
    expect(collectionInput.parse({ title: 'Lao laws', lang: 'lo', documents: 'law-a\r\n\nlaw-b' })).toEqual({
      title: 'Lao laws',
      lang: 'lo',
      description: '',
      documents: ['law-a', 'law-b'],
    });
    expect(fileInput.parse({ lang: 'vi', label: '  ' })).toEqual({ lang: 'vi', label: null });
  });

  it.each<[string, typeof collectionInput | typeof fileInput, Record<string, unknown>, string, string]>([
    ['a collection without a title', collectionInput, { title: '', lang: 'en' }, 'title', 'form.required'],
    ['a title of two lines', collectionInput, { title: 'A\nB', lang: 'en' }, 'title', 'form.oneLine'],
    [
      'U+0000 in a description',
      collectionInput,
      { title: 'A', lang: 'en', description: '\u0000' },
      'description',
      'form.badCharacter',
    ],
    [
      '501 documents',
      collectionInput,
      { title: 'A', lang: 'en', documents: Array.from({ length: 501 }, (_, i) => `d${i}`) },
      'documents',
      'form.tooMany',
    ],
    ['a file in no language', fileInput, { lang: 'xx-invalid!' }, 'lang', 'form.unknownLanguage'],
    ['a label of two lines', fileInput, { lang: 'en', label: 'Annex\n2' }, 'label', 'form.oneLine'],
  ])('refuse %s', (_, schema, input, field, message) => {
    expect(refusalOf(schema, input, field)).toBe(message);
  });
});

describe('a saved document as input', () => {
  const doc = {
    kind: 'decree',
    title: 'Decision 1755',
    lang: 'vi',
    summary: 'Strategy.',
    official_number: '1755/QĐ-TTg',
    issuer: { slug: 'vietnam-pm', name: 'Prime Minister' },
    issuer_name: null,
    places: ['VN'],
    languages: ['vi', 'en'],
    issued_on: '2016-09-08',
    in_force_from: null,
    in_force_to: null,
    status: 'in_force',
    domains: ['heritage'],
    themes: ['creative industries'],
    tags: [],
    licence: null,
    source_url: null,
    supersedes: [{ slug: 'decision-581', title: 'Decision 581', official_number: null }],
    languageVersionOf: null,
    published_at: '2026-01-01T00:00:00.000Z',
    translations: [{ lang: 'en', title: 'Decision 1755 (English)', summary: '' }],
  } as unknown as DocumentDetails;

  it('passes its own schema unchanged, so a PATCH of nothing changes nothing', () => {
    expect(documentInput.parse(inputOf(doc))).toEqual(inputOf(doc));
    expect(inputOf(doc)).toMatchObject({
      issuer: 'vietnam-pm',
      supersedes: ['decision-581'],
      published: true,
    });
  });

  it('is what the edit form shows, and the form sends it back as the same input', () => {
    const values = formValuesOf(doc);
    expect(values).toMatchObject({
      issuer: 'vietnam-pm',
      themes: 'creative industries',
      supersedes: 'decision-581',
      published: '1',
      tr_lang: ['en'],
      tr_title: ['Decision 1755 (English)'],
    });
    expect(documentInput.parse(values)).toEqual(inputOf(doc));
  });
});

describe('the list filters', () => {
  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ['words and a kind', { q: ' copyright ', kind: 'law' }, { q: 'copyright', kind: 'law', page: 1 }],
    ['a country and a region', { country: 'LA' }, { country: 'LA' }],
    ['a region', { country: 'mekong' }, { country: 'mekong' }],
    ['a theme, normalised', { theme: ' Creative  Hubs ' }, { theme: 'creative hubs' }],
    ['a page', { page: '3' }, { page: 3 }],
  ])('keep %s', (_, query, expected) => {
    expect(libraryFilterSchema.parse(query)).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>]>([
    ['an unknown kind', { kind: '<script>' }],
    ['a year that is no year', { year: '20x6' }],
    ['an unknown country', { country: 'XX' }],
    ['an issuer that is no slug', { issuer: 'Not A Slug' }],
    ['a page beyond the last', { page: '99999' }],
  ])('drop %s rather than refuse it', (_, query) => {
    const filter = libraryFilterSchema.parse(query);
    expect(filterQuery(filter)).toBe('');
    expect(filter.page).toBe(1);
  });

  it('give the same selection back as a query string, with extras', () => {
    const filter = libraryFilterSchema.parse({ kind: 'law', country: 'LA', page: '2' });
    expect(filterQuery(filter)).toBe('?kind=law&country=LA');
    expect(filterQuery(filter, { sort: 'added' })).toBe('?kind=law&country=LA&sort=added');
    expect(normaliseTerm('  COPYRIGHT\u00a0 Law ')).toBe('copyright law');
  });
});
