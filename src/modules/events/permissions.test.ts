// The events module's rules, one table each, without a database: who creates, edits, deletes and
// sees an event (a draft is its organisers' and the editors' alone).
import { describe, expect, it } from 'vitest';
import { byRole, userRecord } from '../../../test/users.ts';
import type { User } from '../../db/schema.ts';
import { canCreate, canDelete, canEdit, canView } from './permissions.ts';
import { EVENT_STATUSES, type EventStatus } from './vocab.ts';

const visitor = null;
const member = userRecord({ id: 2 });
const moderator = userRecord({ id: 3, role: 'moderator' });
const editor = userRecord({ id: 4, role: 'editor' });
const admin = userRecord({ id: 5, role: 'admin' });

describe('creating and deleting', () => {
  it.each(byRole({ visitor: false, member: false, moderator: false, editor: true, admin: true }))(
    '%s may create and delete: %s',
    (_, user, allowed) => {
      expect(canCreate(user)).toBe(allowed);
      expect(canDelete(user)).toBe(allowed);
    },
  );
});

describe('editing', () => {
  it.each<[string, User | null, boolean, boolean]>([
    ['a visitor', visitor, false, false],
    // A visitor is no organiser, whatever the caller looked up.
    ['a visitor said to organise', visitor, true, false],
    ['a member', member, false, false],
    ['a member of an organiser', member, true, true],
    ['a moderator', moderator, false, false],
    ['an editor', editor, false, true],
    ['an admin', admin, false, true],
  ])('%s (organiser: %s): %s', (_, user, organiser, allowed) => {
    expect(canEdit(user, organiser)).toBe(allowed);
  });
});

describe('seeing', () => {
  const published = EVENT_STATUSES.filter((s) => s !== 'draft');

  it.each(published)('a %s event is seen by everyone', (status) => {
    for (const user of [visitor, member, moderator, editor])
      expect(canView(user, { status }, false)).toBe(true);
  });

  it.each<[string, User | null, boolean, boolean]>([
    ['a visitor', visitor, false, false],
    ['a member', member, false, false],
    ['a moderator', moderator, false, false],
    ['a member of an organiser', member, true, true],
    ['an editor', editor, false, true],
  ])('a draft is seen by %s (organiser: %s): %s', (_, user, organiser, allowed) => {
    const draft: { status: EventStatus } = { status: 'draft' };
    expect(canView(user, draft, organiser)).toBe(allowed);
  });
});
