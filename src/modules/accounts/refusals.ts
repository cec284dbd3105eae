// How a refused account action comes back to its page: the form again, with the message, the
// status and (after too many tries) how long to wait. Other errors go on up to the error page.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n.ts';

/** The refusals an account form shows above its fields (the rest are error pages). */
const FORM_MESSAGES: ReadonlySet<MessageKey> = new Set([
  'auth.rateLimited',
  'login.wrongCredentials',
  'login.accountLocked',
  'login.disabled',
  'login.unverified',
  'account.lastAdmin',
]);

export type Refused = { ok: false; errors: FieldErrors; status: ContentfulStatusCode; wait?: number };

/** Runs an account action; its refusal of the input, or of the try, comes back as the form's state. */
export async function attemptForm<T>(
  c: Context<AppEnv>,
  write: () => Promise<T>,
): Promise<{ ok: true; value: T } | Refused> {
  try {
    return { ok: true, value: await write() };
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    if (err.isInvalidInput && err.fieldErrors) return { ok: false, errors: err.fieldErrors, status: 422 };
    if (!FORM_MESSAGES.has(err.messageKey)) throw err;
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    const minutes = err.values?.minutes;
    return {
      ok: false,
      errors: { _form: err.messageKey },
      status: err.status,
      wait: typeof minutes === 'number' ? minutes : undefined,
    };
  }
}
