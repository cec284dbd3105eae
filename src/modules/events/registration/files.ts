// File answers: each file the applicant chose is checked by its content (checkUpload: size, zip
// bombs, type) against the application's lower limit and short list of types, then stored by
// hash in deps.files. The bytes are stored before the draft's transaction: a file no draft ends up
// pointing to is an unreferenced blob, never a visible half-saved record.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppDeps } from '../../../platform/context.ts';
import {
  checkUpload,
  FILE_REFUSAL_MESSAGE,
  FILE_REFUSAL_STATUS,
  type FileRefusal,
  safeFileName,
} from '../../../platform/files/index.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { answerName, type FileAnswer, type FormField } from './answers.ts';
import { APPLICATION_FILE_KINDS, APPLICATION_FILE_MAX_BYTES } from './vocab.ts';

/** The file field of a parsed multipart body, when a file was chosen. */
function chosenFile(value: unknown): File | undefined {
  const file = Array.isArray(value) ? value[0] : value;
  return file instanceof File && (file.size > 0 || file.name !== '') ? file : undefined;
}

const MESSAGE: Record<FileRefusal, MessageKey> = { ...FILE_REFUSAL_MESSAGE, type: 'registration.fileType' };

/**
 * Checks and stores the files chosen for the visible file questions. Returns the new file answers
 * by field id, a message per refused file, and the status the refusals call for (413 too large,
 * 415 a type not taken, 422 otherwise).
 */
export async function receiveFiles(
  deps: Pick<AppDeps, 'files'>,
  fields: FormField[],
  body: Record<string, unknown>,
): Promise<{ files: Map<number, FileAnswer>; errors: FieldErrors; status: ContentfulStatusCode | null }> {
  const files = new Map<number, FileAnswer>();
  const errors: FieldErrors = {};
  let status: ContentfulStatusCode | null = null;
  for (const field of fields) {
    if (field.kind !== 'file' || field.hidden) continue;
    const file = chosenFile(body[answerName(field)]);
    if (!file) continue;
    let refusal: FileRefusal | undefined;
    let stored: FileAnswer | undefined;
    // The declared size decides before a byte is read into memory.
    if (file.size > APPLICATION_FILE_MAX_BYTES) refusal = 'tooLarge';
    else {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const checked = await checkUpload(bytes, { maxBytes: APPLICATION_FILE_MAX_BYTES, name: file.name });
      if (!checked.ok) refusal = checked.reason;
      else if (!APPLICATION_FILE_KINDS.has(checked.kind)) refusal = 'type';
      else {
        const { hash, size } = await deps.files.put(bytes);
        stored = { hash, size, mime: checked.mime, name: safeFileName(file.name, checked.ext) };
      }
    }
    if (refusal) {
      errors[answerName(field)] = MESSAGE[refusal];
      const own = FILE_REFUSAL_STATUS[refusal];
      status = status === null || status === own ? own : 422;
    } else if (stored) files.set(field.id, stored);
  }
  return { files, errors, status };
}
