// The checks an uploaded file passes before anything is stored, in order: size; for archives, a
// walk that inflates every entry against a zip bomb; the type, from the content (magic bytes and,
// for office documents, the archive's own description of itself) — never from the name or the
// type the browser declared; then its text, extracted by the parsers in a separate process with a
// memory limit, a timeout and a page cap, behind a bounded queue (extraction.ts), so one hostile
// file costs that process a restart, not the server.
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { MessageKey } from '../i18n.ts';
import { type ExtractionPool, MAX_EXTRACTED_CHARS, sharedExtraction } from './extraction.ts';
import { FILE_KINDS, type FileKind, isDocumentKind } from './kinds.ts';
import { inspectZip } from './zip.ts';

export type FileRefusal =
  | 'empty'
  | 'tooLarge'
  | 'type'
  | 'encrypted'
  | 'corrupt'
  | 'bomb'
  | 'tooComplex'
  | 'busy';

export type UploadCheck =
  | { ok: true; kind: FileKind; mime: string; ext: string; text: string; pages?: number }
  | {
      ok: false;
      reason: FileRefusal /** Seconds to wait before sending it again (busy). */;
      retryAfter?: number;
    };

/**
 * The HTTP status of each refusal: 413 too large, 415 a type we do not take, 429 when too many
 * files wait to be read (send it again later, nothing is wrong with it), 422 otherwise.
 */
export const FILE_REFUSAL_STATUS: Record<FileRefusal, 413 | 415 | 422 | 429> = {
  empty: 422,
  tooLarge: 413,
  type: 415,
  encrypted: 422,
  corrupt: 422,
  bomb: 422,
  tooComplex: 422,
  busy: 429,
};

/** The message of each refusal; `files.refused.tooLarge` takes `{ limit }` in MB. */
export const FILE_REFUSAL_MESSAGE: Record<FileRefusal, MessageKey> = {
  empty: 'files.refused.empty',
  tooLarge: 'files.refused.tooLarge',
  type: 'files.refused.type',
  encrypted: 'files.refused.encrypted',
  corrupt: 'files.refused.corrupt',
  bomb: 'files.refused.bomb',
  tooComplex: 'files.refused.tooComplex',
  busy: 'files.refused.busy',
};

/** Largest image accepted, in pixels (a 10 000 × 10 000 scan; a photo has 12–50 million). */
export const MAX_IMAGE_PIXELS = 100_000_000;

export interface UploadCheckOptions {
  maxBytes: number;
  /** The name the file was uploaded with; informative only: the content decides the type. */
  name?: string;
  /** Who uploads it (a member's id): at most a few of one member's files wait to be read at once. */
  uploader?: number | undefined;
  /** Defaults to the extraction's timeout (EXTRACTION_TIMEOUT_SECONDS). */
  timeoutMs?: number;
  /** Defaults to this process's (sharedExtraction()). */
  extraction?: ExtractionPool;
}

const KIND_OF_FILE_TYPE: Record<string, FileKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  pptx: 'pptx',
  odt: 'odt',
  png: 'png',
  jpg: 'jpeg',
  webp: 'webp',
  gif: 'gif',
};

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const OLE_COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" in UTF-16LE: the stream an encrypted Office 2007+ document keeps its zip in. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export async function checkUpload(bytes: Uint8Array, options: UploadCheckOptions): Promise<UploadCheck> {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  if (bytes.byteLength > options.maxBytes) return { ok: false, reason: 'tooLarge' };

  // Office documents saved with a password are not zips but OLE compound files holding the
  // encrypted zip: say so rather than "wrong type", since the user can fix it.
  if (
    startsWith(bytes, OLE_COMPOUND_FILE) &&
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE)
  )
    return { ok: false, reason: 'encrypted' };

  // file-type reads inside zips ([Content_Types].xml, mimetype) to tell DOCX from XLSX: so the bomb
  // check runs before it, as before every other parser.
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) {
    const verdict = await inspectZip(bytes);
    if (!verdict.ok) return { ok: false, reason: verdict.reason };
  }

  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected ? KIND_OF_FILE_TYPE[detected.ext] : undefined;
  if (!kind) return { ok: false, reason: 'type' };
  const { mime, ext } = FILE_KINDS[kind];

  if (!isDocumentKind(kind)) {
    // Images carry no text; their header must still read, and declare no more pixels than a
    // browser or a thumbnailer can decode (a small file can claim 100 000 × 100 000: a pixel bomb).
    try {
      const meta = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).metadata();
      if (!meta.width || !meta.height) return { ok: false, reason: 'corrupt' };
      if (meta.width * meta.height > MAX_IMAGE_PIXELS) return { ok: false, reason: 'bomb' };
    } catch (err) {
      return { ok: false, reason: /pixel limit/i.test((err as Error)?.message ?? '') ? 'bomb' : 'corrupt' };
    }
    return { ok: true, kind, mime, ext, text: '' };
  }

  const extraction = options.extraction ?? sharedExtraction();
  const extracted = await extraction.extract(kind, bytes, {
    uploader: options.uploader,
    timeoutMs: options.timeoutMs,
  });
  if (!extracted.ok)
    return extracted.reason === 'busy'
      ? { ok: false, reason: 'busy', retryAfter: extracted.retryAfter }
      : { ok: false, reason: extracted.reason };
  return {
    ok: true,
    kind,
    mime,
    ext,
    text: tidyText(extracted.text),
    ...(extracted.pages !== undefined ? { pages: extracted.pages } : {}),
  };
}

/**
 * Text fit for storing in either database and for the index: well-formed UTF-16, no control
 * characters (PostgreSQL refuses U+0000 in text, which pdf.js emits for glyphs it cannot map),
 * NFC, without runs of blank lines. pdf.js gives the Lao and Thai vowel AM as two characters
 * (NIGGAHITA + AA, as the font draws it): they become the one letter a reader types, so the text
 * reads and matches as written (search folds both forms alike anyway).
 */
function tidyText(text: string): string {
  return text
    .toWellFormed()
    .replace(/\u0ecd\u0eb2/g, '\u0eb3')
    .replace(/\u0e4d\u0e32/g, '\u0e33')
    .replace(/[^\P{Cc}\n\t]/gu, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .normalize('NFC')
    .trim()
    .slice(0, MAX_EXTRACTED_CHARS);
}
