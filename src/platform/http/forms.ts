// The one form helper: read a submitted form, validate it with the zod schema that also serves the
// API, and hand back either the data or the values as typed plus a message key per field, so the
// page can show the form again with nothing lost.
import type { Context } from 'hono';
import type { z } from 'zod';
import { hasMessage, type MessageKey, type MessageValues } from '../i18n.ts';
import { HttpError } from './errors.ts';
import { refuseHoneypot } from './honeypot.ts';

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, MessageKey>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; values: FormValues; errors: FieldErrors };

/** Fields never sent back to the browser when a form is shown again. */
const SECRET_FIELDS = /password|token|_csrf/i;

export async function readForm<S extends z.ZodType>(c: Context, schema: S): Promise<FormResult<z.output<S>>> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (Array.isArray(value)) values[key] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') values[key] = value;
  }
  refuseHoneypot(values);
  return validateForm(schema, values);
}

/**
 * `value` through `schema`, or a refusal naming each invalid field (HttpError.invalid). What the
 * actions use for API bodies and PATCH merges: `parseInput(schema, { ...inputOf(record), ...body })`.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw HttpError.invalid(fieldErrors(parsed.error.issues));
  return parsed.data;
}

/**
 * The request's JSON body, which must be an object. Malformed JSON is a 400, anything but an object
 * a 422; never a 500.
 */
export async function readJson(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'error.400.message');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw HttpError.invalid({ _form: 'form.invalid' });
  return body as Record<string, unknown>;
}

/**
 * Runs a write whose refusal of the input (HttpError.invalid: an unknown event, a slug taken) the
 * page shows next to the fields, with the form as it was sent; other errors go on up.
 */
export async function attempt<T>(
  write: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors }> {
  try {
    return { ok: true, value: await write() };
  } catch (err) {
    if (err instanceof HttpError && err.isInvalidInput && err.fieldErrors)
      return { ok: false, errors: err.fieldErrors };
    throw err;
  }
}

/**
 * A form sent to a write, as most pages take one: readForm() with `schema`, then attempt() of
 * `write` with its data. The written value (with the values as sent), or, when the schema or the
 * write refused them, the values as sent with a message per field: the form to show again.
 */
export async function submitForm<S extends z.ZodType, T>(
  c: Context,
  schema: S,
  write: (data: z.output<S>) => Promise<T>,
): Promise<
  { ok: true; value: T; values: FormValues } | { ok: false; values: FormValues; errors: FieldErrors }
> {
  const form = await readForm(c, schema);
  if (!form.ok) return form;
  const done = await attempt(() => write(form.data));
  return done.ok
    ? { ok: true, value: done.value, values: form.values }
    : { ok: false, values: form.values, errors: done.errors };
}

/**
 * As attempt(), for writes that may also refuse with a conflict with what is stored (409: a
 * category in use, a question already answered): the refusal comes back with its status, its
 * messages by field, or its message next to `field` when it names none.
 */
export async function attemptWrite<T>(
  write: () => Promise<T>,
  field = '_form',
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors; status: 409 | 422 }> {
  try {
    return { ok: true, value: await write() };
  } catch (err) {
    if (err instanceof HttpError && (err.status === 409 || err.isInvalidInput))
      return {
        ok: false,
        errors: err.fieldErrors ?? { [field]: err.messageKey },
        status: err.status === 409 ? 409 : 422,
      };
    throw err;
  }
}

/** A write's refusal as a form shows it again: the messages (and their values) and the status. */
export interface RefusedForm {
  ok: false;
  errors: FieldErrors;
  errorValues: Record<string, MessageValues>;
  status: 403 | 409 | 422 | 429;
}

/**
 * As attemptWrite(), for the writes of members' posts (a reply, a comment, a message), which may be
 * refused for who writes or when (a suspended member: 403; posting too fast: 429 with Retry-After,
 * set on the answer here) as well as for what: the form comes back with its message and the draft,
 * instead of an error page that loses the text.
 */
export async function attemptPost<T>(
  c: Context,
  write: () => Promise<T>,
): Promise<{ ok: true; value: T } | RefusedForm> {
  try {
    return { ok: true, value: await write() };
  } catch (err) {
    return postRefusal(c, err);
  }
}

/** A refused post as attemptPost() shows it (its headers set on the answer); any other error is thrown on. */
export function postRefusal(c: Context, err: unknown): RefusedForm {
  if (!(err instanceof HttpError)) throw err;
  const values = err.values ?? {};
  if (err.isInvalidInput && err.fieldErrors) {
    const errorValues = Object.fromEntries(Object.keys(err.fieldErrors).map((field) => [field, values]));
    return { ok: false, errors: err.fieldErrors, errorValues, status: 422 };
  }
  if (err.status !== 403 && err.status !== 409 && err.status !== 429) throw err;
  for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
  return { ok: false, errors: { _form: err.messageKey }, errorValues: { _form: values }, status: err.status };
}

export function validateForm<S extends z.ZodType>(schema: S, values: FormValues): FormResult<z.output<S>> {
  const parsed = schema.safeParse(values);
  const echo = Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.test(k)));
  if (parsed.success) return { ok: true, data: parsed.data, values: echo };
  return { ok: false, values: echo, errors: fieldErrors(parsed.error.issues) };
}

/**
 * Schemas use message keys as their error messages (`z.string().max(100, 'form.tooLong')`); issues
 * without one get a generic key by kind.
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form';
    if (errors[field]) continue;
    errors[field] = messageKeyOf(issue);
  }
  return errors;
}

function messageKeyOf(issue: z.core.$ZodIssue): MessageKey {
  if (hasMessage(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === '' ? 'form.required' : 'form.invalid';
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'form.required' : 'form.tooShort';
    case 'too_big':
      return 'form.tooLong';
    case 'invalid_format':
      return issue.format === 'email' ? 'form.invalidEmail' : 'form.invalid';
    default:
      return 'form.invalid';
  }
}

/** First value of a field, as a string. */
export function fieldValue(values: FormValues | undefined, name: string): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}
