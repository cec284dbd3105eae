// The events module's tables, added to the platform's Database type (declaration merging).
// Registration, applications and participants come later as tables of their own that point to
// events.id (see docs/events.md); nothing here has to change for them.
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { EventFormat, EventStatus, EventType, ItemKind, ItemRole, OrganisationRole } from './vocab.ts';

export interface EventsTable {
  id: Generated<number>;
  slug: string;
  type: EventType;
  format: EventFormat;
  title: string;
  /** Markdown. */
  description: string;
  /** Language title and description are written in (BCP 47). */
  lang: string;
  /** A place of the directory, or (venue_name, address) written out. */
  venue_organisation_id: number | null;
  venue_name: string | null;
  address: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** IANA time zone every local date and time of the event is read in. */
  time_zone: string;
  /** Local dates (YYYY-MM-DD) in the event's zone. */
  starts_on: string;
  ends_on: string;
  /** Local times (HH:MM) on the first and last day; both null for an all-day event. */
  start_time: string | null;
  end_time: string | null;
  status: EventStatus;
  online_url: string | null;
  created_by: number | null;
  created_at: Timestamp;
  /** The day the retention rule removed its applications' answers and people's names (retention.ts). */
  personal_data_removed_on: string | null;
  updated_at: Timestamp;
}

export interface EventTranslationsTable {
  event_id: number;
  lang: string;
  title: string;
  description: string;
}

export interface EventOrganisationsTable {
  event_id: number;
  organisation_id: number;
  role: OrganisationRole;
  position: number;
}

export interface EventDomainsTable {
  event_id: number;
  domain: string;
}

/** A day of the agenda (one of the event's dates), with an optional title ("Module 1: …"). */
export interface EventDaysTable {
  id: Generated<number>;
  event_id: number;
  date: string;
  title: string | null;
}

export interface EventSectionsTable {
  id: Generated<number>;
  day_id: number;
  position: number;
  title: string;
}

export interface EventItemsTable {
  id: Generated<number>;
  day_id: number;
  /** Null for an item directly under its day. */
  section_id: number | null;
  /** Local HH:MM in the event's zone; end_time null for a point in time ("09:15 Introduction…"). */
  start_time: string;
  end_time: string | null;
  title: string;
  kind: ItemKind;
  position: number;
}

/** A speaker, chair or facilitator: a person of the directory, or a name written out. */
export interface EventItemPeopleTable {
  id: Generated<number>;
  item_id: number;
  person_id: number | null;
  name: string;
  /** What follows the name as published ("Head of National Research team"). */
  affiliation: string | null;
  role: ItemRole;
  position: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    events: EventsTable;
    event_translations: EventTranslationsTable;
    event_organisations: EventOrganisationsTable;
    event_domains: EventDomainsTable;
    event_days: EventDaysTable;
    event_sections: EventSectionsTable;
    event_items: EventItemsTable;
    event_item_people: EventItemPeopleTable;
  }
}
