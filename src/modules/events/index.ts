// Events and their agendas: /events (upcoming, past, month calendar, filters in the URL), event
// pages with the timetable, the form and the agenda editor (with pasted agendas), iCal feeds, and
// /api/v1/events; registration and applications (registration/), the roster, key figures and
// what follows an event (participants/). See docs/events.md.
import { Hono } from 'hono';
import type { AppEnv, HubModule } from '../../platform/context.ts';
import type { MessageKeys } from '../../platform/i18n.ts';
import { eventsApi } from './api.ts';
import {
  countryEventsBlock,
  eventsCountryFigure,
  eventsHomeBlock,
  organisationEventsBlock,
} from './blocks.tsx';
import { eventsJobs } from './jobs.ts';
import type en from './locales/en.json';
import { eventsMigrations } from './migrations.ts';
import { eventsModeration } from './moderation.ts';
import { eventFollowable, eventsNotificationKinds } from './notifications.ts';
import {
  feedbackApi,
  participantsApi,
  participantsMigrations,
  participantsPages,
} from './participants/index.ts';
import {
  applicationsHomeBlock,
  registrationAccountExport,
  registrationApi,
  registrationMigrations,
  registrationPages,
} from './registration/index.ts';
import { eventsPages } from './routes.tsx';
import { eventsSearch } from './search.ts';
import { seedEvents } from './seed.ts';
import { eventsSitemap } from './sitemap.ts';

// The module's UI strings (locales/<lang>.json) are part of the platform's message keys.
declare module '../../platform/i18n.ts' {
  interface Messages extends MessageKeys<typeof en> {}
}

export const eventsModule: HubModule = {
  id: 'events',
  nav: { href: '/events', label: 'events.nav', order: 30 },
  accountExport: registrationAccountExport,
  accountMenu: [{ href: '/account/applications', label: 'registration.myApplications' }],
  // The participants' pages first: their certificate stylesheet's path would otherwise be taken
  // for an event's slug.
  pages: (deps) =>
    new Hono<AppEnv>()
      .route('/', participantsPages(deps))
      .route('/', eventsPages(deps))
      .route('/', registrationPages(deps)),
  api: (deps) =>
    eventsApi(deps)
      .route('/', registrationApi(deps))
      .route('/', participantsApi(deps))
      .route('/', feedbackApi(deps)),
  migrations: { ...eventsMigrations, ...registrationMigrations, ...participantsMigrations },
  searchProviders: [eventsSearch],
  moderation: eventsModeration,
  sitemap: eventsSitemap,
  seed: seedEvents,
  jobs: eventsJobs,
  notificationKinds: eventsNotificationKinds,
  followables: [eventFollowable],
  homeBlocks: [applicationsHomeBlock, eventsHomeBlock],
  organisationBlocks: [organisationEventsBlock],
  countryBlocks: [countryEventsBlock],
  countryFigures: [eventsCountryFigure],
};

// What a record naming an event by its slug stores (a press clipping, a policy measure), and whether
// a member organises an event (the policies module lets organisers link a measure to it).
export { eventIdOf, isOrganiser } from './access.ts';
// What the people module shows on a person's page: the events they met at (with their consent).
// What the policies module asks before a member links a measure to an event: are they on its roster.
export { eventsMetAt, type MetAtEvent, participantOf } from './participants/index.ts';
// What other modules (dashboards, reports) may use.
export { EVENT_STATUSES, EVENT_TYPES, type EventStatus, type EventType } from './vocab.ts';
