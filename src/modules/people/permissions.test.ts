// Who may do what with people's profiles, without a database: every rule of permissions.ts for a
// visitor, the owner, another member, an editor, a moderator and an admin.
import { describe, expect, it } from 'vitest';
import { userRecord } from '../../../test/users.ts';
import type { Role } from '../../db/schema.ts';
import {
  allowedStatuses,
  canCreateForOthers,
  canCreateOwn,
  canDecideClaims,
  canDelete,
  canEdit,
  canSeeContact,
  canView,
  claimRefusal,
  statusAfterSave,
} from './permissions.ts';
import type { PersonStatus } from './vocab.ts';

const user = (id: number, role: Role = 'member') => userRecord({ id, role });

const owner = user(1);
const readers = {
  visitor: null,
  owner,
  member: user(2),
  editor: user(3, 'editor'),
  moderator: user(4, 'moderator'),
  admin: user(5, 'admin'),
} as const;
type Reader = keyof typeof readers;

const owned = {
  user_id: owner.id,
  status: 'published' as PersonStatus,
  contact_visibility: 'hidden' as const,
};
const unowned = { ...owned, user_id: null };

describe('editing and deleting', () => {
  it.each<[Reader, boolean, boolean, boolean]>([
    // reader, edits an owned profile, deletes it, deletes a profile nobody owns
    ['visitor', false, false, false],
    ['owner', true, true, false],
    ['member', false, false, false],
    ['editor', true, false, true],
    ['moderator', false, false, false],
    ['admin', true, true, true],
  ])('%s: edit %s, delete %s, delete an unowned one %s', (reader, edit, del, delUnowned) => {
    const u = readers[reader];
    expect(canEdit(u, owned)).toBe(edit);
    expect(canDelete(u, owned)).toBe(del);
    expect(canDelete(u, unowned)).toBe(delUnowned);
  });
});

describe('seeing', () => {
  it.each<[PersonStatus, Reader, boolean]>([
    ['published', 'visitor', true],
    ['draft', 'visitor', false],
    ['draft', 'member', false],
    ['draft', 'owner', true],
    ['draft', 'editor', true],
    ['hidden', 'moderator', true],
    ['hidden', 'member', false],
    ['hidden', 'admin', true],
  ])('a %s profile, seen by the %s: %s', (status, reader, expected) => {
    expect(canView(readers[reader], { ...owned, status })).toBe(expected);
  });

  it.each<['public' | 'members' | 'hidden', Reader, boolean]>([
    ['public', 'visitor', true],
    ['members', 'visitor', false],
    ['members', 'member', true],
    ['hidden', 'member', false],
    ['hidden', 'moderator', false],
    ['hidden', 'owner', true],
    ['hidden', 'editor', true],
  ])('contacts shown to %s, read by the %s: %s', (contact_visibility, reader, expected) => {
    expect(canSeeContact(readers[reader], { ...owned, contact_visibility })).toBe(expected);
  });
});

describe('creating', () => {
  it.each<[Reader, boolean, boolean, boolean]>([
    // reader, own profile when they have none, when they have one, someone else's
    ['visitor', false, false, false],
    ['member', true, false, false],
    ['editor', true, false, true],
    ['admin', true, false, true],
  ])('%s: own %s, a second %s, for others %s', (reader, own, second, others) => {
    const u = readers[reader];
    expect(canCreateOwn(u, false)).toBe(own);
    expect(canCreateOwn(u, true)).toBe(second);
    expect(canCreateForOthers(u)).toBe(others);
  });
});

describe('statuses', () => {
  it.each<[Reader, PersonStatus[]]>([
    ['member', ['published', 'draft']],
    ['editor', ['published', 'draft', 'hidden']],
    ['admin', ['published', 'draft', 'hidden']],
  ])('the %s may give %j', (reader, statuses) => {
    expect(allowedStatuses(readers[reader])).toEqual(statuses);
  });

  it.each<[Reader, PersonStatus | null, PersonStatus, PersonStatus]>([
    ['owner', null, 'published', 'published'],
    ['owner', null, 'hidden', 'draft'],
    ['owner', 'draft', 'published', 'published'],
    // What the editors hid stays hidden whatever its owner asks.
    ['owner', 'hidden', 'published', 'hidden'],
    ['editor', 'hidden', 'published', 'published'],
    ['editor', 'published', 'hidden', 'hidden'],
  ])('the %s saving a %s profile as %s gets %s', (reader, current, asked, expected) => {
    expect(statusAfterSave(readers[reader], current, asked)).toBe(expected);
  });
});

describe('claims', () => {
  const none = { hasProfile: false, pendingClaim: false };
  it.each<[string, Reader, { user_id: number | null }, typeof none, ReturnType<typeof claimRefusal>]>([
    ['a visitor', 'visitor', unowned, none, { status: 401, message: 'error.401.message' }],
    ['an owned profile', 'member', owned, none, { status: 409, message: 'people.claimOwned' }],
    [
      'a member with a profile',
      'member',
      unowned,
      { ...none, hasProfile: true },
      { status: 409, message: 'people.claimHasProfile' },
    ],
    [
      'a second claim',
      'member',
      unowned,
      { ...none, pendingClaim: true },
      { status: 409, message: 'people.claimPending' },
    ],
    ['a member without a profile', 'member', unowned, none, null],
  ])('%s', (_case, reader, person, state, expected) => {
    expect(claimRefusal(readers[reader], person, state)).toEqual(expected);
  });

  it.each<[Reader, boolean]>([
    ['visitor', false],
    ['member', false],
    ['editor', false],
    ['moderator', false],
    ['admin', true],
  ])('deciding claims, the %s: %s', (reader, expected) => {
    expect(canDecideClaims(readers[reader])).toBe(expected);
  });
});
