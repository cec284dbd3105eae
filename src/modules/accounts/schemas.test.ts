// The account forms' schemas without a database: what each field accepts, the message of each
// refusal, and the API's names for the profile's fields.
import { describe, expect, it } from 'vitest';
import { outcome } from '../../../test/schemas.ts';
import { userRecord } from '../../../test/users.ts';
import {
  changeEmailSchema,
  inputOf,
  loginSchema,
  profileFieldsOf,
  profileSchema,
  registerSchema,
  resetSchema,
} from './schemas.ts';

const good = { name: 'Souphanh Keomany', email: 'souphanh@example.org', password: 'long enough password' };

describe('registration', () => {
  it.each([
    ['a Lao name, trimmed', { ...good, name: '  ສຸພັນ ແກ້ວມະນີ ' }, { ok: { ...good, name: 'ສຸພັນ ແກ້ວມະນີ' } }],
    ['a name on two lines', { ...good, name: 'Souphanh\nKeomany' }, { errors: { name: 'form.oneLine' } }],
    ['a name with a tab', { ...good, name: 'Souphanh\tK.' }, { errors: { name: 'form.oneLine' } }],
    ['a blank name', { ...good, name: '   ' }, { errors: { name: 'form.required' } }],
    ['a name of 101 characters', { ...good, name: 'ນ'.repeat(101) }, { errors: { name: 'form.tooLong' } }],
    ['no address', { ...good, email: '' }, { errors: { email: 'form.required' } }],
    ['not an address', { ...good, email: 'not-an-email' }, { errors: { email: 'form.invalidEmail' } }],
    [
      'an address with a line break',
      { ...good, email: 'a@example.org\nBcc: x@y.z' },
      { errors: { email: 'form.invalidEmail' } },
    ],
    [
      'a short password',
      { ...good, password: 'short' },
      { errors: { password: 'accounts.passwordTooShort' } },
    ],
    [
      'a password of 257 characters',
      { ...good, password: 'x'.repeat(257) },
      { errors: { password: 'form.tooLong' } },
    ],
  ])('%s', (_case, input, expected) => {
    expect(outcome(registerSchema, input)).toEqual(expected);
  });
});

describe('the other sign-in forms', () => {
  it.each([
    [
      'login: any address as typed (no format check that could tell)',
      loginSchema,
      { email: 'x', password: 'p' },
      true,
    ],
    ['login: no password', loginSchema, { email: 'a@example.org', password: '' }, false],
    [
      'reset: a token and a long password',
      resetSchema,
      { token: 'abc', password: 'a new long password' },
      true,
    ],
    ['reset: no token', resetSchema, { token: '', password: 'a new long password' }, false],
    [
      'email change: a new address and the password',
      changeEmailSchema,
      { new_email: 'new@example.org', current_password: 'p' },
      true,
    ],
    [
      'email change: without the password',
      changeEmailSchema,
      { new_email: 'new@example.org', current_password: '' },
      false,
    ],
  ])('%s', (_case, schema, input, ok) => {
    expect(schema.safeParse(input).success).toBe(ok);
  });
});

describe('the profile', () => {
  it.each([
    [
      'the form’s empty choices are “none”',
      { name: 'Bounmy', locale: '', time_zone: '' },
      { ok: { name: 'Bounmy', locale: null, time_zone: null } },
    ],
    [
      'JSON’s null is “none” too',
      { name: 'Bounmy', locale: null, time_zone: null },
      { ok: { name: 'Bounmy', locale: null, time_zone: null } },
    ],
    [
      'a language and a zone',
      { name: 'Bounmy', locale: 'lo', time_zone: 'Asia/Vientiane' },
      { ok: { name: 'Bounmy', locale: 'lo', time_zone: 'Asia/Vientiane' } },
    ],
    [
      'an unknown language',
      { name: 'Bounmy', locale: 'xx', time_zone: '' },
      { errors: { locale: 'form.unknownLocale' } },
    ],
    [
      'an unknown zone',
      { name: 'Bounmy', locale: '', time_zone: 'Mars/Base' },
      { errors: { time_zone: 'account.unknownTimeZone' } },
    ],
    [
      'a name with a control character',
      { name: 'Boun\u0007my', locale: '', time_zone: '' },
      { errors: { name: 'form.oneLine' } },
    ],
  ])('%s', (_case, input, expected) => {
    expect(outcome(profileSchema, input)).toEqual(expected);
  });

  it('reads a saved account as input, and the API’s names as the form’s', () => {
    const user = userRecord({ name: 'Vilay', locale: 'th', time_zone: 'Asia/Bangkok' });
    expect(inputOf(user)).toEqual({ name: 'Vilay', locale: 'th', time_zone: 'Asia/Bangkok' });
    expect(inputOf(userRecord({ locale: 'xx' })).locale).toBeNull();
    expect(profileFieldsOf({ timeZone: 'UTC' })).toEqual({ time_zone: 'UTC' });
    expect(profileFieldsOf({ name: 'New' })).toEqual({ name: 'New' });
  });
});
