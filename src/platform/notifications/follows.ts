// Following: a member follows an organisation, a person, an event, a group, a forum category or
// thread, a country, a domain or a tag, and is then notified of what happens there (notify.ts,
// `to.followersOf`). Each kind of thing
// is a Followable: the platform's own are countries, domains and tags (vocabularies, free text);
// modules bring their records' (`followables` in a manifest) the way they bring reportables.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { isCountryCode } from '../countries.ts';
import type { Formatters, MessageKey, Translator } from '../i18n.ts';
import { nowIso } from '../time.ts';
import { DOMAINS, type Domain } from '../vocabularies.ts';
import './tables.ts';

type Db = Kysely<Database>;

export const FOLLOW_TYPES = [
  'organisation',
  'person',
  'event',
  'group',
  'country',
  'domain',
  'tag',
  'forum-category',
  'forum-thread',
] as const;
export type FollowType = (typeof FOLLOW_TYPES)[number];
export const isFollowType = (value: unknown): value is FollowType =>
  FOLLOW_TYPES.includes(value as FollowType);

export interface FollowTarget {
  type: FollowType;
  key: string;
}

/** What a followed thing is called and where it lives, as `viewer` may see it. */
export interface FollowedThing {
  title: string;
  url: string;
}

/** The reader's language, for names of vocabularies and countries. */
export interface Words {
  t: Translator;
  fmt: Formatters;
}

export interface Followable {
  type: FollowType;
  /** "Organisation", "Country"… on the list of what one follows. */
  label: MessageKey;
  /** The thing named `key` as `viewer` may see it; null when there is none (or not for them). */
  find(db: Db, key: string, viewer: User | null, words: Words): Promise<FollowedThing | null>;
}

/** Tags are free text: one line, at most 60 characters, compared in lower case. */
export const normaliseTag = (tag: string) => tag.trim().toLowerCase();
const TAG = /^[^\p{Cc}]{1,60}$/u;

export const platformFollowables: Followable[] = [
  {
    type: 'country',
    label: 'follow.target.country',
    find: async (_db, key, _viewer, { fmt }) =>
      isCountryCode(key) ? { title: fmt.country(key), url: `/library?country=${key}` } : null,
  },
  {
    type: 'domain',
    label: 'follow.target.domain',
    find: async (_db, key, _viewer, { t }) =>
      (DOMAINS as readonly string[]).includes(key)
        ? { title: t(`vocab.domain.${key as Domain}`), url: `/library?domain=${key}` }
        : null,
  },
  {
    type: 'tag',
    label: 'follow.target.tag',
    find: async (_db, key) =>
      TAG.test(key) ? { title: `#${key}`, url: `/news?tag=${encodeURIComponent(key)}` } : null,
  },
];

export const followablesOf = (modules: readonly { followables?: readonly Followable[] }[]) =>
  new Map<string, Followable>(
    [...platformFollowables, ...modules.flatMap((m) => m.followables ?? [])].map((f) => [f.type, f]),
  );

export async function isFollowing(
  db: Db,
  userId: number | undefined,
  target: FollowTarget,
): Promise<boolean> {
  if (userId === undefined) return false;
  const row = await db
    .selectFrom('follows')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('target_type', '=', target.type)
    .where('target_key', '=', target.key)
    .executeTakeFirst();
  return !!row;
}

export async function follow(db: Db, userId: number, target: FollowTarget): Promise<void> {
  await db
    .insertInto('follows')
    .values({ user_id: userId, target_type: target.type, target_key: target.key, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['user_id', 'target_type', 'target_key']).doNothing())
    .execute();
}

export async function unfollow(db: Db, userId: number, target: FollowTarget): Promise<void> {
  await db
    .deleteFrom('follows')
    .where('user_id', '=', userId)
    .where('target_type', '=', target.type)
    .where('target_key', '=', target.key)
    .execute();
}

/** What `userId` follows, newest first. */
export const followsOf = (db: Db, userId: number) =>
  db
    .selectFrom('follows')
    .select(['target_type', 'target_key', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
