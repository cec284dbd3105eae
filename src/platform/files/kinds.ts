// The kinds of file the platform accepts, as recognised by their content, with the media type and
// extension each is served and named with.

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'png' | 'jpeg' | 'webp' | 'gif';

/** Kinds whose text is extracted (in a worker); images have none. */
export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt';

export const FILE_KINDS: Record<FileKind, { mime: string; ext: string }> = {
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', ext: 'odt' },
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
};

/** What the file inputs offer (`accept`); the content decides anyway. */
export const FILE_ACCEPT = [
  ...new Set([
    ...Object.values(FILE_KINDS).map((k) => k.mime),
    ...Object.values(FILE_KINDS).map((k) => `.${k.ext}`),
  ]),
].join(',');

export function isDocumentKind(kind: FileKind): kind is DocumentKind {
  return kind === 'pdf' || kind === 'docx' || kind === 'xlsx' || kind === 'pptx' || kind === 'odt';
}

/** Kinds a browser may show in place (Content-Disposition: inline) when asked. */
export function isInlineKind(mime: string): boolean {
  return mime === 'application/pdf' || /^image\/(png|jpeg|webp|gif)$/.test(mime);
}
