// The one way a handler refuses a request: throw an HttpError with a message key. app.ts turns it
// into an HTML error page in the reader's language, or application/problem+json under /api.
import type { MessageKey, MessageValues } from '../i18n.ts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

export class HttpError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly messageKey: MessageKey,
    readonly values?: MessageValues,
    /** Extra headers, e.g. Retry-After or WWW-Authenticate. */
    readonly headers?: Record<string, string>,
    /** Per-field messages of a rejected API request body. */
    readonly fieldErrors?: Record<string, MessageKey>,
  ) {
    super(messageKey);
  }

  /**
   * The one way to say "this input is not valid": a message key per field. A page shows the form
   * again with each message next to its field (nothing typed is lost); the API answers 422 with
   * the messages under `errors`.
   */
  static invalid(fields: Record<string, MessageKey>, values?: MessageValues): HttpError {
    return new HttpError(422, 'error.422.message', values, undefined, fields);
  }

  /** Whether this refusal is about the input's fields (see invalid). */
  get isInvalidInput(): boolean {
    return this.status === 422 && this.fieldErrors !== undefined;
  }
}

/** `record`, or a 404 refusal when there is none: `const post = found(await getPost(db, slug))`. */
export function found<T>(record: T | null | undefined): T {
  if (record === null || record === undefined) throw new HttpError(404, 'error.404.message');
  return record;
}

export const TITLE_BY_STATUS: Record<number, MessageKey> = {
  400: 'error.400.title',
  401: 'error.401.title',
  403: 'error.403.title',
  404: 'error.404.title',
  405: 'error.400.title',
  409: 'error.409.title',
  413: 'error.413.title',
  415: 'error.400.title',
  422: 'error.422.title',
  429: 'error.429.title',
  500: 'error.500.title',
  503: 'error.500.title',
};
