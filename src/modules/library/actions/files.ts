// Adding a file to a document, uploading a new version, removing a file: the same for the pages
// and the API. An upload is checked completely (platform/files checkUpload: size, bombs, type by
// content, password, damage, text) before anything is written; then the bytes go to the file store
// (by hash, before the transaction, so a committed record never points at missing bytes) and the
// rows, the document's search entry and the audit entry are written in one transaction. A refused
// upload writes nothing at all; a failed transaction at most leaves bytes in the store that no
// record names (harmless, as the store is addressed by content).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, ensure, transact } from '../../../platform/actions.ts';
import {
  checkUpload,
  FILE_REFUSAL_MESSAGE,
  FILE_REFUSAL_STATUS,
  safeFileName,
} from '../../../platform/files/index.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { nowIso } from '../../../platform/time.ts';
import type { DocumentDetails } from '../access.ts';
import { canManageFiles } from '../permissions.ts';
import type { FileInput } from '../schemas.ts';
import { reindexDocument } from '../search.ts';
import { auditDocument } from './documents.ts';

type Db = Kysely<Database>;

/** Why an upload was refused: the status, and the message shown next to the file field. */
export interface UploadRefusal {
  status: 413 | 415 | 422 | 429;
  key: MessageKey;
  values?: Record<string, number>;
  /** Seconds to wait before sending the file again (429: too many files waiting to be read). */
  retryAfter?: number;
}

/** An upload that passed every check: its bytes, and what is kept of it (named safely, its text). */
export interface CheckedUpload {
  bytes: Uint8Array;
  mime: string;
  size: number;
  name: string;
  pages: number | null;
  text: string;
}

/**
 * Checks an uploaded file for the library: present, at most UPLOAD_LIMIT_MB (config
 * uploadLimitBytes), then everything checkUpload looks at. The name is kept, made safe rather than
 * refused: it is only ever shown and sent in Content-Disposition, never used as a path (files are
 * stored by hash), and names with odd characters are common on the computers uploads come from.
 * The uploader's id bounds how many of one member's files wait to be read at once.
 */
export async function checkDocumentFile(
  file: File | undefined,
  maxBytes: number,
  uploader?: number,
): Promise<{ ok: true; upload: CheckedUpload } | { ok: false; refusal: UploadRefusal }> {
  if (!file) return { ok: false, refusal: { status: 422, key: 'library.fileRequired' } };
  const limit = { limit: Math.floor(maxBytes / 1024 / 1024) };
  // Refused before its bytes are copied out of the request.
  if (file.size > maxBytes)
    return { ok: false, refusal: { status: 413, key: 'files.refused.tooLarge', values: limit } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = await checkUpload(bytes, { maxBytes, name: file.name, uploader });
  if (!check.ok)
    return {
      ok: false,
      refusal: {
        status: FILE_REFUSAL_STATUS[check.reason],
        key: FILE_REFUSAL_MESSAGE[check.reason],
        ...(check.reason === 'tooLarge' ? { values: limit } : {}),
        ...(check.retryAfter !== undefined ? { retryAfter: check.retryAfter } : {}),
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

/** A new version row of a file: it becomes the current one. */
async function insertVersion(
  db: Db,
  fileId: number,
  hash: string,
  upload: CheckedUpload,
  actorId: number | null,
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('document_file_versions')
    .values({
      file_id: fileId,
      hash,
      mime: upload.mime,
      size: upload.size,
      name: upload.name,
      pages: upload.pages,
      text: upload.text,
      uploaded_by: actorId,
      created_at: now,
    })
    .execute();
  await db.updateTable('document_files').set({ updated_at: now }).where('id', '=', fileId).execute();
}

/** The document changed: its date moves and its search entry holds the files' texts as they are. */
async function touchDocument(db: Db, documentId: number): Promise<void> {
  await db.updateTable('documents').set({ updated_at: nowIso() }).where('id', '=', documentId).execute();
  await reindexDocument(db, documentId);
}

/** What the audit log keeps of an upload: enough to find the bytes again. */
const uploadDetails = (doc: DocumentDetails, hash: string, upload: CheckedUpload) => ({
  slug: doc.slug,
  name: upload.name,
  hash,
  size: upload.size,
  mime: upload.mime,
});

/**
 * Stores the upload's bytes, then in one transaction: the file (`fileOf` makes it, or names the one
 * there is), its new version, the document's date and search entry, and the audit entry.
 */
async function saveUpload(
  ctx: ActionContext,
  doc: DocumentDetails,
  upload: CheckedUpload,
  fileOf: (trx: Db, actorId: number | null) => Promise<number>,
  audited: { what: string; details: Record<string, unknown> },
): Promise<number> {
  const actorId = ensure(ctx, canManageFiles)?.id ?? null;
  const { hash } = await ctx.deps.files.put(upload.bytes);
  return transact(ctx, async (trx) => {
    const fileId = await fileOf(trx, actorId);
    await insertVersion(trx, fileId, hash, upload, actorId);
    await touchDocument(trx, doc.id);
    await auditDocument(trx, ctx, doc.id, audited.what, {
      file: fileId,
      ...audited.details,
      ...uploadDetails(doc, hash, upload),
    });
    return fileId;
  });
}

/** Adds a new file (its first version) to the document; returns the file's id. */
export function addDocumentFile(
  ctx: ActionContext,
  doc: DocumentDetails,
  input: FileInput,
  upload: CheckedUpload,
): Promise<number> {
  const addFile = async (trx: Db, actorId: number | null) => {
    const now = nowIso();
    const { id } = await trx
      .insertInto('document_files')
      .values({
        document_id: doc.id,
        lang: input.lang,
        label: input.label,
        created_by: actorId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  };
  return saveUpload(ctx, doc, upload, addFile, {
    what: 'file_added',
    details: { lang: input.lang, label: input.label },
  });
}

/** Uploads a new version of a file: it becomes the current one, the earlier ones stay. */
export async function addDocumentFileVersion(
  ctx: ActionContext,
  doc: DocumentDetails,
  fileId: number,
  upload: CheckedUpload,
): Promise<void> {
  await saveUpload(ctx, doc, upload, async () => fileId, { what: 'file_version_added', details: {} });
}

/**
 * Removes a file with all its versions from the document (their rows: the bytes may serve other
 * records; the audit entry names them).
 */
export async function removeDocumentFile(
  ctx: ActionContext,
  doc: DocumentDetails,
  fileId: number,
): Promise<void> {
  ensure(ctx, canManageFiles);
  const file = doc.files.find((f) => f.id === fileId);
  await transact(ctx, async (trx) => {
    await trx.deleteFrom('document_files').where('id', '=', fileId).execute();
    await touchDocument(trx, doc.id);
    await auditDocument(trx, ctx, doc.id, 'file_removed', {
      slug: doc.slug,
      file: fileId,
      label: file?.label ?? null,
      versions: file?.versions.map((v) => ({ name: v.name, hash: v.hash })) ?? [],
    });
  });
}
