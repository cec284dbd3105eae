// Uploaded files (library documents, attachments): checked before anything is stored
// (check.ts), stored by content hash (store.ts), named safely (names.ts) and served with ranges
// and caching (serve.ts). See the "Files" section of docs/architecture.md.
export {
  checkUpload,
  EXTRACTION_TIMEOUT_MS,
  FILE_REFUSAL_MESSAGE,
  FILE_REFUSAL_STATUS,
  type FileRefusal,
  MAX_EXTRACTED_CHARS,
  MAX_IMAGE_PIXELS,
  type UploadCheck,
  type UploadCheckOptions,
} from './check.ts';
export { FILE_ACCEPT, FILE_KINDS, type FileKind } from './kinds.ts';
export { MAX_FILE_NAME_LENGTH, safeFileName } from './names.ts';
export {
  contentDisposition,
  parseRange,
  type ServeOptions,
  type StoredFile,
  serveStoredFile,
} from './serve.ts';
export { DiskFileStore, type FileStore, isFileHash } from './store.ts';
export { ZIP_LIMITS } from './zip.ts';
