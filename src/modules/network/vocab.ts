// The network's code lists and limits.
import type { RateLimitRule } from '../../platform/rate-limit.ts';

export const CONNECTION_STATUSES = ['pending', 'accepted'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** The note of a request and a message: short, as a note between colleagues is. */
export const REQUEST_NOTE_MAX = 500;
export const MESSAGE_MAX = 4_000;

/** Messages of a conversation per page (the newest page first, shown oldest at the top). */
export const MESSAGES_PAGE = 30;

/**
 * How often a member may write (a request, an answer, a message, a block): per account and per
 * address, so neither a flood from one account nor many accounts behind one address get through.
 * Generous for a person, too few for a script.
 */
export const WRITE_LIMITS = {
  perMember: { name: 'network-write:user', limit: 60, windowSeconds: 10 * 60 },
  perAddress: { name: 'network-write:ip', limit: 200, windowSeconds: 10 * 60 },
  /** Requests to strangers are what spam is made of: fewer of those. */
  requestsPerMember: { name: 'network-request:user', limit: 20, windowSeconds: 24 * 60 * 60 },
} satisfies Record<string, RateLimitRule>;

/** The hidden field of the network's forms: a person never fills it, a form-filling robot does. */
export { HONEYPOT_FIELD as HONEYPOT } from '../../platform/http/honeypot.ts';
