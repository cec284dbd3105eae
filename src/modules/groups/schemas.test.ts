// The group schema without a database: what the form and the API send, and what is refused.
import { describe, expect, it } from 'vitest';
import { groupFilterSchema, groupInput, inviteSchema } from './schemas.ts';

const valid = {
  name: 'Lao PDR QPR working team',
  lang: 'en',
  description: 'Prepares the **QPR**.',
  kind: 'country_team',
  visibility: 'private',
  organisation: '',
  country: 'LA',
};

describe('groupInput', () => {
  it('reads the form: empty organisation is none, translation rows become translations', () => {
    const input = groupInput.parse({
      ...valid,
      tr_lang: ['lo', ''],
      tr_name: ['ທີມງານ QPR', ''],
      tr_description: ['', ''],
    });
    expect(input.organisation).toBeNull();
    expect(input.country).toBe('LA');
    expect(input.translations).toEqual([{ lang: 'lo', name: 'ທີມງານ QPR', description: '' }]);
  });

  it('takes an organisation’s address as its slug', () => {
    expect(
      groupInput.parse({ ...valid, organisation: 'https://hub.test/directory/mekong-institute' })
        .organisation,
    ).toBe('mekong-institute');
  });

  it.each([
    ['no name', { name: '' }, 'name'],
    ['a name on two lines', { name: 'a\nb' }, 'name'],
    ['an unknown kind', { kind: 'club' }, 'kind'],
    ['an unknown visibility', { visibility: 'hidden' }, 'visibility'],
    ['an unknown country', { country: 'XX' }, 'country'],
    ['a bad language', { lang: 'english' }, 'lang'],
  ])('refuses %s', (_, change, field) => {
    const result = groupInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it('refuses a translation in the group’s own language', () => {
    const result = groupInput.safeParse({
      ...valid,
      translations: [{ lang: 'en', name: 'Again', description: '' }],
    });
    expect(result.success).toBe(false);
  });
});

describe('the other forms and the filters', () => {
  it('invites an address as a member unless told', () => {
    expect(inviteSchema.parse({ email: ' Vanna@Example.org ' })).toEqual({
      email: 'vanna@example.org',
      role: 'member',
    });
    expect(inviteSchema.safeParse({ email: 'nobody', role: 'member' }).success).toBe(false);
    expect(inviteSchema.safeParse({ email: 'a@example.org', role: 'owner' }).success).toBe(false);
  });

  it('drops filters it cannot use', () => {
    expect(groupFilterSchema.parse({ kind: 'network', country: 'LA', page: '2' })).toEqual({
      kind: 'network',
      country: 'LA',
      page: 2,
    });
    expect(groupFilterSchema.parse({ kind: 'club', country: 'XX', page: '-1' })).toEqual({
      kind: undefined,
      country: undefined,
      page: 1,
    });
  });
});
