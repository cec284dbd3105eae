// The administration's filters and role field without a database: a filter that is not valid is
// dropped (an edited address still shows a list); a role that is not one is refused with a message.
import { describe, expect, it } from 'vitest';
import { refusals } from '../../../test/schemas.ts';
import { auditFilterSchema, roleChangeSchema, userFilterSchema, userUpdateSchema } from './schemas.ts';

describe('userFilterSchema', () => {
  it.each([
    ['nothing', {}, { page: 1 }],
    ['a search, trimmed', { q: '  Hương ' }, { q: 'Hương', page: 1 }],
    [
      'a role and a status',
      { role: 'editor', status: 'disabled' },
      { role: 'editor', status: 'disabled', page: 1 },
    ],
    ['an unknown role and a bad page', { role: 'emperor', page: '-3' }, { page: 1 }],
    ['an unknown status', { status: 'sleeping', page: '2' }, { page: 2 }],
    ['a search too long', { q: 'x'.repeat(101) }, { page: 1 }],
  ])('%s', (_case, query, filter) => {
    expect(userFilterSchema.parse(query)).toEqual(filter);
  });
});

describe('auditFilterSchema', () => {
  it.each([
    [
      'an action and a record',
      { action: 'user.role_changed', subject_id: '7' },
      { action: 'user.role_changed', subject_id: '7' },
    ],
    ['older than an entry', { before: '120' }, { before: 120 }],
    ['a position that is not a number', { before: 'x' }, {}],
    ['a record type too long', { subject_type: 'x'.repeat(51) }, {}],
  ])('%s', (_case, query, filter) => {
    expect(auditFilterSchema.parse(query)).toEqual(filter);
  });
});

describe('the role field of the page and of the API', () => {
  it.each([
    ['a role', roleChangeSchema, { role: 'moderator' }, null],
    ['not a role', roleChangeSchema, { role: 'emperor' }, { role: 'admin.unknownRole' }],
    ['the API: a role and disabled', userUpdateSchema, { role: 'editor', disabled: true }, null],
    ['the API: not a role', userUpdateSchema, { role: 'emperor' }, { role: 'admin.unknownRole' }],
    ['the API: disabled as text', userUpdateSchema, { disabled: 'yes' }, { disabled: 'form.invalid' }],
  ] as const)('%s', (_case, schema, input, errors) => {
    expect(refusals(schema, input)).toEqual(errors ?? {});
  });
});
