// A saved record back as input, the two ways every module needs it: as the typed input of its
// schema (`inputOf`: what PATCH merges the sent fields onto) and as an edit form's values
// (`formValuesOf`). Most fields are stored as they are typed; a module names only the others.
import type { z } from 'zod';
import type { FormValues } from './forms.ts';

/**
 * The input of `object` that saved `record`: each field of the schema is the record's field of
 * the same name, but those in `derived` (a reference as a slug, a list stored elsewhere). The
 * record must have the other fields, of their input types.
 */
export function savedInput<S extends z.ZodObject, D extends Partial<z.output<S>>>(
  object: S,
  record: Omit<z.output<S>, keyof D>,
  derived: D,
): z.output<S> {
  const saved = record as Record<string, unknown>;
  const given = derived as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object.shape).map((key) => [key, key in given ? given[key] : saved[key]]),
  ) as z.output<S>;
}

type Typed = string | number | boolean | null | undefined | readonly string[];

function shown(v: Typed): string | string[] {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? '1' : '';
  if (typeof v === 'object') return [...v];
  return String(v);
}

/** Typed values as a form shows them: nothing as '', numbers as text, a ticked box as '1', lists as they are. */
export function formValuesFrom(input: Record<string, Typed>): FormValues {
  return Object.fromEntries(Object.entries(input).map(([name, v]) => [name, shown(v)]));
}
