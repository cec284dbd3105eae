// The administration's rules without a database: who administers, and when a role change or
// disabling is refused so the hub keeps an active administrator.
import { describe, expect, it } from 'vitest';
import { byRole, userRecord } from '../../../test/users.ts';
import { canAdminister, disableRefusal, roleChangeRefusal } from './permissions.ts';
import { statusOf } from './vocab.ts';

const DAY = '2026-02-01T00:00:00.000Z';
const admin = userRecord({ id: 1, role: 'admin' });
const otherAdmin = userRecord({ id: 2, role: 'admin' });
const member = userRecord({ id: 3 });

describe('canAdminister', () => {
  it.each(byRole({ admin: true, editor: false, moderator: false, member: false }))(
    '%s → %s',
    (_, user, allowed) => {
      expect(canAdminister(user)).toBe(allowed);
    },
  );
});

describe('roleChangeRefusal', () => {
  it.each([
    ['the last active admin made a member', otherAdmin, 'member', 1, 'admin.lastAdmin'],
    ['the last active admin kept admin', otherAdmin, 'admin', 1, null],
    ['an admin of two made an editor', otherAdmin, 'editor', 2, null],
    ['a disabled admin made a member', userRecord({ role: 'admin', disabled_at: DAY }), 'member', 1, null],
    ['a member made the admin', member, 'admin', 1, null],
  ] as const)('%s → %s', (_case, target, role, activeAdmins, refusal) => {
    expect(roleChangeRefusal(target, role, activeAdmins)).toBe(refusal);
  });
});

describe('disableRefusal', () => {
  it.each([
    ['an admin disabling their own account', admin, admin, true, 2, 'admin.cannotDisableSelf'],
    ['an admin disabling the last other active admin', admin, otherAdmin, true, 1, 'admin.lastAdmin'],
    ['an admin disabling one admin of two', admin, otherAdmin, true, 2, null],
    ['an admin disabling a member', admin, member, true, 1, null],
    ['enabling again', admin, userRecord({ disabled_at: DAY }), false, 1, null],
    ['the command line disabling a member', null, member, true, 1, null],
  ] as const)('%s → %s', (_case, actor, target, disabled, activeAdmins, refusal) => {
    expect(disableRefusal(actor, target, disabled, activeAdmins)).toBe(refusal);
  });
});

describe('statusOf', () => {
  it.each([
    ['confirmed and enabled', userRecord(), 'active'],
    ['not confirmed', userRecord({ email_verified_at: null }), 'unverified'],
    ['disabled, confirmed or not', userRecord({ email_verified_at: null, disabled_at: DAY }), 'disabled'],
  ])('%s → %s', (_case, user, status) => {
    expect(statusOf(user)).toBe(status);
  });
});
