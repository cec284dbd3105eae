// Who may do what in the directory, without a database: every rule of permissions.ts for a visitor,
// an owner and an editor of the organisation, another member, and the hub's editors, moderators
// and admins.
import { describe, expect, it } from 'vitest';
import { userRecord } from '../../../test/users.ts';
import type { Role, User } from '../../db/schema.ts';
import {
  canChangeLogo,
  canConfirmUnit,
  canCreate,
  canDelete,
  canEdit,
  canManageMembers,
  canModerate,
  canSeeContact,
  canSeeMembers,
  canTransferOwnership,
  canVerify,
  canView,
  seesUnpublished,
} from './permissions.ts';
import type { Organisation } from './tables.ts';
import type { MemberRole } from './vocab.ts';

const user = (id: number, role: Role = 'member'): User => userRecord({ id, role });

/** Each reader, with their role in the organisation. */
const readers: Record<string, [User | null, MemberRole | null]> = {
  visitor: [null, null],
  owner: [user(1), 'owner'],
  orgEditor: [user(2), 'editor'],
  member: [user(3), null],
  editor: [user(4, 'editor'), null],
  moderator: [user(5, 'moderator'), null],
  admin: [user(6, 'admin'), null],
};
type Reader = keyof typeof readers;

const org = (status: Organisation['status'], contact: Organisation['contact_visibility']) =>
  ({ status, contact_visibility: contact }) as Organisation;

describe('the profile', () => {
  it.each<[Reader, boolean, boolean, boolean, boolean, boolean]>([
    // reader, creates, edits (and the logo), deletes, verifies, moderates
    ['visitor', false, false, false, false, false],
    ['owner', true, true, true, false, false],
    ['orgEditor', true, true, false, false, false],
    ['member', true, false, false, false, false],
    ['editor', true, true, false, false, false],
    ['moderator', true, false, false, false, true],
    ['admin', true, true, true, true, true],
  ])(
    '%s: create %s, edit %s, delete %s, verify %s, moderate %s',
    (reader, create, edit, del, verify, moderate) => {
      const [u, role] = readers[reader] ?? [null, null];
      expect(canCreate(u)).toBe(create);
      expect(canEdit(u, role)).toBe(edit);
      expect(canChangeLogo(u, role)).toBe(edit);
      expect(canDelete(u, role)).toBe(del);
      expect(canVerify(u)).toBe(verify);
      expect(canModerate(u)).toBe(moderate);
    },
  );
});

describe('what a reader sees', () => {
  it.each<[Reader, boolean, boolean, boolean]>([
    // reader, sees a pending organisation's page, sees unpublished ones in lists, sees hidden contacts
    ['visitor', false, false, false],
    ['owner', true, false, true],
    ['orgEditor', true, false, true],
    ['member', false, false, false],
    ['editor', true, true, true],
    ['moderator', true, false, false],
    ['admin', true, true, true],
  ])('%s: pending page %s, unpublished in lists %s, hidden contacts %s', (reader, page, lists, hidden) => {
    const [u, role] = readers[reader] ?? [null, null];
    expect(canView(u, org('published', 'hidden'), role)).toBe(true);
    expect(canView(u, org('pending', 'hidden'), role)).toBe(page);
    expect(canView(u, org('hidden', 'hidden'), role)).toBe(page);
    expect(seesUnpublished(u)).toBe(lists);
    expect(canSeeContact(u, org('published', 'hidden'), role)).toBe(hidden);
  });

  it.each<[Organisation['contact_visibility'], Reader, boolean]>([
    ['public', 'visitor', true],
    ['members', 'visitor', false],
    ['members', 'member', true],
    ['hidden', 'member', false],
    ['hidden', 'orgEditor', true],
  ])('contacts %s: %s sees them %s', (visibility, reader, sees) => {
    const [u, role] = readers[reader] ?? [null, null];
    expect(canSeeContact(u, org('published', visibility), role)).toBe(sees);
  });
});

describe('the members', () => {
  it.each<[Reader, boolean, boolean, boolean]>([
    // reader, sees the members, manages them (invites, roles, removals), hands ownership over
    ['visitor', false, false, false],
    ['owner', true, true, true],
    ['orgEditor', true, false, false],
    ['member', false, false, false],
    ['editor', true, false, false],
    ['moderator', false, false, false],
    ['admin', true, true, false],
  ])('%s: sees %s, manages %s, transfers %s', (reader, see, manage, transfer) => {
    const [u, role] = readers[reader] ?? [null, null];
    expect(canSeeMembers(u, role)).toBe(see);
    expect(canManageMembers(u, role)).toBe(manage);
    expect(canTransferOwnership(u, role)).toBe(transfer);
  });
});

describe('units', () => {
  it.each<[Reader, boolean]>([
    // reader, confirms or declines an organisation that names this one as its parent
    ['visitor', false],
    ['owner', true],
    ['orgEditor', false],
    ['member', false],
    ['editor', true],
    ['moderator', false],
    ['admin', true],
  ])('%s: confirm a unit %s', (reader, confirm) => {
    const [u, role] = readers[reader] ?? [null, null];
    expect(canConfirmUnit(u, role)).toBe(confirm);
  });
});
