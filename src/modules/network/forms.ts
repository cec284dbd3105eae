// How the network's pages take a form with a text (a request's note, a message): the schema, the
// honeypot, then the action; a refusal the writer can act on (too many writes, not connected,
// already asked) comes back as the form with its message and the draft kept, with the refusal's
// status (and Retry-After for a 429). Other refusals (404) go on up.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { fieldValue, readForm } from '../../platform/http/forms.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { HONEYPOT } from './vocab.ts';

const SHOWN_WITH_FORM = new Set([403, 409, 429]);

export type Submitted<T> =
  | { ok: true; value: T }
  | { ok: false; state: FormState; status: ContentfulStatusCode };

export async function submitNetworkForm<S extends z.ZodType, T>(
  c: Context<AppEnv>,
  schema: S,
  write: (data: z.output<S>) => Promise<T>,
): Promise<Submitted<T>> {
  const form = await readForm(c, schema);
  const { [HONEYPOT]: _robot, ...values } = form.values;
  // A robot filled the field people never see: nothing is written.
  if (fieldValue(form.values, HONEYPOT) !== '')
    return { ok: false, state: { values, errors: { _form: 'network.refusedAsRobot' } }, status: 422 };
  if (!form.ok) return { ok: false, state: { values, errors: form.errors }, status: 422 };
  try {
    return { ok: true, value: await write(form.data) };
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    if (err.isInvalidInput && err.fieldErrors)
      return { ok: false, state: { values, errors: err.fieldErrors }, status: 422 };
    if (!SHOWN_WITH_FORM.has(err.status)) throw err;
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    return {
      ok: false,
      state: { values, errors: { _form: err.messageKey } },
      status: err.status as ContentfulStatusCode,
    };
  }
}
