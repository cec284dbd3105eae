// The roster's schemas without a database: what a participant's form and the API accept (pasted
// addresses read as slugs, control characters refused), a saved row as input and as the form's
// values, a day's check-in, the texts after the event, a linked document and a photo's caption.
import { describe, expect, it } from 'vitest';
import { outcome } from '../../../../test/schemas.ts';
import type { Participant } from './access.ts';
import {
  checkinSchema,
  documentLinkSchema,
  formValuesOf,
  inputOf,
  outcomesSchema,
  participantInput,
  photoSchema,
} from './schemas.ts';

const nothing = {
  organisation_name: null,
  organisation: null,
  organisation_kind: null,
  country: null,
  category_id: null,
  gender: null,
  role: 'participant',
  networking_consent: false,
  account: null,
  person: null,
};

describe('a participant, from the form or the API', () => {
  it.each([
    [
      'a name alone: the rest empty, a participant',
      { name: ' ສົມພອນ ' },
      { ok: { ...nothing, name: 'ສົມພອນ' } },
    ],
    [
      'the form’s empty fields and a ticked box',
      { name: 'A', country: '', gender: '', category_id: '', account: '', networking_consent: '1' },
      { ok: { ...nothing, name: 'A', networking_consent: true } },
    ],
    [
      'addresses pasted for the organisation and the profile, an account in capitals',
      {
        name: 'A',
        organisation: 'https://hub.test/directory/Stella?tab=people',
        person: '/directory/people/souphanh-keomany',
        account: ' Souphanh@Example.org ',
        category_id: '12',
        country: 'LA',
        gender: 'woman',
        role: 'observer',
      },
      {
        ok: {
          ...nothing,
          name: 'A',
          organisation: 'stella',
          person: 'souphanh-keomany',
          account: 'souphanh@example.org',
          category_id: 12,
          country: 'LA',
          gender: 'woman',
          role: 'observer',
        },
      },
    ],
    ['no name', { name: '  ' }, { errors: { name: 'form.required' } }],
    ['a name on two lines', { name: 'Somphone\nVongsa' }, { errors: { name: 'form.oneLine' } }],
    ['a name with a NUL', { name: 'Somphone\u0000' }, { errors: { name: 'form.oneLine' } }],
    [
      'an organisation’s name with a tab',
      { name: 'A', organisation_name: 'Weavers\tgroup' },
      { errors: { organisation_name: 'form.oneLine' } },
    ],
    ['a name of 201 characters', { name: 'ນ'.repeat(201) }, { errors: { name: 'form.tooLong' } }],
    ['an unknown country', { name: 'A', country: 'XX' }, { errors: { country: 'form.unknownCountry' } }],
    ['an unknown gender', { name: 'A', gender: 'unknown' }, { errors: { gender: 'form.invalid' } }],
    ['an unknown role', { name: 'A', role: 'speaker' }, { errors: { role: 'form.invalid' } }],
    [
      'a category that is no id',
      { name: 'A', category_id: 'first' },
      { errors: { category_id: 'form.invalid' } },
    ],
    [
      'an account that is no address',
      { name: 'A', account: 'someone' },
      { errors: { account: 'form.invalidEmail' } },
    ],
    [
      'a profile that is no slug',
      { name: 'A', person: 'Souphanh Keomany' },
      { errors: { person: 'participants.unknownPerson' } },
    ],
    [
      'an organisation that is no slug',
      { name: 'A', organisation: 'STELLA hub!' },
      { errors: { organisation: 'events.unknownOrganisation' } },
    ],
  ])('%s', (_case, input, expected) => {
    expect(outcome(participantInput, input)).toEqual(expected);
  });
});

describe('a saved row as input', () => {
  const row = {
    id: 3,
    event_id: 1,
    registration_id: null,
    user_id: 5,
    person_id: 6,
    organisation_id: 7,
    name: 'Somphone',
    organisation_name: 'STELLA',
    organisation_kind: 'creative_hub',
    country: 'LA',
    category_id: null,
    gender: null,
    role: 'participant',
    networking_consent: 1,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  } as Participant;
  const links = { organisation: 'stella', account: 'somphone@example.org', person: null };

  it('is what the schema gives back for it (PATCH merges onto it)', () => {
    const input = inputOf(row, links);
    expect(input).toMatchObject({ networking_consent: true, organisation: 'stella', person: null });
    expect(outcome(participantInput, input)).toEqual({ ok: input });
  });

  it('is the edit form’s values, which the schema reads back the same', () => {
    const values = formValuesOf(row, links);
    expect(values).toMatchObject({ category_id: '', gender: '', networking_consent: '1', person: '' });
    expect(outcome(participantInput, values)).toEqual({ ok: inputOf(row, links) });
    expect(formValuesOf({ ...row, networking_consent: 0 }, links)).not.toHaveProperty('networking_consent');
  });
});

describe('the other forms', () => {
  it.each([
    [
      'check-in: a day, the rows shown and one ticked',
      checkinSchema,
      { day: '2024-09-10', shown: ['1', '2'], present: '2' },
      { ok: { day: '2024-09-10', shown: [1, 2], present: [2] } },
    ],
    [
      'check-in: nobody ticked',
      checkinSchema,
      { day: '2024-09-10', shown: '1' },
      { ok: { day: '2024-09-10', shown: [1], present: [] } },
    ],
    [
      'check-in: a day that does not exist',
      checkinSchema,
      { day: '2024-02-30' },
      { errors: { day: 'participants.badDay' } },
    ],
    [
      'check-in: an id that is no number',
      checkinSchema,
      { day: '2024-09-10', shown: 'x' },
      { errors: { shown: 'form.invalid' } },
    ],
    [
      'outcomes: Markdown on several lines, the box unticked',
      outcomesSchema,
      { outcomes: '- one\n- two', recommendations: '' },
      { ok: { outcomes: '- one\n- two', recommendations: '', feedback_public: false } },
    ],
    [
      'outcomes: a control character',
      outcomesSchema,
      { outcomes: 'bell \u0007' },
      { errors: { outcomes: 'form.badCharacter' } },
    ],
    [
      'outcomes: too long',
      outcomesSchema,
      { outcomes: 'x'.repeat(20_001) },
      { errors: { outcomes: 'form.tooLong' } },
    ],
    [
      'a document by its address',
      documentLinkSchema,
      { document: 'http://hub.test/library/lao-law-on-enterprises#page=2' },
      { ok: { document: 'lao-law-on-enterprises', role: 'document' } },
    ],
    [
      'a document with an unknown role',
      documentLinkSchema,
      { document: 'convention-2005', role: 'poster' },
      { errors: { role: 'form.invalid' } },
    ],
    [
      'a document that is no slug',
      documentLinkSchema,
      { document: 'The 2005 Convention' },
      { errors: { document: 'participants.unknownDocument' } },
    ],
    ['a caption', photoSchema, { caption: ' Group work ' }, { ok: { caption: 'Group work' } }],
    ['no caption', photoSchema, { caption: '' }, { errors: { caption: 'form.required' } }],
    [
      'a caption on two lines',
      photoSchema,
      { caption: 'Group\nwork' },
      { errors: { caption: 'form.oneLine' } },
    ],
  ])('%s', (_case, schema, input, expected) => {
    expect(outcome(schema, input)).toEqual(expected);
  });
});
