// The network's rules without a database: who answers, withdraws or removes a connection, and how
// a pair is stored; and the layout of the drawing (every group inside the picture).
import { describe, expect, it } from 'vitest';
import { userRecord } from '../../../test/users.ts';
import { canAnswer, canRemove, canWithdraw, isParty, otherOf, pairOf } from './permissions.ts';
import { layout } from './views/network-graph.tsx';

const asker = userRecord({ id: 3 });
const asked = userRecord({ id: 7 });
const stranger = userRecord({ id: 9 });
const pending = { ...pairOf(3, 7), requester_id: 3, status: 'pending' };
const accepted = { ...pending, status: 'accepted' };

describe('a connection between two members', () => {
  it('is stored as one pair whoever asked', () => {
    expect(pairOf(7, 3)).toEqual(pairOf(3, 7));
    expect(otherOf(3, pairOf(3, 7))).toBe(7);
    expect(otherOf(7, pairOf(3, 7))).toBe(3);
  });

  it.each([
    ['the member asked', asked, true, false, true],
    ['the member who asked', asker, false, true, true],
    ['a stranger', stranger, false, false, false],
    ['a visitor', null, false, false, false],
  ])('%s: answers %s, withdraws %s, removes once accepted %s', (_who, user, answers, withdraws, removes) => {
    expect(canAnswer(user, pending)).toBe(answers);
    expect(canWithdraw(user, pending)).toBe(withdraws);
    expect(canRemove(user, accepted)).toBe(removes);
    expect(isParty(user, pending)).toBe(removes);
  });

  it('cannot be answered or withdrawn once accepted, nor removed while pending', () => {
    expect(canAnswer(asked, accepted)).toBe(false);
    expect(canWithdraw(asker, accepted)).toBe(false);
    expect(canRemove(asker, pending)).toBe(false);
  });
});

describe('the drawing of an event’s network', () => {
  it('keeps every group, with its label, inside the picture', () => {
    const groups = Array.from({ length: 15 }, (_, i) => ({
      key: `g${i}`,
      country: 'TH',
      kind: null,
      count: 15 - i,
    }));
    for (const p of layout(groups).values()) {
      expect(p.x - p.r).toBeGreaterThanOrEqual(0);
      expect(p.x + p.r).toBeLessThanOrEqual(400);
      expect(p.y - p.r).toBeGreaterThanOrEqual(0);
      expect(p.y + p.r + 16).toBeLessThanOrEqual(400);
    }
  });
});
