// The QPR's rules without a database: who coordinates, who sees a draft, who writes a section,
// who validates, who brings and changes civil-society inputs.
import { describe, expect, it } from 'vitest';
import type { User } from '../../db/schema.ts';
import {
  canBringInputs,
  canEditInput,
  canEditSection,
  canSeeInput,
  canSetStatus,
  canView,
  isCoordinator,
  type ReportRole,
} from './permissions.ts';

const user = (id: number, role: User['role'] = 'member', disabled = false) =>
  ({ id, role, disabled_at: disabled ? '2026-01-01T00:00:00Z' : null }) as User;
const role = (u: User | null, over: Partial<ReportRole> = {}): ReportRole => ({
  user: u,
  coordinator: false,
  assigned: [],
  organisations: [],
  ...over,
});
const draft = { status: 'draft', published: 0 };

describe('the coordinator', () => {
  it.each([
    ['an admin', user(1, 'admin'), [], true],
    ['a focal point of the country', user(2), ['LA'], true],
    ['a focal point of another country', user(3), ['TH'], false],
    ['an editor of the hub', user(4, 'editor'), [], false],
    ['a disabled focal point', user(5, 'member', true), ['LA'], false],
    ['a visitor', null, [], false],
  ] as const)('%s: %s', (_name, u, focal, expected) => {
    expect(isCoordinator(u, 'LA', focal)).toBe(expected);
  });
});

describe('a draft and its sections', () => {
  const me = user(7);
  it.each([
    ['the team (coordinator)', role(me, { coordinator: true }), draft, true],
    ['the team (contributor)', role(me, { assigned: ['summary'] }), draft, true],
    ['a civil-society member', role(me, { organisations: [3] }), draft, false],
    ['a visitor, submitted but not published', role(null), { status: 'submitted', published: 0 }, false],
    ['a visitor, submitted and published', role(null), { status: 'submitted', published: 1 }, true],
  ] as const)('seen by %s: %s', (_name, r, report, expected) => {
    expect(canView(report, r)).toBe(expected);
  });

  it('is written by its assignee and the coordinators; validated by coordinators only', () => {
    const mine = { assignee_id: 7 };
    const theirs = { assignee_id: 8 };
    expect(canEditSection(role(me, { assigned: ['a'] }), mine)).toBe(true);
    expect(canEditSection(role(me, { assigned: ['a'] }), theirs)).toBe(false);
    expect(canEditSection(role(me, { coordinator: true }), theirs)).toBe(true);
    expect(canSetStatus(role(me, { assigned: ['a'] }), mine, 'review')).toBe(true);
    expect(canSetStatus(role(me, { assigned: ['a'] }), mine, 'validated')).toBe(false);
    expect(canSetStatus(role(me, { coordinator: true }), theirs, 'validated')).toBe(true);
  });
});

describe('civil-society inputs', () => {
  const me = user(9);
  const ours = { organisation_id: 3, status: 'submitted' };
  it('are brought by members of the country’s organisations and changed by them until decided', () => {
    expect(canBringInputs(role(me, { organisations: [3] }))).toBe(true);
    expect(canBringInputs(role(me))).toBe(false);
    expect(canEditInput(role(me, { organisations: [3] }), ours)).toBe(true);
    expect(canEditInput(role(me, { organisations: [4] }), ours)).toBe(false);
    expect(canEditInput(role(me, { organisations: [3] }), { ...ours, status: 'accepted' })).toBe(false);
  });

  it('are seen by their organisation, and by coordinators once sent', () => {
    expect(canSeeInput(role(me, { coordinator: true }), { ...ours, status: 'draft' })).toBe(false);
    expect(canSeeInput(role(me, { coordinator: true }), ours)).toBe(true);
    expect(canSeeInput(role(me, { organisations: [4] }), ours)).toBe(false);
  });
});
