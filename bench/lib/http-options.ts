// The HTTP benchmark's command line, its budgets and targets, and the shape of its results.
import { parseArgs } from 'node:util';
import { SCALES, type Scale } from './data.ts';
import { LIBRARY_BENCH_DOCUMENT, LIBRARY_SEARCH_WORD } from './library-data.ts';
import { MEASURES } from './measures-data.ts';
import { NOTIFICATIONS, NOTIFIED_MEMBERS } from './notifications-data.ts';
import type { PageSizes } from './sizes.ts';

export const USAGE = `Usage: npm run bench -- [options]

  --scale demo|10x|100x   Size of the generated database (default demo)
  --duration SECONDS      Measured load per target (default 10)
  --warmup SECONDS        Unmeasured load before each target (default 2; 0 to skip)
  --connections N         Concurrent connections (default 20)
  --workers N             Server worker processes, as in \`hub serve --workers\` (default 1)
  --organisations N       Generated organisations added to the demo ones (default: 0 at demo,
                          10 000 at 10x, 100 000 at 100x)
  --people N              Generated people profiles (the same defaults)
  --events N              Generated events (default: 0 at demo, 200 at 10x, 2 000 at 100x)
  --applications N        Generated applications spread over them, with their rosters
                          (default: 100 per generated event)
  --documents N           Generated library documents with files (default: 0 at demo,
                          5 000 at 10x, 50 000 at 100x)
  --measures N            Generated policies and measures (default: 0 at demo, 5 000 at 10x,
                          50 000 at 100x)
  --notifications N       Generated notifications, added when a notifications target runs
                          (default 100 000; 0 leaves them and those targets out)
  --notified-members N    Members they are spread over; generated members are added when
                          there are fewer (default 1 000)
  --only NAME[,NAME…]     Run only the targets whose name contains one of the NAMEs (e.g.
                          directory); \`--only core\` runs the seven targets of issue 18
  --keep                  Keep the generated DATA_DIR (its path is printed)
  --data DIR              Reuse a DATA_DIR that --keep left, migrated to the current code first
                          (the scale and data flags are then ignored)
  --help                  Show this help`;

/** The targets of issue 18's table, exactly: `--only core`. */
export const CORE_TARGETS = [
  'GET /healthz',
  'GET / (home)',
  'GET /directory',
  'GET /library',
  'GET /events',
  'GET /search?q=craft',
  'GET /api/v1/organisations',
];

/** Whether `--only` selects a target: exact names for `core`, else any of the comma-separated words. */
export function selects(only: string | undefined, name: string): boolean {
  if (!only) return true;
  if (only === 'core') return CORE_TARGETS.includes(name);
  return only.split(',').some((word) => word && name.includes(word));
}

/** docs/DESIGN.md, "Budgets". 1 KB = 1024 bytes. */
export const BUDGET = { p95Ms: 50, pageKb: 30, jsKb: 20 } as const;

export interface Target {
  name: string;
  path: string;
  /** An HTML page: its stylesheets count towards the page budget. */
  page: boolean;
  /** Sends the administrator's API token. */
  token: boolean;
  /**
   * Signs in as the notifications dataset's reader (bench/lib/notifications-data.ts): with their
   * session cookie, as a browser, or with their API token. Skipped when there is no such dataset.
   * `member`: a generated member's session (bench/lib/http-data.ts): pages past the visitors' caches.
   */
  reader?: 'session' | 'token' | 'member';
}

export const TARGETS: Target[] = [
  { name: 'GET /healthz', path: '/healthz', page: false, token: false },
  { name: 'GET / (home)', path: '/', page: true, token: false },
  { name: 'GET /login', path: '/login', page: true, token: false },
  { name: 'GET /api/v1/me', path: '/api/v1/me', page: false, token: true },
  { name: 'GET /directory', path: '/directory', page: true, token: false },
  // Two filters and the map of the selection: the directory budget of issue 4.
  {
    name: 'GET /directory (2 filters + map)',
    path: '/directory?country=VN&kind=creative_hub',
    page: true,
    token: false,
  },
  {
    name: 'GET /directory?q=',
    path: `/directory?q=${encodeURIComponent('Huế')}&domain=heritage`,
    page: true,
    token: false,
  },
  { name: 'GET /directory/stella', path: '/directory/stella', page: true, token: false },
  { name: 'GET /api/v1/organisations', path: '/api/v1/organisations?country=LA', page: false, token: true },
  {
    name: 'GET /directory/people (2 filters)',
    path: '/directory/people?country=TH&domain=performance',
    page: true,
    token: false,
  },
  { name: 'GET /api/v1/people', path: '/api/v1/people?country=KH', page: false, token: true },
  // Groups: the list (secret groups filtered by membership), a public group's page with its
  // members, and the API.
  { name: 'GET /groups', path: '/groups', page: true, token: false },
  {
    name: 'GET /groups/mekong-digital-skills-network',
    path: '/groups/mekong-digital-skills-network',
    page: true,
    token: false,
  },
  { name: 'GET /api/v1/groups', path: '/api/v1/groups', page: false, token: true },
  { name: 'GET /search?q=craft', path: '/search?q=craft', page: true, token: false },
  // Countries: the list (one GROUP BY per module's figure over whole tables) and a country's page
  // (every module's block: the organisations' map, documents, events, press, news, teams).
  { name: 'GET /countries', path: '/countries', page: true, token: false },
  { name: 'GET /countries/VN', path: '/countries/VN', page: true, token: false },
  { name: 'GET /countries/VN (member)', path: '/countries/VN', page: true, token: false, reader: 'member' },
  { name: 'GET /api/v1/countries/VN', path: '/api/v1/countries/VN', page: false, token: true },
  ...libraryTargets(),
  ...measureTargets(),
  ...notificationTargets(),
];

/** The measures' list filtered, the comparison of three countries, and the API's list. */
export function measureTargets(): Target[] {
  return [
    { name: 'GET /measures', path: '/measures', page: true, token: false },
    {
      name: 'GET /measures (country + stage)',
      path: '/measures?country=VN&stage=distribution&sort=title',
      page: true,
      token: false,
    },
    {
      name: 'GET /measures (goal + domain)',
      path: '/measures?goal=human_rights&domain=performance',
      page: true,
      token: false,
    },
    {
      name: 'GET /measures/compare (3 countries)',
      path: '/measures/compare?country=VN&country=LA&country=KH',
      page: true,
      token: false,
    },
    {
      name: 'GET /api/v1/measures (measures)',
      path: '/api/v1/measures?country=LA&goal=governance',
      page: false,
      token: true,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Notifications (issue 13): the inbox and the header's unread count, as the member with the heavy
// inbox of bench/lib/notifications-data.ts. `GET /` as a visitor, in the same run, is what the
// member's `GET /` costs without the session, the scopes and the count. Every name contains
// "notifications", for `--only notifications`.

export function notificationTargets(): Target[] {
  return [
    { name: 'GET / as a visitor (notifications baseline)', path: '/', page: true, token: false },
    {
      name: 'GET / as the member (notifications count)',
      path: '/',
      page: true,
      token: false,
      reader: 'session',
    },
    { name: 'GET /notifications', path: '/notifications', page: true, token: false, reader: 'session' },
    {
      name: 'GET /notifications?unread=1',
      path: '/notifications?unread=1',
      page: true,
      token: false,
      reader: 'session',
    },
    {
      name: 'GET /api/v1/notifications',
      path: '/api/v1/notifications',
      page: false,
      token: false,
      reader: 'token',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Events: the lists, the month calendar, an event page and the report of a held event with a full
// roster (a generated one above demo scale, Qingdao's demo roster at demo scale).

export const EVENTS: Record<Scale, number> = { demo: 0, '10x': 200, '100x': 2_000 };
export const APPLICATIONS_PER_EVENT = 100;
export const DEMO_REPORT_EVENT = 'consultative-meeting-2005-convention-northeast-asia-qingdao-2017';

export function eventTargets(reportSlug: string, month: string): Target[] {
  return [
    { name: 'GET /events', path: '/events', page: true, token: false },
    { name: 'GET /events?when=past', path: '/events?when=past&country=LA', page: true, token: false },
    { name: 'GET /events/calendar', path: `/events/calendar?month=${month}`, page: true, token: false },
    { name: 'GET /events/:slug', path: `/events/${reportSlug}`, page: true, token: false },
    { name: 'GET /events/:slug/report', path: `/events/${reportSlug}/report`, page: true, token: false },
    {
      name: 'GET /api/v1/events/:slug/report',
      path: `/api/v1/events/${reportSlug}/report`,
      page: false,
      token: true,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The library (bench/lib/library-data.ts): documents with files whose extracted text is in the
// search index. Every target's name contains "library", for `--only library`.

/** Generated library documents by scale, unless --documents says otherwise. */
export const DOCUMENTS: Record<Scale, number> = { demo: 0, '10x': 5_000, '100x': 50_000 };

export function libraryTargets(): Target[] {
  return [
    { name: 'GET /library', path: '/library', page: true, token: false },
    { name: 'GET /library (2 filters)', path: '/library?country=LA&kind=decree', page: true, token: false },
    {
      name: 'GET /library?q= (word in files)',
      path: `/library?q=${encodeURIComponent(LIBRARY_SEARCH_WORD)}`,
      page: true,
      token: false,
    },
    {
      name: `GET /library/${LIBRARY_BENCH_DOCUMENT}`,
      path: `/library/${LIBRARY_BENCH_DOCUMENT}`,
      page: true,
      token: false,
    },
    {
      name: 'GET /api/v1/documents (library)',
      path: '/api/v1/documents?language=vi',
      page: false,
      token: true,
    },
  ];
}

/** Generated organisations (and as many people) by scale, unless --organisations/--people say otherwise. */
export const ORGANISATIONS: Record<Scale, number> = { demo: 0, '10x': 10_000, '100x': 100_000 };

export interface Options {
  scale: Scale;
  duration: number;
  warmup: number;
  connections: number;
  workers: number;
  organisations: number;
  people: number;
  documents: number;
  measures: number;
  events: number;
  applications: number;
  notifications: number;
  notifiedMembers: number;
  only: string | undefined;
  keep: boolean;
  data: string | undefined;
}

export interface TargetResult {
  target: string;
  url: string;
  requests: { total: number; meanPerSecond: number; stddevPerSecond: number };
  /** Milliseconds as the client saw them: autocannon's percentiles, p95 from every response. */
  latencyMs: { mean: number; p50: number; p95: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  size: PageSizes;
  budgets: { p95: boolean; page: boolean | null };
  failed: boolean;
  /** The same response's bytes served by the baselines in the same run, and the hub's share of theirs. */
  baselines: { name: string; meanPerSecond: number; ratio: number; cpuMsPerRequest: number | null }[];
  /** The server's CPU time per request (one worker, Linux), null otherwise. */
  cpuMsPerRequest: number | null;
  /** 1-minute load average when the target's run began. */
  loadAverage: number;
}

export function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'demo' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '20' },
      workers: { type: 'string', default: '1' },
      organisations: { type: 'string' },
      people: { type: 'string' },
      documents: { type: 'string' },
      measures: { type: 'string' },
      events: { type: 'string' },
      applications: { type: 'string' },
      notifications: { type: 'string' },
      'notified-members': { type: 'string' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      data: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  if (!(values.scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const number = (flag: string, value: string, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${flag} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return {
    scale: values.scale as Scale,
    duration: number('duration', values.duration, 1, 3600),
    warmup: number('warmup', values.warmup, 0, 600),
    connections: number('connections', values.connections, 1, 1000),
    workers: number('workers', values.workers, 1, 64),
    organisations:
      values.organisations === undefined
        ? ORGANISATIONS[values.scale as Scale]
        : number('organisations', values.organisations, 0, 5_000_000),
    people:
      values.people === undefined
        ? ORGANISATIONS[values.scale as Scale]
        : number('people', values.people, 0, 5_000_000),
    documents:
      values.documents === undefined
        ? DOCUMENTS[values.scale as Scale]
        : number('documents', values.documents, 0, 1_000_000),
    measures:
      values.measures === undefined
        ? MEASURES[values.scale as Scale]
        : number('measures', values.measures, 0, 5_000_000),
    ...eventsOptions(values, number),
    notifications:
      values.notifications === undefined
        ? NOTIFICATIONS
        : number('notifications', values.notifications, 0, 50_000_000),
    notifiedMembers:
      values['notified-members'] === undefined
        ? NOTIFIED_MEMBERS
        : number('notified-members', values['notified-members'], 1, 1_000_000),
    only: values.only,
    keep: values.keep,
    data: values.data,
  };
}

export function eventsOptions(
  values: { scale?: string; events?: string; applications?: string },
  number: (flag: string, value: string, min: number, max: number) => number,
) {
  const events =
    values.events === undefined
      ? EVENTS[values.scale as Scale]
      : number('events', values.events, 0, 1_000_000);
  const applications =
    values.applications === undefined
      ? events * APPLICATIONS_PER_EVENT
      : number('applications', values.applications, 0, 50_000_000);
  return { events, applications };
}
