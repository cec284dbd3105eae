// The controlled vocabularies of events, stored as these codes and shown through the locale files
// (`events.type.<code>`, `events.status.<code>`, …).

export const EVENT_TYPES = [
  'workshop',
  'training',
  'policy_dialogue',
  'consultation',
  'seminar',
  'exhibition',
  'fair',
  'field_visit',
  'webinar',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** `draft` is the only unpublished status: a draft is seen by its organisers and the editors only. */
export const EVENT_STATUSES = [
  'draft',
  'announced',
  'registration_open',
  'closed',
  'held',
  'cancelled',
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** How an organisation of the directory takes part in an event. */
export const ORGANISATION_ROLES = ['organiser', 'partner', 'donor'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const ITEM_KINDS = ['talk', 'panel', 'break', 'visit', 'other'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** What a person does in an agenda item. */
export const ITEM_ROLES = ['speaker', 'chair', 'facilitator'] as const;
export type ItemRole = (typeof ITEM_ROLES)[number];

/** Words under /events/ that are pages of their own, never an event's slug. */
export const RESERVED_EVENT_SLUGS: ReadonlySet<string> = new Set(['new', 'calendar', 'export', 'feed']);

export const MAX_EVENT_DAYS = 31;
export const MAX_EVENT_ORGANISATIONS = 12;
export const MAX_AGENDA_LINES = 300;
