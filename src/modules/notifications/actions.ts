// The writes of the notifications module: following, marking read, preferences, unsubscribing.
// They concern only the member's own settings, so they leave no audit entry (as changing one's
// language does not): the log is for what people do to shared records.

import { isLocale } from '../../locales/index.ts';
import { type ActionContext, actingUser, transact } from '../../platform/actions.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { formatters, translator } from '../../platform/i18n.ts';
import {
  type FollowedThing,
  type FollowTarget,
  follow,
  followablesOf,
  normaliseTag,
  unfollow,
} from '../../platform/notifications/follows.ts';
import { markRead } from '../../platform/notifications/inbox.ts';
import { type Delivery, notificationKinds } from '../../platform/notifications/kinds.ts';
import { setDelivery } from './preferences.ts';

/** The thing `target` names as the acting member may see it; 404 when there is none. */
export async function followedThing(ctx: ActionContext, target: FollowTarget): Promise<FollowedThing> {
  const followable = followablesOf(ctx.deps.modules).get(target.type);
  const locale = isLocale(ctx.locale) ? ctx.locale : ctx.deps.config.defaultLocale;
  const words = {
    t: translator(locale),
    fmt: formatters(locale, ctx.timeZone ?? ctx.deps.config.defaultTimeZone),
  };
  const thing = await followable?.find(ctx.deps.db, target.key, ctx.user, words);
  if (!thing) throw new HttpError(404, 'notifications.nothingToFollow');
  return thing;
}

/** Starts or stops following `target`; what it is. */
export async function setFollowing(
  ctx: ActionContext,
  target: FollowTarget,
  following: boolean,
): Promise<FollowedThing> {
  const user = actingUser(ctx);
  const key = target.type === 'tag' ? normaliseTag(target.key) : target.key;
  const clean = { type: target.type, key };
  // Stopping needs no look-up: one may stop following what one can no longer see.
  if (!following) {
    await unfollow(ctx.deps.db, user.id, clean);
    return { title: key, url: '/notifications/following' };
  }
  const thing = await followedThing(ctx, clean);
  await follow(ctx.deps.db, user.id, clean);
  return thing;
}

export async function markNotificationsRead(ctx: ActionContext, ids: number[] | 'all'): Promise<number> {
  const user = actingUser(ctx);
  return markRead(ctx.deps.db, user.id, ids);
}

/** Saves the member's delivery for each kind named; unknown kinds are refused (422). */
export async function savePreferences(ctx: ActionContext, choices: Record<string, Delivery>): Promise<void> {
  const user = actingUser(ctx);
  const kinds = notificationKinds(ctx.deps.modules);
  const unknown = Object.keys(choices).filter((kind) => !kinds.has(kind));
  if (unknown.length > 0)
    throw HttpError.invalid(Object.fromEntries(unknown.map((k) => [k, 'form.invalid'])));
  await transact(ctx, async (trx) => {
    for (const [kind, delivery] of Object.entries(choices)) await setDelivery(trx, user.id, kind, delivery);
  });
}
