// File answers: each file chosen for a file question is checked by its content (checkUpload: size,
// zip bombs, type, its text read within limits) against the questionnaire's lower limit and short list of types, then stored by
// hash in deps.files. The bytes are stored before the response's transaction: a file no response
// ends up pointing to is an unreferenced blob, never a visible half-saved record.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DB } from '../../db/index.ts';
import { chosenFile } from '../attached-images.ts';
import type { AppDeps } from '../context.ts';
import {
  checkUpload,
  FILE_REFUSAL_MESSAGE,
  FILE_REFUSAL_STATUS,
  type FileRefusal,
  safeFileName,
} from '../files/index.ts';
import type { FieldErrors } from '../http/forms.ts';
import type { MessageKey } from '../i18n.ts';
import { type AnswerNaming, answerName, type FileAnswer, isFileAnswer } from './answers.ts';
import type { Question } from './questions.ts';
import { ANSWER_FILE_KINDS, ANSWER_FILE_MAX_BYTES } from './vocab.ts';

const MESSAGE: Record<FileRefusal, MessageKey> = { ...FILE_REFUSAL_MESSAGE, type: 'questionnaire.fileType' };

export interface ReceivedFiles {
  /** The new file answers, by question id. */
  files: Map<number, FileAnswer>;
  /** A message per refused file, by field name. */
  errors: FieldErrors;
  /**
   * What the refusals call for: 413 too large, 415 a type not taken, 429 too many files waiting to
   * be read, 422 otherwise (and for a mix); null: none.
   */
  status: ContentfulStatusCode | null;
  /** Seconds to wait before sending a file again, when one was refused for that (429). */
  retryAfter?: number;
}

/**
 * Checks and stores the files chosen for the file questions asked (hidden ones take none).
 * `uploader` (the member answering) bounds how many of their files wait to be read at once.
 */
export async function receiveFiles(
  deps: Pick<AppDeps, 'files'>,
  questions: readonly Question[],
  body: Record<string, unknown>,
  options: { naming?: AnswerNaming; uploader?: number } = {},
): Promise<ReceivedFiles> {
  const { naming = {}, uploader } = options;
  const received: ReceivedFiles = { files: new Map(), errors: {}, status: null };
  for (const question of questions) {
    if (question.kind !== 'file' || question.hidden) continue;
    const name = answerName(question, naming);
    const file = chosenFile(body[name]);
    if (!file) continue;
    let refusal: FileRefusal | undefined;
    // The declared size decides before a byte is read into memory.
    if (file.size > ANSWER_FILE_MAX_BYTES) refusal = 'tooLarge';
    else {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const checked = await checkUpload(bytes, {
        maxBytes: ANSWER_FILE_MAX_BYTES,
        name: file.name,
        uploader,
      });
      if (!checked.ok) {
        refusal = checked.reason;
        if (checked.retryAfter !== undefined) received.retryAfter = checked.retryAfter;
      } else if (!ANSWER_FILE_KINDS.has(checked.kind)) refusal = 'type';
      else {
        const { hash, size } = await deps.files.put(bytes);
        received.files.set(question.id, {
          hash,
          size,
          mime: checked.mime,
          name: safeFileName(file.name, checked.ext),
        });
      }
    }
    if (refusal) {
      received.errors[name] = MESSAGE[refusal];
      const own = FILE_REFUSAL_STATUS[refusal];
      received.status = received.status === null || received.status === own ? own : 422;
    }
  }
  return received;
}

/**
 * Which of `hashes` a file answer refers to (the clean-up of unreferenced files asks every module
 * and this). File answers are few beside the other answers: they are read whole, by question kind.
 */
export async function answerFileReferences(db: DB, hashes: readonly string[]): Promise<Set<string>> {
  const wanted = new Set(hashes);
  const found = new Set<string>();
  const rows = await db
    .selectFrom('questionnaire_answers as a')
    .innerJoin('questionnaire_questions as q', 'q.id', 'a.question_id')
    .select('a.value')
    .where('q.kind', '=', 'file')
    .execute();
  for (const { value } of rows) {
    const answer: unknown = JSON.parse(value);
    if (isFileAnswer(answer) && wanted.has(answer.hash)) found.add(answer.hash);
  }
  return found;
}
