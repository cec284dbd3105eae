// The forums' code lists and limits, as data: who may read a category, the themes of the seeded
// categories, the reactions a post may get, page sizes, and how often a member may write.
import type { RateLimitRule } from '../../platform/rate-limit.ts';

/** Who reads a category: everyone, anyone signed in, or the members of its group only. */
export const CATEGORY_VISIBILITIES = ['public', 'members', 'group'] as const;
export type CategoryVisibility = (typeof CATEGORY_VISIBILITIES)[number];

/** The themes of the hub's categories (seeded; a category of a group has none). */
export const THEMES = ['policy', 'ip-rights', 'funding', 'training', 'markets', 'heritage'] as const;
export type Theme = (typeof THEMES)[number];

/** A small fixed set: a count per kind under each post, toggled by the reader. */
export const REACTIONS = ['like', 'thanks', 'insightful'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** Posts on a page of a thread: 500 replies are 10 pages. */
export const POSTS_PER_PAGE = 50;
/** Threads on a page of a category. */
export const THREADS_PER_PAGE = 30;
/** The longest post (Markdown). */
export const MAX_POST = 20_000;
/** The longest slow mode a moderator may set: a day. */
export const MAX_SLOW_MODE = 86_400;

/**
 * Every write of the forums counts against both: per member (a person typing fast writes a few
 * posts a minute, not 20) and per address (several accounts from one address, a script).
 */
export const WRITE_LIMITS = {
  perMember: { name: 'forums:write:user', limit: 20, windowSeconds: 5 * 60 },
  perAddress: { name: 'forums:write:ip', limit: 60, windowSeconds: 5 * 60 },
} satisfies Record<string, RateLimitRule>;

/** The platform's honeypot field (platform/http/honeypot.ts): readForm() refuses a filled one on pages, refuseBots() in API bodies. */
export { HONEYPOT_FIELD } from '../../platform/http/honeypot.ts';
