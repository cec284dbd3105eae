// vCard 4.0 (RFC 6350) files for any module's contacts (the directory's organisations, its people):
// the escaping of TEXT values and the folding of long lines; the modules decide the properties.
//
// Written here rather than with ical.js, the one well-kept library that writes vCards: it folds a
// continuation line after 75 octets and then puts the space in front, 76 octets in all, and a
// Lao, Khmer or Burmese name is two or three times as long in octets as in characters, so most of
// them are folded. Folding is a dozen lines; these follow the RFC to the octet.

/**
 * A TEXT value (RFC 6350 §3.4): backslash, comma and semicolon escaped, and every line break —
 * CRLF, LF or a bare CR — written as \n, so a value never ends its line and starts a property.
 */
export function vcardText(value: string): string {
  return value.replace(/[\\,;]/g, (ch) => `\\${ch}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Octets of one code point in UTF-8. */
const octets = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * A content line folded as RFC 6350 §3.2 asks: no line longer than 75 octets (the CRLF aside), a
 * continuation line being a space and then at most 74 octets; folds fall between code points, never
 * inside a UTF-8 multi-octet sequence.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0) ?? 0);
    if (size + n > 75) {
      lines.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** A .vcf file of cards, each given as its content lines (BEGIN:VCARD … END:VCARD), folded. */
export function vcardFile(cards: readonly (readonly string[])[]): string {
  return cards.map((lines) => lines.map((line) => `${foldLine(line)}\r\n`).join('')).join('');
}
