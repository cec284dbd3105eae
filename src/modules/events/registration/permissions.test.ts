// Registration's rules, one table each, without a database: who sets registration up, who reviews
// and judges, who sees an application, when applying is refused and why, and until when an
// applicant may withdraw.
import { describe, expect, it } from 'vitest';
import { userRecord } from '../../../../test/users.ts';
import type { User } from '../../../db/schema.ts';
import type { EventRow } from '../access.ts';
import {
  type ApplyRefusal,
  applyRefusal,
  canJudge,
  canManage,
  canReview,
  canSeeApplication,
  canWithdraw,
  closesAt,
} from './permissions.ts';
import type { RegistrationStatus } from './vocab.ts';

const member = userRecord({ id: 2 });
const editor = userRecord({ id: 4, role: 'editor' });

const event = (changes: Partial<EventRow> = {}) =>
  ({
    status: 'registration_open',
    starts_on: '2031-03-10',
    start_time: '09:00',
    time_zone: 'Asia/Vientiane',
    ...changes,
  }) as EventRow;

describe('setting up and reviewing', () => {
  it.each<[string, User | null, boolean, boolean, boolean, boolean]>([
    ['a visitor', null, false, false, false, false],
    ['a member', member, false, false, false, false],
    ['a member asked to review', member, false, true, false, true],
    ['a member of an organiser', member, true, false, true, true],
    ['an editor', editor, false, false, true, true],
  ])('%s: manages %s, reviews', (_, user, organiser, reviewer, manages, reviews) => {
    expect(canManage(user, organiser)).toBe(manages);
    expect(canReview(user, organiser, reviewer)).toBe(reviews);
  });

  it.each([
    ['someone else’s application', 9, true],
    ['one’s own application', 4, false],
  ])('judging %s: %s', (_, applicant, allowed) => {
    expect(canJudge(editor, { user_id: applicant })).toBe(allowed);
  });

  it.each<[string, User | null, number, boolean, boolean]>([
    ['a visitor', null, 2, true, false],
    ['the applicant', member, 2, false, true],
    ['a stranger', member, 9, false, false],
    ['a reviewer', member, 9, true, true],
  ])('%s sees the application: %s', (_, user, applicant, mayReview, allowed) => {
    expect(canSeeApplication(user, { user_id: applicant }, mayReview)).toBe(allowed);
  });
});

describe('applying', () => {
  const now = new Date('2031-01-01T00:00:00Z');
  const settings = (
    changes: { mode?: 'open' | 'application' | 'invitation'; deadline?: string | null } = {},
  ) => ({
    mode: 'application' as const,
    deadline: null,
    ...changes,
  });

  it.each<[string, Partial<EventRow>, ReturnType<typeof settings> | undefined, boolean, ApplyRefusal | null]>(
    [
      ['an open selection', {}, settings(), false, null],
      ['an event without registration', {}, undefined, false, 'noRegistration'],
      ['an event not open', { status: 'announced' }, settings(), false, 'notOpen'],
      ['after the deadline', {}, settings({ deadline: '2030-12-31T00:00:00.000Z' }), false, 'deadlinePassed'],
      [
        'after the start, without a deadline',
        { starts_on: '2030-12-01' },
        settings(),
        false,
        'deadlinePassed',
      ],
      ['invitation only, not invited', {}, settings({ mode: 'invitation' }), false, 'notInvited'],
      ['invitation only, invited', {}, settings({ mode: 'invitation' }), true, null],
    ],
  )('%s', (_, changes, given, invited, refusal) => {
    expect(applyRefusal(event(changes), given, { now, invited })).toBe(refusal);
  });

  it('closes at the deadline, or when the event starts in its own zone', () => {
    expect(closesAt(event(), { deadline: '2031-02-20T10:00:00.000Z' }).toISOString()).toBe(
      '2031-02-20T10:00:00.000Z',
    );
    // 09:00 in Vientiane (UTC+7).
    expect(closesAt(event(), { deadline: null }).toISOString()).toBe('2031-03-10T02:00:00.000Z');
  });
});

describe('withdrawing', () => {
  const before = new Date('2031-03-01T00:00:00Z');
  const after = new Date('2031-03-11T00:00:00Z');
  it.each<[RegistrationStatus, Date, boolean]>([
    ['submitted', before, true],
    ['accepted', before, true],
    ['waitlisted', before, true],
    ['draft', before, false],
    ['declined', before, false],
    ['withdrawn', before, false],
    ['accepted', after, false],
  ])('%s, %s: %s', (status, now, allowed) => {
    expect(canWithdraw(event(), status, now)).toBe(allowed);
  });
});
