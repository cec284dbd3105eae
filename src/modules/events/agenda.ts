// The agenda of an event: days → sections → items with their speakers, chairs and facilitators.
// Every write is checked against the event's dates first (checkItem) so that a refusal leaves
// nothing half-saved; the callers run the writes inside one transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { EventRow } from './access.ts';
import type { ParsedAgenda, ParsedItem, ParsedPerson } from './agenda-text.ts';
import type { ItemInput } from './schemas.ts';
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

export async function ensureDay(db: Db, eventId: number, date: string): Promise<number> {
  const found = await db
    .selectFrom('event_days')
    .select('id')
    .where('event_id', '=', eventId)
    .where('date', '=', date)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('event_days')
    .values({ event_id: eventId, date, title: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setDayTitle(
  db: Db,
  eventId: number,
  date: string,
  title: string | null,
): Promise<void> {
  const dayId = await ensureDay(db, eventId, date);
  await db.updateTable('event_days').set({ title }).where('id', '=', dayId).execute();
}

export async function addSection(db: Db, eventId: number, date: string, title: string): Promise<number> {
  const dayId = await ensureDay(db, eventId, date);
  const last = await db
    .selectFrom('event_sections')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('day_id', '=', dayId)
    .executeTakeFirst();
  const row = await db
    .insertInto('event_sections')
    .values({ day_id: dayId, title, position: Number(last?.p ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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

export async function deleteSection(db: Db, sectionId: number): Promise<void> {
  await db.deleteFrom('event_sections').where('id', '=', sectionId).execute();
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

export async function deleteItem(db: Db, itemId: number): Promise<void> {
  await db.deleteFrom('event_items').where('id', '=', itemId).execute();
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

/** Honorifics and titles people are published with, left out when matching names to profiles. */
const TITLES = /^(?:(?:mr|mrs|ms|miss|dr|prof|assoc|h\.?e|ông|bà|ts|pgs|gs|ths)\.?\s+)+/iu;

export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(TITLES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface PersonRef {
  name: string;
  affiliation: string | null;
  role: ItemRole;
  personId: number | null;
}

/**
 * Links names to people of the directory: a profile's address (…/directory/people/slug) or a name
 * that matches a published profile's name once titles and accents are set aside. The rest stay
 * free text, as published.
 */
export async function resolvePeople(db: Db, people: ParsedPerson[]): Promise<PersonRef[]> {
  if (people.length === 0) return [];
  const slugs = people.flatMap((p) => {
    const m = /\/directory\/people\/([a-z0-9-]+)/.exec(p.name);
    return m?.[1] ? [m[1]] : [];
  });
  const folded = people.map((p) => foldName(p.name));
  const candidates = await db
    .selectFrom('people')
    .select(['id', 'slug', 'name', 'name_translit'])
    .where('status', '=', 'published')
    .where((eb) => {
      const ors = [];
      if (slugs.length) ors.push(eb('slug', 'in', slugs));
      // Narrow by the last word of each name; the exact comparison happens below.
      const lastWords = [
        ...new Set(
          people
            .flatMap((p, i) => [
              folded[i]?.split(' ').at(-1),
              p.name.trim().split(/\s+/).at(-1)?.toLowerCase(),
            ])
            .filter((w): w is string => !!w && w.length > 1),
        ),
      ];
      for (const w of lastWords.slice(0, 30)) ors.push(eb(eb.fn('lower', ['name']), 'like', `%${w}%`));
      return ors.length ? eb.or(ors) : eb.val(false);
    })
    .limit(500)
    .execute();
  return people.map((p, i) => {
    const bySlug = /\/directory\/people\/([a-z0-9-]+)/.exec(p.name)?.[1];
    const match = bySlug
      ? candidates.find((c) => c.slug === bySlug)
      : candidates.find(
          (c) =>
            foldName(c.name) === folded[i] || (c.name_translit && foldName(c.name_translit) === folded[i]),
        );
    return {
      name: bySlug && match ? match.name : p.name,
      affiliation: p.affiliation,
      role: p.role,
      personId: match?.id ?? null,
    };
  });
}

/** "Name, affiliation" lines of a form as people with one role. */
export function peopleFromLines(lines: string[], role: ItemRole): ParsedPerson[] {
  return lines.map((line) => {
    const comma = line.indexOf(',');
    return comma < 0
      ? { name: line.slice(0, 200), affiliation: null, role }
      : {
          name: line.slice(0, comma).trim().slice(0, 200),
          affiliation:
            line
              .slice(comma + 1)
              .trim()
              .slice(0, 300) || null,
          role,
        };
  });
}

async function writePeople(db: Db, itemId: number, people: PersonRef[]): Promise<void> {
  await db.deleteFrom('event_item_people').where('item_id', '=', itemId).execute();
  if (people.length)
    await db
      .insertInto('event_item_people')
      .values(
        people.map((p, position) => ({
          item_id: itemId,
          person_id: p.personId,
          name: p.name,
          affiliation: p.affiliation,
          role: p.role,
          position,
        })),
      )
      .execute();
}

export async function saveItem(
  db: Db,
  eventId: number,
  input: Pick<ItemInput, 'date' | 'start_time' | 'end_time' | 'title' | 'kind'> & {
    section_id?: number | null;
  },
  people: PersonRef[],
  itemId?: number,
): Promise<number> {
  const dayId = await ensureDay(db, eventId, input.date);
  const values = {
    day_id: dayId,
    section_id: input.section_id ?? null,
    start_time: input.start_time,
    end_time: input.end_time ?? null,
    title: input.title,
    kind: input.kind,
  };
  let id = itemId;
  if (id === undefined) {
    const row = await db
      .insertInto('event_items')
      .values({ ...values, position: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  } else {
    await db.updateTable('event_items').set(values).where('id', '=', id).execute();
  }
  await writePeople(db, id, people);
  return id;
}

/** Why a set of items cannot be saved on `date` (each reason with its line), or nothing. */
export function checkItemDate(
  event: Pick<EventRow, 'starts_on' | 'ends_on'>,
  date: string,
): MessageKey | null {
  return withinEvent(event, date) ? null : 'events.outsideDays';
}

/** Saves a reviewed paste: its sections and items, on one day of the event. */
export async function savePasted(
  db: Db,
  eventId: number,
  date: string,
  agenda: ParsedAgenda,
): Promise<number> {
  let count = 0;
  const write = async (item: ParsedItem, sectionId: number | null) => {
    const people = await resolvePeople(db, item.people);
    await saveItem(
      db,
      eventId,
      {
        date,
        start_time: item.start,
        end_time: item.end,
        title: item.title,
        kind: item.kind,
        section_id: sectionId,
      },
      people,
    );
    count++;
  };
  for (const item of agenda.items) await write(item, null);
  for (const section of agenda.sections) {
    const sectionId = await addSection(db, eventId, date, section.title);
    for (const item of section.items) await write(item, sectionId);
  }
  return count;
}
