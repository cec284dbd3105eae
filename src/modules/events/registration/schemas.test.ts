// Registration's schemas, one table each, without a database: the settings (a capacity, a
// deadline read in the event's zone and not past, categories and invitations), a rubric
// criterion, a review's scores, the standard fields of an application (control characters
// refused), a decision, and the reviewers' list filter.
import { describe, expect, it } from 'vitest';
import { refusals } from '../../../../test/schemas.ts';
import {
  applicationFilterSchema,
  criterionSchema,
  decisionSchema,
  filterQuery,
  reviewSchema,
  settingsFormValues,
  settingsSchema,
  standardSchema,
} from './schemas.ts';

describe('the registration settings', () => {
  const schema = settingsSchema({
    timeZone: 'Asia/Vientiane',
    now: new Date('2031-01-01T00:00:00Z'),
    accepted: 3,
  });
  const form = (values: Record<string, unknown>) => ({
    mode: 'application',
    capacity: '',
    deadline: '',
    criteria: '',
    cat_id: [''],
    cat_label: ['Artisans'],
    invitations: '',
    ...values,
  });

  it.each([
    ['a capacity that is not a number', { capacity: 'thirty' }, { capacity: 'registration.badCapacity' }],
    ['a capacity below the accepted', { capacity: '2' }, { capacity: 'registration.capacityBelowAccepted' }],
    ['a deadline that is no moment', { deadline: 'next Friday' }, { deadline: 'registration.badDeadline' }],
    ['a deadline past', { deadline: '2030-12-31T09:00' }, { deadline: 'registration.deadlinePast' }],
    [
      'two categories of one name',
      { cat_id: ['', ''], cat_label: ['Artisans', 'artisans'] },
      { categories: 'registration.duplicateCategory' },
    ],
    ['a category on two lines', { cat_label: ['Two\nlines'] }, { categories: 'form.oneLine' }],
    [
      'invitation only, nobody invited',
      { mode: 'invitation' },
      { invitations: 'registration.invitationsNeeded' },
    ],
    [
      'an invitation that is no address',
      { invitations: 'expert@example.org\nnot an address' },
      { invitations: 'registration.badInvitation' },
    ],
    ['a mode that is none', { mode: 'lottery' }, { mode: 'form.invalid' }],
  ])('refuse %s', (_, values, errors) => {
    expect(refusals(schema, form(values))).toEqual(errors);
  });

  it('read the deadline in the event’s zone, the categories in order and each invitation once', () => {
    const input = schema.parse(
      form({
        mode: 'invitation',
        capacity: '30',
        waiting_list: '1',
        deadline: '2031-03-01T17:00',
        cat_id: ['7', '', ''],
        cat_label: ['Artisans', '', 'Officials'],
        invitations: 'Expert@Example.org, official@example.org\nexpert@example.org',
      }),
    );
    expect(input).toMatchObject({
      capacity: 30,
      waiting_list: true,
      deadline: '2031-03-01T10:00:00.000Z',
      categories: [
        { id: 7, label: 'Artisans' },
        { id: null, label: 'Officials' },
      ],
      invitations: ['expert@example.org', 'official@example.org'],
    });
  });

  it('come back into the form as they were written', () => {
    const values = settingsFormValues(
      { time_zone: 'Asia/Vientiane' },
      {
        event_id: 1,
        mode: 'open',
        capacity: 30,
        waiting_list: 0,
        deadline: '2031-03-01T10:00:00.000Z',
        criteria: 'English',
        updated_at: '',
        categories: [{ id: 7, label: 'Artisans', position: 0 }],
      },
      ['a@example.org'],
    );
    expect(values).toEqual({
      mode: 'open',
      capacity: '30',
      deadline: '2031-03-01T17:00',
      criteria: 'English',
      cat_id: ['7'],
      cat_label: ['Artisans'],
      invitations: 'a@example.org',
    });
  });
});

describe('the rubric, reviews and decisions', () => {
  it.each([
    [{ label: 'English', max_score: '5' }, {}],
    [{ label: 'English', max_score: '0' }, { max_score: 'registration.badMaxScore' }],
    [{ label: 'English', max_score: '101' }, { max_score: 'registration.badMaxScore' }],
    [{ label: '', max_score: '5' }, { label: 'form.required' }],
  ])('a criterion %j', (values, errors) => {
    expect(refusals(criterionSchema, values)).toEqual(errors);
  });

  const review = reviewSchema([
    { id: 1, max_score: 5 },
    { id: 2, max_score: 3 },
  ]);
  it.each([
    [{ score_1: '4', score_2: '' }, { scores: [[1, 4]] }],
    [
      { score_1: '', score_2: '3', note: 'Strong' },
      { note: 'Strong', scores: [[2, 3]] },
    ],
  ])('a review %j', (values, expected) => {
    const parsed = review.parse(values);
    expect({ note: parsed.note, scores: [...parsed.scores] }).toMatchObject(expected);
  });

  it.each([
    [{ score_1: '6' }, { score_1: 'registration.badScore' }],
    [{ score_2: '-1' }, { score_2: 'registration.badScore' }],
    [{ score_1: 'four' }, { score_1: 'registration.badScore' }],
  ])('a review refuses %j', (values, errors) => {
    expect(refusals(review, values)).toEqual(errors);
  });

  it.each([
    ['accepted', true],
    ['waitlisted', true],
    ['declined', true],
    ['maybe', false],
    ['withdrawn', false],
  ])('a decision %s: %s', (decision, valid) => {
    expect(decisionSchema.safeParse({ decision }).success).toBe(valid);
  });
});

describe('the standard fields of an application', () => {
  const schema = standardSchema({ categoryIds: [7, 8], organisationIds: [3] });
  const fields = (values: Record<string, string>) => ({
    name: 'Vilayvanh',
    country: 'LA',
    category_id: '7',
    ...values,
  });

  it.each([
    ['no country', { country: '' }, { country: 'registration.countryNeeded' }],
    ['a country that is none', { country: 'XX' }, { country: 'form.unknownCountry' }],
    ['no category', { category_id: '' }, { category_id: 'registration.categoryNeeded' }],
    ['a category of another event', { category_id: '9' }, { category_id: 'form.invalid' }],
    ['an organisation not the applicant’s', { organisation_id: '4' }, { organisation_id: 'form.invalid' }],
    ['a name with a line break', { name: 'Vilay\nvanh' }, { name: 'form.oneLine' }],
    ['a name with a control character', { name: 'Vilay\u0007vanh' }, { name: 'form.oneLine' }],
    ['no name', { name: ' ' }, { name: 'form.required' }],
  ])('refuse %s', (_, values, errors) => {
    expect(refusals(schema, fields(values))).toEqual(errors);
  });

  it('read a category only when the event has some', () => {
    expect(standardSchema({ categoryIds: [], organisationIds: [] }).parse(fields({})).category_id).toBeNull();
  });
});

describe('the reviewers’ list', () => {
  it.each([
    [{}, { status: undefined, sort: 'submitted', page: 1 }, ''],
    [
      { status: 'accepted', sort: 'name', page: '2' },
      { status: 'accepted', sort: 'name', page: 2 },
      '?status=accepted&sort=name',
    ],
    // Drafts are the applicant's business: no filter shows them.
    [{ status: 'draft', sort: 'height', page: '-1' }, { status: undefined, sort: 'submitted', page: 1 }, ''],
  ])('%j', (query, filter, link) => {
    const parsed = applicationFilterSchema.parse(query);
    expect(parsed).toEqual(filter);
    expect(filterQuery(parsed)).toBe(link);
  });
});
