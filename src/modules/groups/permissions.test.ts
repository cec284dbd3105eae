// The groups' rules without a database: what the roles held in a group, its country, its
// organisation and on the platform allow (platform/scopes.ts `allows` with the module's actions),
// who sees what of a public, private and secret group, and the last coordinator.
import { describe, expect, it } from 'vitest';
import { userRecord } from '../../../test/users.ts';
import type { HeldRoles } from '../../platform/scopes.ts';
import { inCountry, inGroup, inOrganisation, PLATFORM } from '../../platform/scopes.ts';
import {
  canDelete,
  canManage,
  canRequestToJoin,
  canSeeGroup,
  canSeeInside,
  groupRoleIn,
  lastCoordinatorRefusal,
} from './permissions.ts';
import type { GroupRole, GroupVisibility } from './vocab.ts';

const member = userRecord({ id: 2 });
const editor = userRecord({ id: 4, role: 'editor' });
const admin = userRecord({ id: 5, role: 'admin' });

/** What heldRoles() finds for someone with `role` in group 1 (in Laos, of organisation 7), and `focal` in Laos. */
function held(
  user = member,
  role: GroupRole | null = null,
  extra: { focal?: boolean; owner?: boolean } = {},
): HeldRoles[] {
  return [
    { scope: inGroup(1), roles: role ? [role] : [] },
    { scope: inCountry('LA'), roles: extra.focal ? ['focal_point'] : [] },
    { scope: inOrganisation(7), roles: extra.owner ? ['owner'] : [] },
    { scope: PLATFORM, roles: [user.role] },
  ];
}
/**
 * A coordinator of another group: their role there is never among the scopes above this group, so
 * heldRoles() finds nothing in it.
 */
const coordinatorElsewhere: HeldRoles[] = held(member);

describe('managing a group', () => {
  it.each([
    ['its coordinator', member, held(member, 'coordinator'), true],
    ['a member', member, held(member, 'member'), false],
    ['an observer', member, held(member, 'observer'), false],
    ['a coordinator of another group', member, coordinatorElsewhere, false],
    ['the focal point of its country', member, held(member, null, { focal: true }), true],
    ['an owner of its organisation', member, held(member, null, { owner: true }), false],
    ['the hub’s editor', editor, held(editor), false],
    ['an admin', admin, held(admin), true],
    ['a visitor', null, [], false],
    [
      'a disabled coordinator',
      userRecord({ disabled_at: '2026-01-01T00:00:00.000Z' }),
      held(member, 'coordinator'),
      false,
    ],
  ] as const)('%s → %s', (_, user, roles, allowed) => {
    expect(canManage(user, roles)).toBe(allowed);
  });

  it.each([
    ['its coordinator', held(member, 'coordinator'), true],
    ['the focal point of its country', held(member, null, { focal: true }), false],
    ['a member', held(member, 'member'), false],
  ] as const)('deleting: %s → %s', (_, roles, allowed) => {
    expect(canDelete(member, roles)).toBe(allowed);
  });
});

describe('what a reader sees', () => {
  it.each([
    ['public', 'a stranger', null, true, true],
    ['private', 'a stranger', null, true, false],
    ['secret', 'a stranger', null, false, false],
    ['private', 'an observer', 'observer', true, true],
    ['secret', 'a member', 'member', true, true],
  ] as const)('a %s group to %s: knows of it %s, sees inside %s', (visibility, _, role, knows, inside) => {
    const group = { visibility: visibility as GroupVisibility };
    expect(canSeeGroup(member, group, held(member, role))).toBe(knows);
    expect(canSeeInside(member, group, held(member, role))).toBe(inside);
  });

  it('hides a secret group from the hub’s editors, not from admins or its country’s focal point', () => {
    const group = { visibility: 'secret' as const };
    expect(canSeeGroup(editor, group, held(editor))).toBe(false);
    expect(canSeeGroup(admin, group, held(admin))).toBe(true);
    expect(canSeeGroup(member, group, held(member, null, { focal: true }))).toBe(true);
    expect(canSeeGroup(null, group, [])).toBe(false);
  });
});

describe('asking to join', () => {
  it.each([
    ['public', null, true],
    ['private', null, true],
    ['secret', null, false],
    ['public', 'member', false],
  ] as const)('a %s group, being %s → %s', (visibility, role, allowed) => {
    expect(canRequestToJoin(member, { visibility }, role)).toBe(allowed);
  });
  it('needs an account', () => expect(canRequestToJoin(null, { visibility: 'public' }, null)).toBe(false));
});

describe('the last coordinator', () => {
  it.each([
    ['leaves, alone', 'coordinator', null, 0, 'groups.members.lastCoordinator'],
    ['becomes a member, alone', 'coordinator', 'member', 0, 'groups.members.lastCoordinator'],
    ['leaves, with another', 'coordinator', null, 1, null],
    ['a member leaves', 'member', null, 0, null],
    ['stays coordinator', 'coordinator', 'coordinator', 0, null],
  ] as const)('%s → %s', (_, from, to, others, refusal) => {
    expect(lastCoordinatorRefusal(from, to, others)).toBe(refusal);
  });

  it('reads the reader’s own role from what is held', () => {
    expect(groupRoleIn(held(member, 'observer'))).toBe('observer');
    expect(groupRoleIn(held(member))).toBe(null);
  });
});
