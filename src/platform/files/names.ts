// The name a stored file is shown and downloaded with. It comes from the uploader's computer, so it
// may carry a path, control characters, or bidirectional overrides that make "report‮fdp.exe"
// display as "reportexe.pdf"; and its extension may not match what the file is. Letters of every
// script stay: a Lao ministry's decree keeps its Lao name.

/** Longest name kept, in user-perceived characters, extension included. */
export const MAX_FILE_NAME_LENGTH = 150;

// Controls (C0, DEL, C1), the bidi embeddings/overrides U+202A–202E and isolates U+2066–2069, and
// the direction marks U+200E/U+200F/U+061C, which have no place in a file name.
const INVISIBLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;
/** Characters no Windows file name may hold (browsers replace them on saving anyway). */
const RESERVED = /[<>:"|?*]/g;
/** What reads as an extension: letters and digits after the last dot, with at least one letter. */
const EXTENSION = /\.([a-z0-9]{1,5})$/i;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function trimDotsAndSpaces(text: string): string {
  return text.replace(/^[\s.]+|[\s.]+$/gu, '');
}

/**
 * A safe display and download name for a file whose detected extension is `ext` (without the dot):
 * the last path segment, without invisible and reserved characters, NFC, at most 150 characters,
 * ending in `.ext`; `file.ext` when nothing is left.
 */
export function safeFileName(name: string, ext: string): string {
  const lastSegment =
    name
      .split(/[/\\]/)
      .filter((s) => s.trim() !== '')
      .at(-1) ?? '';
  let base = trimDotsAndSpaces(
    lastSegment.replace(INVISIBLE, '').replace(RESERVED, '_').normalize('NFC').replace(/\s+/gu, ' '),
  );
  const own = EXTENSION.exec(base);
  if (own && /[a-z]/i.test(own[1]!)) {
    // The name's own extension gives way to the detected one (a PDF called "x.docx" is x.pdf).
    base = trimDotsAndSpaces(base.slice(0, own.index));
  }
  const room = MAX_FILE_NAME_LENGTH - ext.length - 1;
  const parts = Array.from(graphemes.segment(base), (s) => s.segment);
  if (parts.length > room) base = trimDotsAndSpaces(parts.slice(0, room).join(''));
  return `${base || 'file'}.${ext}`;
}
