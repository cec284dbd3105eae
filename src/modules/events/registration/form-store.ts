// The organiser's questions of an event's application form, in order. A question that has answers
// (drafts included) is never deleted, only hidden, and keeps its kind and every choice someone
// chose, so changing the form never loses what applicants wrote.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../platform/time.ts';
import { type Answers, chosenOptions, type FormField, parseAnswers } from './answers.ts';
import type { FieldInput } from './schemas.ts';

type Db = Kysely<Database>;

function toField(row: {
  id: number;
  position: number;
  kind: FormField['kind'];
  label: string;
  help: string;
  required: number;
  options: string;
  hidden: number;
}): FormField {
  let options: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.options);
    if (Array.isArray(parsed)) options = parsed.filter((o): o is string => typeof o === 'string');
  } catch {}
  return { ...row, required: row.required === 1, hidden: row.hidden === 1, options };
}

/** Every question of the form in order, hidden ones included (the form leaves those out). */
export async function fieldsOf(db: Db, eventId: number): Promise<FormField[]> {
  const rows = await db
    .selectFrom('event_form_fields')
    .select(['id', 'position', 'kind', 'label', 'help', 'required', 'options', 'hidden'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toField);
}

export async function fieldOf(db: Db, eventId: number, fieldId: number): Promise<FormField | undefined> {
  return (await fieldsOf(db, eventId)).find((f) => f.id === fieldId);
}

/** The answers of every registration of the event, drafts included. */
export async function allAnswers(db: Db, eventId: number): Promise<Answers[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .select('answers')
    .where('event_id', '=', eventId)
    .execute();
  return rows.map((r) => parseAnswers(r.answers));
}

/** The questions someone has answered, and (for choice questions) which choices were chosen. */
export async function answeredFields(db: Db, eventId: number): Promise<Map<number, Set<string>>> {
  const [all, fields] = await Promise.all([allAnswers(db, eventId), fieldsOf(db, eventId)]);
  const answered = new Map<number, Set<string>>();
  for (const field of fields) {
    if (!all.some((answers) => answers[String(field.id)] !== undefined)) continue;
    const choice = field.kind === 'single_choice' || field.kind === 'multiple_choice';
    answered.set(field.id, choice ? chosenOptions(field, all) : new Set());
  }
  return answered;
}

export async function addField(trx: Db, eventId: number, input: FieldInput): Promise<number> {
  const last = await trx
    .selectFrom('event_form_fields')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  const now = nowIso();
  const row = await trx
    .insertInto('event_form_fields')
    .values({
      event_id: eventId,
      position: Number(last?.p ?? -1) + 1,
      kind: input.kind,
      label: input.label,
      help: input.help,
      required: input.required ? 1 : 0,
      options: JSON.stringify(input.options),
      hidden: input.hidden ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateField(trx: Db, fieldId: number, input: FieldInput): Promise<void> {
  await trx
    .updateTable('event_form_fields')
    .set({
      kind: input.kind,
      label: input.label,
      help: input.help,
      required: input.required ? 1 : 0,
      options: JSON.stringify(input.options),
      hidden: input.hidden ? 1 : 0,
      updated_at: nowIso(),
    })
    .where('id', '=', fieldId)
    .execute();
}

export async function deleteField(trx: Db, fieldId: number): Promise<void> {
  await trx.deleteFrom('event_form_fields').where('id', '=', fieldId).execute();
}

/** Swaps a question with its neighbour; positions are renumbered 0…n-1 on the way. */
export async function moveField(trx: Db, eventId: number, fieldId: number, direction: 'up' | 'down') {
  const fields = await fieldsOf(trx, eventId);
  const at = fields.findIndex((f) => f.id === fieldId);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= fields.length) return;
  const order = fields.map((f) => f.id);
  [order[at], order[to]] = [order[to]!, order[at]!];
  for (const [position, id] of order.entries())
    await trx.updateTable('event_form_fields').set({ position }).where('id', '=', id).execute();
}
