// The limits on what a new member may post, which admins set on /moderation/members: how long an
// account counts as new, posts per hour, links per post, and how long before images may be posted.
// They live in the settings table (one row per key) so that every process reads the same values.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { integer } from '../../../platform/http/fields.ts';

export const postingLimitsSchema = z.object({
  /** An account younger than this many days is new (0: no account is). */
  new_member_days: integer({ min: 0, max: 365 }, 'moderation.limitOutOfRange'),
  /** Posts (threads, replies, comments, messages) a new member may send in an hour. */
  posts_per_hour: integer({ min: 1, max: 1000 }, 'moderation.limitOutOfRange'),
  /** Links in one post of a new member. */
  links_per_post: integer({ min: 0, max: 100 }, 'moderation.limitOutOfRange'),
  /** Hours after signing up before a member may post images ("no images on the first day"). */
  images_after_hours: integer({ min: 0, max: 24 * 30 }, 'moderation.limitOutOfRange'),
});
export type PostingLimits = z.infer<typeof postingLimitsSchema>;

/** What a hub that never changed them gets: strict enough for the spam that finds new hubs. */
export const DEFAULT_POSTING_LIMITS: PostingLimits = {
  new_member_days: 3,
  posts_per_hour: 10,
  links_per_post: 2,
  images_after_hours: 24,
};

const KEYS = Object.keys(DEFAULT_POSTING_LIMITS) as (keyof PostingLimits)[];
const settingKey = (name: keyof PostingLimits) => `posting.${name}`;

export async function readPostingLimits(db: Kysely<Database>): Promise<PostingLimits> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', KEYS.map(settingKey))
    .execute();
  const limits = { ...DEFAULT_POSTING_LIMITS };
  for (const name of KEYS) {
    const row = rows.find((r) => r.key === settingKey(name));
    const value = row ? Number(row.value) : Number.NaN;
    if (Number.isInteger(value)) limits[name] = value;
  }
  return limits;
}

/** The settings rows of `limits` (written by the action in one transaction with its audit entry). */
export function postingLimitRows(limits: PostingLimits): { key: string; value: string }[] {
  return KEYS.map((name) => ({ key: settingKey(name), value: String(limits[name]) }));
}
