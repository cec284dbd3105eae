// Adding a file to a document, uploading a new version, removing a file: the same for the pages
// and the API. An upload is checked completely (platform/files checkUpload: size, bombs, type by
// content, password, damage, text) before anything is written; then the bytes go to the file store
// (by hash, before the transaction, so a committed record never points at missing bytes) and the
// rows, the document's search entry and the audit entry are written in one transaction. A refused
// upload writes nothing at all; a failed transaction at most leaves bytes in the store that no
// record names (harmless, as the store is addressed by content).
import type { Context } from 'hono';
import type { User } from '../../db/schema.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import type { AppEnv } from '../../platform/context.ts';
import {
  checkUpload,
  FILE_REFUSAL_MESSAGE,
  FILE_REFUSAL_STATUS,
  safeFileName,
} from '../../platform/files/index.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { nowIso } from '../../platform/time.ts';
import { type AcceptedFile, deleteFile, insertFile, insertFileVersion } from './files.ts';
import type { FileInput } from './schemas.ts';
import { type DocumentDetails, reindexDocument } from './store.ts';

type C = Context<AppEnv>;

/** Why an upload was refused: the status, and the message shown next to the file field. */
export interface UploadRefusal {
  status: 413 | 415 | 422;
  key: MessageKey;
  values?: Record<string, number>;
}

export interface CheckedUpload extends AcceptedFile {
  bytes: Uint8Array;
}

/** The file of a submitted multipart form's `file` field, when one was chosen. */
export function chosenFile(body: Record<string, unknown>, field = 'file'): File | undefined {
  const value = body[field];
  const file = Array.isArray(value) ? value.find((v) => v instanceof File) : value;
  return file instanceof File && (file.size > 0 || file.name !== '') ? file : undefined;
}

/**
 * Checks an uploaded file for the library: present, at most UPLOAD_LIMIT_MB (config
 * uploadLimitBytes), then everything checkUpload looks at. The name is kept, made safe rather than
 * refused: it is only ever shown and sent in Content-Disposition, never used as a path (files are
 * stored by hash), and names with odd characters are common on the computers uploads come from.
 */
export async function checkDocumentFile(
  file: File | undefined,
  maxBytes: number,
): Promise<{ ok: true; upload: CheckedUpload } | { ok: false; refusal: UploadRefusal }> {
  if (!file) return { ok: false, refusal: { status: 422, key: 'library.fileRequired' } };
  const limit = { limit: Math.floor(maxBytes / 1024 / 1024) };
  // Refused before its bytes are copied out of the request.
  if (file.size > maxBytes)
    return { ok: false, refusal: { status: 413, key: 'files.refused.tooLarge', values: limit } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = await checkUpload(bytes, { maxBytes, name: file.name });
  if (!check.ok)
    return {
      ok: false,
      refusal: {
        status: FILE_REFUSAL_STATUS[check.reason],
        key: FILE_REFUSAL_MESSAGE[check.reason],
        ...(check.reason === 'tooLarge' ? { values: limit } : {}),
      },
    };
  return {
    ok: true,
    upload: {
      bytes,
      mime: check.mime,
      size: bytes.byteLength,
      name: safeFileName(file.name, check.ext),
      pages: check.pages ?? null,
      text: check.text,
    },
  };
}

/** What the audit log keeps of an upload: enough to find the bytes again. */
const uploadDetails = (doc: DocumentDetails, hash: string, upload: CheckedUpload) => ({
  slug: doc.slug,
  name: upload.name,
  hash,
  size: upload.size,
  mime: upload.mime,
});

async function touchDocument(trx: Parameters<typeof reindexDocument>[0], documentId: number) {
  await trx.updateTable('documents').set({ updated_at: nowIso() }).where('id', '=', documentId).execute();
  await reindexDocument(trx, documentId);
}

/** Adds a new file (its first version) to the document; returns the file's id. */
export async function addDocumentFile(
  c: C,
  doc: DocumentDetails,
  input: FileInput,
  upload: CheckedUpload,
  actor: User,
): Promise<number> {
  const { db, files } = c.var.deps;
  const { hash } = await files.put(upload.bytes);
  return db.transaction().execute(async (trx) => {
    const fileId = await insertFile(trx, doc.id, input, actor.id);
    await insertFileVersion(trx, fileId, hash, upload, actor.id);
    await touchDocument(trx, doc.id);
    await recordAudit(trx, {
      ...auditOrigin(c),
      action: 'document.file_added',
      subjectType: 'document',
      subjectId: doc.id,
      details: { file: fileId, lang: input.lang, label: input.label, ...uploadDetails(doc, hash, upload) },
    });
    return fileId;
  });
}

/** Uploads a new version of a file: it becomes the current one, the earlier ones stay. */
export async function addDocumentFileVersion(
  c: C,
  doc: DocumentDetails,
  fileId: number,
  upload: CheckedUpload,
  actor: User,
): Promise<void> {
  const { db, files } = c.var.deps;
  const { hash } = await files.put(upload.bytes);
  await db.transaction().execute(async (trx) => {
    await insertFileVersion(trx, fileId, hash, upload, actor.id);
    await touchDocument(trx, doc.id);
    await recordAudit(trx, {
      ...auditOrigin(c),
      action: 'document.file_version_added',
      subjectType: 'document',
      subjectId: doc.id,
      details: { file: fileId, ...uploadDetails(doc, hash, upload) },
    });
  });
}

/** Removes a file with all its versions from the document (the audit entry names them). */
export async function removeDocumentFile(c: C, doc: DocumentDetails, fileId: number): Promise<void> {
  const file = doc.files.find((f) => f.id === fileId);
  await c.var.deps.db.transaction().execute(async (trx) => {
    await deleteFile(trx, fileId);
    await touchDocument(trx, doc.id);
    await recordAudit(trx, {
      ...auditOrigin(c),
      action: 'document.file_removed',
      subjectType: 'document',
      subjectId: doc.id,
      details: {
        slug: doc.slug,
        file: fileId,
        label: file?.label ?? null,
        versions: file?.versions.map((v) => ({ name: v.name, hash: v.hash })) ?? [],
      },
    });
  });
}
