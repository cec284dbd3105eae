// The rules around an event's roster without a database: who manages it, who sees the figures, a
// certificate, the networking page and the feedback, and which rows the organisers may change.
import { describe, expect, it } from 'vitest';
import { userRecord } from '../../../../test/users.ts';
import type { EventStatus } from '../vocab.ts';
import {
  canAnswerFeedback,
  canManageRoster,
  canSeeCertificate,
  canSeeFeedbackSummary,
  canSeeFigures,
  canSeeNetworking,
  feedbackIsOpen,
  isEnteredByOrganisers,
  managesRoster,
} from './permissions.ts';

const member = userRecord({ id: 7 });
const editor = userRecord({ id: 8, role: 'editor' });
const admin = userRecord({ id: 9, role: 'admin' });
const event = (status: EventStatus) => ({ status, ends_on: '2024-09-13' });

describe('managing the roster', () => {
  it.each([
    ['a visitor', null, false, false],
    ['a member', member, false, false],
    ['a member of an organiser organisation', member, true, true],
    ['an editor of the hub', editor, false, true],
    ['an administrator', admin, false, true],
  ])('%s (organiser: %s) → %s', (_case, user, organiser, allowed) => {
    expect(canManageRoster(user, organiser)).toBe(allowed);
    if (user) expect(managesRoster(organiser)(user)).toBe(allowed);
  });
});

describe('the key figures', () => {
  it.each([
    ['a visitor, event held', null, 'held', false, true],
    ['a visitor, event announced', null, 'announced', false, false],
    ['a member, registration open', member, 'registration_open', false, false],
    ['an organiser, registration open', member, 'registration_open', true, true],
    ['an editor, a draft', editor, 'draft', false, true],
  ] as const)('%s → %s', (_case, user, status, organiser, allowed) => {
    expect(canSeeFigures(user, event(status), organiser)).toBe(allowed);
  });
});

describe('a certificate of attendance', () => {
  const own = { user_id: member.id, daysPresent: 0 };
  const present = { user_id: member.id, daysPresent: 2 };
  const someoneElse = { user_id: 99, daysPresent: 3 };
  it.each([
    ['one’s own, event held, no check-in used', member, 'held', own, false, true],
    ['one’s own, event not yet held', member, 'announced', own, false, false],
    ['one’s own, check-in used, never checked in', member, 'held', own, true, false],
    ['one’s own, check-in used, present two days', member, 'held', present, true, true],
    ['someone else’s', member, 'held', someoneElse, false, false],
    ['a visitor', null, 'held', own, false, false],
    ['an editor, anyone’s, any time', editor, 'announced', someoneElse, true, true],
  ] as const)('%s → %s', (_case, user, status, participant, checkinUsed, allowed) => {
    expect(canSeeCertificate(user, event(status), false, participant, checkinUsed)).toBe(allowed);
  });
});

describe('the networking page', () => {
  it.each([
    ['a visitor', null, false, false, false],
    ['a member not on the roster', member, false, false, false],
    ['a participant', member, false, true, true],
    ['an organiser not on the roster', member, true, false, true],
  ])('%s → %s', (_case, user, organiser, onRoster, allowed) => {
    expect(canSeeNetworking(user, organiser, onRoster)).toBe(allowed);
  });
});

describe('feedback', () => {
  it.each([
    ['held', '2024-09-01', true],
    ['announced, before the last day', '2024-09-12', false],
    ['announced, on the last day', '2024-09-13', true],
    ['cancelled, after the last day', '2024-10-01', false],
    ['draft, after the last day', '2024-10-01', false],
  ] as const)('an event %s, today %s → open: %s', (label, today, open) => {
    const status = label.split(',')[0] as EventStatus;
    expect(feedbackIsOpen(event(status), today)).toBe(open);
    expect(canAnswerFeedback(member, true, event(status), today)).toBe(open);
    expect(canAnswerFeedback(member, false, event(status), today)).toBe(false);
    expect(canAnswerFeedback(null, true, event(status), today)).toBe(false);
  });

  it.each([
    ['an organiser, summary private', member, true, false, true],
    ['a visitor, event held, summary private', null, false, false, false],
    ['a visitor, event held, summary public', null, false, true, true],
  ])('the summary: %s → %s', (_case, user, organiser, isPublic, allowed) => {
    expect(canSeeFeedbackSummary(user, event('held'), organiser, isPublic)).toBe(allowed);
  });
});

describe('rows the organisers may change', () => {
  it.each([
    ['entered by the organisers', null, true],
    ['made from an accepted application', 12, false],
  ])('a row %s → %s', (_case, registrationId, allowed) => {
    expect(isEnteredByOrganisers({ registration_id: registrationId })).toBe(allowed);
  });
});
