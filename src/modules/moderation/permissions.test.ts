// The moderation rules without a database: who reports, who decides, who sets the switches.
import { describe, expect, it } from 'vitest';
import { userRecord } from '../../../test/users.ts';
import { canChangeSwitches, canModerate, canReport } from './permissions.ts';

describe('the moderation roles', () => {
  it.each([
    ['member', true, false, false],
    ['editor', true, false, false],
    ['moderator', true, true, false],
    ['admin', true, true, true],
  ] as const)('%s: reports %s, moderates %s, sets the switches %s', (role, report, moderate, switches) => {
    const user = userRecord({ role });
    expect(canReport(user)).toBe(report);
    expect(canModerate(user)).toBe(moderate);
    expect(canChangeSwitches(user)).toBe(switches);
  });
});
