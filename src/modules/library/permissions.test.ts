// The library's rules, one table each, without a database: who changes records and their files,
// who sees unpublished ones (as a predicate and as the SQL condition lists and joins use).
import { describe, expect, it } from 'vitest';
import { byRole, userRecord } from '../../../test/users.ts';
import type { Role, User } from '../../db/schema.ts';
import { canDelete, canEdit, canManageFiles, canView, seesUnpublished, visibleTo } from './permissions.ts';

const person = (id: number, role: Role = 'member'): User => userRecord({ id, role });

const creator = person(1);
const member = person(2);
const moderator = person(3, 'moderator');
const editor = person(4, 'editor');
const admin = person(5, 'admin');

type Record = { published_at: string | null; created_by: number | null };
const published: Record = { published_at: '2026-02-01T00:00:00.000Z', created_by: creator.id };
const draft: Record = { published_at: null, created_by: creator.id };
const seedDraft: Record = { published_at: null, created_by: null };

describe('who changes the library', () => {
  it.each(byRole({ visitor: false, member: false, moderator: false, editor: true, admin: true }))(
    '%s: edit, delete, manage files and see every unpublished record → %s',
    (_, user, allowed) => {
      expect(canEdit(user)).toBe(allowed);
      expect(canDelete(user)).toBe(allowed);
      expect(canManageFiles(user)).toBe(allowed);
      expect(seesUnpublished(user)).toBe(allowed);
    },
  );
});

describe('who sees a record', () => {
  it.each<[string, User | null, Record, boolean]>([
    ['a visitor, a published record', null, published, true],
    ['a visitor, a draft', null, draft, false],
    ['a member, a published record', member, published, true],
    ['a member, someone else’s draft', member, draft, false],
    ['the creator, their own draft', creator, draft, true],
    ['a moderator, a draft', moderator, draft, false],
    ['an editor, a draft', editor, draft, true],
    ['an admin, a draft of the demo content', admin, seedDraft, true],
    ['a member, a draft of the demo content', member, seedDraft, false],
  ])('%s → %s', (_, user, doc, seen) => {
    expect(canView(user, doc)).toBe(seen);
  });
});

/** The SQL of a Kysely expression (its raw parts joined), to compare the condition by shape. */
function sqlOf(expression: ReturnType<typeof visibleTo>): { text: string; values: readonly unknown[] } {
  const node = expression.toOperationNode() as unknown as {
    sqlFragments: readonly string[];
    parameters: readonly { value: unknown }[];
  };
  return { text: node.sqlFragments.join('?'), values: node.parameters.map((p) => p.value) };
}

describe('the SQL condition of the same rule', () => {
  it.each<[string, User | null, string, unknown[]]>([
    ['a visitor', null, 'documents.published_at is not null', []],
    ['a member', member, '(documents.published_at is not null or documents.created_by = ?)', [member.id]],
    ['a moderator', moderator, '(documents.published_at is not null or documents.created_by = ?)', [3]],
    ['an editor', editor, '1 = 1', []],
    ['an admin', admin, '1 = 1', []],
  ])('%s: %s', (_, user, text, values) => {
    expect(sqlOf(visibleTo(user))).toEqual({ text, values });
  });
});
