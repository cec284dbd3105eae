// The event, filter and agenda schemas, one table each, without a database: what a form and an
// API body may say, the message each refusal gives, and a saved event read back as input (what a
// PATCH merges onto) and as the edit form's values.
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../test/schemas.ts';
import type { EventDetails } from './access.ts';
import {
  daySchema,
  eventFilterSchema,
  eventInputSchema,
  filterQuery,
  formValuesOf,
  inputOf,
  itemFormValues,
  itemSchema,
  pasteSchema,
  sectionSchema,
} from './schemas.ts';
import { eventForm } from './test-fixtures.ts';

const form = (overrides: Record<string, unknown> = {}) =>
  eventForm({ org_slug: ['stella', ''], org_role: ['organiser', 'partner'], ...(overrides as object) });

describe('eventInputSchema refuses', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['an empty title', { title: '  ' }, 'title', 'form.required'],
    ['a title of two lines', { title: 'One\ntwo' }, 'title', 'form.oneLine'],
    ['a title too long', { title: 'x'.repeat(301) }, 'title', 'form.tooLong'],
    ['an unknown language', { lang: 'english' }, 'lang', 'form.unknownLanguage'],
    ['an unknown type', { type: 'party' }, 'type', 'form.invalid'],
    ['U+0000 in the description', { description: 'a\u0000b' }, 'description', 'form.badCharacter'],
    ['a day that does not exist', { starts_on: '2030-02-30' }, 'starts_on', 'form.badDate'],
    ['an end before the start', { ends_on: '2030-03-01' }, 'ends_on', 'events.endBeforeStart'],
    ['more than 31 days', { ends_on: '2030-04-30' }, 'ends_on', 'events.tooManyDays'],
    ['a time that is no time', { start_time: '9h', end_time: '10:00' }, 'start_time', 'events.badTime'],
    ['a start time without an end', { start_time: '09:00' }, 'end_time', 'events.bothTimes'],
    [
      'an end time before the start on one day',
      { ends_on: '2030-03-10', start_time: '15:00', end_time: '09:00' },
      'end_time',
      'events.endBeforeStart',
    ],
    ['an unknown time zone', { time_zone: 'Mars/Olympus' }, 'time_zone', 'events.badTimeZone'],
    ['an unknown country', { country: 'XX' }, 'country', 'form.unknownCountry'],
    ['a city with a tab', { city: 'Ba\tgan' }, 'city', 'form.oneLine'],
    [
      'no place for an event on site',
      { venue_name: '', city: '', country: '' },
      'city',
      'events.placeNeeded',
    ],
    [
      'no link for an online event announced',
      { format: 'online', venue_name: '', city: '' },
      'online_url',
      'events.onlineUrlNeeded',
    ],
    ['a link that is not the web', { online_url: 'javascript:alert(1)' }, 'online_url', 'form.badUrl'],
    [
      'an organisation that is no slug',
      { org_slug: 'Not a slug!' },
      'organisations',
      'events.unknownOrganisation',
    ],
    ['an unknown role', { org_slug: 'stella', org_role: 'sponsor' }, 'organisations', 'form.invalid'],
    ['an unknown domain', { domains: ['cooking'] }, 'domains', 'form.invalid'],
    [
      'a translation without its title',
      { tr_lang: 'vi', tr_title: '', tr_description: 'Nội dung' },
      'translations',
      'translations.needsTitle',
    ],
    [
      'a translation in the event’s own language',
      { tr_lang: 'en', tr_title: 'Again', tr_description: '' },
      'translations',
      'translations.sameLanguage',
    ],
  ])('%s', (_, overrides, field, message) => {
    expect(refusalOf(eventInputSchema, form(overrides), field)).toBe(message);
  });

  it('passes the form as it is', () => {
    expect(eventInputSchema.safeParse(form()).success).toBe(true);
  });
});

describe('eventInputSchema reads', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'organisation rows, skipping empty ones',
      {},
      { organisations: [{ slug: 'stella', role: 'organiser' }] },
    ],
    [
      'an organisation’s pasted address as its slug',
      { org_slug: 'https://hub.example/directory/Stella?tab=1', org_role: 'partner' },
      { organisations: [{ slug: 'stella', role: 'partner' }] },
    ],
    ['empty fields as null', {}, { venue: null, address: null, start_time: null, online_url: null }],
    ['one domain ticked as a list', {}, { domains: ['visual_arts_crafts'] }],
    ['no domain ticked as none', { domains: undefined }, { domains: [] }],
    [
      'translation rows as translations',
      { tr_lang: ['vi', ''], tr_title: ['Hội chợ', ''], tr_description: ['', ''] },
      { translations: [{ lang: 'vi', title: 'Hội chợ', description: '' }] },
    ],
    [
      'the API’s arrays as they are',
      { org_slug: undefined, org_role: undefined, organisations: [{ slug: 'unesco', role: 'donor' }] },
      { organisations: [{ slug: 'unesco', role: 'donor' }] },
    ],
  ])('%s', (_, overrides, expected) => {
    const parsed = eventInputSchema.parse(form(overrides));
    expect(parsed).toMatchObject(expected);
  });
});

const saved: EventDetails = {
  id: 7,
  slug: 'craft-makers-fair-2030',
  title: 'Craft makers’ fair',
  lang: 'en',
  type: 'fair',
  format: 'hybrid',
  status: 'announced',
  description: 'Makers.',
  starts_on: '2030-03-10',
  ends_on: '2030-03-12',
  start_time: '09:00',
  end_time: '17:00',
  time_zone: 'Asia/Yangon',
  venue_organisation_id: 3,
  venue_name: null,
  address: null,
  city: 'Bagan',
  country: 'MM',
  online_url: 'https://meet.example.org/fair',
  created_by: 1,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  personal_data_removed_on: null,
  organisations: [{ slug: 'stella', name: 'Stella', role: 'organiser', published: true }],
  domains: ['visual_arts_crafts'],
  translations: [{ lang: 'vi', title: 'Hội chợ', description: '' }],
  venue: { slug: 'town-hall', name: 'Town hall', address: null, published: true },
};

describe('a saved event', () => {
  it('as input passes the schema unchanged (what PATCH merges onto)', () => {
    const input = inputOf(saved);
    expect(eventInputSchema.parse(input)).toEqual(input);
    expect(input).toMatchObject({
      venue: 'town-hall',
      organisations: [{ slug: 'stella', role: 'organiser' }],
    });
  });

  it('as the edit form’s values reads back as the same input', () => {
    expect(eventInputSchema.parse(formValuesOf(saved))).toEqual(inputOf(saved));
  });
});

describe('the list filters', () => {
  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ['nothing: upcoming, first page', {}, { when: 'upcoming', page: 1 }],
    ['past events of a country', { when: 'past', country: 'VN' }, { when: 'past', country: 'VN' }],
    [
      'values that cannot be used, dropped',
      { when: 'later', country: 'XX', type: 'party', page: '-2' },
      { when: 'upcoming', country: undefined, type: undefined, page: 1 },
    ],
  ])('%s', (_, query, expected) => {
    expect(eventFilterSchema.parse(query)).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>, { when?: boolean }, string]>([
    ['no filter', {}, {}, ''],
    ['past events of a type', { when: 'past', type: 'fair', page: '3' }, {}, '?when=past&type=fair'],
    [
      'the feed’s, without past or upcoming',
      { when: 'past', format: 'online' },
      { when: false },
      '?format=online',
    ],
  ])('as a query: %s', (_, query, extra, expected) => {
    expect(filterQuery(eventFilterSchema.parse(query), extra)).toBe(expected);
  });
});

describe('the agenda schemas refuse', () => {
  const item = { date: '2030-03-10', start_time: '09:00', title: 'Opening', kind: 'talk' };
  it.each<[string, object, Record<string, unknown>, string, string]>([
    [
      'an item ending before it starts',
      itemSchema,
      { ...item, end_time: '08:00' },
      'end_time',
      'events.endBeforeStart',
    ],
    ['an item without a start', itemSchema, { ...item, start_time: '' }, 'start_time', 'events.badTime'],
    ['an item title of two lines', itemSchema, { ...item, title: 'A\nB' }, 'title', 'form.oneLine'],
    [
      'a speaker line with a tab',
      itemSchema,
      { ...item, speakers: 'Ms A\t, Hub' },
      'speakers',
      'form.oneLine',
    ],
    ['thirty-one speakers', itemSchema, { ...item, speakers: 'A\n'.repeat(31) }, 'speakers', 'form.tooMany'],
    ['a section that is no number', itemSchema, { ...item, section_id: 'x' }, 'section_id', 'form.invalid'],
    ['an unknown kind', itemSchema, { ...item, kind: 'party' }, 'kind', 'form.invalid'],
    ['a section without a title', sectionSchema, { date: '2030-03-10', title: '' }, 'title', 'form.required'],
    ['a day that does not exist', daySchema, { date: '2030-13-01' }, 'date', 'form.badDate'],
    ['a day title of two lines', daySchema, { date: '2030-03-10', title: 'A\r\nB' }, 'title', 'form.oneLine'],
    ['an empty paste', pasteSchema, { date: '2030-03-10', text: '' }, 'text', 'form.required'],
    [
      'a paste of 301 lines',
      pasteSchema,
      { date: '2030-03-10', text: '09:00 A\n'.repeat(301) },
      'text',
      'events.tooManyLines',
    ],
    [
      'U+0000 in a paste',
      pasteSchema,
      { date: '2030-03-10', text: '09:00 A\u0000' },
      'text',
      'form.badCharacter',
    ],
  ])('%s', (_, schema, input, field, message) => {
    expect(refusalOf(schema as typeof itemSchema, input, field)).toBe(message);
  });

  it('reads one person per line and a ticked confirmation', () => {
    expect(
      itemSchema.parse({ ...item, speakers: ' Ms A, Hub \n\n/directory/people/b ', confirm_overlap: '1' }),
    ).toMatchObject({
      speakers: ['Ms A, Hub', '/directory/people/b'],
      confirm_overlap: true,
      section_id: null,
    });
  });

  it('shows a saved item’s people one per line, linked ones by their address', () => {
    const values = itemFormValues(
      {
        date: '2030-03-10',
        section_id: 4,
        start_time: '09:00',
        end_time: null,
        title: 'Panel',
        kind: 'panel',
      },
      [
        { name: 'Ms A', affiliation: 'Hub', role: 'speaker', slug: null },
        { name: 'Mr B', affiliation: null, role: 'speaker', slug: 'mr-b' },
        { name: 'Dr C', affiliation: null, role: 'chair', slug: null },
      ],
    );
    expect(values).toMatchObject({
      section_id: '4',
      end_time: '',
      speakers: 'Ms A, Hub\n/directory/people/mr-b',
      chairs: 'Dr C',
      facilitators: '',
    });
    expect(itemSchema.parse(values)).toMatchObject({ speakers: ['Ms A, Hub', '/directory/people/mr-b'] });
  });
});
