// The writes of an agenda: a day's title, sections, items (with their people) and a pasted agenda.
// Each one checks who may (the event's editors), refuses what does not fit the event (a day outside
// it, another day's section) next to the field, and writes in one transaction with the event's new
// date, its search entry and the audit entry.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { type EventDetails, ensureEditable } from '../access.ts';
import { overlapping, sectionOf, withinEvent } from '../agenda.ts';
import { type PersonRef, peopleFromLines, resolvePeople } from '../agenda-people.ts';
import { itemCount, type ParsedAgenda, type ParsedItem } from '../agenda-text.ts';
import type { DayInput, ItemInput, SectionInput } from '../schemas.ts';
import { agendaChanged } from './events.ts';

type Db = Kysely<Database>;
type Event = Pick<EventDetails, 'id' | 'starts_on' | 'ends_on'>;

/** A date of the event, or a refusal next to the form's day. */
function checkDay(event: Event, date: string): void {
  if (!withinEvent(event, date)) throw HttpError.invalid({ date: 'events.outsideDays' });
}

async function ensureDay(db: Db, eventId: number, date: string): Promise<number> {
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

async function insertSection(db: Db, eventId: number, date: string, title: string): Promise<number> {
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

interface ItemValues {
  date: string;
  section_id: number | null;
  start_time: string;
  end_time: string | null;
  title: string;
  kind: ItemInput['kind'];
}

async function writeItem(
  db: Db,
  eventId: number,
  input: ItemValues,
  people: PersonRef[],
  itemId?: number,
): Promise<number> {
  const values = {
    day_id: await ensureDay(db, eventId, input.date),
    section_id: input.section_id,
    start_time: input.start_time,
    end_time: input.end_time,
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

/** Names a day of the event (an empty title removes the name). */
export async function setDayTitle(ctx: ActionContext, event: Event, input: DayInput): Promise<void> {
  await ensureEditable(ctx, event);
  checkDay(event, input.date);
  await transact(ctx, async (trx) => {
    const dayId = await ensureDay(trx, event.id, input.date);
    await trx
      .updateTable('event_days')
      .set({ title: input.title ?? null })
      .where('id', '=', dayId)
      .execute();
    await agendaChanged(trx, ctx, event.id, 'day');
  });
}

export async function addSection(ctx: ActionContext, event: Event, input: SectionInput): Promise<number> {
  await ensureEditable(ctx, event);
  checkDay(event, input.date);
  return transact(ctx, async (trx) => {
    const id = await insertSection(trx, event.id, input.date, input.title);
    await agendaChanged(trx, ctx, event.id, 'section');
    return id;
  });
}

/** Deletes a section of the event with its items; 404 for a section that is not the event's. */
export async function deleteSection(ctx: ActionContext, event: Event, sectionId: number): Promise<void> {
  await ensureEditable(ctx, event);
  await transact(ctx, async (trx) => {
    const section = await sectionOf(trx, event.id, sectionId);
    if (!section) throw new HttpError(404, 'error.404.message');
    await trx.deleteFrom('event_sections').where('id', '=', section.id).execute();
    await agendaChanged(trx, ctx, event.id, 'section deleted');
  });
}

export type Overlap = Awaited<ReturnType<typeof overlapping>>[number];

/**
 * Adds an item (or changes item `itemId`) with its people. A day outside the event or a section of
 * another day is refused next to the field; an overlap with another item only warns: nothing is
 * saved and the overlapping items come back, until the input confirms them.
 */
export async function saveItem(
  ctx: ActionContext,
  event: Event,
  input: ItemInput,
  itemId?: number,
): Promise<{ saved: true; id: number } | { saved: false; overlaps: Overlap[] }> {
  await ensureEditable(ctx, event);
  checkDay(event, input.date);
  return transact(ctx, async (trx) => {
    if (input.section_id) {
      const section = await sectionOf(trx, event.id, input.section_id);
      if (!section) throw HttpError.invalid({ section_id: 'form.invalid' });
      if (section.date !== input.date) throw HttpError.invalid({ section_id: 'events.sectionOtherDay' });
    }
    if (!input.confirm_overlap) {
      const overlaps = await overlapping(trx, event.id, input.date, input.start_time, input.end_time, itemId);
      if (overlaps.length) return { saved: false, overlaps } as const;
    }
    const people = await resolvePeople(trx, [
      ...peopleFromLines(input.speakers, 'speaker'),
      ...peopleFromLines(input.chairs, 'chair'),
      ...peopleFromLines(input.facilitators, 'facilitator'),
    ]);
    const id = await writeItem(trx, event.id, input, people, itemId);
    await agendaChanged(trx, ctx, event.id, 'item');
    return { saved: true, id } as const;
  });
}

export async function deleteItem(ctx: ActionContext, event: Event, itemId: number): Promise<void> {
  await ensureEditable(ctx, event);
  await transact(ctx, async (trx) => {
    await trx.deleteFrom('event_items').where('id', '=', itemId).execute();
    await agendaChanged(trx, ctx, event.id, 'item deleted');
  });
}

/**
 * Saves a reviewed paste on one day of the event: its items, then its sections with theirs. A paste
 * with unreadable lines, or nothing read, is refused next to the text.
 */
export async function savePasted(
  ctx: ActionContext,
  event: Event,
  date: string,
  agenda: ParsedAgenda,
): Promise<number> {
  await ensureEditable(ctx, event);
  checkDay(event, date);
  if (agenda.problems.length) throw HttpError.invalid({ text: 'events.unreadableLines' });
  if (itemCount(agenda) === 0) throw HttpError.invalid({ text: 'events.nothingRead' });
  return transact(ctx, async (trx) => {
    let count = 0;
    const write = async (item: ParsedItem, sectionId: number | null) => {
      const people = await resolvePeople(trx, item.people);
      const values = {
        date,
        section_id: sectionId,
        start_time: item.start,
        end_time: item.end,
        title: item.title,
        kind: item.kind,
      };
      await writeItem(trx, event.id, values, people);
      count++;
    };
    for (const item of agenda.items) await write(item, null);
    for (const section of agenda.sections) {
      const sectionId = await insertSection(trx, event.id, date, section.title);
      for (const item of section.items) await write(item, sectionId);
    }
    await agendaChanged(trx, ctx, event.id, `pasted ${count} items`);
    return count;
  });
}
