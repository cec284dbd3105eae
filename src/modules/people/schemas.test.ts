// The profile schema without a database: what the form sends and what the API sends give the same
// input, each refusal carries its message key, and a saved profile read back as input (inputOf,
// formValuesOf) passes the schema unchanged.
import { describe, expect, it } from 'vitest';
import { translationRows } from '../../../test/forms.ts';
import { refusals } from '../../../test/schemas.ts';
import type { PersonDetails } from './access.ts';
import {
  claimInput,
  effectiveSort,
  formValuesOf,
  inputOf,
  peopleFilterSchema,
  personCreateInput,
  personInput,
} from './schemas.ts';

const base = { name: 'Keo Sophea', lang: 'en' };

describe('what the form and the API send', () => {
  it('reads the form’s rows and text boxes as the API’s arrays', () => {
    const form = personInput.parse({
      ...base,
      org_slug: ['http://hub.test/directory/STELLA/', '', 'heritage-space'],
      org_role: ['Weaver', '', ''],
      skills: 'ikat, natural dyes;silk、 weaving，dyeing\nteaching',
      links: 'https://example.org/a\n\nhttps://example.org/b',
      domains: 'visual_arts_crafts',
      languages: ['km', 'en'],
      ...translationRows({ lang: 'vi', title: 'Nhà thiết kế', bio: '' }, {}),
    });
    const api = personInput.parse({
      ...base,
      organisations: [
        { slug: 'stella', role: 'Weaver' },
        { slug: 'heritage-space', role: null },
      ],
      skills: ['ikat', 'natural dyes', 'silk', 'weaving', 'dyeing', 'teaching'],
      links: ['https://example.org/a', 'https://example.org/b'],
      domains: ['visual_arts_crafts'],
      languages: ['km', 'en'],
      translations: [{ lang: 'vi', title: 'Nhà thiết kế' }],
    });
    expect(form).toEqual(api);
    expect(form.organisations).toEqual([
      { slug: 'stella', role: 'Weaver' },
      { slug: 'heritage-space', role: null },
    ]);
    expect(form).toMatchObject({ country: null, email: null, phone: null, contact_visibility: 'hidden' });
  });

  it('creates one’s own profile unless told otherwise', () => {
    expect(personCreateInput.parse(base).owner).toBe('me');
    expect(personCreateInput.parse({ ...base, owner: 'none' }).owner).toBe('none');
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['a line break in the name', { name: 'Keo\nSophea' }, { name: 'form.oneLine' }],
    ['a tab in the title', { title: 'Textile\tdesigner' }, { title: 'form.oneLine' }],
    ['U+0000 in the bio', { bio: 'Designs\u0000 ikat' }, { bio: 'form.badCharacter' }],
    ['no name', { name: '  ' }, { name: 'form.required' }],
    ['a name too long', { name: 'N'.repeat(201) }, { name: 'form.tooLong' }],
    ['an unknown country', { country: 'ZZ' }, { country: 'form.unknownCountry' }],
    ['a language that is no tag', { lang: 'English' }, { lang: 'form.unknownLanguage' }],
    ['a skill over 60 characters', { skills: `${'s'.repeat(61)}, fine` }, { skills: 'people.skillTooLong' }],
    ['a javascript: link', { links: 'javascript:alert(1)' }, { links: 'people.badLinks' }],
    ['a phone in words', { phone: 'call me' }, { phone: 'form.badPhone' }],
    ['a line break in the phone', { phone: '+856\n21 000' }, { phone: 'form.oneLine' }],
    ['an email without @', { email: 'not-an-email' }, { email: 'form.invalidEmail' }],
    [
      'an organisation address',
      { organisations: [{ slug: '../etc' }] },
      { organisations: 'people.unknownOrganisation' },
    ],
    ['an unknown domain', { domains: ['emperor'] }, { domains: 'form.invalid' }],
    [
      'eleven organisations',
      { organisations: Array(11).fill({ slug: 'stella' }) },
      { organisations: 'form.tooMany' },
    ],
    ['a status of no kind', { status: 'deleted' }, { status: 'form.invalid' }],
    [
      'a translation in the profile’s own language',
      { translations: [{ lang: 'en', title: 'Designer' }] },
      { translations: 'translations.sameLanguage' },
    ],
    [
      'a language translated twice',
      {
        translations: [
          { lang: 'vi', title: 'A' },
          { lang: 'vi', title: 'B' },
        ],
      },
      { translations: 'translations.twice' },
    ],
    ['an empty translation', { translations: [{ lang: 'th' }] }, { translations: 'people.translationEmpty' }],
    [
      'a translation without a language',
      { tr_lang: '', tr_title: 'Nhà thiết kế' },
      { translations: 'translations.language' },
    ],
  ])('refuses %s', (_case, body, expected) => {
    expect(refusals(personInput, { ...base, ...body })).toEqual(expected);
  });

  it.each([
    ['trimmed', { message: '  It is me.  ' }, { message: 'It is me.' }],
    ['empty when left out', {}, { message: '' }],
  ])('reads the claim’s message %s', (_case, body, expected) => {
    expect(claimInput.parse(body)).toEqual(expected);
  });

  it('refuses a claim message over 1000 characters', () => {
    expect(claimInput.safeParse({ message: 'x'.repeat(1001) }).success).toBe(false);
  });
});

describe('a saved profile as input', () => {
  const saved = {
    id: 7,
    slug: 'keo-sophea',
    user_id: null,
    name: 'Keo Sophea',
    name_translit: null,
    lang: 'en',
    title: 'Textile designer',
    bio: 'Designs **ikat**.',
    country: 'KH',
    links: '["https://example.org/a"]',
    linkList: ['https://example.org/a'],
    email: null,
    phone: '+855 12 345 678',
    contact_visibility: 'members',
    status: 'draft',
    created_by: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    domains: ['visual_arts_crafts'],
    languages: ['km', 'en'],
    skills: ['ikat', 'natural dyes'],
    organisations: [{ slug: 'stella', name: 'STELLA', role: 'Weaver', published: true }],
    translations: [{ lang: 'km', title: 'អ្នករចនា', bio: '' }],
    photo: undefined,
  } satisfies PersonDetails;

  it('passes the schema unchanged, from the API’s shape and from the edit form’s', () => {
    const input = inputOf(saved);
    expect(personInput.parse(input)).toEqual(input);
    expect(personInput.parse(formValuesOf(saved))).toEqual(input);
  });
});

describe('the list filters', () => {
  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    [
      'keeps what it can use',
      { country: 'VN', domain: 'visual_arts_crafts', page: '2' },
      { country: 'VN', domain: 'visual_arts_crafts', page: 2 },
    ],
    [
      'drops what it cannot',
      { country: 'ZZ', domain: 'emperor', organisation: "';drop", sort: 'x', page: '-1' },
      { page: 1 },
    ],
  ])('%s', (_case, query, expected) => {
    expect(peopleFilterSchema.parse(query)).toEqual(expected);
  });

  it.each([
    [{}, 'name'],
    [{ q: 'weaver' }, 'relevance'],
    [{ q: 'weaver', sort: 'newest' }, 'newest'],
  ])('sorts %j by %s', (query, sort) => {
    expect(effectiveSort(peopleFilterSchema.parse(query))).toBe(sort);
  });
});
