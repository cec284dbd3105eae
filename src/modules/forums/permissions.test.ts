// The forums' rules without a database: who reads a public, members' and group category, who
// moderates (the hub's moderators, a group's coordinators), who translates and marks an answer; the
// handles a post mentions, what a post weighs for the posting limits, and the schemas' refusals.
import { describe, expect, it } from 'vitest';
import { byRole, userRecord } from '../../../test/users.ts';
import { type HeldRoles, inGroup, PLATFORM } from '../../platform/scopes.ts';
import { refuseBots } from './actions/limits.ts';
import { mentionedHandles } from './notifications.ts';
import {
  canDeletePost,
  canEditPost,
  canMarkSolved,
  canModerate,
  canRead,
  canTranslate,
} from './permissions.ts';
import { replyInput, threadSettingsInput } from './schemas.ts';

const publicCategory = { visibility: 'public' as const, group_id: null };
const membersCategory = { visibility: 'members' as const, group_id: null };
const groupCategory = { visibility: 'group' as const, group_id: 12 };

describe('who reads a category', () => {
  it.each(
    byRole({
      visitor: [true, false, false],
      member: [true, true, false],
      moderator: [true, true, false],
      editor: [true, true, false],
      admin: [true, true, true],
    }),
  )('%s: public, members, group (not in it)', (_who, user, expected) => {
    const reader = { user, scopes: [] };
    expect([
      canRead(reader, publicCategory),
      canRead(reader, membersCategory),
      canRead(reader, groupCategory),
    ]).toEqual(expected);
  });

  it('lets the group’s members read its category, and nobody whose account is disabled', () => {
    const member = userRecord({ id: 2 });
    expect(canRead({ user: member, scopes: ['group:12'] }, groupCategory)).toBe(true);
    expect(canRead({ user: member, scopes: ['group:13'] }, groupCategory)).toBe(false);
    const disabled = userRecord({ id: 3, disabled_at: '2026-01-01T00:00:00.000Z' });
    expect(canRead({ user: disabled, scopes: ['group:12'] }, publicCategory)).toBe(false);
  });
});

describe('who moderates', () => {
  const inTheGroup = (role: string | null): HeldRoles[] => [
    { scope: inGroup(12), roles: role ? [role] : [] },
    { scope: PLATFORM, roles: ['member'] },
  ];
  it.each([
    ['a coordinator of the group', inTheGroup('coordinator'), true],
    ['a member of the group', inTheGroup('member'), false],
    ['someone outside it', inTheGroup(null), false],
  ])('%s in a group category', (_who, held, expected) => {
    expect(canModerate(userRecord({ id: 2 }), held)).toBe(expected);
  });
  it.each(byRole({ member: false, editor: false, moderator: true, admin: true }))(
    '%s on the platform',
    (_who, user, expected) => {
      expect(canModerate(user, [{ scope: PLATFORM, roles: [user.role] }])).toBe(expected);
    },
  );
});

describe('translating and answering', () => {
  const author = userRecord({ id: 7 });
  const other = userRecord({ id: 8 });
  const editor = userRecord({ id: 9, role: 'editor' });
  it('lets the author, an editor or a moderator translate a post', () => {
    expect(canTranslate(author, { author_id: 7 }, false)).toBe(true);
    expect(canTranslate(other, { author_id: 7 }, false)).toBe(false);
    expect(canTranslate(editor, { author_id: 7 }, false)).toBe(true);
    expect(canTranslate(other, { author_id: 7 }, true)).toBe(true);
    expect(canTranslate(null, { author_id: 7 }, false)).toBe(false);
  });
  it('lets the thread’s author or a moderator mark the answer', () => {
    expect(canMarkSolved(author, { author_id: 7 }, false)).toBe(true);
    expect(canMarkSolved(other, { author_id: 7 }, false)).toBe(false);
    expect(canMarkSolved(other, { author_id: 7 }, true)).toBe(true);
  });
});

describe('posts', () => {
  it.each([
    ['Thanks @sokha-replier!', ['sokha-replier']],
    ['@a and @b, and @a again', ['a', 'b']],
    ['mail me@example.org or see https://x.org/@someone', []],
    ['ຂອບໃຈ @bounmy', ['bounmy']],
  ])('finds the handles in %j', (body, handles) => {
    expect(mentionedHandles(body)).toEqual(handles);
  });

  it('refuses a filled honeypot', () => {
    expect(() => refuseBots({ contact_website: 'http://spam' })).toThrow();
    expect(() => refuseBots({ contact_website: '' })).not.toThrow();
  });

  it.each([
    [{ body: '', lang: 'en' }, 'body'],
    [{ body: 'x', lang: 'not a language' }, 'lang'],
    [{ body: 'x'.repeat(20_001), lang: 'en' }, 'body'],
  ])('refuses a reply %#', (input, field) => {
    const parsed = replyInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });

  it.each(['-1', '86401', 'soon'])('refuses slow mode of %j seconds', (seconds) => {
    expect(threadSettingsInput.safeParse({ slow_mode_seconds: seconds }).success).toBe(false);
  });
});

describe('who changes and deletes a post', () => {
  const author = userRecord({ id: 7, role: 'member' });
  const someoneElse = userRecord({ id: 8, role: 'member' });
  const post = { id: 30, author_id: 7, hidden_at: null };
  const open = { locked: 0, merged_into_id: null, post_count: 3, opening_post_id: 10 };

  it('lets the author change a visible post of an open thread, and a moderator any', () => {
    expect(canEditPost(author, post, open, false)).toBe(true);
    expect(canEditPost(someoneElse, post, open, false)).toBe(false);
    expect(canEditPost(null, post, open, false)).toBe(false);
    expect(canEditPost(author, post, { ...open, locked: 1 }, false)).toBe(false);
    expect(canEditPost(author, { ...post, hidden_at: '2026-12-01' }, open, false)).toBe(false);
    expect(canEditPost(someoneElse, post, { ...open, locked: 1 }, true)).toBe(true);
    // A merged thread's posts live in the other thread now.
    expect(canEditPost(someoneElse, post, { ...open, merged_into_id: 2 }, true)).toBe(false);
  });

  it('keeps an opening post that has replies, even from a moderator', () => {
    expect(canDeletePost(author, post, open, false)).toBe(true);
    const opening = { ...post, id: 10 };
    expect(canDeletePost(author, opening, open, false)).toBe(false);
    expect(canDeletePost(someoneElse, opening, open, true)).toBe(false);
    expect(canDeletePost(author, opening, { ...open, post_count: 1 }, false)).toBe(true);
    expect(canDeletePost(someoneElse, post, open, false)).toBe(false);
  });
});
