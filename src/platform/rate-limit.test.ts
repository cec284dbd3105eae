import { describe, expect, it } from 'vitest';
import { platformForFile } from '../../test/harness.ts';
import { clearRateLimit, hitRateLimit, isRateLimited } from './rate-limit.ts';

const hub = await platformForFile();

describe('rate limits', () => {
  const rule = { name: 'test', limit: 3, windowSeconds: 600 };

  it('counts hits per subject in the database and blocks above the limit', async () => {
    const db = hub.deps.db;
    expect((await isRateLimited(db, rule, 'a')).blocked).toBe(false);
    for (let i = 0; i < 3; i++) expect((await hitRateLimit(db, rule, 'a')).blocked).toBe(false);
    const over = await hitRateLimit(db, rule, 'a');
    expect(over.blocked).toBe(true);
    expect(over.retryAfter).toBeGreaterThan(0);
    expect(over.retryAfter).toBeLessThanOrEqual(600);
    expect((await isRateLimited(db, rule, 'a')).blocked).toBe(true);
    expect((await isRateLimited(db, rule, 'b')).blocked).toBe(false);
    await clearRateLimit(db, rule, 'a');
    expect((await isRateLimited(db, rule, 'a')).blocked).toBe(false);
  });

  it('starts counting again in a new window', async () => {
    const db = hub.deps.db;
    for (let i = 0; i < 4; i++) await hitRateLimit(db, rule, 'old');
    await db
      .updateTable('rate_limits')
      .set({ window_start: '2000-01-01T00:00:00.000Z' })
      .where('key', '=', 'test:old')
      .execute();
    expect((await isRateLimited(db, rule, 'old')).blocked).toBe(false);
    expect((await hitRateLimit(db, rule, 'old')).blocked).toBe(false);
  });
});
