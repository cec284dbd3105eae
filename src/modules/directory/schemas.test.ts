// The organisation schema without a database: what the form sends and what the API sends give the
// same input, each refusal carries its message key (control characters included), a saved
// organisation read back as input (inputOf, formValuesOf) passes the schema unchanged, and the
// list's filters drop what they cannot use.
import { describe, expect, it } from 'vitest';
import { translationRows } from '../../../test/forms.ts';
import { refusals } from '../../../test/schemas.ts';
import type { OrganisationDetails } from './access.ts';
import {
  directoryFilterSchema,
  filterQuery,
  formValuesOf,
  inputOf,
  inviteSchema,
  organisationInputSchema,
} from './schemas.ts';

const base = { kind: 'creative_hub', name: 'STELLA', lang: 'en', country: 'LA' };

describe('what the form and the API send', () => {
  it('reads the form’s strings, check boxes, link lines and translation rows as the API’s values', () => {
    const form = organisationInputSchema.parse({
      ...base,
      latitude: '17.9757',
      longitude: '102.6331',
      founded_year: '2016',
      website: '',
      email: ' Hello@Stella.LA ',
      domains: 'visual_arts_crafts',
      languages: ['lo', 'en'],
      facilities: ['studio', 'gallery'],
      links: 'Facebook https://facebook.com/stella\n\nhttps://instagram.com/stella',
      ...translationRows({ lang: 'lo', name: 'ສະເຕລລາ', description: '' }, {}),
    });
    const api = organisationInputSchema.parse({
      ...base,
      latitude: 17.9757,
      longitude: 102.6331,
      founded_year: 2016,
      email: 'hello@stella.la',
      domains: ['visual_arts_crafts'],
      languages: ['lo', 'en'],
      facilities: ['studio', 'gallery'],
      links: [
        { label: 'Facebook', url: 'https://facebook.com/stella' },
        { url: 'https://instagram.com/stella' },
      ],
      translations: [{ lang: 'lo', name: 'ສະເຕລລາ' }],
    });
    expect(form).toEqual(api);
    expect(api).toMatchObject({
      website: null,
      parent: null,
      contact_visibility: 'members',
      stages: [],
      links: [{ label: 'Facebook' }, { label: null }],
    });
  });
});

describe('refusals', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['an empty name', { name: '  ' }, 'name', 'form.required'],
    ['a line break in the name', { name: 'STELLA\nhub' }, 'name', 'form.oneLine'],
    ['a tab in the city', { city: 'Vientiane\tcapital' }, 'city', 'form.oneLine'],
    ['U+0000 in the description', { description: 'A hub\u0000' }, 'description', 'form.badCharacter'],
    ['a bell in the address', { address: 'Ban\u0007 Phonxay' }, 'address', 'form.oneLine'],
    ['no kind', { kind: '' }, 'kind', 'directory.chooseKind'],
    ['an unknown country', { country: 'ZZ' }, 'country', 'form.unknownCountry'],
    ['an unknown language', { lang: 'english' }, 'lang', 'form.unknownLanguage'],
    ['a latitude of 91', { latitude: '91' }, 'latitude', 'directory.badLatitude'],
    ['a longitude in words', { longitude: 'east' }, 'longitude', 'directory.badLongitude'],
    ['a javascript: website', { website: 'javascript:alert(1)' }, 'website', 'form.badUrl'],
    ['a year to come', { founded_year: '3000' }, 'founded_year', 'directory.badYear'],
    ['a phone in letters', { phone: 'call us' }, 'phone', 'form.badPhone'],
    ['a parent that is no slug', { parent: 'Lao MICT!' }, 'parent', 'directory.unknownParent'],
    ['an unknown domain', { domains: ['cooking'] }, 'domains', 'form.invalid'],
    ['a data: link', { links: 'Click data:text/html,hi' }, 'links', 'form.badUrl'],
    [
      'eleven links',
      { links: Array.from({ length: 11 }, (_, i) => `https://e.org/${i}`).join('\n') },
      'links',
      'form.tooMany',
    ],
    [
      'a translation in its own language',
      { translations: [{ lang: 'en', name: 'x' }] },
      'translations',
      'translations.sameLanguage',
    ],
    [
      'an empty translation',
      { translations: [{ lang: 'vi' }] },
      'translations',
      'directory.translationEmpty',
    ],
  ])('refuses %s', (_what, body, field, key) => {
    expect(refusals(organisationInputSchema, { ...base, ...body })[field]).toBe(key);
  });

  it('takes the same organisation without any of those', () => {
    expect(refusals(organisationInputSchema, base)).toEqual({});
  });
});

describe('a saved organisation as input', () => {
  const saved = {
    ...base,
    id: 1,
    slug: 'stella',
    name_translit: null,
    description: 'A **hub**.',
    province: null,
    city: 'Vientiane',
    address: null,
    latitude: 17.9757,
    longitude: 102.6331,
    website: 'https://stella.la',
    email: null,
    phone: '+856 20 555 0100',
    contact_visibility: 'public',
    founded_year: 2016,
    opening_hours: null,
    domains: ['visual_arts_crafts'],
    stages: ['creation'],
    languages: ['lo'],
    facilities: ['studio'],
    translations: [{ lang: 'lo', name: 'ສະເຕລລາ', description: '' }],
    linkList: [{ label: 'Facebook', url: 'https://facebook.com/stella' }],
    parent: { slug: 'lao-mict', name: 'MICT' },
    children: [],
  } as unknown as OrganisationDetails;

  it('passes the schema unchanged, as input and as the edit form’s values', () => {
    const input = inputOf(saved);
    expect(organisationInputSchema.parse(input)).toEqual(input);
    expect(organisationInputSchema.parse(formValuesOf(saved))).toEqual(input);
    expect(input.parent).toBe('lao-mict');
  });
});

describe('the list’s filters and the members’ forms', () => {
  it('drops filter values it cannot use and writes the rest back as a query', () => {
    const filter = directoryFilterSchema.parse({
      q: ' weavers ',
      country: 'ZZ',
      kind: 'emperor',
      verified: '1',
      page: '-1',
      view: 'list',
    });
    expect(filter).toMatchObject({ q: 'weavers', verified: '1', page: 1, view: 'list' });
    expect(filter.country).toBeUndefined();
    expect(filterQuery(filter)).toBe('?q=weavers&verified=1');
  });

  it('reads an invitation’s address in lower case, as an editor by default', () => {
    expect(inviteSchema.parse({ email: ' Sophea@Example.ORG ' })).toEqual({
      email: 'sophea@example.org',
      role: 'editor',
    });
    expect(inviteSchema.safeParse({ email: 'not an address' }).success).toBe(false);
  });
});
