// How the network's pages take a form with a text (a request's note, a message): the schema (and
// readForm's honeypot), then the action; a refusal the writer can act on (too many writes, not connected,
// already asked) comes back as the form with its message and the draft kept, with the refusal's
// status (and Retry-After for a 429). Other refusals (404) go on up.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { AppEnv } from '../../platform/context.ts';
import { attemptPost, readForm } from '../../platform/http/forms.ts';
import type { FormState } from '../../ui/components/form.tsx';

export type Submitted<T> =
  | { ok: true; value: T }
  | { ok: false; state: FormState; status: ContentfulStatusCode };

export async function submitNetworkForm<S extends z.ZodType, T>(
  c: Context<AppEnv>,
  schema: S,
  write: (data: z.output<S>) => Promise<T>,
): Promise<Submitted<T>> {
  // readForm() refuses a form whose honeypot a robot filled (400): nothing is written.
  const form = await readForm(c, schema);
  const values = form.values;
  if (!form.ok) return { ok: false, state: { values, errors: form.errors }, status: 422 };
  const done = await attemptPost(c, () => write(form.data));
  if (done.ok) return done;
  return {
    ok: false,
    state: { values, errors: done.errors, errorValues: done.errorValues },
    status: done.status,
  };
}
