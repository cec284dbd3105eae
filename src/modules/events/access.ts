// Reading one event: the event with its organisations, domains, translations and venue, who
// organises what, and the loaders every page and API route of the events module shares: an event
// the reader may not see is 404, not signed in is 401 (the login page on a GET), signed in but not
// allowed is 403. The registration and participants pages load their event through here too.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { type ActionContext, ensure } from '../../platform/actions.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { byLang } from '../../platform/translations.ts';
import { canEdit, canView } from './permissions.ts';
import type { EventsTable } from './tables.ts';
import type { EventStatus, OrganisationRole } from './vocab.ts';

type C = Context<AppEnv>;
type Db = Kysely<Database>;
export type EventRow = Selectable<EventsTable>;

export interface EventOrganisation {
  slug: string;
  name: string;
  role: OrganisationRole;
  /** Unpublished organisations stay linked but are shown to no one. */
  published: boolean;
}

export interface EventTranslation {
  lang: string;
  title: string;
  description: string;
}

export interface EventDetails extends EventRow {
  organisations: EventOrganisation[];
  domains: string[];
  translations: EventTranslation[];
  venue: { slug: string; name: string; address: string | null; published: boolean } | null;
}

/** The ids of the events `viewer` organises (member of an organiser organisation). */
export function organisedBy(db: Db, userId: number) {
  return db
    .selectFrom('event_organisations')
    .innerJoin(
      'organisation_members',
      'organisation_members.organisation_id',
      'event_organisations.organisation_id',
    )
    .select('event_organisations.event_id')
    .where('event_organisations.role', '=', 'organiser')
    .where('organisation_members.user_id', '=', userId);
}

export async function isOrganiser(db: Db, user: User | null, eventId: number): Promise<boolean> {
  if (!user) return false;
  const row = await organisedBy(db, user.id)
    .where('event_organisations.event_id', '=', eventId)
    .executeTakeFirst();
  return !!row;
}

export async function organisationsOf(db: Db, ids: number[]): Promise<Map<number, EventOrganisation[]>> {
  const out = new Map<number, EventOrganisation[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('event_organisations')
    .innerJoin('organisations', 'organisations.id', 'event_organisations.organisation_id')
    .select([
      'event_organisations.event_id',
      'event_organisations.role',
      'organisations.slug',
      'organisations.name',
      'organisations.status',
    ])
    .where('event_organisations.event_id', 'in', ids)
    .orderBy('event_organisations.event_id')
    .orderBy('event_organisations.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.event_id) ?? [];
    list.push({ slug: r.slug, name: r.name, role: r.role, published: r.status === 'published' });
    out.set(r.event_id, list);
  }
  return out;
}

async function details(db: Db, row: EventRow | undefined): Promise<EventDetails | undefined> {
  if (!row) return undefined;
  const [orgs, domains, translations, venue] = await Promise.all([
    organisationsOf(db, [row.id]),
    db.selectFrom('event_domains').select('domain').where('event_id', '=', row.id).execute(),
    db
      .selectFrom('event_translations')
      .select(['lang', 'title', 'description'])
      .where('event_id', '=', row.id)
      .execute(),
    row.venue_organisation_id === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('organisations')
          .select(['slug', 'name', 'address', 'status'])
          .where('id', '=', row.venue_organisation_id)
          .executeTakeFirst(),
  ]);
  return {
    ...row,
    organisations: orgs.get(row.id) ?? [],
    domains: domains.map((d) => d.domain).sort(),
    translations: translations.sort(byLang),
    venue: venue
      ? {
          slug: venue.slug,
          name: venue.name,
          address: venue.address,
          published: venue.status === 'published',
        }
      : null,
  };
}

/** The id of the event with this slug (whatever its status); undefined when there is none. */
export async function eventIdOf(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function getEvent(db: Db, slug: string): Promise<EventDetails | undefined> {
  return details(db, await db.selectFrom('events').selectAll().where('slug', '=', slug).executeTakeFirst());
}

export async function getEventById(db: Db, id: number): Promise<EventDetails | undefined> {
  return details(db, await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst());
}

/** The translation a reader of `locale` sees, when the event is written in another language. */
export function translationFor(event: Pick<EventDetails, 'lang' | 'translations'>, locale: string) {
  return event.lang === locale ? undefined : event.translations.find((tr) => tr.lang === locale);
}

export function isPublished(event: { status: EventStatus }): boolean {
  return event.status !== 'draft';
}

/** The organisations named by slug (venue and rows), and the slugs that name none. */
export async function resolveOrganisations(db: Db, slugs: (string | null | undefined)[]) {
  const wanted = [...new Set(slugs.filter((s): s is string => !!s))];
  const rows = wanted.length
    ? await db.selectFrom('organisations').select(['id', 'slug']).where('slug', 'in', wanted).execute()
    : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  return { ids, unknown: new Set(wanted.filter((s) => !ids.has(s))) };
}

/** Agenda days that would fall outside new dates: an edit may not strand them. */
export async function daysOutside(db: Db, eventId: number, startsOn: string, endsOn: string) {
  const rows = await db
    .selectFrom('event_days')
    .select('date')
    .where('event_id', '=', eventId)
    .where((eb) => eb.or([eb('date', '<', startsOn), eb('date', '>', endsOn)]))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom('event_items').select('id').whereRef('event_items.day_id', '=', 'event_days.id'),
        ),
        eb.exists(
          eb
            .selectFrom('event_sections')
            .select('id')
            .whereRef('event_sections.day_id', '=', 'event_days.id'),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.date);
}

/** The event of the URL as `user` may see it, with whether they organise it; 404 otherwise. */
export async function loadVisibleEvent(db: Db, user: User | null, slug: string) {
  const event = await getEvent(db, slug);
  const organiser = event ? await isOrganiser(db, user, event.id) : false;
  if (!event || !canView(user, event, organiser)) throw new HttpError(404, 'error.404.message');
  return { event, organiser };
}

/** The event of the URL for someone who means to change it: 401, 404 or 403 otherwise. */
export async function loadEditableEvent(db: Db, c: C, slug: string) {
  const user = requireUser(c);
  const { event, organiser } = await loadVisibleEvent(db, user, slug);
  if (!canEdit(user, organiser)) throw new HttpError(403, 'error.403.message');
  return { user, event };
}

/**
 * The acting user, when they may change `event` (an editor, or a member of one of its organisers);
 * 401 or 403 otherwise. Every write of an event or its agenda starts here.
 */
export async function ensureEditable(ctx: ActionContext, event: { id: number }) {
  const organiser = await isOrganiser(ctx.trx ?? ctx.deps.db, ctx.user, event.id);
  return ensure(ctx, (user) => canEdit(user, organiser));
}
