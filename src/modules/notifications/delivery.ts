// Notifications by mail: each one "at once" (the job notifications.mail, every minute), and the daily
// and weekly digests (notifications.digests, every 15 minutes: each member's digest goes out once
// their own morning has come, DIGEST_HOUR in their time zone, Mondays for the weekly one). Mail is
// written in the reader's language and zone, grouped by kind, and carries a one-click unsubscribe
// link (List-Unsubscribe and List-Unsubscribe-Post, RFC 8058; unsubscribe.ts). Content of a private
// group goes out only while the reader still reads that group.
import { TZDate } from '@date-fns/tz';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { Locale } from '../../locales/index.ts';
import type { AppDeps } from '../../platform/context.ts';
import {
  accountLocale,
  formatters,
  type MessageKey,
  type Translator,
  translator,
} from '../../platform/i18n.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { type DigestPeriod, notificationKinds } from '../../platform/notifications/kinds.ts';
import { readableScopes } from '../../platform/scopes.ts';
import { siteName } from '../../platform/site/index.ts';
import { isTimeZone } from '../../platform/time.ts';
import { findUserById } from '../accounts/index.ts';
import { messageOf, paramsOf } from './listing.ts';
import { newUnsubscribePath } from './unsubscribe.ts';

type Db = Kysely<Database>;

/** A digest goes out from this hour of the reader's morning (their time zone). */
export const DIGEST_HOUR = 7;
const BATCH = 200;

interface Reader {
  user: User;
  locale: Locale;
  zone: string;
  t: Translator;
  readable: Set<string>;
}

async function readerOf(deps: AppDeps, user: User): Promise<Reader> {
  const locale = accountLocale(user, deps.config.defaultLocale);
  const zone = user.time_zone && isTimeZone(user.time_zone) ? user.time_zone : deps.config.defaultTimeZone;
  return {
    user,
    locale,
    zone,
    t: translator(locale),
    readable: new Set(await readableScopes(deps, user)),
  };
}

const mayRead = (reader: Reader, scope: string) => scope === 'public' || reader.readable.has(scope);

/** The headers of a mail with a one-click unsubscribe link (RFC 8058). */
function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

type Row = Awaited<ReturnType<typeof pendingRows>>[number];

function pendingRows(db: Db, delivery: string, userIds?: number[]) {
  let q = db
    .selectFrom('notifications')
    .selectAll()
    .where('delivery', '=', delivery)
    .where('mailed_at', 'is', null)
    .orderBy('id')
    .limit(BATCH);
  if (userIds) q = q.where('user_id', 'in', userIds);
  return q.execute();
}

async function markMailed(db: Db, ids: number[], now: string): Promise<void> {
  if (ids.length > 0)
    await db.updateTable('notifications').set({ mailed_at: now }).where('id', 'in', ids).execute();
}

/** Mails every notification whose reader chose "mail at once"; how many mails were queued. */
export async function mailImmediate(deps: AppDeps, now: Date = new Date()): Promise<number> {
  const kinds = notificationKinds(deps.modules);
  const { baseUrl } = deps.config;
  const at = now.toISOString();
  let queued = 0;
  for (;;) {
    const rows = await pendingRows(deps.db, 'immediate');
    if (rows.length === 0) return queued;
    const readers = new Map<number, Reader | null>();
    for (const row of rows) {
      if (!readers.has(row.user_id)) {
        const user = await findUserById(deps.db, row.user_id);
        readers.set(row.user_id, user && !user.disabled_at ? await readerOf(deps, user) : null);
      }
    }
    await deps.db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const reader = readers.get(row.user_id);
        if (reader && mayRead(reader, row.scope)) {
          const { t } = reader;
          const site = siteName(deps, reader.locale);
          const message = messageOf(kinds, t, { kind: row.kind, params: paramsOf(row.params) });
          const unsubscribe = baseUrl + (await newUnsubscribePath(trx, row.user_id, `kind:${row.kind}`, at));
          const label = kinds.get(row.kind)?.label;
          await enqueueMail(trx, {
            to: reader.user.email,
            subject: `${message} · ${site}`,
            text: [
              message,
              baseUrl + row.url,
              '',
              '—',
              t('notifications.mail.why', { kind: label ? t(label) : row.kind, site }),
              t('notifications.mail.settings', { url: `${baseUrl}/notifications/settings` }),
              t('notifications.mail.unsubscribeKind', { url: unsubscribe }),
            ].join('\n'),
            headers: unsubscribeHeaders(unsubscribe),
          });
          queued++;
        }
      }
      await markMailed(
        trx,
        rows.map((r) => r.id),
        at,
      );
    });
  }
}

/** The start of the digest slot `now` falls in, in `zone`: today's (or Monday's) DIGEST_HOUR, or the one before. */
export function digestSlot(period: DigestPeriod, zone: string, now: Date): Date {
  const local = new TZDate(now.getTime(), zone);
  let day = local.getDate();
  if (period === 'weekly') day -= (local.getDay() + 6) % 7;
  let slot = new TZDate(local.getFullYear(), local.getMonth(), day, DIGEST_HOUR, 0, 0, zone);
  if (slot.getTime() > now.getTime())
    slot = new TZDate(
      local.getFullYear(),
      local.getMonth(),
      day - (period === 'weekly' ? 7 : 1),
      DIGEST_HOUR,
      0,
      0,
      zone,
    );
  return new Date(slot.getTime());
}

/** Sends every daily and weekly digest that is due at `now`; how many went out. */
export async function sendDueDigests(deps: AppDeps, now: Date = new Date()): Promise<number> {
  let sent = 0;
  for (const period of ['daily', 'weekly'] as const) {
    const waiting = await deps.db
      .selectFrom('notifications')
      .select('user_id')
      .distinct()
      .where('delivery', '=', period)
      .where('mailed_at', 'is', null)
      .execute();
    for (const { user_id } of waiting) if (await sendDigest(deps, user_id, period, now)) sent++;
  }
  return sent;
}

/** The digest of `userId` for `period`, if it is due; whether one went out. */
export async function sendDigest(
  deps: AppDeps,
  userId: number,
  period: DigestPeriod,
  now: Date,
): Promise<boolean> {
  const user = await findUserById(deps.db, userId);
  if (!user) return false;
  const reader = await readerOf(deps, user);
  const slot = digestSlot(period, reader.zone, now);
  const last = await deps.db
    .selectFrom('notification_digests')
    .select('sent_at')
    .where('user_id', '=', userId)
    .where('period', '=', period)
    .executeTakeFirst();
  if (last && new Date(last.sent_at).getTime() >= slot.getTime()) return false;

  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const rows: Row[] = [];
    for (let batch = await pendingRows(trx, period, [userId]); batch.length > 0; ) {
      rows.push(...batch);
      await markMailed(
        trx,
        batch.map((r) => r.id),
        at,
      );
      batch = await pendingRows(trx, period, [userId]);
    }
    const shown = user.disabled_at ? [] : rows.filter((r) => mayRead(reader, r.scope));
    await trx
      .insertInto('notification_digests')
      .values({ user_id: userId, period, sent_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'period']).doUpdateSet({ sent_at: at }))
      .execute();
    if (shown.length === 0) return false;
    await enqueueMail(trx, await digestMail(deps, trx, reader, period, shown, at));
    return true;
  });
}

async function digestMail(
  deps: AppDeps,
  db: Db,
  reader: Reader,
  period: DigestPeriod,
  rows: Row[],
  at: string,
) {
  const { t, locale, zone } = reader;
  const { baseUrl } = deps.config;
  const kinds = notificationKinds(deps.modules);
  const fmt = formatters(locale, zone);
  const byKind = new Map<string, Row[]>();
  for (const row of rows) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row]);
  const unsubscribe = baseUrl + (await newUnsubscribePath(db, reader.user.id, period, at));
  const sections = [...byKind].map(([kind, list]) => {
    const label = kinds.get(kind)?.label;
    const lines = list.map(
      (r) =>
        `• ${messageOf(kinds, t, { kind: r.kind, params: paramsOf(r.params) })} (${fmt.date(r.created_at)})\n  ${baseUrl}${r.url}`,
    );
    return [label ? t(label) : kind, ...lines].join('\n');
  });
  const subjectKey: MessageKey =
    period === 'daily' ? 'notifications.digest.dailySubject' : 'notifications.digest.weeklySubject';
  return {
    to: reader.user.email,
    subject: t(subjectKey, { count: rows.length, site: siteName(deps, locale) }),
    text: [
      t('notifications.digest.greeting', { name: reader.user.name }),
      '',
      sections.join('\n\n'),
      '',
      '—',
      t('notifications.mail.inbox', { url: `${baseUrl}/notifications` }),
      t('notifications.mail.settings', { url: `${baseUrl}/notifications/settings` }),
      t(period === 'daily' ? 'notifications.mail.unsubscribeDaily' : 'notifications.mail.unsubscribeWeekly', {
        url: unsubscribe,
      }),
    ].join('\n'),
    headers: unsubscribeHeaders(unsubscribe),
  };
}
