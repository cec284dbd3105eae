// The news module's rules, one table each, without a database: who sees a post at which moment,
// who writes, posts for whom, edits, comments and hides comments.
import { describe, expect, it } from 'vitest';
import { userRecord } from '../../../test/users.ts';
import type { Role, User } from '../../db/schema.ts';
import type { MemberRole } from '../directory/index.ts';
import {
  canComment,
  canEdit,
  canHideComments,
  canPostFor,
  canView,
  canWrite,
  isPublished,
  type PostAccess,
} from './permissions.ts';

const NOW = '2026-06-01T12:00:00.000Z';
const PAST = '2026-05-01T09:00:00.000Z';
const FUTURE = '2026-07-01T09:00:00.000Z';

const person = (id: number, role: Role = 'member'): User => userRecord({ id, role });

const author = person(1);
const member = person(2);
const stranger = person(3);
const editor = person(4, 'editor');
const moderator = person(5, 'moderator');
const admin = person(6, 'admin');

/** A post by `author` for organisation 10 (or the hub's own), at a publication moment. */
const post = (published_at: string | null, organisation_id: number | null = 10): PostAccess => ({
  author_id: author.id,
  organisation_id,
  published_at,
});

type Row<T extends unknown[]> = [string, ...T, boolean];

describe('isPublished', () => {
  it.each<[string | null, boolean]>([
    [null, false],
    [FUTURE, false],
    [NOW, true],
    [PAST, true],
  ])('published_at %s → %s', (at, expected) => {
    expect(isPublished({ published_at: at }, NOW)).toBe(expected);
  });
});

describe('canView', () => {
  it.each<Row<[User | null, PostAccess, MemberRole | null]>>([
    ['a visitor, a published post', null, post(PAST), null, true],
    ['a visitor, a draft', null, post(null), null, false],
    ['a visitor, a scheduled post', null, post(FUTURE), null, false],
    ['a stranger, a draft', stranger, post(null), null, false],
    ['its author, a draft', author, post(null), null, true],
    ['an editor of its organisation, a scheduled post', member, post(FUTURE), 'editor', true],
    ['an owner of its organisation, a draft', member, post(null), 'owner', true],
    ['an editor, a draft', editor, post(null), null, true],
    ['a moderator, a draft', moderator, post(null), null, false],
    ['an admin, a scheduled post', admin, post(FUTURE), null, true],
    ['a member of no organisation, the hub’s own draft', member, post(null, null), null, false],
  ])('%s → %s', (_, user, p, role, expected) => {
    expect(canView(user, p, role, NOW)).toBe(expected);
  });
});

describe('canWrite', () => {
  it.each<Row<[User | null, number]>>([
    ['a visitor', null, 0, false],
    ['a member of no organisation', member, 0, false],
    ['a member of one organisation', member, 1, true],
    ['an editor of none', editor, 0, true],
    ['a moderator of none', moderator, 0, false],
    ['an admin', admin, 0, true],
  ])('%s → %s', (_, user, memberships, expected) => {
    expect(canWrite(user, memberships)).toBe(expected);
  });
});

describe('canPostFor', () => {
  it.each<Row<[User | null, number | null, MemberRole | null]>>([
    ['a visitor, the hub', null, null, null, false],
    ['a member, the hub', member, null, null, false],
    ['an editor, the hub', editor, null, null, true],
    ['an editor of their organisation', member, 10, 'editor', true],
    ['an owner, their organisation', member, 10, 'owner', true],
    ['a member, another organisation', member, 11, null, false],
    ['an editor, an organisation not theirs', editor, 11, null, false],
  ])('%s → %s', (_, user, organisationId, role, expected) => {
    expect(canPostFor(user, organisationId, role)).toBe(expected);
  });
});

describe('canEdit', () => {
  it.each<Row<[User | null, PostAccess, MemberRole | null]>>([
    ['a visitor', null, post(PAST), null, false],
    ['a stranger', stranger, post(PAST), null, false],
    ['an editor of its organisation', member, post(PAST), 'editor', true],
    ['its author, the hub’s own post, no longer an editor', author, post(PAST, null), null, false],
    ['an editor, an organisation’s post', editor, post(PAST), null, true],
    ['a moderator', moderator, post(PAST), null, false],
  ])('%s → %s', (_, user, p, role, expected) => {
    expect(canEdit(user, p, role)).toBe(expected);
  });
});

describe('canComment', () => {
  it.each<Row<[User | null, PostAccess]>>([
    ['a visitor, a published post', null, post(PAST), false],
    ['a member, a published post', stranger, post(PAST), true],
    ['its author, its draft', author, post(null), false],
    ['an editor, a scheduled post', editor, post(FUTURE), false],
  ])('%s → %s', (_, user, p, expected) => {
    expect(canComment(user, p, NOW)).toBe(expected);
  });
});

describe('canHideComments', () => {
  it.each<Row<[User | null]>>([
    ['a visitor', null, false],
    ['a stranger', stranger, false],
    ['the post’s author', author, true],
    ['an editor', editor, true],
    ['a moderator', moderator, true],
    ['an admin', admin, true],
  ])('%s → %s', (_, user, expected) => {
    expect(canHideComments(user, post(PAST))).toBe(expected);
  });
});
