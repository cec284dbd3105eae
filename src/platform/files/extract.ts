// Text of an uploaded document, for the search index. Runs inside the extraction process
// (extract-child.mjs, driven by extraction-child.ts), never in the server's: the parsers are big and
// a hostile file may make them loop or allocate without end, which that process's memory limit and
// timeout contain.
//
// PDF: unpdf (pdf.js built for servers). DOCX: mammoth. XLSX: exceljs. PPTX and ODT: the text
// nodes of their XML, read here by hand — there is no well-kept npm extractor for either (the
// packages that exist are unmaintained wrappers around external programs or whole office suites),
// and the text is simply the content of <a:t> (PPTX) and <text:p>/<text:h> (ODT) elements.
// Each parser is loaded the first time a file of its kind comes: most files are PDFs, and loading
// all three would double the extraction process's start-up time.
import type ExcelJS from 'exceljs';
import type { DocumentKind } from './kinds.ts';
import { readZipEntries } from './zip.ts';

export type Extracted =
  | { ok: true; text: string; pages?: number }
  | { ok: false; reason: 'encrypted' | 'corrupt' };

/** Collects text up to a number of characters, so a huge document stops being read early. */
class TextBudget {
  private parts: string[] = [];
  private length = 0;
  constructor(private readonly max: number) {}
  get full(): boolean {
    return this.length >= this.max;
  }
  add(text: string): void {
    if (this.full || !text) return;
    const piece = text.slice(0, this.max - this.length);
    this.parts.push(piece);
    this.length += piece.length;
  }
  toString(): string {
    return this.parts.join('');
  }
}

export interface ExtractLimits {
  /** Text beyond this many characters is dropped. */
  maxChars: number;
  /** PDF pages beyond this one are not read (their text is not indexed). */
  maxPages: number;
  /** No PDF page is started after this many milliseconds from the start (the first one is read). */
  readMs: number;
}

export async function extractDocumentText(
  kind: DocumentKind,
  bytes: Uint8Array,
  limits: ExtractLimits,
): Promise<Extracted> {
  const { maxChars } = limits;
  switch (kind) {
    case 'pdf':
      return pdfText(bytes, limits);
    case 'docx': {
      const { default: mammoth } = await import('mammoth');
      const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return { ok: true, text: result.value.slice(0, maxChars) };
    }
    case 'xlsx':
      return xlsxText(bytes, maxChars);
    case 'pptx':
      return pptxText(bytes, maxChars);
    case 'odt':
      return odtText(bytes, maxChars);
  }
}

async function pdfText(bytes: Uint8Array, { maxChars, maxPages, readMs }: ExtractLimits): Promise<Extracted> {
  const stopAt = Date.now() + readMs;
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(bytes, {
      // No code generated from font programs (pdf.js' own advice for untrusted files), no fonts
      // loaded, no messages on the console.
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
  } catch (err) {
    // pdf.js names its errors; a file that needs a password to open is the one we can explain.
    return { ok: false, reason: (err as Error)?.name === 'PasswordException' ? 'encrypted' : 'corrupt' };
  }
  const budget = new TextBudget(maxChars);
  // Pages are read up to a cap and for a time, whichever comes first; the text of the pages read is
  // kept (the document is accepted), the rest is not searchable. The time matters as much as the
  // cap: pdf.js finds page n by walking the page tree from its first page, so in a PDF of 100 000
  // pages in one flat list (a 10 MB file) each page costs ~80 ms and 2 000 pages over two minutes,
  // while a real document (a balanced tree) reads 2 000 pages of text in about 5 s.
  const lastPage = Math.min(pdf.numPages, maxPages);
  try {
    for (let n = 1; n <= lastPage && !budget.full && (n === 1 || Date.now() < stopAt); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ('str' in item) budget.add(item.str + (item.hasEOL ? '\n' : ''));
      }
      budget.add('\n\n');
      page.cleanup();
    }
    return { ok: true, text: budget.toString(), pages: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}

async function xlsxText(bytes: Uint8Array, maxChars: number): Promise<Extracted> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  // exceljs' types want the Buffer of older @types/node; the bytes are what it reads.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const budget = new TextBudget(maxChars);
  workbook.eachSheet((sheet) => {
    budget.add(`${sheet.name}\n`);
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        const text = cell.text;
        if (text) cells.push(text);
      });
      budget.add(`${cells.join('\t')}\n`);
    });
    budget.add('\n');
  });
  return { ok: true, text: budget.toString() };
}

const SLIDE = /^ppt\/slides\/slide(\d+)\.xml$/;

async function pptxText(bytes: Uint8Array, maxChars: number): Promise<Extracted> {
  const slides = await readZipEntries(bytes, (name) => SLIDE.test(name));
  const ordered = [...slides].sort(([a], [b]) => Number(SLIDE.exec(a)?.[1]) - Number(SLIDE.exec(b)?.[1]));
  const budget = new TextBudget(maxChars);
  for (const [, xml] of ordered) {
    // A paragraph (<a:p>) holds runs whose text is in <a:t>; a line break is <a:br/>.
    const text = xml
      .toString('utf8')
      .replace(/<a:br\b[^>]*\/>/g, '\n')
      .replace(/<\/a:p>/g, '\n')
      .replace(/<a:t(?:\s[^>]*)?>([^<]*)<\/a:t>|<[^>]*>/g, (_all, inner: string | undefined) => inner ?? '');
    budget.add(`${decodeXml(text).replace(/\n{3,}/g, '\n\n')}\n`);
  }
  return { ok: true, text: budget.toString(), pages: ordered.length };
}

async function odtText(bytes: Uint8Array, maxChars: number): Promise<Extracted> {
  const entries = await readZipEntries(
    bytes,
    (name) => name === 'content.xml' || name === 'META-INF/manifest.xml',
  );
  // An encrypted ODF document keeps its zip readable but encrypts content.xml; the manifest says so.
  if (entries.get('META-INF/manifest.xml')?.toString('utf8').includes('encryption-data'))
    return { ok: false, reason: 'encrypted' };
  const xml = entries.get('content.xml');
  if (!xml) return { ok: false, reason: 'corrupt' };
  const body = xml.toString('utf8').replace(/^[\s\S]*?<office:body\b[^>]*>/, '');
  const text = body
    .replace(/<text:tab\b[^>]*\/>/g, '\t')
    .replace(/<text:s\b[^>]*\/>/g, ' ')
    .replace(/<text:line-break\b[^>]*\/>/g, '\n')
    .replace(/<\/text:(p|h)>/g, '\n')
    .replace(/<[^>]*>/g, '');
  return { ok: true, text: decodeXml(text).slice(0, maxChars) };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? all;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}
