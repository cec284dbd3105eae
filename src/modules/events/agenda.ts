// The agenda of an event as it is read: days → sections → items with their speakers, chairs and
// facilitators, and the questions the editor asks before a write (is the day the event's, is the
// section this event's, which items overlap). The writes are in actions/agenda.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { EventRow } from './access.ts';
import type { ItemKind, ItemRole } from './vocab.ts';

type Db = Kysely<Database>;

export interface AgendaPerson {
  name: string;
  affiliation: string | null;
  role: ItemRole;
  /** The person's profile in the directory, when linked and published. */
  slug: string | null;
}

export interface AgendaItem {
  id: number;
  sectionId: number | null;
  start: string;
  end: string | null;
  title: string;
  kind: ItemKind;
  people: AgendaPerson[];
}

export interface AgendaSection {
  id: number;
  title: string;
  items: AgendaItem[];
}

export interface AgendaDay {
  id: number;
  date: string;
  title: string | null;
  /** Items directly under the day (before any section). */
  items: AgendaItem[];
  sections: AgendaSection[];
}

const byTime = (a: AgendaItem, b: AgendaItem) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

export async function getAgenda(db: Db, eventId: number): Promise<AgendaDay[]> {
  const days = await db
    .selectFrom('event_days')
    .select(['id', 'date', 'title'])
    .where('event_id', '=', eventId)
    .orderBy('date')
    .execute();
  if (days.length === 0) return [];
  const dayIds = days.map((d) => d.id);
  const [sections, items] = await Promise.all([
    db
      .selectFrom('event_sections')
      .select(['id', 'day_id', 'title'])
      .where('day_id', 'in', dayIds)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('event_items')
      .selectAll()
      .where('day_id', 'in', dayIds)
      .orderBy('start_time')
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  const people = items.length
    ? await db
        .selectFrom('event_item_people')
        .leftJoin('people', 'people.id', 'event_item_people.person_id')
        .select([
          'event_item_people.item_id',
          'event_item_people.name',
          'event_item_people.affiliation',
          'event_item_people.role',
          'people.slug',
          'people.status',
        ])
        .where(
          'event_item_people.item_id',
          'in',
          items.map((i) => i.id),
        )
        .orderBy('event_item_people.item_id')
        .orderBy('event_item_people.position')
        .execute()
    : [];
  const peopleOf = new Map<number, AgendaPerson[]>();
  for (const p of people) {
    const list = peopleOf.get(p.item_id) ?? [];
    list.push({
      name: p.name,
      affiliation: p.affiliation,
      role: p.role,
      slug: p.slug && p.status === 'published' ? p.slug : null,
    });
    peopleOf.set(p.item_id, list);
  }
  return days.map((day) => {
    const mine = items
      .filter((i) => i.day_id === day.id)
      .map((i) => ({
        id: i.id,
        sectionId: i.section_id,
        start: i.start_time,
        end: i.end_time,
        title: i.title,
        kind: i.kind,
        people: peopleOf.get(i.id) ?? [],
      }));
    return {
      id: day.id,
      date: day.date,
      title: day.title,
      items: mine.filter((i) => i.sectionId === null).sort(byTime),
      sections: sections
        .filter((s) => s.day_id === day.id)
        .map((s) => ({
          id: s.id,
          title: s.title,
          items: mine.filter((i) => i.sectionId === s.id).sort(byTime),
        })),
    };
  });
}

/** Every item of the agenda, in time order, with its day's date. */
export function allItems(agenda: AgendaDay[]): (AgendaItem & { date: string })[] {
  return agenda.flatMap((day) =>
    [...day.items, ...day.sections.flatMap((s) => s.items)]
      .map((i) => ({ ...i, date: day.date }))
      .sort(byTime),
  );
}

/** Whether `date` is one of the event's days. */
export function withinEvent(event: Pick<EventRow, 'starts_on' | 'ends_on'>, date: string): boolean {
  return date >= event.starts_on && date <= event.ends_on;
}

/** A section of this event (null when the id names another event's section or none). */
export async function sectionOf(db: Db, eventId: number, sectionId: number) {
  return db
    .selectFrom('event_sections')
    .innerJoin('event_days', 'event_days.id', 'event_sections.day_id')
    .select(['event_sections.id', 'event_sections.title', 'event_days.date', 'event_days.id as day_id'])
    .where('event_days.event_id', '=', eventId)
    .where('event_sections.id', '=', sectionId)
    .executeTakeFirst();
}

/** An item of this event with its day's date, or undefined. */
export async function itemOf(db: Db, eventId: number, itemId: number) {
  return db
    .selectFrom('event_items')
    .innerJoin('event_days', 'event_days.id', 'event_items.day_id')
    .selectAll('event_items')
    .select('event_days.date')
    .where('event_days.event_id', '=', eventId)
    .where('event_items.id', '=', itemId)
    .executeTakeFirst();
}

export async function peopleOfItem(db: Db, itemId: number) {
  return db
    .selectFrom('event_item_people')
    .leftJoin('people', 'people.id', 'event_item_people.person_id')
    .select([
      'event_item_people.name',
      'event_item_people.affiliation',
      'event_item_people.role',
      'people.slug',
    ])
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
}

/** Items of the same day whose time overlaps [start, end) (an item without end lasts a moment). */
export async function overlapping(
  db: Db,
  eventId: number,
  date: string,
  start: string,
  end: string | null,
  exceptId?: number,
): Promise<{ id: number; title: string; start_time: string; end_time: string | null }[]> {
  let q = db
    .selectFrom('event_items')
    .innerJoin('event_days', 'event_days.id', 'event_items.day_id')
    .select(['event_items.id', 'event_items.title', 'event_items.start_time', 'event_items.end_time'])
    .where('event_days.event_id', '=', eventId)
    .where('event_days.date', '=', date)
    .where('event_items.end_time', 'is not', null);
  if (exceptId !== undefined) q = q.where('event_items.id', '!=', exceptId);
  const rows = await q.execute();
  const until = end ?? start;
  return rows.filter((r) => {
    const rEnd = r.end_time ?? r.start_time;
    return end ? r.start_time < until && rEnd > start : r.start_time < start && rEnd > start;
  });
}
