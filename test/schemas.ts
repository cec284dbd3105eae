// What a schema makes of an input, for the unit tests of the modules' schemas.ts (no database): the
// parsed value, or the message key of each refused field as readForm() and the API give them, or the
// message of one field's first refusal.
import type { z } from 'zod';
import { fieldErrors } from '../src/platform/http/forms.ts';

/** The parsed value, or the message key per refused field. */
export function outcome(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: parsed.data } : { errors: fieldErrors(parsed.error.issues) };
}

/** The message key of each field `schema` refuses in `value`; {} when it passes. */
export function refusals(schema: z.ZodType, value: unknown): Record<string, string> {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : fieldErrors(parsed.error.issues);
}

/** The message of the first refusal of `field`, or undefined when `value` passes. */
export function refusalOf(schema: z.ZodType, value: unknown, field: string): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === field)?.message;
}
