// Test files for the upload checks, made by real tools (the docx package, exceljs, yazl) while the
// tests run. Chromium's PDF and its encrypted copy are committed under test/fixtures/files/
// (scripts/make-file-fixtures.ts makes them again).
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import yazl from 'yazl';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/files');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
}

/** A zip made by yazl from named contents: buffers, or streams for large generated entries. */
export function makeZip(
  entries: { name: string; content: Buffer | string | Readable; compress?: boolean }[],
): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const { name, content, compress = true } of entries) {
    if (content instanceof Readable) zip.addReadStream(content, name, { compress });
    else zip.addBuffer(Buffer.from(content), name, { compress });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    zip.outputStream.on('error', reject);
  });
}

/** `total` bytes of `fill`, produced lazily a megabyte at a time: nothing that size is allocated. */
export function repeatedBytes(total: number, fill = 0x20): Readable {
  const block = Buffer.alloc(1024 * 1024, fill);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const size = Math.min(block.length, total - sent);
      sent += size;
      this.push(size === block.length ? block : block.subarray(0, size));
    },
  });
}

export async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function makeXlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Measures');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${main}"/></Types>`;

/** A DOCX whose document.xml inflates to `inflatedBytes` of spaces: a zip bomb of a few hundred KB. */
export function makeDocxBomb(inflatedBytes: number): Promise<Uint8Array> {
  return makeZip([
    {
      name: '[Content_Types].xml',
      content: CONTENT_TYPES(
        '/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      ),
    },
    { name: 'word/document.xml', content: repeatedBytes(inflatedBytes) },
  ]);
}

/** A minimal PPTX: what PowerPoint needs to recognise it, and slides with text. */
export function makePptx(slides: string[]): Promise<Uint8Array> {
  return makeZip([
    {
      name: '[Content_Types].xml',
      content: CONTENT_TYPES(
        '/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      ),
    },
    { name: 'ppt/presentation.xml', content: '<p:presentation xmlns:p="p"/>' },
    // Slide 10 before slide 2 in the archive: the text still comes in slide order.
    ...slides
      .map((text, i) => ({
        name: `ppt/slides/slide${i + 1}.xml`,
        content: `<p:sld xmlns:a="a" xmlns:p="p"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`,
      }))
      .reverse(),
  ]);
}

/** A minimal ODT: the `mimetype` entry first and stored, as ODF requires, then content.xml. */
export function makeOdt(paragraphs: string[], options: { encrypted?: boolean } = {}): Promise<Uint8Array> {
  const body = paragraphs.map((p) => `<text:p text:style-name="P1">${p}</text:p>`).join('');
  return makeZip([
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', compress: false },
    {
      name: 'content.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    },
    {
      name: 'META-INF/manifest.xml',
      content: `<manifest:manifest xmlns:manifest="m"><manifest:file-entry manifest:full-path="content.xml">${
        options.encrypted ? '<manifest:encryption-data manifest:checksum-type="SHA1"/>' : ''
      }</manifest:file-entry></manifest:manifest>`,
    },
  ]);
}

/** The start of a Windows executable: an MZ header pointing at a PE header. */
export function makeExe(): Uint8Array {
  const bytes = new Uint8Array(1024);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true);
  bytes.set([0x50, 0x45, 0x00, 0x00, 0x4c, 0x01], 0x80);
  return bytes;
}

/**
 * A PDF written here, object by object, with a cross-reference table: `pages` pages, `text` shown
 * on the given pages (Helvetica, so pdf.js maps every glyph), and on page 1 optionally a content
 * stream of `inflated` bytes of spaces compressed with Flate (about 1 000 to 1: a 4 GiB
 * stream is a 4 MB file). The spaces are produced lazily, so nothing that size is ever allocated.
 */
export async function makePdf(options: {
  pages: number;
  text?: Record<number, string>;
  inflated?: number;
}): Promise<Uint8Array> {
  const { pages, text = {}, inflated } = options;
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const write = (part: string | Buffer) => {
    const chunk = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    chunks.push(chunk);
    length += chunk.length;
  };
  const object = (n: number, body: string | Buffer[]) => {
    offsets[n] = length;
    write(`${n} 0 obj\n`);
    for (const part of typeof body === 'string' ? [body] : body) write(part);
    write('\nendobj\n');
  };
  const stream = (data: Buffer, filter?: string) => [
    Buffer.from(`<</Length ${data.length}${filter ? ` /Filter /${filter}` : ''}>>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ];
  // 1 catalog, 2 page tree, 3 font, then per page its page object and (when it has one) its content.
  const pageObject = (i: number) => 4 + 2 * i;
  write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<</Type /Catalog /Pages 2 0 R>>');
  const kids = Array.from({ length: pages }, (_, i) => `${pageObject(i)} 0 R`).join(' ');
  // The page size and font are inherited from the page tree: an empty page is a few bytes.
  object(
    2,
    `<</Type /Pages /Count ${pages} /MediaBox [0 0 595 842] /Resources <</Font <</F1 3 0 R>>>> /Kids [${kids}]>>`,
  );
  object(3, '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>');
  for (let i = 0; i < pages; i++) {
    const words = text[i + 1];
    const bomb = i === 0 && inflated !== undefined;
    const contents = words !== undefined || bomb ? ` /Contents ${pageObject(i) + 1} 0 R` : '';
    object(pageObject(i), `<</Type /Page /Parent 2 0 R${contents}>>`);
    if (bomb) object(pageObject(i) + 1, stream(await deflated(repeatedBytes(inflated)), 'FlateDecode'));
    else if (words !== undefined)
      object(pageObject(i) + 1, stream(Buffer.from(`BT /F1 12 Tf 72 770 Td (${words}) Tj ET`, 'latin1')));
  }
  const size = 4 + 2 * pages;
  const xref = length;
  write(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let n = 1; n < size; n++)
    write(
      offsets[n] === undefined
        ? '0000000000 65535 f \n'
        : `${String(offsets[n]).padStart(10, '0')} 00000 n \n`,
    );
  write(`trailer\n<</Size ${size} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A stream compressed with zlib, read whole. Run-length matching gives the same ~1 000:1 as level 9
 * on repeated bytes, five times faster (a gigabyte in about a second).
 */
async function deflated(input: Readable): Promise<Buffer> {
  const out: Buffer[] = [];
  const deflate = zlib.createDeflate({ level: 9, strategy: zlib.constants.Z_RLE });
  for await (const chunk of input.pipe(deflate)) out.push(chunk as Buffer);
  return Buffer.concat(out);
}
