// Office documents (DOCX, XLSX, PPTX, ODT) are zip archives. Before any parser opens one, it is
// walked entry by entry with yauzl (a small, well-kept streaming zip reader that validates the
// structure) and every entry is actually inflated, counting the bytes that come out: the sizes an
// archive declares are written by whoever made it and prove nothing. A "zip bomb" (a few KB that
// inflate to gigabytes, or millions of entries, or entries overlapping the same compressed data)
// stops at the first limit it passes, long before it can fill memory.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipLimits {
  /** Refuse when all entries together inflate to more than this many bytes. */
  maxTotalBytes: number;
  maxEntries: number;
  /**
   * Refuse an entry that inflates to more than this many times its compressed size, once it has
   * produced `ratioGraceBytes` (small entries of repeated text legitimately reach high ratios).
   */
  maxRatio: number;
  ratioGraceBytes: number;
}

/**
 * 200 MB in all: about 4× the largest upload (50 MB) at the usual 3–15× compression of office XML,
 * and what the parsers can hold in the worker's memory. The total is the real guard. The ratio
 * only finds a bomb sooner: Apache POI's ZipSecureFile refuses entries above 100× after 100 KB and
 * is known for false alarms, and a DOCX of repeated paragraphs made by the docx package reaches
 * 130× here; so 500×, and only past 10 MB of one entry. A one-entry deflate bomb runs at ~1000×.
 */
export const ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 500,
  ratioGraceBytes: 10 * 1024 * 1024,
};

export type ZipVerdict =
  | { ok: true; entries: string[] }
  | { ok: false; reason: 'bomb' | 'encrypted' | 'corrupt' };

class Refused extends Error {
  constructor(readonly reason: 'bomb' | 'encrypted' | 'corrupt') {
    super(reason);
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  // validateEntrySizes is off because we count for ourselves and refuse with a clearer reason;
  // strictFileNames refuses absolute paths and `..` (no parser of ours extracts to disk, but such
  // names only appear in hostile archives).
  return yauzl.fromBufferPromise(asBuffer(bytes), {
    lazyEntries: true,
    validateEntrySizes: false,
    strictFileNames: true,
    decodeStrings: true,
  });
}

/** Calls `visit` for each entry in turn; `visit` resolves before the next entry is read. */
async function eachEntry(zip: ZipFile, visit: (entry: Entry) => Promise<void>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      visit(entry).then(
        () => zip.readEntry(),
        (err) => {
          zip.close();
          reject(err);
        },
      );
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Reads an entry's inflated bytes, calling `onChunk` with each piece; it may throw to stop. */
async function inflate(zip: ZipFile, entry: Entry, onChunk: (chunk: Buffer) => void): Promise<void> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  await new Promise<void>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      try {
        onChunk(chunk);
      } catch (err) {
        stream.destroy();
        reject(err);
      }
    });
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}

/** Walks the whole archive, inflating every entry, and says whether it is safe to hand to a parser. */
export async function inspectZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipVerdict> {
  const entries: string[] = [];
  let total = 0;
  let zip: ZipFile;
  try {
    zip = await open(bytes);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  // The central directory's count is declared, but it is also what yauzl iterates: refusing on it
  // early spares reading 10 000 entries of a million.
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return { ok: false, reason: 'bomb' };
  }
  try {
    await eachEntry(zip, async (entry) => {
      if (entries.length >= limits.maxEntries) throw new Refused('bomb');
      entries.push(entry.fileName);
      if (entry.isEncrypted()) throw new Refused('encrypted');
      if (entry.fileName.endsWith('/')) return;
      let produced = 0;
      const compressed = Math.max(entry.compressedSize, 1);
      await inflate(zip, entry, (chunk) => {
        produced += chunk.length;
        total += chunk.length;
        if (total > limits.maxTotalBytes) throw new Refused('bomb');
        if (produced > limits.ratioGraceBytes && produced / compressed > limits.maxRatio)
          throw new Refused('bomb');
      });
    });
  } catch (err) {
    return { ok: false, reason: err instanceof Refused ? err.reason : 'corrupt' };
  }
  return { ok: true, entries };
}

/**
 * The inflated bytes of the entries whose names `wanted` accepts, in archive order. Call only on an
 * archive `inspectZip` passed; `maxBytes` still bounds what is kept.
 */
export async function readZipEntries(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  maxBytes: number = ZIP_LIMITS.maxTotalBytes,
): Promise<Map<string, Buffer>> {
  const zip = await open(bytes);
  const found = new Map<string, Buffer>();
  let total = 0;
  await eachEntry(zip, async (entry) => {
    if (!wanted(entry.fileName)) return;
    const chunks: Buffer[] = [];
    await inflate(zip, entry, (chunk) => {
      total += chunk.length;
      if (total > maxBytes) throw new Refused('bomb');
      chunks.push(chunk);
    });
    found.set(entry.fileName, Buffer.concat(chunks));
  });
  return found;
}
