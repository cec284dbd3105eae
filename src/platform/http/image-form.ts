// A form with an image field (a cover, a screenshot, a logo): its fields through their schema, and
// the file, when one was chosen, checked and re-encoded by its kind (platform/attached-images.ts)
// before anything is written. A refused file decides the status (413, 415) unless the fields are
// wrong too; either way the page shows the form again with a message per field, nothing typed lost.
import type { Context } from 'hono';
import type { z } from 'zod';
import { chosenFile, type ImageCheck, type ProcessedImage } from '../attached-images.ts';
import type { MessageValues } from '../i18n.ts';
import { type FieldErrors, type FormValues, readForm } from './forms.ts';

export type ImageFormResult<T> =
  | { ok: true; data: T; values: FormValues; image: ProcessedImage | undefined }
  | {
      ok: false;
      /** What the page shows again: the form's state (values, messages, the size limit of a refused file). */
      state: { values: FormValues; errors: FieldErrors; errorValues: Record<string, MessageValues> };
      status: 413 | 415 | 422;
    };

export async function readFormWithImage<S extends z.ZodType>(
  c: Context,
  schema: S,
  field: string,
  kind: { check: (file: File | undefined) => Promise<ImageCheck> },
): Promise<ImageFormResult<z.output<S>>> {
  const form = await readForm(c, schema);
  // Parsed once: Hono keeps the body readForm (and the CSRF check) read.
  const body = await c.req.parseBody({ all: true });
  const file = chosenFile(body[field]);
  const check = file ? await kind.check(file) : undefined;
  if (form.ok && (!check || check.ok))
    return { ok: true, data: form.data, values: form.values, image: check?.ok ? check.image : undefined };
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const errorValues: Record<string, MessageValues> = {};
  let status: 413 | 415 | 422 = 422;
  if (check && !check.ok) {
    errors[field] = check.refusal.key;
    errorValues[field] = check.refusal.values ?? {};
    if (form.ok) status = check.refusal.status;
  }
  return { ok: false, state: { values: form.values, errors, errorValues }, status };
}
