// The one gate every write of the network goes through (ensureMayWrite): the member must be signed
// in, and within the rate limits of vocab.ts, per account and per address.

import type { User } from '../../db/schema.ts';
import { type ActionContext, actingUser } from '../../platform/actions.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { countOrRefuse, type RateLimitRule, type RateLimitState } from '../../platform/rate-limit.ts';
import { ensureMayPost, type PostContent } from '../moderation/index.ts';
import { WRITE_LIMITS } from './vocab.ts';

/** Past a limit: 429, and how long to wait in Retry-After. */
const tooMany = (state: RateLimitState) =>
  new HttpError(429, 'network.rateLimited', undefined, { 'Retry-After': String(state.retryAfter) });

/**
 * The member who writes (a request, an answer, a message, a block), or a refusal: 401 for a
 * visitor, 403 for a suspended member's text, 429 past a limit. The demo seed writes without limits.
 */
export async function ensureMayWrite(
  ctx: ActionContext,
  extra: RateLimitRule[] = [],
  post?: PostContent,
): Promise<User> {
  const user = actingUser(ctx);
  if (ctx.via === 'seed') return user;
  // A text others read (a message, a request's note): a suspended member may not send it, and a
  // new member's links and posts per hour are limited (docs/moderation.md). Blocks and answers are not posts.
  if (post) await ensureMayPost(ctx, post);
  const checks: [RateLimitRule, string][] = [
    ...extra.map((rule): [RateLimitRule, string] => [rule, String(user.id)]),
    [WRITE_LIMITS.perMember, String(user.id)],
  ];
  if (ctx.ip) checks.push([WRITE_LIMITS.perAddress, ctx.ip]);
  await countOrRefuse(ctx.deps.db, checks, tooMany);
  return user;
}
