// Uploaded files (library documents, attachments): checked before anything is stored
// (check.ts; their text read in a separate process, extraction.ts), stored by content hash
// (store.ts), named safely (names.ts) and served with ranges and caching (serve.ts). See the "Files" section of docs/architecture.md.
export {
  checkUpload,
  FILE_REFUSAL_MESSAGE,
  FILE_REFUSAL_STATUS,
  type FileRefusal,
  MAX_IMAGE_PIXELS,
  type UploadCheck,
  type UploadCheckOptions,
} from './check.ts';
export {
  configureExtraction,
  DEFAULT_EXTRACTION_LIMITS,
  type ExtractionLimits,
  ExtractionPool,
  MAX_EXTRACTED_CHARS,
  sharedExtraction,
} from './extraction.ts';
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
