// The tables of notifications and following (migration.ts), added to the platform's Database type
// (declaration merging). See docs/notifications.md.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';

/** A member follows something: an organisation, a person, an event, a group, a country, a domain, a tag. */
export interface FollowsTable {
  user_id: number;
  /** What kind of thing (follows.ts, FOLLOW_TYPES). */
  target_type: string;
  /** Which one: a record's id, a country code, a domain code, a tag. */
  target_key: string;
  created_at: Timestamp;
}

/** One thing one member is told about. */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** `<module>.<what>`, a kind of a module's manifest (`notificationKinds`). */
  kind: string;
  /** The record it is about (`news_post`, 12): the same record is not announced twice with `once`. */
  subject_type: string;
  subject_key: string;
  /** Where the reader goes: a path on this site. */
  url: string;
  /** JSON: the values of the kind's message (titles, names), as they were when it happened. */
  params: ColumnType<string, string | undefined, string>;
  /** `public`, or the scope whose readers alone may see it (`group:12`, platform/scopes.ts). */
  scope: ColumnType<string, string | undefined, string>;
  actor_id: number | null;
  /** How it reaches the reader, decided when it was made: inbox, immediate, daily, weekly (kinds.ts). */
  delivery: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** When it went out by mail (at once, or in a digest); null while it waits, or for the inbox only. */
  mailed_at: Timestamp | null;
}

/** A member's choice for one kind; a kind without a row has its default delivery. */
export interface NotificationPreferencesTable {
  user_id: number;
  kind: string;
  delivery: string;
}

/** When a member's last daily or weekly digest went out. */
export interface NotificationDigestsTable {
  user_id: number;
  period: string;
  sent_at: Timestamp;
}

/**
 * A mail's one-click unsubscribe link (RFC 8058): only its hash is kept; it stops one thing (`what`:
 * `daily`, `weekly`, or `kind:<kind>`) and works once.
 */
export interface UnsubscribeLinksTable {
  token_hash: string;
  user_id: number;
  what: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    follows: FollowsTable;
    notifications: NotificationsTable;
    notification_preferences: NotificationPreferencesTable;
    notification_digests: NotificationDigestsTable;
    unsubscribe_links: UnsubscribeLinksTable;
  }
}
