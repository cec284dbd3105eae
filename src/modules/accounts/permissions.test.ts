// The account rules without a database: who may log in, who gets which link by mail, and who is
// the hub's last active administrator.
import { describe, expect, it } from 'vitest';
import { byRole, userRecord } from '../../../test/users.ts';
import {
  awaitsVerification,
  isLastActiveAdmin,
  loginRefusal,
  mayCreateAccounts,
  mayResetPassword,
} from './permissions.ts';

const DAY = '2026-02-01T00:00:00.000Z';
const active = userRecord();
const disabled = userRecord({ disabled_at: DAY });
const unverified = userRecord({ email_verified_at: null });
const disabledUnverified = userRecord({ email_verified_at: null, disabled_at: DAY });

describe('loginRefusal', () => {
  it.each([
    ['an active, confirmed account', active, null],
    ['a disabled account', disabled, 'login.disabled'],
    ['an account whose address is not confirmed', unverified, 'login.unverified'],
    ['a disabled account never confirmed: disabled comes first', disabledUnverified, 'login.disabled'],
  ])('%s → %s', (_case, user, refusal) => {
    expect(loginRefusal(user)).toBe(refusal);
  });
});

describe('the links sent by mail', () => {
  it.each([
    ['active', active, true, false],
    ['disabled', disabled, false, false],
    ['unconfirmed', unverified, true, true],
    ['disabled and unconfirmed', disabledUnverified, false, false],
  ])('%s account: a reset link %s, a new confirmation link %s', (_case, user, reset, verification) => {
    expect(mayResetPassword(user)).toBe(reset);
    expect(awaitsVerification(user)).toBe(verification);
  });
});

describe('isLastActiveAdmin', () => {
  it.each([
    ['the only active admin', userRecord({ role: 'admin' }), 1, true],
    ['one of two active admins', userRecord({ role: 'admin' }), 2, false],
    [
      'a disabled admin (not counted among the active)',
      userRecord({ role: 'admin', disabled_at: DAY }),
      1,
      false,
    ],
    ['an editor when one admin is left', userRecord({ role: 'editor' }), 1, false],
    ['a member when no admin is left', active, 0, false],
  ])('%s → %s', (_case, user, activeAdmins, last) => {
    expect(isLastActiveAdmin(user, activeAdmins)).toBe(last);
  });
});

describe('mayCreateAccounts', () => {
  it.each(byRole({ admin: true, editor: false, moderator: false, member: false }))(
    '%s → %s',
    (_, user, allowed) => {
      expect(mayCreateAccounts(user)).toBe(allowed);
    },
  );
});
