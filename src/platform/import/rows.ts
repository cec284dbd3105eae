// One row of a file into a record's input, the way every import target reads it: its cells into the
// form's values (a coded value looked up in a vocabulary, the mapping's default for an empty cell),
// then through the form's own schema. A value no vocabulary knows is noted and kept as typed, so
// the row says which cell to correct.
import type { z } from 'zod';
import { fieldErrors } from '../http/forms.ts';
import type { MappingChoice, RowMessage } from './target.ts';
import { splitList } from './values.ts';

type Lookup = (value: string) => string | undefined;

/** The coded cells of a row (`cells`, by field) read with their lookups; `messages` notes the unknown ones. */
export function rowReader(cells: Partial<Record<string, string>>, choice: MappingChoice) {
  const messages: RowMessage[] = [];
  const known = (field: string, value: string, lookup: Lookup) => {
    const code = lookup(value);
    if (!code) messages.push({ field, key: 'import.unknownValue', values: { value } });
    return code ?? value;
  };
  return {
    messages,
    /** One coded value; an empty cell takes the mapping's default for the field. */
    single: (field: string, lookup: Lookup) => {
      const cell = cells[field] ?? '';
      return cell ? known(field, cell, lookup) : (choice.defaults[field] ?? '');
    },
    /** Coded values separated in one cell ("a; b"). */
    list: (field: string, lookup: Lookup) =>
      splitList(cells[field] ?? '').map((v) => known(field, v, lookup)),
  };
}

/**
 * The row's values through the form's schema: the input, or undefined with the schema's refusals
 * added to `messages` (a field that has a message already keeps that one).
 */
export function parseRow<S extends z.ZodType>(
  schema: S,
  values: unknown,
  messages: RowMessage[],
): z.output<S> | undefined {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const already = new Set(messages.map((m) => m.field));
  for (const [field, key] of Object.entries(fieldErrors(parsed.error.issues)))
    if (!already.has(field)) messages.push({ field, key });
  return undefined;
}
